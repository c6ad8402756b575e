import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from '../crm/customers.schemas.ts';
import type { EquipmentService } from './equipment.service.ts';
import {
  ComplianceQuery,
  ComplianceSchema,
  CreateEquipmentBody,
  CreateRegisterEntryBody,
  EquipmentListQuery,
  EquipmentPageSchema,
  EquipmentSchema,
  RegisterEntrySchema,
  RegisterSchema,
  UpdateEquipmentBody,
} from './equipment.schemas.ts';

const CustomerEquipmentQuery = Type.Omit(EquipmentListQuery, ['customerId']);

export function registerEquipmentRoutes(app: HttpServer, equipment: EquipmentService): void {
  app.get('/api/equipment', {
    config: { access: 'viewer' },
    schema: { tags: ['equipment'], summary: 'List equipment (all, or of one customer, site or category), each with its F-gas status', querystring: EquipmentListQuery, response: { 200: EquipmentPageSchema } },
    handler: async (request) => equipment.list(principalOf(request), request.query),
  });

  app.get('/api/customers/:id/equipment', {
    config: { access: 'viewer' },
    schema: { tags: ['equipment'], summary: "A customer's equipment", params: IdParams, querystring: CustomerEquipmentQuery, response: { 200: EquipmentPageSchema } },
    handler: async (request) => equipment.list(principalOf(request), { ...request.query, customerId: request.params.id }),
  });

  app.post('/api/equipment', {
    config: { access: 'dispatcher' },
    schema: { tags: ['equipment'], summary: 'Register a unit at a site (the site decides the customer)', body: CreateEquipmentBody, response: { 201: EquipmentSchema } },
    handler: async (request, reply) => {
      const created = await equipment.create(principalOf(request), request.body);
      return reply.status(201).header('etag', etagOf(created.version)).send(created);
    },
  });

  app.get('/api/equipment/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['equipment'], summary: 'One unit with its F-gas status (ETag carries its version)', params: IdParams, response: { 200: EquipmentSchema } },
    handler: async (request, reply) => {
      const found = await equipment.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  });

  app.patch('/api/equipment/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['equipment'], summary: 'Change a unit (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: UpdateEquipmentBody, response: { 200: EquipmentSchema } },
    handler: async (request, reply) => {
      const saved = await equipment.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(saved.version)).send(saved);
    },
  });

  app.delete('/api/equipment/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['equipment'], summary: 'Remove a unit (soft delete; its F-gas register stays; If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: EquipmentSchema } },
    handler: async (request) => equipment.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });

  app.get('/api/equipment/:id/fgas-register', {
    config: { access: 'viewer' },
    schema: { tags: ['equipment'], summary: "A unit's F-gas register, newest first (voided entries marked)", params: IdParams, response: { 200: RegisterSchema } },
    handler: async (request) => equipment.register(principalOf(request), request.params.id),
  });

  app.post('/api/equipment/:id/fgas-register', {
    config: { access: 'technician' },
    schema: {
      tags: ['equipment'],
      summary: 'Record a leak check, service, repair or refrigerant movement (append-only; a mistake is voided by a "void" entry)',
      params: IdParams,
      body: CreateRegisterEntryBody,
      response: { 201: RegisterEntrySchema },
    },
    handler: async (request, reply) => reply.status(201).send(await equipment.addRegisterEntry(principalOf(request), request.params.id, request.body)),
  });

  app.get('/api/fgas/compliance', {
    config: { access: 'viewer' },
    schema: { tags: ['equipment'], summary: 'F-gas compliance: equipment due, overdue or non-compliant, and the compliance score', querystring: ComplianceQuery, response: { 200: ComplianceSchema } },
    handler: async (request) => equipment.compliance(principalOf(request), request.query),
  });
}
