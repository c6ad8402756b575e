import { Type } from '@sinclair/typebox';
import { EmptyBody } from '../../core/http/empty-body.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from '../crm/customers.schemas.ts';
import { DateParams, DayBoardSchema, EmergencyResultSchema, JobIdParams, MoveVisitBody, ProposalSchema, ProposeBody } from './dispatch.schemas.ts';
import type { DispatchService } from './dispatch.service.ts';

export function registerDispatchRoutes(app: HttpServer, dispatch: DispatchService): void {
  app.get('/api/dispatch/days/:date', {
    config: { access: 'technician' },
    schema: { tags: ['dispatch'], summary: "A day's board: one lane per technician with timed visits, the unassigned jobs, the latest proposal", params: DateParams, response: { 200: DayBoardSchema } },
    handler: async (request) => dispatch.board(principalOf(request), request.params.date),
  });

  app.post('/api/dispatch/days/:date/proposals', {
    config: { access: 'dispatcher' },
    schema: {
      tags: ['dispatch'],
      summary: 'Optimise the day (in a worker thread, within the time budget): a proposal that keeps visits under way and locked visits; nothing changes until it is accepted',
      params: DateParams,
      body: ProposeBody,
      response: { 201: ProposalSchema },
    },
    handler: async (request, reply) => reply.status(201).send(await dispatch.propose(principalOf(request), request.params.date, request.body)),
  });

  app.post('/api/dispatch/proposals/:id/accept', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: "Make a proposal the day's plan: its jobs become scheduled with times and ETAs", params: IdParams, body: EmptyBody, response: { 200: DayBoardSchema } },
    handler: async (request) => dispatch.accept(principalOf(request), request.params.id),
  });

  app.put('/api/dispatch/visits/:jobId', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: "Put a job on a technician's lane at a position (checked against windows, shift and skills)", params: JobIdParams, body: MoveVisitBody, response: { 200: DayBoardSchema } },
    handler: async (request) => dispatch.moveVisit(principalOf(request), request.params.jobId, request.body),
  });

  app.delete('/api/dispatch/visits/:jobId', {
    config: { access: 'dispatcher' },
    schema: { tags: ['dispatch'], summary: 'Take a job off the plan (back to the unassigned list)', params: JobIdParams, response: { 200: DayBoardSchema } },
    handler: async (request) => dispatch.unassign(principalOf(request), request.params.jobId),
  });

  app.post('/api/dispatch/emergencies', {
    config: { access: 'dispatcher' },
    schema: {
      tags: ['dispatch'],
      summary: "Insert an emergency job into today's live plan at the cheapest feasible position; the technician and the office are notified",
      body: Type.Object({ jobId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      response: { 200: EmergencyResultSchema },
    },
    handler: async (request) => dispatch.insertEmergency(principalOf(request), request.body.jobId),
  });
}
