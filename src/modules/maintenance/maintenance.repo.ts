import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import { siteLabelSql } from '../../core/db/site-label.ts';

export interface PlanRow {
  id: string;
  tenantId: string;
  customerId: string;
  siteId: string;
  equipmentId: string | null;
  title: string;
  description: string | null;
  rrule: string;
  leadDays: number;
  priceGrosze: number | null;
  startsOn: string;
  endsOn: string | null;
  autoRenew: boolean;
  status: 'active' | 'paused' | 'ended';
  createdAt: Date;
  updatedAt: Date;
  version: number;
  // For lists: whose plan and where, without a request per plan.
  customerName: string;
  siteLabel: string;
  scheduledThrough: string | null;
}

export type NewPlan = Omit<PlanRow, 'tenantId' | 'status' | 'createdAt' | 'updatedAt' | 'version' | 'customerName' | 'siteLabel' | 'scheduledThrough'>;

const planColumns = sql`p.id, p.tenant_id, p.customer_id, p.site_id, p.equipment_id, p.title, p.description, p.rrule, p.lead_days,
  p.price_grosze, p.starts_on::text as starts_on, p.ends_on::text as ends_on, p.auto_renew, p.status, p.created_at, p.updated_at, p.version, p.scheduled_through::text as scheduled_through,
  c.name as customer_name, ${siteLabelSql('s')} as site_label`;
const planSource = sql`maintenance_plans p join customers c on c.id = p.customer_id join sites s on s.id = p.site_id`;

export class MaintenanceRepo {
  async insert(tx: Tx, tenantId: string, plan: NewPlan, now: Date): Promise<void> {
    await tx
      .insertInto('maintenance_plans')
      .values({
        id: plan.id,
        tenant_id: tenantId,
        customer_id: plan.customerId,
        site_id: plan.siteId,
        equipment_id: plan.equipmentId,
        title: plan.title,
        description: plan.description,
        rrule: plan.rrule,
        lead_days: plan.leadDays,
        price_grosze: plan.priceGrosze === null ? null : String(plan.priceGrosze),
        starts_on: plan.startsOn,
        ends_on: plan.endsOn,
        auto_renew: plan.autoRenew,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async findById(tx: Tx, id: string): Promise<PlanRow | undefined> {
    const result = await sql<Row>`select ${planColumns} from ${planSource} where p.id = ${id} and p.deleted_at is null`.execute(tx);
    const row = result.rows[0];
    return row && toPlan(row);
  }

  // By start date, then id: a stable order for cursor pages.
  async list(tx: Tx, filters: { customerId?: string; q?: string }, after: [string, string] | null, limit: number): Promise<PlanRow[]> {
    const byCustomer = filters.customerId ? sql`and p.customer_id = ${filters.customerId}` : sql``;
    // Every word must appear somewhere in the title, customer name or address.
    const words = (filters.q ?? '').split(/\s+/).filter(Boolean);
    const byWords = sql.join(
      words.map((word) => sql`and f_unaccent(lower(p.title || ' ' || c.name || ' ' || s.street || ' ' || s.city)) like '%' || f_unaccent(lower(${word})) || '%'`),
      sql` `,
    );
    const afterCursor = after ? sql`and (p.starts_on, p.id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``;
    const result = await sql<Row>`select ${planColumns} from ${planSource} where p.deleted_at is null ${byCustomer} ${words.length > 0 ? byWords : sql``} ${afterCursor} order by p.starts_on, p.id limit ${limit}`.execute(tx);
    return result.rows.map(toPlan);
  }

  // The plans the scheduler walks: of every tenant in system scope, of one inside a tenant transaction.
  // Only plans whose horizon (today + lead days) the scheduler has not covered yet.
  async listActiveIds(tx: Tx, today: string): Promise<Array<{ id: string; tenantId: string }>> {
    const result = await sql<{ id: string; tenant_id: string }>`
      select id, tenant_id from maintenance_plans
      where status = 'active' and deleted_at is null
        and (scheduled_through is null or scheduled_through < ${today}::date + lead_days)
      order by id`.execute(tx);
    return result.rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
  }

  async markScheduledThrough(tx: Tx, id: string, through: string): Promise<void> {
    await tx.updateTable('maintenance_plans').set({ scheduled_through: through }).where('id', '=', id).execute();
  }

  // Serialises scheduler runs on one plan until the transaction ends (another worker waits, then
  // sees the occurrences this one wrote).
  async lockPlan(tx: Tx, id: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('maintenance-plan:' || ${id}))`.execute(tx);
  }

  async occurrenceDates(tx: Tx, planId: string): Promise<Set<string>> {
    const result = await sql<{ due_on: string }>`select due_on::text as due_on from maintenance_occurrences where plan_id = ${planId}`.execute(tx);
    return new Set(result.rows.map((row) => row.due_on));
  }

  async insertOccurrence(tx: Tx, tenantId: string, occurrence: { id: string; planId: string; dueOn: string; jobId: string }, now: Date): Promise<void> {
    await tx
      .insertInto('maintenance_occurrences')
      .values({ id: occurrence.id, tenant_id: tenantId, plan_id: occurrence.planId, due_on: occurrence.dueOn, job_id: occurrence.jobId, created_at: now })
      .execute();
  }

  // The jobs created so far for each of some plans, oldest due date first, in one statement.
  async occurrencesOf(tx: Tx, planIds: string[]): Promise<Map<string, Array<{ dueOn: string; jobId: string }>>> {
    const occurrences = new Map<string, Array<{ dueOn: string; jobId: string }>>(planIds.map((id) => [id, []]));
    if (planIds.length === 0) return occurrences;
    const result = await sql<{ plan_id: string; due_on: string; job_id: string }>`
      select plan_id, due_on::text as due_on, job_id from maintenance_occurrences where plan_id = any(${planIds}::uuid[]) order by due_on`.execute(tx);
    for (const row of result.rows) occurrences.get(row.plan_id)?.push({ dueOn: row.due_on, jobId: row.job_id });
    return occurrences;
  }
}

type Row = {
  id: string;
  tenant_id: string;
  customer_id: string;
  site_id: string;
  equipment_id: string | null;
  title: string;
  description: string | null;
  rrule: string;
  lead_days: number;
  price_grosze: string | null;
  starts_on: string;
  ends_on: string | null;
  auto_renew: boolean;
  status: 'active' | 'paused' | 'ended';
  created_at: Date;
  updated_at: Date;
  version: number;
  customer_name: string;
  site_label: string;
  scheduled_through: string | null;
};

function toPlan(row: Row): PlanRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    customerId: row.customer_id,
    siteId: row.site_id,
    equipmentId: row.equipment_id,
    title: row.title,
    description: row.description,
    rrule: row.rrule,
    leadDays: row.lead_days,
    priceGrosze: row.price_grosze === null ? null : Number(row.price_grosze),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    autoRenew: row.auto_renew,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    customerName: row.customer_name,
    siteLabel: row.site_label,
    scheduledThrough: row.scheduled_through,
  };
}
