import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, invalidInput, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor } from '../../core/http/list-query.ts';
import { staleVersion } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import { newCorrelationId, runWithContext } from '../../core/log/context.ts';
import type { Logger } from '../../core/log/logger.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
import { allowedTransitions, toAppError, transition, type JobActor, type JobStatus, type JobTransitionRecord } from './job-lifecycle.ts';
import { checkLineItem, chooseDefaultVatRate, computeTotals, parseDiscountPercent, parseQuantity, type LineItem, type VatPremises } from './job-pricing.ts';
import { breachedClocks, slaStatus, type SlaClockStatus, type SlaJob } from './job-sla.ts';
import { checklistFor } from './job-checklists.ts';
import { mergeSettings, resolveJobSettings, slaPolicyOf, type JobSettings, type JobSettingsChange } from './job-settings.ts';
import type { JobSettingsRepo } from './job-settings.repo.ts';
import type { JobWorkRepo } from './job-work.repo.ts';
import type { Attachment } from '../attachments/attachments.schemas.ts';
import type { UploadedFile } from '../attachments/attachments.service.ts';
import type { JobRow, JobsRepo } from './jobs.repo.ts';
import { resolveWorkPlace, type WorkPlaces } from './work-place.ts';
import type { CreateJobInput, Job, JobListInput, JobSummary, ReplaceLinesInput, TransitionInput } from './jobs.schemas.ts';

// What other modules (dispatch) receive from planningFactsIn and changeStatusIn.
export type { JobRow };

// What jobs need from the files module: photos listed with the job, the signature stored with it.
export interface JobFiles {
  listOf(tx: Tx, ownerType: 'job' | 'job_signature', ownerIds: string[]): Promise<Map<string, Attachment[]>>;
  storeInTransaction(tx: Tx, principal: Principal, owner: { type: 'job_signature'; id: string }, file: UploadedFile): Promise<Attachment>;
}

export interface JobsServiceOptions {
  db: Database;
  repo: JobsRepo;
  work: JobWorkRepo;
  settings: JobSettingsRepo;
  files: JobFiles;
  clock: Clock;
  places: WorkPlaces;
  logger: Logger;
}

// A signature drawn on a phone is a small PNG; anything much larger is not one.
const signatureMaxBytes = 512 * 1024;

// A job completed or closed this recently is still checked, so a breach that happened between
// two checks is recorded even when the job finished in the meantime.
const slaWatchAfterChangeMs = 24 * 60 * 60_000;

export class JobsService {
  private readonly slaWatch: PeriodicTask;

  constructor(private readonly options: JobsServiceOptions) {
    this.slaWatch = new PeriodicTask({ name: 'job SLA breaches recorded', intervalMs: 60_000, logger: options.logger, pass: () => this.checkSlaBreaches() });
  }

  // Records each breached SLA clock of each job once, and announces it (job.sla_breached) in the
  // same transaction: a second run, concurrent or after a crash, finds it recorded.
  async checkSlaBreaches(now: Date = this.options.clock.now()): Promise<number> {
    const { db, repo } = this.options;
    return runWithContext({ correlationId: newCorrelationId() }, async () => {
      const watched = await db.asSystem((tx) => repo.listSlaWatch(tx, new Date(now.getTime() - slaWatchAfterChangeMs)));
      let recorded = 0;
      for (const [tenantId, jobIds] of groupByTenant(watched)) {
        recorded += await db.inTenant(tenantId, async (tx) => {
          let count = 0;
          const histories = await repo.historiesOf(tx, jobIds);
          const slaPolicy = slaPolicyOf(await this.options.settings.read(tx, tenantId));
          for (const job of await repo.findByIds(tx, jobIds)) {
            const { id } = job;
            const history = histories.get(id) ?? [];
            for (const { clock, breachedAt } of breachedClocks(slaStatus(slaJobOf(job, history), slaPolicy, now))) {
              if (!(await repo.recordBreach(tx, tenantId, { id: newId(), jobId: id, clock, breachedAt }, now))) continue;
              await recordEvent(tx, {
                tenantId,
                type: 'job.sla_breached',
                payload: { jobId: id, clock, breachedAt: breachedAt.toISOString(), priority: job.priority, status: job.status, customerId: job.customerId, siteId: job.siteId },
              });
              count += 1;
            }
          }
          return count;
        });
      }
      return recorded;
    });
  }

