import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { KpiQuery, KpisSchema } from './kpis.schemas.ts';
import type { KpisService } from './kpis.service.ts';

export function registerKpiRoutes(app: HttpServer, kpis: KpisService): void {
  app.get('/api/kpis', {
    config: { access: 'viewer' },
    schema: {
      tags: ['kpis'],
      summary: 'Heating-season readiness, maintenance completion, emergency response p50/p90, first-time fix and F-gas compliance',
      querystring: KpiQuery,
      response: { 200: KpisSchema },
    },
    handler: async (request) => kpis.compute(principalOf(request), request.query),
  });
}
