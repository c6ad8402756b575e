import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import { siteLabelSql } from '../../core/db/site-label.ts';
import type { Role } from '../../core/db/schema.ts';
import type { JobStatus, JobTransitionRecord } from './job-lifecycle.ts';
import type { LineItem, VatRate } from './job-pricing.ts';
import type { JobPriority } from './job-sla.ts';
import type { jobTypes } from './jobs.schemas.ts';

export type JobType = (typeof jobTypes)[number];

export interface JobRow {
  id: string;
  customerId: string;
  siteId: string;
  equipmentId: string | null;
  requestedByContactId: string | null;
  type: JobType;
  priority: JobPriority;
  status: JobStatus;
  description: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  estimatedMinutes: number | null;
  requiredSkills: string[];
  arrivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  // For boards and lists: whose job and where, without another request per card.
  customerName: string;
  customerKind: 'company' | 'person';
  siteLabel: string;
  sitePremises: { kind: 'house' | 'flat' | 'non_residential' | null; usableAreaM2: number | null };
  siteLocation: { lat: number; lng: number } | null;
}

export type NewJob = Omit<JobRow, 'status' | 'arrivedAt' | 'createdAt' | 'updatedAt' | 'version' | 'customerName' | 'customerKind' | 'siteLabel' | 'sitePremises' | 'siteLocation'> & { createdBy: string | null };

const jobColumns = sql`j.id, j.customer_id, j.site_id, j.equipment_id, j.requested_by_contact_id, j.type, j.priority, j.status, j.description,
  j.window_start, j.window_end, j.estimated_minutes, j.required_skills, j.arrived_at, j.created_at, j.updated_at, j.version,
  c.name as customer_name, c.kind as customer_kind, s.premises_kind, s.usable_area_m2, s.lat as site_lat, s.lng as site_lng, ${siteLabelSql('s')} as site_label`;
const jobSource = sql`jobs j join customers c on c.id = j.customer_id join sites s on s.id = j.site_id`;

