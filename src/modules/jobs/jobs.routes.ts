import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from '../crm/customers.schemas.ts';
import {
  ChecklistItemBody,
  ChecklistItemParams,
  ChecklistTickBody,
  CreateJobBody,
  JobListQuery,
  JobNoteBody,
  JobPageSchema,
  JobSchema,
  JobSettingsBody,
  JobSettingsSchema,
  ReplaceLinesBody,
  SignOffBody,
  TransitionBody,
} from './jobs.schemas.ts';
import type { JobsService } from './jobs.service.ts';

export function registerJobRoutes(app: HttpServer, jobs: JobsService): void {
  app.get('/api/jobs', {
    config: { access: 'viewer' },
    schema: { tags: ['jobs'], summary: 'List service jobs, newest first (by status for a job board, or of one customer)', querystring: JobListQuery, response: { 200: JobPageSchema } },
    handler: async (request) => jobs.list(principalOf(request), request.query),
  });

  app.post('/api/jobs', {
    config: { access: 'dispatcher' },
    schema: { tags: ['jobs'], summary: 'Open a service job at a site (the site decides the customer)', body: CreateJobBody, response: { 201: JobSchema } },
    handler: async (request, reply) => {
      const job = await jobs.create(principalOf(request), request.body);
      return reply.status(201).header('etag', etagOf(job.version)).send(job);
    },
  });

  app.get('/api/jobs/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['jobs'], summary: 'One job with its history, SLA clocks, lines, totals and the moves allowed to the caller', params: IdParams, response: { 200: JobSchema } },
    handler: async (request, reply) => {
      const job = await jobs.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(job.version)).send(job);
    },
  });

  app.post('/api/jobs/:id/transitions', {
    config: { access: 'technician' },
    schema: {
      tags: ['jobs'],
      summary: 'Move a job to another status (If-Match or version required); illegal moves get 409 naming the rule, and change nothing',
      params: IdParams,
      headers: IfMatchHeaders,
      body: TransitionBody,
      response: { 200: JobSchema },
    },
    handler: async (request, reply) => {
      const job = await jobs.changeStatus(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(job.version)).send(job);
    },
  });

  app.put('/api/jobs/:id/lines', {
    config: { access: 'technician' },
    schema: { tags: ['jobs'], summary: 'Replace the priced lines (parts, labour) of a job; totals exact to the grosz', params: IdParams, headers: IfMatchHeaders, body: ReplaceLinesBody, response: { 200: JobSchema } },
    handler: async (request, reply) => {
      const job = await jobs.replaceLines(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(job.version)).send(job);
    },
  });

  // The work on site: checklist, notes, sign-off. Not versioned with the job: a technician's
  // ticks must not make the dispatcher's open page stale.
  app.patch('/api/jobs/:id/checklist/:itemId', {
    config: { access: 'technician' },
    schema: { tags: ['jobs'], summary: 'Tick or untick a checklist item (who and when are recorded)', params: ChecklistItemParams, body: ChecklistTickBody, response: { 200: JobSchema } },
    handler: async (request) => jobs.setChecklistItem(principalOf(request), request.params.id, request.params.itemId, request.body),
  });

  app.post('/api/jobs/:id/checklist', {
    config: { access: 'technician' },
    schema: { tags: ['jobs'], summary: 'Add an item to the checklist of a job', params: IdParams, body: ChecklistItemBody, response: { 200: JobSchema } },
    handler: async (request) => jobs.addChecklistItem(principalOf(request), request.params.id, request.body),
  });

  app.post('/api/jobs/:id/notes', {
    config: { access: 'technician' },
    schema: { tags: ['jobs'], summary: 'Add a technician note to a job', params: IdParams, body: JobNoteBody, response: { 201: JobSchema } },
    handler: async (request, reply) => reply.status(201).send(await jobs.addNote(principalOf(request), request.params.id, request.body)),
  });

  app.post('/api/jobs/:id/sign-off', {
    config: { access: 'technician' },
    schema: {
      tags: ['jobs'],
      summary: "The customer's sign-off: name and drawn signature, once, while the job is in progress or completed",
      params: IdParams,
      body: SignOffBody,
      response: { 200: JobSchema },
    },
    handler: async (request) => jobs.signOff(principalOf(request), request.params.id, request.body),
  });

  app.get('/api/settings/jobs', {
    config: { access: 'viewer' },
    schema: { tags: ['settings'], summary: "The company's SLA targets, default VAT rate and checklists per job type", response: { 200: JobSettingsSchema } },
    handler: async (request) => jobs.getSettings(principalOf(request)),
  });

  app.put('/api/settings/jobs', {
    config: { access: 'admin' },
    schema: { tags: ['settings'], summary: 'Change SLA targets, the default VAT rate or checklists; what is left out stays', body: JobSettingsBody, response: { 200: JobSettingsSchema } },
    handler: async (request) => jobs.updateSettings(principalOf(request), request.body),
  });
}
