import { Type } from '@sinclair/typebox';
import type { HttpServer } from '../../core/http/http-server.ts';
import type { HealthService } from './health.service.ts';

const CheckSchema = Type.Object({ status: Type.Union([Type.Literal('up'), Type.Literal('down')]), latencyMs: Type.Number(), error: Type.Optional(Type.String()) });
const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  checks: Type.Record(Type.String(), CheckSchema),
});

export function registerOpsRoutes(app: HttpServer, health: HealthService): void {
  // Liveness: the process serves requests. Orchestrators restart it when this fails.
  app.get('/health/live', {
    schema: { tags: ['ops'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  // Readiness: the dependencies answer. Load balancers stop sending traffic when this is 503.
  for (const url of ['/health', '/health/ready']) {
    app.get(url, {
      schema: { tags: ['ops'], summary: 'Readiness: database, Redis, queues', response: { 200: HealthSchema, 503: HealthSchema } },
      handler: async (_request, reply) => {
        const report = await health.check();
        return reply.status(report.status === 'ok' ? 200 : 503).send(report);
      },
    });
  }
}
