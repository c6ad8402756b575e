import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from './customers.schemas.ts';
import type { InteractionsService } from './interactions.service.ts';
import { CreateInteractionBody, InteractionSchema, UpdateInteractionBody } from './interactions.schemas.ts';

export function registerInteractionRoutes(app: HttpServer, interactions: InteractionsService): void {
  // Technicians log interactions too: the visit, the call from the site.
  app.post('/api/customers/:id/interactions', {
    config: { access: 'technician' },
    schema: { tags: ['interactions'], summary: 'Log a call, e-mail, text, visit or meeting with a customer', params: IdParams, body: CreateInteractionBody, response: { 201: InteractionSchema } },
    handler: async (request, reply) => {
      const interaction = await interactions.create(principalOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', etagOf(interaction.version)).send(interaction);
    },
  });

  app.patch('/api/interactions/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['interactions'], summary: 'Change an interaction (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: UpdateInteractionBody, response: { 200: InteractionSchema } },
    handler: async (request, reply) => {
      const interaction = await interactions.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(interaction.version)).send(interaction);
    },
  });

  app.delete('/api/interactions/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['interactions'], summary: 'Remove an interaction (soft delete, If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: InteractionSchema } },
    handler: async (request) => interactions.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });
}
