import { EmptyBody } from '../../core/http/empty-body.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from '../crm/customers.schemas.ts';
import { CreatePlanBody, PlanListQuery, PlanListSchema, PlanSchema, SchedulerRunSchema } from './maintenance.schemas.ts';
import type { MaintenanceService } from './maintenance.service.ts';

export function registerMaintenanceRoutes(app: HttpServer, maintenance: MaintenanceService): void {
  app.get('/api/maintenance-plans', {
    config: { access: 'viewer' },
    schema: { tags: ['maintenance'], summary: 'Maintenance plans (all, or of one customer) with the jobs they created', querystring: PlanListQuery, response: { 200: PlanListSchema } },
    handler: async (request) => maintenance.list(principalOf(request), request.query),
  });

  app.post('/api/maintenance-plans', {
    config: { access: 'dispatcher' },
    schema: { tags: ['maintenance'], summary: 'Agree a maintenance plan for a site (a season preset or an RRULE)', body: CreatePlanBody, response: { 201: PlanSchema } },
    handler: async (request, reply) => reply.status(201).send(await maintenance.create(principalOf(request), request.body)),
  });

  app.get('/api/maintenance-plans/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['maintenance'], summary: 'One maintenance plan', params: IdParams, response: { 200: PlanSchema } },
    handler: async (request) => maintenance.get(principalOf(request), request.params.id),
  });

  app.post('/api/maintenance-plans/run', {
    config: { access: 'admin' },
    schema: { tags: ['maintenance'], summary: "Create the company's due maintenance jobs now (the scheduler also runs every 15 minutes); idempotent", body: EmptyBody, response: { 200: SchedulerRunSchema } },
    handler: async (request) => maintenance.runSchedulerForTenant(principalOf(request)),
  });
}
