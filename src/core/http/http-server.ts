import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import { currentContext, isAcceptableCorrelationId, newCorrelationId, runWithContext, type RequestUsage } from '../log/context.ts';
import type { Logger } from '../log/logger.ts';
import type { Metrics } from '../metrics.ts';
import { hasRoleAtLeast, type Access, type Authenticator } from './access.ts';
import { normaliseError, toProblem } from './problem.ts';

export type HttpServer = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  authenticator: Authenticator;
  bodyLimitBytes: number;
  trustProxy: boolean;
  version: string;
}

export const sessionCookieName = 'pasja_session';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
  interface FastifyRequest {
    // The counters in the request's WorkContext, kept here for hooks that run outside it.
    usage: RequestUsage | null;
  }
}

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    logController: new Fastify.LogController({ requestIdLogLabel: 'correlationId' }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return isAcceptableCorrelationId(given) ? given : newCorrelationId();
    },
    ajv: {
      // Unknown fields are refused (a typo must not be ignored silently), not stripped.
      // allowUnionTypes: type lists such as ['string', 'number', 'boolean', 'null'] (custom field values),
      // which unlike anyOf are not coerced to their first member.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, allowUnionTypes: true },
    },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  app.decorateRequest('usage', null);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Pasja API', description: 'Field-service CRM for HVAC service companies', version: options.version },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  // Every /api route must say who may call it; forgetting is a start-up error, not an open route.
  // The catalogue lets tests check every route (e.g. the cross-tenant suite) as routes are added.
  const catalog: RouteEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') catalog.push({ method, url: route.url, access: route.config?.access });
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  // The correlation id follows the rest of the request through async work (jobs, events, logs).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    request.usage = { dbQueries: 0, cacheHits: 0, cacheMisses: 0 };
    runWithContext({ correlationId: request.id, usage: request.usage }, done);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = await options.authenticator.authenticate(credentialsOf(request.cookies[sessionCookieName], request.headers.authorization));
    if (!principal) throw new AppError('unauthenticated', 'Log in or send a valid API token');
    if (!hasRoleAtLeast(principal.role, access)) {
      throw new AppError('forbidden', `This action needs the ${access} role or higher; you are ${principal.role}`);
    }
    request.principal = principal;
    const context = currentContext();
    if (context) {
      context.tenantId = principal.tenantId;
      context.userId = principal.userId ?? undefined;
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    options.metrics.httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler(async (error, request, reply) => {
    const appError = normaliseError(error);
    const problem = toProblem(appError, request.url, request.id);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, detail: problem.detail }, 'request refused');
    if (appError.retryAfterSeconds !== undefined) reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const problem = toProblem(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request.url, request.id);
    return reply.status(404).type('application/problem+json').send(problem);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });

  return app;
}

function credentialsOf(sessionToken: string | undefined, authorization: string | undefined): { sessionToken?: string; bearerToken?: string } {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { bearerToken: bearer };
  return sessionToken ? { sessionToken } : {};
}
