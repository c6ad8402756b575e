import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';
import { CreateCustomFieldBody, CustomFieldDefinitionSchema, CustomFieldListSchema } from './custom-fields.schemas.ts';
import type { CustomersService } from './customers.service.ts';
import {
  BatchBody,
  BatchResultSchema,
  CreateCustomerBody,
  CustomerListQuery,
  CustomerPageSchema,
  CustomerSchema,
  IdParams,
  IfMatchHeaders,
  UpdateCustomerBody,
} from './customers.schemas.ts';

const VersionBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export function registerCustomerRoutes(app: HttpServer, customers: CustomersService, customFields: CustomFieldsService): void {
  app.get('/api/customers', {
    config: { access: 'viewer' },
    schema: { tags: ['customers'], summary: 'List customers: filters, sort, cursor pages, field selection', querystring: CustomerListQuery, response: { 200: CustomerPageSchema } },
    handler: async (request) => customers.list(principalOf(request), request.query),
  });

  app.post('/api/customers', {
    config: { access: 'dispatcher' },
    schema: { tags: ['customers'], summary: 'Create a company or person', body: CreateCustomerBody, response: { 201: CustomerSchema } },
    handler: async (request, reply) => {
      const customer = await customers.create(principalOf(request), request.body);
      return reply.status(201).header('etag', etagOf(customer.version)).send(customer);
    },
  });

  app.post('/api/customers/batch', {
    config: { access: 'dispatcher' },
    schema: { tags: ['customers'], summary: 'Create or update up to 1,000 customers: all-or-nothing or per item', body: BatchBody, response: { 200: BatchResultSchema } },
    handler: async (request) => customers.batch(principalOf(request), request.body),
  });

  app.get('/api/customers/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['customers'], summary: 'One customer (ETag carries its version)', params: IdParams, response: { 200: CustomerSchema } },
    handler: async (request, reply) => {
      const customer = await customers.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(customer.version)).send(customer);
    },
  });

  app.patch('/api/customers/:id', {
    config: { access: 'dispatcher' },
    schema: {
      tags: ['customers'],
      summary: 'Change a customer; send If-Match with the ETag you edited (409 if someone changed it since)',
      params: IdParams,
      headers: IfMatchHeaders,
      body: UpdateCustomerBody,
      response: { 200: CustomerSchema },
    },
    handler: async (request, reply) => {
      const version = expectedVersion(request.headers['if-match'], request.body.version);
      const customer = await customers.update(principalOf(request), request.params.id, version, request.body);
      return reply.header('etag', etagOf(customer.version)).send(customer);
    },
  });

  app.delete('/api/customers/:id', {
    config: { access: 'admin' },
    schema: { tags: ['customers'], summary: 'Soft-delete a customer (restorable)', params: IdParams, headers: IfMatchHeaders, response: { 200: CustomerSchema } },
    handler: async (request) => {
      const version = expectedVersion(request.headers['if-match'], undefined);
      return customers.remove(principalOf(request), request.params.id, version);
    },
  });

  app.post('/api/customers/:id/restore', {
    config: { access: 'admin' },
    schema: { tags: ['customers'], summary: 'Restore a soft-deleted customer', params: IdParams, headers: IfMatchHeaders, body: Type.Optional(VersionBody), response: { 200: CustomerSchema } },
    handler: async (request) => {
      const version = expectedVersion(request.headers['if-match'], request.body?.version);
      return customers.restore(principalOf(request), request.params.id, version);
    },
  });

  app.get('/api/custom-fields', {
    config: { access: 'viewer' },
    schema: { tags: ['customers'], summary: "The tenant's custom field definitions", response: { 200: CustomFieldListSchema } },
    handler: async (request) => ({ items: await customFields.list(principalOf(request)) }),
  });

  app.post('/api/custom-fields', {
    config: { access: 'admin' },
    schema: { tags: ['customers'], summary: 'Define a custom field', body: CreateCustomFieldBody, response: { 201: CustomFieldDefinitionSchema } },
    handler: async (request, reply) => reply.status(201).send(await customFields.create(principalOf(request), request.body)),
  });

  app.delete('/api/custom-fields/:id', {
    config: { access: 'admin' },
    schema: { tags: ['customers'], summary: 'Remove a custom field definition (values stay on records)', params: IdParams, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      await customFields.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
