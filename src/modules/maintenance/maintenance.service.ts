import { recordAudit } from '../../core/audit/audit.ts';
import { addDays, businessDate, businessDayStart, type Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import type { Logger } from '../../core/log/logger.ts';
import { newCorrelationId, runWithContext } from '../../core/log/context.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
import { resolveWorkPlace, type WorkPlaces } from '../jobs/work-place.ts';
import { dueDatesBetween, parsePlanRule, seasonRules } from './maintenance-schedule.ts';
import type { MaintenanceRepo, PlanRow } from './maintenance.repo.ts';
import type { CreatePlanInput, Plan, PlanListInput } from './maintenance.schemas.ts';
import { decodeCursor, encodeCursor } from '../../core/http/list-query.ts';

// What plans need from the jobs module: a way to open a job.
export interface MaintenanceJobs {
  create(principal: Principal, input: { siteId: string; equipmentId?: string; type: 'maintenance'; description: string; windowStart: string; windowEnd: string }): Promise<{ id: string }>;
}

export interface MaintenanceServiceOptions {
  db: Database;
  repo: MaintenanceRepo;
  clock: Clock;
  places: WorkPlaces;
  jobs: MaintenanceJobs;
  logger: Logger;
}

// A due date the scheduler missed (it was down) still gets its job, up to this many days late.
const catchUpDays = 30;

export class MaintenanceService {
  private readonly task: PeriodicTask;

  constructor(private readonly options: MaintenanceServiceOptions) {
    this.task = new PeriodicTask({ name: 'maintenance jobs created', intervalMs: 15 * 60_000, logger: options.logger, pass: () => this.runScheduler() });
  }

  async create(principal: Principal, input: CreatePlanInput): Promise<Plan> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const rule = ruleOf(input, errors);
    if (input.endsOn && input.endsOn < input.startsOn) errors.add('/body/endsOn', 'after_start', 'must not be before startsOn');
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
          title: input.title.trim(),
          description: input.description?.trim() || null,
          rrule: rule,
          leadDays: input.leadDays ?? 30,
          priceGrosze: input.priceGrosze ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          autoRenew: input.autoRenew ?? false,
        },
        clock.now(),
      );
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'maintenance_plan.created', entityType: 'maintenance_plan', entityId: id, details: { customerId: place.customerId, title: input.title } });
      return this.describeOne(tx, await this.findOrThrow(tx, id));
    });
  }

  async get(principal: Principal, id: string): Promise<Plan> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => this.describeOne(tx, await this.findOrThrow(tx, id)));
  }

  async list(principal: Principal, query: PlanListInput): Promise<{ items: Plan[]; nextCursor: string | null }> {
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      const rows = await this.options.repo.list(tx, { ...(query.customerId && { customerId: query.customerId }), ...(query.q && { q: query.q }) }, after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: await this.describe(tx, page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.startsOn, last.id]) : null };
    });
  }

  // One pass over every active plan of every tenant: creates the job of each due date that is
  // within the plan's lead days (or up to catchUpDays late) and has none yet. Each plan is one
  // transaction holding the plan's advisory lock: a second run, concurrent or after a crash, sees
  // what the first committed, and the unique (plan, due date) key stops anything that slips by.
  async runScheduler(today: string = businessDate(this.options.clock.now())): Promise<number> {
    const { db, repo } = this.options;
    return runWithContext({ correlationId: newCorrelationId() }, async () => {
      const plans = await db.asSystem((tx) => repo.listActiveIds(tx, today));
      let created = 0;
      for (const { id, tenantId } of plans) created += await this.schedulePlan(tenantId, id, today);
      return created;
    });
  }

  async runSchedulerForTenant(principal: Principal): Promise<{ jobsCreated: number; asOf: string }> {
    const today = businessDate(this.options.clock.now());
    // Row-level security narrows the scheduler's list to this company.
    const plans = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.listActiveIds(tx, today));
    let created = 0;
    for (const plan of plans) created += await this.schedulePlan(principal.tenantId, plan.id, today);
    return { jobsCreated: created, asOf: today };
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  private async schedulePlan(tenantId: string, planId: string, today: string): Promise<number> {
    const { db, repo, clock } = this.options;
    // The scheduler acts for the company, not for a person.
    const system: Principal = { tenantId, userId: null, role: 'admin', tokenId: null, sessionId: null };
    return db.inTenant(tenantId, async (tx) => {
      await repo.lockPlan(tx, planId);
      const plan = await repo.findById(tx, planId);
      if (!plan || plan.status !== 'active') return 0;
      const done = await repo.occurrenceDates(tx, planId);
      const calendar = { rule: plan.rrule, startsOn: plan.startsOn, endsOn: plan.autoRenew ? null : plan.endsOn };
      const due = dueDatesBetween(calendar, addDays(today, -catchUpDays), addDays(today, plan.leadDays)).filter((date) => !done.has(date));
      const horizon = addDays(today, plan.leadDays);
      for (const dueOn of due) {
        const job = await this.options.jobs.create(system, {
          siteId: plan.siteId,
          ...(plan.equipmentId && { equipmentId: plan.equipmentId }),
          type: 'maintenance',
          description: `${plan.title} (termin ${dueOn})`,
          // The whole lead period, in Warsaw days: the dispatcher plans the visit within it.
          windowStart: businessDayStart(addDays(dueOn, -plan.leadDays)).toISOString(),
          windowEnd: new Date(businessDayStart(addDays(dueOn, 1)).getTime() - 1000).toISOString(),
        });
        await repo.insertOccurrence(tx, tenantId, { id: newId(), planId, dueOn, jobId: job.id }, clock.now());
      }
      // Never backwards: a run for an earlier day (a test, a replay) must not reopen the plan.
      if (!plan.scheduledThrough || plan.scheduledThrough < horizon) await repo.markScheduledThrough(tx, planId, horizon);
      return due.length;
    });
  }

  private async describe(tx: Tx, plans: PlanRow[]): Promise<Plan[]> {
    const occurrences = await this.options.repo.occurrencesOf(tx, plans.map((plan) => plan.id));
    return plans.map((plan) => ({
      id: plan.id,
      customerId: plan.customerId,
      customerName: plan.customerName,
      siteId: plan.siteId,
      siteLabel: plan.siteLabel,
      equipmentId: plan.equipmentId,
      title: plan.title,
      description: plan.description,
      rrule: plan.rrule,
      leadDays: plan.leadDays,
      priceGrosze: plan.priceGrosze,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      autoRenew: plan.autoRenew,
      status: plan.status,
      occurrences: occurrences.get(plan.id) ?? [],
      createdAt: plan.createdAt.toISOString(),
      version: plan.version,
    }));
  }

  private async describeOne(tx: Tx, plan: PlanRow): Promise<Plan> {
    const [described] = await this.describe(tx, [plan]);
    if (!described) throw new Error(`plan ${plan.id} could not be described`);
    return described;
  }

  private async findOrThrow(tx: Tx, id: string): Promise<PlanRow> {
    const plan = await this.options.repo.findById(tx, id);
    if (!plan) throw notFound('Maintenance plan');
    return plan;
  }
}

// Either a season preset or an RRULE of the caller's, normalised.
function ruleOf(input: CreatePlanInput, errors: FieldErrors): string {
  if (input.season && input.rrule) errors.add('/body/rrule', 'one_of', 'give either season or rrule, not both');
  if (input.season) return seasonRules[input.season];
  if (!input.rrule) {
    errors.add('/body/rrule', 'required', 'give a season (heating, cooling) or an rrule');
    return '';
  }
  const check = parsePlanRule(input.rrule);
  if (!check.ok) {
    errors.add('/body/rrule', check.rule, check.message);
    return '';
  }
  return check.rule;
}
