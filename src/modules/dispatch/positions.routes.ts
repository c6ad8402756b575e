import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from '../crm/customers.schemas.ts';
import { LastKnownPositionListSchema, RecordPositionsBody, RecordPositionsResultSchema, TrailQuery, TrailSchema } from './positions.schemas.ts';
import type { PositionsService } from './positions.service.ts';

export function registerPositionRoutes(app: HttpServer, positions: PositionsService): void {
  app.post('/api/technicians/me/positions', {
    config: { access: 'technician' },
    schema: {
      tags: ['dispatch'],
      summary: "Record a batch of the calling technician's GPS positions (resending a batch is harmless)",
      body: RecordPositionsBody,
      response: { 200: RecordPositionsResultSchema },
    },
    handler: async (request) => positions.record(principalOf(request), request.body),
  });

  app.get('/api/technicians/:id/positions', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: "A technician's GPS trail, oldest first (default: the last 12 hours)", params: IdParams, querystring: TrailQuery, response: { 200: TrailSchema } },
    handler: async (request) => positions.trail(principalOf(request), request.params.id, request.query),
  });

  app.get('/api/dispatch/positions', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: 'The last known position of every active technician', response: { 200: LastKnownPositionListSchema } },
    handler: async (request) => ({ items: await positions.lastKnown(principalOf(request)) }),
  });
}
