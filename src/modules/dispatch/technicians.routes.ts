import { Type } from '@sinclair/typebox';
import { EmptyBody } from '../../core/http/empty-body.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from '../crm/customers.schemas.ts';
import {
  AbsenceListQuery,
  AbsenceListSchema,
  AbsenceSchema,
  CertificateCheckSchema,
  CreateAbsenceBody,
  CreateTechnicianBody,
  TechnicianAbsenceParams,
  TechnicianListSchema,
  TechnicianSchema,
  UpdateTechnicianBody,
} from './technicians.schemas.ts';
import type { TechniciansService } from './technicians.service.ts';

const TechnicianListQuery = Type.Object({ active: Type.Optional(Type.Boolean({ description: 'true: only technicians still working for the company' })) }, { additionalProperties: false });

export function registerTechnicianRoutes(app: HttpServer, technicians: TechniciansService): void {
  app.get('/api/technicians', {
    config: { access: 'viewer' },
    schema: { tags: ['dispatch'], summary: 'Technicians with skills, certificates, home base and working hours', querystring: TechnicianListQuery, response: { 200: TechnicianListSchema } },
    handler: async (request) => ({ items: await technicians.list(principalOf(request), { activeOnly: request.query.active === true }) }),
  });

  app.post('/api/technicians', {
    config: { access: 'admin' },
    schema: { tags: ['dispatch'], summary: 'Give a member a technician profile', body: CreateTechnicianBody, response: { 201: TechnicianSchema } },
    handler: async (request, reply) => {
      const created = await technicians.create(principalOf(request), request.body);
      return reply.status(201).header('etag', etagOf(created.version)).send(created);
    },
  });

  app.get('/api/technicians/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['dispatch'], summary: 'One technician (ETag carries the version)', params: IdParams, response: { 200: TechnicianSchema } },
    handler: async (request, reply) => {
      const found = await technicians.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  });

  app.patch('/api/technicians/:id', {
    config: { access: 'admin' },
    schema: { tags: ['dispatch'], summary: 'Change a technician (If-Match or version required)', params: IdParams, headers: IfMatchHeaders, body: UpdateTechnicianBody, response: { 200: TechnicianSchema } },
    handler: async (request, reply) => {
      const saved = await technicians.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(saved.version)).send(saved);
    },
  });

  app.get('/api/technicians/:id/absences', {
    config: { access: 'viewer' },
    schema: { tags: ['dispatch'], summary: "A technician's days off and absences overlapping the range", params: IdParams, querystring: AbsenceListQuery, response: { 200: AbsenceListSchema } },
    handler: async (request) => ({ items: await technicians.listAbsences(principalOf(request), request.params.id, request.query) }),
  });

  app.post('/api/technicians/:id/absences', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: 'Record an absence (vacation, sick leave, training)', params: IdParams, body: CreateAbsenceBody, response: { 201: AbsenceSchema } },
    handler: async (request, reply) => reply.status(201).send(await technicians.addAbsence(principalOf(request), request.params.id, request.body)),
  });

  app.delete('/api/technicians/:id/absences/:absenceId', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: 'Remove an absence (it stays in the audit log)', params: TechnicianAbsenceParams, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      await technicians.removeAbsence(principalOf(request), request.params.id, request.params.absenceId);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/technicians/certificate-check', {
    config: { access: 'admin' },
    schema: { tags: ['dispatch'], summary: 'Send the certificate notices due today now (also runs every 6 hours); idempotent', body: EmptyBody, response: { 200: CertificateCheckSchema } },
    handler: async (request) => technicians.checkCertificatesForTenant(principalOf(request)),
  });
}
