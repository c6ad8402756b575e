import { Type } from '@sinclair/typebox';
import { EmptyBody } from '../../core/http/empty-body.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from '../crm/customers.schemas.ts';
import { CALENDAR_REFRESH_SECONDS } from './calendar-feed.ts';
import type { CalendarFeedsService } from './calendar-feeds.service.ts';

const CalendarFeedLinkSchema = Type.Object({
  url: Type.String({ description: 'Path of the feed (/calendar/<token>.ics); shown only now, keep it secret' }),
  createdAt: Type.String({ format: 'date-time' }),
});
// Malformed tokens are answered like unknown ones (404), not as invalid input.
const FeedParams = Type.Object({ token: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export function registerCalendarFeedRoutes(app: HttpServer, feeds: CalendarFeedsService): void {
  app.post('/api/technicians/:id/calendar-feed', {
    config: { access: 'technician' },
    schema: {
      tags: ['dispatch'],
      summary: "Make a new secret calendar URL for a technician's visits (the old one stops working); dispatchers, or the technician themself",
      params: IdParams,
      body: EmptyBody,
      response: { 201: CalendarFeedLinkSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await feeds.rotate(principalOf(request), request.params.id)),
  });

  app.delete('/api/technicians/:id/calendar-feed', {
    config: { access: 'technician' },
    schema: { tags: ['dispatch'], summary: "Revoke a technician's calendar URL", params: IdParams, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      await feeds.revoke(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  // Calendar apps cannot log in: the secret token in the path is the credential.
  app.get('/calendar/:token.ics', {
    config: { access: 'public' },
    schema: { tags: ['dispatch'], summary: "A technician's visits as an iCalendar subscription (secret URL)", params: FeedParams },
    handler: async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', `private, max-age=${CALENDAR_REFRESH_SECONDS}`)
        .send(await feeds.feed(request.params.token)),
  });
}
