import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import type { ContactsService } from './contacts.service.ts';
import { ContactListQuery, ContactPageSchema, ContactSchema, CreateContactBody, UpdateContactBody } from './contacts.schemas.ts';
import { IdParams, IfMatchHeaders } from './customers.schemas.ts';

const CustomerContactsQuery = Type.Omit(ContactListQuery, ['customerId']);

export function registerContactRoutes(app: HttpServer, contacts: ContactsService): void {
  app.get('/api/contacts', {
    config: { access: 'viewer' },
    schema: { tags: ['contacts'], summary: 'List contacts (all customers, or one with customerId)', querystring: ContactListQuery, response: { 200: ContactPageSchema } },
    handler: async (request) => contacts.list(principalOf(request), request.query),
  });

  app.get('/api/customers/:id/contacts', {
    config: { access: 'viewer' },
    schema: { tags: ['contacts'], summary: "A customer's contacts", params: IdParams, querystring: CustomerContactsQuery, response: { 200: ContactPageSchema } },
    handler: async (request) => contacts.list(principalOf(request), { ...request.query, customerId: request.params.id }),
  });

  app.post('/api/customers/:id/contacts', {
    config: { access: 'dispatcher' },
    schema: { tags: ['contacts'], summary: 'Add a contact person to a customer', params: IdParams, body: CreateContactBody, response: { 201: ContactSchema } },
    handler: async (request, reply) => {
      const contact = await contacts.create(principalOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', etagOf(contact.version)).send(contact);
    },
  });

  app.get('/api/contacts/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['contacts'], summary: 'One contact', params: IdParams, response: { 200: ContactSchema } },
    handler: async (request, reply) => {
      const contact = await contacts.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  });

  app.patch('/api/contacts/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['contacts'], summary: 'Change a contact (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: UpdateContactBody, response: { 200: ContactSchema } },
    handler: async (request, reply) => {
      const contact = await contacts.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  });

  app.delete('/api/contacts/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['contacts'], summary: 'Remove a contact (soft delete, If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: ContactSchema } },
    handler: async (request) => contacts.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });
}
