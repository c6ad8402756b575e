import fastifyStatic from '@fastify/static';
import type { HttpServer } from './http-server.ts';

// Serves the built browser app. Paths the app routes itself (e.g. /users) get index.html; API,
// docs, health and metrics paths keep their problem+json 404.
const serverPaths = /^\/(api|docs|health|metrics)(\/|$)/;

export async function registerWebApp(app: HttpServer, distDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || serverPaths.test(request.url)) return;
    if (request.routeOptions.url !== undefined) return; // a real route or a static file matched
    if (!(request.headers.accept ?? '').includes('text/html')) return;
    return reply.sendFile('index.html');
  });
}
