import { Type } from '@sinclair/typebox';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import type { PerformanceRecorder } from './performance.ts';

const Rate = Type.Number({ minimum: 0, maximum: 1 });
const WindowSchema = Type.Union([Type.Literal('1m'), Type.Literal('5m'), Type.Literal('15m'), Type.Literal('1h')], {
  description: 'Sliding window; it covers its length plus the current slot (up to 10 s more for 1m/5m, 60 s for 15m/1h)',
});

const PerformanceQuery = Type.Object(
  {
    route: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Exact route template, e.g. /api/customers/:id' })),
    method: Type.Optional(Type.String({ pattern: '^[A-Z]{1,20}$', description: 'HTTP method, e.g. GET' })),
    window: Type.Union(WindowSchema.anyOf, { default: '5m', description: WindowSchema.description }),
  },
  { additionalProperties: false },
);

const RoutePerformanceSchema = Type.Object({
  method: Type.String(),
  route: Type.String({ description: 'Route template, or "unmatched" for requests no route matched' }),
  count: Type.Integer(),
  avgMs: Type.Number(),
  p50Ms: Type.Number(),
  p95Ms: Type.Number(),
  p99Ms: Type.Number(),
  errorRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of 5xx responses' }),
  clientErrorRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of 4xx responses' }),
  cacheHitRate: Type.Union([Rate, Type.Null()], { description: 'Hits among the cache lookups the route made (authentication excluded); null when it made none' }),
  dbQueriesPerRequest: Type.Number({ description: 'Database statements per request, BEGIN/COMMIT included' }),
  responseBytesAvg: Type.Number({ description: 'Average response body size (content-length)' }),
});

const PerformanceReportSchema = Type.Object({
  window: WindowSchema,
  generatedAt: Type.String({ format: 'date-time' }),
  routes: Type.Array(RoutePerformanceSchema),
});

// Process-wide numbers show every tenant's traffic, so only an operator may read them: admins of
// the tenants named in OPERATOR_TENANT_SLUGS, or, when none are named, of the only tenant of a
// single-company installation.
export interface OperatorCheck {
  mayReadProcessWideData(tenantId: string): Promise<boolean>;
}

export function registerPerformanceRoutes(app: HttpServer, recorder: PerformanceRecorder, clock: Clock, operators: OperatorCheck): void {
  app.get('/api/performance', {
    config: { access: 'admin' },
    schema: {
      tags: ['ops'],
      summary: 'Per-route latency percentiles, error and cache hit rates, database statements and response sizes',
      description:
        'Operators only (admins of a tenant in OPERATOR_TENANT_SLUGS, or of the only tenant of a single-company installation). ' +
        'Numbers of THIS process, from every tenant\'s requests: in scale-out each instance reports its own traffic ' +
        '(Prometheus aggregates across instances from /metrics). Percentiles are within 6.25 % of the true value. Busiest routes first.',
      querystring: PerformanceQuery,
      response: { 200: PerformanceReportSchema },
    },
    handler: async (request) => {
      if (!(await operators.mayReadProcessWideData(principalOf(request).tenantId))) {
        throw new AppError('forbidden', 'These numbers cover every tenant of this installation; only its operator may read them (see OPERATOR_TENANT_SLUGS)');
      }
      const { window, route, method } = request.query;
      return { window, generatedAt: clock.now().toISOString(), routes: recorder.report(window, { route, method }) };
    },
  });
}
