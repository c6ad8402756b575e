import { EmptyBody } from '../../core/http/empty-body.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from './customers.schemas.ts';
import type { RemindersService } from './reminders.service.ts';
import { CreateReminderBody, ReminderListQuery, ReminderPageSchema, ReminderSchema, UpdateReminderBody } from './reminders.schemas.ts';

export function registerReminderRoutes(app: HttpServer, reminders: RemindersService): void {
  app.get('/api/reminders', {
    config: { access: 'viewer' },
    schema: { tags: ['reminders'], summary: 'List reminders: by assignee ("me" or a user id), status, due date, customer', querystring: ReminderListQuery, response: { 200: ReminderPageSchema } },
    handler: async (request) => reminders.list(principalOf(request), request.query),
  });

  app.post('/api/customers/:id/reminders', {
    config: { access: 'dispatcher' },
    schema: { tags: ['reminders'], summary: 'Set a reminder about a customer, optionally repeating (RRULE)', params: IdParams, body: CreateReminderBody, response: { 201: ReminderSchema } },
    handler: async (request, reply) => {
      const reminder = await reminders.create(principalOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', etagOf(reminder.version)).send(reminder);
    },
  });

  app.get('/api/reminders/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['reminders'], summary: 'One reminder (ETag carries its version)', params: IdParams, response: { 200: ReminderSchema } },
    handler: async (request, reply) => {
      const reminder = await reminders.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(reminder.version)).send(reminder);
    },
  });

  app.patch('/api/reminders/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['reminders'], summary: 'Change a reminder (If-Match required); a new dueAt announces it again when due', params: IdParams, headers: IfMatchHeaders, body: UpdateReminderBody, response: { 200: ReminderSchema } },
    handler: async (request, reply) => {
      const reminder = await reminders.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(reminder.version)).send(reminder);
    },
  });

  app.delete('/api/reminders/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['reminders'], summary: 'Remove a reminder (soft delete, If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: ReminderSchema } },
    handler: async (request) => reminders.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });

  // Technicians may tick off their own reminders (the service checks the assignee); no If-Match:
  // both are idempotent, so a repeated or concurrent call cannot undo someone's change.
  app.post('/api/reminders/:id/done', {
    config: { access: 'technician' },
    schema: { tags: ['reminders'], summary: 'Mark done (idempotent); a repeating reminder gets its next occurrence', params: IdParams, body: EmptyBody, response: { 200: ReminderSchema } },
    handler: async (request, reply) => {
      const reminder = await reminders.markDone(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(reminder.version)).send(reminder);
    },
  });

  app.post('/api/reminders/:id/undone', {
    config: { access: 'technician' },
    schema: { tags: ['reminders'], summary: 'Reopen a done reminder (idempotent)', params: IdParams, body: EmptyBody, response: { 200: ReminderSchema } },
    handler: async (request, reply) => {
      const reminder = await reminders.markUndone(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(reminder.version)).send(reminder);
    },
  });
}