  start(): void {
    this.slaWatch.start();
  }

  stop(): Promise<void> {
    return this.slaWatch.stop();
  }

  async create(principal: Principal, input: CreateJobInput): Promise<Job> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const windowStart = input.windowStart ? new Date(input.windowStart) : null;
    const windowEnd = input.windowEnd ? new Date(input.windowEnd) : null;
    if (windowStart && windowEnd && windowEnd <= windowStart) errors.add('/body/windowEnd', 'after_start', 'must be after windowStart');
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      const place = await resolveWorkPlace(this.options.places, principal, input);
      const id = newId();
      await repo.insert(
        tx,
        principal.tenantId,
        {
          id,
          ...place,
          requestedByContactId: input.requestedByContactId ?? null,
          type: input.type,
          priority: input.priority ?? (input.type === 'emergency' ? 'emergency' : 'normal'),
          description: input.description.trim(),
          windowStart,
          windowEnd,
          estimatedMinutes: input.estimatedMinutes ?? null,
          requiredSkills: [...new Set(input.requiredSkills ?? [])],
          createdBy: principal.userId,
        },
        clock.now(),
      );
      const settings = resolveJobSettings(await this.options.settings.read(tx, principal.tenantId));
      await this.options.work.addChecklistItems(tx, principal.tenantId, id, checklistFor(input.type, settings.checklists).map((label) => ({ id: newId(), label })));
      const job = await this.findOrThrow(tx, id);
      await this.recordChange(tx, principal, 'job.created', job, { type: job.type, priority: job.priority });
      return this.describe(tx, principal, job);
    });
  }

  async get(principal: Principal, id: string): Promise<Job> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => this.describe(tx, principal, await this.findOrThrow(tx, id)));
  }

  async list(principal: Principal, query: JobListInput): Promise<{ items: JobSummary[]; nextCursor: string | null }> {
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const statuses = query.status ? (query.status.split(',') as JobStatus[]) : undefined;
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      const rows = await this.options.repo.list(tx, { statuses, customerId: query.customerId }, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      // A board drags cards: each says where its caller may move it (a held job needs its history).
      const histories = await this.options.repo.historiesOf(tx, items.map((row) => row.id));
      return {
        items: items.map((row) => summaryOf(row, allowedTransitions({ status: row.status, history: histories.get(row.id) ?? [] }, principal.role))),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    });
  }

  // One status change: checked against the lifecycle table, recorded in the history, in one
  // transaction with the job row locked; a refused change leaves job and history as they were.
  async changeStatus(principal: Principal, id: string, expectedVersion: number, input: TransitionInput): Promise<Job> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => this.describe(tx, principal, await this.changeStatusIn(tx, principal, id, input, expectedVersion)));
  }

  // The same inside the caller's transaction (dispatch schedules jobs as it accepts a plan); without
  // an expected version the change applies to the job as it is now, under its row lock.
  async changeStatusIn(tx: Tx, principal: Principal, id: string, input: TransitionInput, expectedVersion?: number): Promise<JobRow> {
    const { repo, clock } = this.options;
    const job = await this.findOrThrow(tx, id, { forUpdate: true });
    if (expectedVersion !== undefined && job.version !== expectedVersion) throw staleVersion('This job', job.version);
    const history = await repo.historyOf(tx, id);
    const now = clock.now();
    const outcome = transition({ status: job.status, history }, { to: input.to, actor: actorOf(principal), at: now, reason: input.reason ?? null });
    if (!outcome.ok) throw toAppError(outcome.error);
    // Arrival on site starts the work: the response SLA is met then.
    const arrivedAt = input.to === 'in_progress' && !job.arrivedAt ? now : undefined;
    if (!(await repo.setStatus(tx, id, job.version, { status: input.to, ...(arrivedAt && { arrivedAt }) }, now))) throw staleVersion('This job', job.version);
    await repo.insertTransition(tx, principal.tenantId, id, newId(), outcome.entry);
    const saved = await this.findOrThrow(tx, id);
    await this.recordChange(tx, principal, 'job.status_changed', saved, { from: outcome.entry.from, to: outcome.entry.to, reason: outcome.entry.reason });
    return saved;
  }

  // For dispatch, inside its transaction: the jobs named and the open jobs of a time span.
  async planningFactsIn(tx: Tx, filter: { ids?: readonly string[]; openOverlapping?: { from: Date; to: Date } }): Promise<JobRow[]> {
    return this.options.repo.listForPlanning(tx, filter);
  }

  // The priced lines are replaced as a whole, under the job's version.
  async replaceLines(principal: Principal, id: string, expectedVersion: number, input: ReplaceLinesInput): Promise<Job> {
    const { db, repo, clock } = this.options;
    const lines = parseLines(input);
    return db.inTenant(principal.tenantId, async (tx) => {
      const job = await this.findOrThrow(tx, id, { forUpdate: true });
      if (job.version !== expectedVersion) throw staleVersion('This job', job.version);
      if (['invoiced', 'closed', 'cancelled'].includes(job.status)) {
        throw new AppError('conflict', `The lines of a job that is ${job.status} cannot change`, { details: { status: job.status } });
      }
      await repo.replaceLines(tx, principal.tenantId, id, lines.map((line) => ({ ...line, id: newId() })));
      if (!(await repo.bumpVersion(tx, id, expectedVersion, clock.now()))) throw staleVersion('This job', job.version);
      const saved = await this.findOrThrow(tx, id);
      const totals = computeTotals(lines);
      await this.recordChange(tx, principal, 'job.lines_changed', saved, { lines: lines.length, grossGrosze: totals.grossGrosze });
      return this.describe(tx, principal, saved);
    });
  }

  // Ticking (or unticking) an item records who and when; the job's version stays, so a
  // technician's checklist never makes the dispatcher's next change stale.
  async setChecklistItem(principal: Principal, id: string, itemId: string, input: { done: boolean }): Promise<Job> {
    return this.changeWork(principal, id, 'job.checklist_changed', async (tx, job) => {
      const done = input.done ? { at: this.options.clock.now(), by: principal.userId } : null;
      if (!(await this.options.work.setChecklistItemDone(tx, job.id, itemId, done))) throw notFound('Checklist item');
      return { itemId, done: input.done };
    });
  }

  async addChecklistItem(principal: Principal, id: string, input: { label: string }): Promise<Job> {
    return this.changeWork(principal, id, 'job.checklist_changed', async (tx, job) => {
      const itemId = newId();
      await this.options.work.addChecklistItems(tx, principal.tenantId, job.id, [{ id: itemId, label: input.label.trim() }]);
      return { itemId, added: input.label.trim() };
    });
  }

  async addNote(principal: Principal, id: string, input: { body: string }): Promise<Job> {
    return this.changeWork(principal, id, 'job.note_added', async (tx, job) => {
      const noteId = newId();
      await this.options.work.addNote(tx, principal.tenantId, { id: noteId, jobId: job.id, body: input.body.trim(), authorUserId: principal.userId }, this.options.clock.now());
      return { noteId };
    });
  }

  // The customer accepts the work on the technician's phone: name, time and drawn signature, once.
  async signOff(principal: Principal, id: string, input: { signerName: string; signature: string }): Promise<Job> {
    const signature = decodeSignature(input.signature);
    return this.changeWork(principal, id, 'job.signed_off', async (tx, job) => {
      if (!['in_progress', 'completed'].includes(job.status)) {
        throw new AppError('conflict', `A job that is ${job.status} cannot be signed off; it must be in progress or completed`, { details: { status: job.status } });
      }
      if (await this.options.work.signOffOf(tx, job.id)) throw new AppError('conflict', 'This job was signed off already');
      const file = await this.options.files.storeInTransaction(tx, principal, { type: 'job_signature', id: job.id }, { fileName: `podpis-${job.id}.png`, contentType: 'image/png', bytes: signature });
      const signedAt = this.options.clock.now();
      if (!(await this.options.work.insertSignOff(tx, principal.tenantId, job.id, { signerName: input.signerName.trim(), signedAt, signatureAttachmentId: file.id }, principal.userId))) {
        throw new AppError('conflict', 'This job was signed off already');
      }
      return { signerName: input.signerName.trim(), signedAt: signedAt.toISOString() };
    });
  }

  async getSettings(principal: Principal): Promise<JobSettings> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => resolveJobSettings(await this.options.settings.read(tx, principal.tenantId)));
  }

  async updateSettings(principal: Principal, change: JobSettingsChange & { version?: number }): Promise<JobSettings> {
    const { db, settings, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const stored = await settings.read(tx, principal.tenantId);
      if (change.version !== undefined && change.version !== stored.version) throw staleVersion('The job settings', stored.version);
      const merged = mergeSettings(stored, change);
      if (!(await settings.write(tx, principal.tenantId, merged, stored.version, clock.now()))) throw staleVersion('The job settings', stored.version + 1);
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'job_settings.changed', entityType: 'tenant_job_settings', entityId: principal.tenantId, details: { change } });
      return resolveJobSettings(await settings.read(tx, principal.tenantId));
    });
  }

  // A change to the work on a job (not its status or lines): the job locked, the change made,
  // audited and announced, the job returned; all one transaction.
  private async changeWork(principal: Principal, id: string, action: string, change: (tx: Tx, job: JobRow) => Promise<Record<string, unknown>>): Promise<Job> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      const job = await this.findOrThrow(tx, id, { forUpdate: true });
      const details = await change(tx, job);
      await this.recordChange(tx, principal, action, job, details);
      return this.describe(tx, principal, job);
    });
  }

  private async describe(tx: Tx, principal: Principal, job: JobRow): Promise<Job> {
    const { repo, work, files, settings } = this.options;
    const history = await repo.historyOf(tx, job.id);
    const lines = await repo.linesOf(tx, job.id);
    const totals = computeTotals(lines);
    const jobSettings = resolveJobSettings(await settings.read(tx, principal.tenantId));
    const slaPolicy = slaPolicyOf({ slaTargets: jobSettings.slaTargets, pauseOnHold: jobSettings.pauseOnHold });
    const signOff = await work.signOffOf(tx, job.id);
    const photos = (await files.listOf(tx, 'job', [job.id])).get(job.id) ?? [];
    const sla = slaStatus(slaJobOf(job, history), slaPolicy, this.options.clock.now());
    return {
      ...summaryOf(job, allowedTransitions({ status: job.status, history }, principal.role)),
      requestedByContactId: job.requestedByContactId,
      estimatedMinutes: job.estimatedMinutes,
      requiredSkills: job.requiredSkills,
      history: history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      sla: { response: clockOf(sla.response), resolution: clockOf(sla.resolution) },
      lines: totals.lines.map((line) => ({
        kind: line.kind,
        description: line.description,
        quantity: decimal(line.quantityThousandths, 3),
        unitPriceGrosze: line.unitPriceGrosze,
        vatRate: line.vatRate,
        discountPercent: decimal(line.discountBasisPoints ?? 0, 2),
        netGrosze: line.netGrosze,
      })),
      totals: { netGrosze: totals.netGrosze, vatGrosze: totals.vatGrosze, grossGrosze: totals.grossGrosze, byRate: totals.byRate, currency: 'PLN' },
      defaultVatRate: chooseDefaultVatRate(premisesOf(job), job.type === 'maintenance' || job.type === 'inspection' || job.type === 'fgas_leak_check' ? 'maintenance' : 'works', jobSettings.defaultVatRate),
      checklist: (await work.checklistOf(tx, job.id)).map((item) => ({ id: item.id, label: item.label, done: item.doneAt !== null, doneAt: item.doneAt?.toISOString() ?? null, doneBy: item.doneBy })),
      notes: (await work.notesOf(tx, job.id)).map((note) => ({ id: note.id, body: note.body, author: note.author, createdAt: note.createdAt.toISOString() })),
      signOff: signOff ? { signerName: signOff.signerName, signedAt: signOff.signedAt.toISOString(), signatureUrl: `/api/attachments/${signOff.signatureAttachmentId}/content` } : null,
      attachments: photos,
    };
  }

  private async findOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<JobRow> {
    const job = await this.options.repo.findById(tx, id, options);
    if (!job) throw notFound('Job');
    return job;
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, job: JobRow, details: Record<string, unknown>): Promise<void> {
    const full = { customerId: job.customerId, siteId: job.siteId, equipmentId: job.equipmentId, ...details };
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'job', entityId: job.id, details: full });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { jobId: job.id, status: job.status, priority: job.priority, version: job.version, ...full } });
  }
}