export class JobsRepo {
  async insert(tx: Tx, tenantId: string, job: NewJob, now: Date): Promise<void> {
    await tx
      .insertInto('jobs')
      .values({
        id: job.id,
        tenant_id: tenantId,
        customer_id: job.customerId,
        site_id: job.siteId,
        equipment_id: job.equipmentId,
        requested_by_contact_id: job.requestedByContactId,
        type: job.type,
        priority: job.priority,
        description: job.description,
        window_start: job.windowStart,
        window_end: job.windowEnd,
        estimated_minutes: job.estimatedMinutes,
        required_skills: job.requiredSkills,
        created_by: job.createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  // forUpdate: the row is the lock for a status change or a new set of lines.
  async findById(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<JobRow | undefined> {
    const lock = options.forUpdate ? sql`for update of j` : sql``;
    const result = await sql<Row>`select ${jobColumns} from ${jobSource} where j.id = ${id} and j.deleted_at is null ${lock}`.execute(tx);
    const row = result.rows[0];
    return row && toJob(row);
  }

  async list(tx: Tx, filters: { statuses?: JobStatus[]; customerId?: string }, after: [string, string] | null, limit: number): Promise<JobRow[]> {
    const conditions = [sql`j.deleted_at is null`];
    if (filters.statuses) conditions.push(sql`j.status = any(${filters.statuses}::text[])`);
    if (filters.customerId) conditions.push(sql`j.customer_id = ${filters.customerId}`);
    if (after) conditions.push(sql`(j.created_at, j.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const result = await sql<Row>`select ${jobColumns} from ${jobSource} where ${sql.join(conditions, sql` and `)} order by j.created_at desc, j.id desc limit ${limit}`.execute(tx);
    return result.rows.map(toJob);
  }

  // For dispatch: the jobs named, and the open jobs (not started, not on hold) whose window
  // overlaps [from, to) or that have no window at all, oldest first.
  async listForPlanning(tx: Tx, filter: { ids?: readonly string[]; openOverlapping?: { from: Date; to: Date } }): Promise<JobRow[]> {
    const alternatives = [];
    if (filter.ids && filter.ids.length > 0) alternatives.push(sql`j.id = any(${[...filter.ids]}::uuid[])`);
    if (filter.openOverlapping) {
      const { from, to } = filter.openOverlapping;
      alternatives.push(sql`(j.status in ('new', 'scheduled') and (j.window_start is null or j.window_start < ${to}) and (j.window_end is null or j.window_end > ${from}))`);
    }
    if (alternatives.length === 0) return [];
    const result = await sql<Row>`select ${jobColumns} from ${jobSource} where j.deleted_at is null and (${sql.join(alternatives, sql` or `)}) order by j.created_at, j.id`.execute(tx);
    return result.rows.map(toJob);
  }

  // Compare-and-set on version, with the status change and its history row in the caller's transaction.
  async setStatus(tx: Tx, id: string, expectedVersion: number, change: { status: JobStatus; arrivedAt?: Date }, now: Date): Promise<boolean> {
    const result = await tx
      .updateTable('jobs')
      .set({ status: change.status, ...(change.arrivedAt && { arrived_at: change.arrivedAt }), updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async bumpVersion(tx: Tx, id: string, expectedVersion: number, now: Date): Promise<boolean> {
    const result = await tx.updateTable('jobs').set({ updated_at: now, version: sql`version + 1` }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // Across tenants (system scope): jobs whose SLA clocks may still run, or that changed since `since`.
  async listSlaWatch(tx: Tx, since: Date): Promise<Array<{ id: string; tenantId: string }>> {
    const result = await sql<{ id: string; tenant_id: string }>`
      select id, tenant_id from jobs
      where deleted_at is null and (status not in ('completed', 'invoiced', 'closed', 'cancelled') or updated_at >= ${since})
      order by tenant_id, id`.execute(tx);
    return result.rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
  }

  // true when this breach was not recorded before (the caller announces it then, once).
  async recordBreach(tx: Tx, tenantId: string, breach: { id: string; jobId: string; clock: 'response' | 'resolution'; breachedAt: Date }, now: Date): Promise<boolean> {
    const result = await sql<{ id: string }>`
      insert into job_sla_breaches (id, tenant_id, job_id, clock, breached_at, recorded_at)
      values (${breach.id}, ${tenantId}, ${breach.jobId}, ${breach.clock}, ${breach.breachedAt}, ${now})
      on conflict (job_id, clock) do nothing
      returning id`.execute(tx);
    return result.rows.length === 1;
  }

  async insertTransition(tx: Tx, tenantId: string, jobId: string, id: string, record: JobTransitionRecord): Promise<void> {
    await tx
      .insertInto('job_transitions')
      .values({ id, tenant_id: tenantId, job_id: jobId, from_status: record.from, to_status: record.to, at: record.at, actor_id: record.actor.id, actor_role: record.actor.role, reason: record.reason })
      .execute();
  }

  async historyOf(tx: Tx, jobId: string): Promise<JobTransitionRecord[]> {
    return (await this.historiesOf(tx, [jobId])).get(jobId) ?? [];
  }

  // The histories of many jobs in one statement, each oldest first.
  async historiesOf(tx: Tx, jobIds: string[]): Promise<Map<string, JobTransitionRecord[]>> {
    const histories = new Map<string, JobTransitionRecord[]>(jobIds.map((id) => [id, []]));
    if (jobIds.length === 0) return histories;
    const rows = await tx.selectFrom('job_transitions').selectAll().where('job_id', 'in', jobIds).orderBy('at').orderBy('id').execute();
    for (const row of rows) {
      histories.get(row.job_id)?.push({ from: row.from_status as JobStatus, to: row.to_status as JobStatus, at: row.at, actor: { id: row.actor_id, role: row.actor_role as Role }, reason: row.reason });
    }
    return histories;
  }

  async findByIds(tx: Tx, ids: string[]): Promise<JobRow[]> {
    if (ids.length === 0) return [];
    const result = await sql<Row>`select ${jobColumns} from ${jobSource} where j.id = any(${ids}::uuid[]) and j.deleted_at is null order by j.id`.execute(tx);
    return result.rows.map(toJob);
  }

  async replaceLines(tx: Tx, tenantId: string, jobId: string, lines: Array<LineItem & { id: string }>): Promise<void> {
    await tx.deleteFrom('job_lines').where('job_id', '=', jobId).execute();
    if (lines.length === 0) return;
    await tx
      .insertInto('job_lines')
      .values(
        lines.map((line, position) => ({
          id: line.id,
          tenant_id: tenantId,
          job_id: jobId,
          position,
          kind: line.kind,
          description: line.description,
          quantity_thousandths: line.quantityThousandths,
          unit_price_grosze: String(line.unitPriceGrosze),
          vat_rate: line.vatRate,
          discount_basis_points: line.discountBasisPoints ?? 0,
        })),
      )
      .execute();
  }

  async linesOf(tx: Tx, jobId: string): Promise<LineItem[]> {
    const rows = await tx.selectFrom('job_lines').selectAll().where('job_id', '=', jobId).orderBy('position').execute();
    return rows.map((row) => ({
      kind: row.kind,
      description: row.description,
      quantityThousandths: row.quantity_thousandths,
      unitPriceGrosze: Number(row.unit_price_grosze),
      vatRate: row.vat_rate as VatRate,
      discountBasisPoints: row.discount_basis_points,
    }));
  }
}

type Row = {
  id: string;
  customer_id: string;
  site_id: string;
  equipment_id: string | null;
  requested_by_contact_id: string | null;
  type: JobType;
  priority: JobPriority;
  status: JobStatus;
  description: string;
  window_start: Date | null;
  window_end: Date | null;
  estimated_minutes: number | null;
  required_skills: string[];
  arrived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  customer_name: string;
  customer_kind: 'company' | 'person';
  site_label: string;
  premises_kind: 'house' | 'flat' | 'non_residential' | null;
  usable_area_m2: string | null;
  site_lat: number | null;
  site_lng: number | null;
};

function toJob(row: Row): JobRow {
  return {
    id: row.id,
    customerId: row.customer_id,
    siteId: row.site_id,
    equipmentId: row.equipment_id,
    requestedByContactId: row.requested_by_contact_id,
    type: row.type,
    priority: row.priority,
    status: row.status,
    description: row.description,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    estimatedMinutes: row.estimated_minutes,
    requiredSkills: row.required_skills,
    arrivedAt: row.arrived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    customerName: row.customer_name,
    customerKind: row.customer_kind,
    siteLabel: row.site_label,
    sitePremises: { kind: row.premises_kind, usableAreaM2: row.usable_area_m2 === null ? null : Number(row.usable_area_m2) },
    siteLocation: row.site_lat === null || row.site_lng === null ? null : { lat: row.site_lat, lng: row.site_lng },
  };
}
