import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from './customers.schemas.ts';
import type { TimelineService } from './timeline.service.ts';
import { TimelinePageSchema, TimelineQuery } from './timeline.schemas.ts';

export function registerTimelineRoutes(app: HttpServer, timeline: TimelineService): void {
  app.get('/api/customers/:id/timeline', {
    config: { access: 'viewer' },
    schema: {
      tags: ['timeline'],
      summary: "A customer's notes, interactions, reminders and audit trail, newest first (cursor pages)",
      params: IdParams,
      querystring: TimelineQuery,
      response: { 200: TimelinePageSchema },
    },
    handler: async (request) => timeline.list(principalOf(request), request.params.id, request.query),
  });
}