function groupByTenant(jobs: Array<{ id: string; tenantId: string }>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const job of jobs) grouped.set(job.tenantId, [...(grouped.get(job.tenantId) ?? []), job.id]);
  return grouped;
}

function slaJobOf(job: JobRow, history: JobTransitionRecord[]): SlaJob {
  return { priority: job.priority, createdAt: job.createdAt, arrivedAt: job.arrivedAt, history, window: { start: job.windowStart, end: job.windowEnd } };
}

function actorOf(principal: Principal): JobActor {
  return { id: principal.userId ?? principal.tokenId ?? 'unknown', role: principal.role };
}

function summaryOf(job: JobRow, moves: JobSummary['allowedTransitions']): JobSummary {
  return {
    id: job.id,
    customerId: job.customerId,
    siteId: job.siteId,
    equipmentId: job.equipmentId,
    type: job.type,
    priority: job.priority,
    status: job.status,
    description: job.description,
    windowStart: job.windowStart?.toISOString() ?? null,
    windowEnd: job.windowEnd?.toISOString() ?? null,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    version: job.version,
    customerName: job.customerName,
    siteLabel: job.siteLabel,
    allowedTransitions: moves,
  };
}

// What the site records; where it says nothing, a company's site counts as business premises and a
// person's as a home of unrecorded area (job-pricing.ts then picks the safe rate).
function premisesOf(job: JobRow): VatPremises {
  const { kind, usableAreaM2 } = job.sitePremises;
  if (kind) return { kind, usableAreaM2 };
  return job.customerKind === 'company' ? { kind: 'non_residential', usableAreaM2: null } : { kind: 'house', usableAreaM2: null };
}

// "data:image/png;base64,…" from a canvas; the bytes are checked again as a PNG when stored.
function decodeSignature(dataUrl: string): Buffer {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  const bytes = match?.[1] ? Buffer.from(match[1], 'base64') : undefined;
  if (!bytes || bytes.length === 0) throw invalidInput('/body/signature', 'format', 'must be a PNG image as a data URL (data:image/png;base64,…)');
  if (bytes.length > signatureMaxBytes) throw invalidInput('/body/signature', 'maxLength', `must be at most ${signatureMaxBytes / 1024} KB`);
  return bytes;
}

// Quantities and discounts come as decimals ("1,5", 1.5); every problem names its line and field.
function parseLines(input: ReplaceLinesInput): LineItem[] {
  const errors = new FieldErrors();
  const lines = input.lines.map((line, index): LineItem => {
    const path = `/body/lines/${index}`;
    const quantity = parseQuantity(line.quantity);
    if (!quantity.ok) errors.add(`${path}/quantity`, quantity.rule, quantity.message);
    const discount = line.discountPercent === undefined ? null : parseDiscountPercent(line.discountPercent);
    if (discount && !discount.ok) errors.add(`${path}/discountPercent`, discount.rule, discount.message);
    const item: LineItem = {
      kind: line.kind,
      description: line.description.trim(),
      quantityThousandths: quantity.ok ? quantity.value : 1,
      unitPriceGrosze: line.unitPriceGrosze,
      vatRate: line.vatRate,
      ...(discount?.ok && { discountBasisPoints: discount.value }),
    };
    for (const problem of checkLineItem(item, path)) errors.add(problem.field, problem.rule, problem.message);
    return item;
  });
  errors.throwIfAny();
  return lines;
}

function decimal(scaled: number, places: number): string {
  const sign = scaled < 0 ? '-' : '';
  const digits = String(Math.abs(scaled)).padStart(places + 1, '0');
  const whole = digits.slice(0, -places);
  const fraction = digits.slice(-places).replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

function clockOf(status: SlaClockStatus): { state: SlaClockStatus['state']; deadline?: string; remainingMinutes?: number; at?: string } {
  switch (status.state) {
    case 'running':
      return { state: 'running', deadline: status.deadline.toISOString(), remainingMinutes: Math.floor(status.remainingMs / 60_000) };
    case 'paused':
      return { state: 'paused', at: status.since.toISOString(), remainingMinutes: Math.floor(status.remainingMs / 60_000) };
    case 'met':
      return { state: 'met', deadline: status.deadline.toISOString(), at: status.metAt.toISOString() };
    case 'breached':
      return { state: 'breached', at: status.breachedAt.toISOString() };
    case 'cancelled':
      return { state: 'cancelled', at: status.cancelledAt.toISOString() };
  }
}
