import { sql } from 'kysely';
import type { Tx } from '../core/db/database.ts';
import type { DB } from '../core/db/schema.ts';
import type { DemoHvac, DemoJob } from './demo-hvac-records.ts';

// Bulk inserts of the demo's HVAC history, in foreign-key order, the rows as the equipment, jobs
// and maintenance repos write them. As in DemoRepo, seeded records get no audit entries or events.
// `INSERT … SELECT FROM unnest(…)` with one array per column: measured 2.6× faster than multi-row
// VALUES on PGlite (one bind parameter per column instead of per value), and the fastest
// statement-based bulk load on PostgreSQL too (STACK-NOTES). No ON CONFLICT (it cost another 20-40 %):
// the seed inserts a tenant's history once, in one transaction, after checking it is not there.

const chunk = 5000;

export class DemoHvacRepo {
  // Whether the tenant has equipment already: the demo's HVAC history was seeded before.
  async hasEquipment(tx: Tx): Promise<boolean> {
    const result = await sql<{ found: boolean }>`select exists (select 1 from equipment) as found`.execute(tx);
    return result.rows[0]?.found === true;
  }

  async insertHvac(tx: Tx, tenantId: string, hvac: DemoHvac): Promise<void> {
    const tenant = { name: 'tenant_id', type: 'uuid', constant: tenantId } as const;
    await insertRows(tx, 'equipment', hvac.equipment, [
      { name: 'id', type: 'uuid', value: (unit) => unit.id },
      tenant,
      { name: 'customer_id', type: 'uuid', value: (unit) => unit.customerId },
      { name: 'site_id', type: 'uuid', value: (unit) => unit.siteId },
      { name: 'category', type: 'text', value: (unit) => unit.category },
      { name: 'brand', type: 'text', value: (unit) => unit.brand },
      { name: 'model', type: 'text', value: (unit) => unit.model },
      { name: 'serial_number', type: 'text', value: (unit) => unit.serialNumber },
      { name: 'installed_on', type: 'date', value: (unit) => unit.installedOn },
      { name: 'warranty_until', type: 'date', value: (unit) => unit.warrantyUntil },
      { name: 'status', type: 'text', value: (unit) => unit.status },
      { name: 'refrigerant', type: 'text', value: (unit) => unit.refrigerant },
      { name: 'refrigerant_charge_g', type: 'int4', value: (unit) => unit.refrigerantChargeG },
      { name: 'hermetically_sealed', type: 'bool', value: (unit) => unit.hermeticallySealed },
      { name: 'leak_detection', type: 'bool', value: (unit) => unit.leakDetection },
      { name: 'installer', type: 'text', value: (unit) => unit.installer },
      { name: 'notes', type: 'text', value: (unit) => unit.notes },
      { name: 'created_at', type: 'timestamptz', value: (unit) => unit.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (unit) => unit.updatedAt },
      { name: 'version', type: 'int4', value: (unit) => unit.version },
    ]);
    await insertRows(tx, 'jobs', hvac.jobs, [
      { name: 'id', type: 'uuid', value: (job) => job.row.id },
      tenant,
      { name: 'customer_id', type: 'uuid', value: (job) => job.row.customerId },
      { name: 'site_id', type: 'uuid', value: (job) => job.row.siteId },
      { name: 'equipment_id', type: 'uuid', value: (job) => job.row.equipmentId },
      { name: 'requested_by_contact_id', type: 'uuid', value: (job) => job.row.requestedByContactId },
      { name: 'type', type: 'text', value: (job) => job.row.type },
      { name: 'priority', type: 'text', value: (job) => job.row.priority },
      { name: 'status', type: 'text', value: (job) => job.row.status },
      { name: 'description', type: 'text', value: (job) => job.row.description },
      { name: 'window_start', type: 'timestamptz', value: (job) => job.row.windowStart },
      { name: 'window_end', type: 'timestamptz', value: (job) => job.row.windowEnd },
      { name: 'estimated_minutes', type: 'int4', value: (job) => job.row.estimatedMinutes },
      { name: 'required_skills', type: 'text[]', value: (job) => arrayLiteral(job.row.requiredSkills) },
      { name: 'arrived_at', type: 'timestamptz', value: (job) => job.row.arrivedAt },
      { name: 'created_by', type: 'uuid', value: (job) => job.row.createdBy },
      { name: 'created_at', type: 'timestamptz', value: (job) => job.row.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (job) => job.row.updatedAt },
      { name: 'version', type: 'int4', value: (job) => job.row.version },
    ]);
    const transitions = hvac.jobs.flatMap((job) => job.history.map((entry) => ({ job, entry })));
    await insertRows(tx, 'job_transitions', transitions, [
      { name: 'id', type: 'uuid', value: ({ entry }) => entry.id },
      tenant,
      { name: 'job_id', type: 'uuid', value: ({ job }) => job.row.id },
      { name: 'from_status', type: 'text', value: ({ entry }) => entry.from },
      { name: 'to_status', type: 'text', value: ({ entry }) => entry.to },
      { name: 'at', type: 'timestamptz', value: ({ entry }) => entry.at },
      { name: 'actor_id', type: 'text', value: ({ entry }) => entry.actor.id },
      { name: 'actor_role', type: 'text', value: ({ entry }) => entry.actor.role },
      { name: 'reason', type: 'text', value: ({ entry }) => entry.reason },
    ]);
    const lines = hvac.jobs.flatMap((job: DemoJob) => job.lines.map((line, position) => ({ job, line, position })));
    await insertRows(tx, 'job_lines', lines, [
      { name: 'id', type: 'uuid', value: ({ line }) => line.id },
      tenant,
      { name: 'job_id', type: 'uuid', value: ({ job }) => job.row.id },
      { name: 'position', type: 'int4', value: ({ position }) => position },
      { name: 'kind', type: 'text', value: ({ line }) => line.kind },
      { name: 'description', type: 'text', value: ({ line }) => line.description },
      { name: 'quantity_thousandths', type: 'int4', value: ({ line }) => line.quantityThousandths },
      { name: 'unit_price_grosze', type: 'int8', value: ({ line }) => line.unitPriceGrosze },
      { name: 'vat_rate', type: 'int2', value: ({ line }) => line.vatRate },
      { name: 'discount_basis_points', type: 'int4', value: ({ line }) => line.discountBasisPoints ?? 0 },
    ]);
    const checklist = hvac.jobs.flatMap((job) => job.checklist.map((item, position) => ({ job, item, position })));
    await insertRows(tx, 'job_checklist_items', checklist, [
      { name: 'id', type: 'uuid', value: ({ item }) => item.id },
      tenant,
      { name: 'job_id', type: 'uuid', value: ({ job }) => job.row.id },
      { name: 'position', type: 'int4', value: ({ position }) => position },
      { name: 'label', type: 'text', value: ({ item }) => item.label },
      { name: 'done_at', type: 'timestamptz', value: ({ item }) => item.doneAt },
      { name: 'done_by', type: 'uuid', value: ({ item }) => item.doneBy },
    ]);
    await insertRows(tx, 'fgas_register', hvac.register, [
      { name: 'id', type: 'uuid', value: (entry) => entry.id },
      tenant,
      { name: 'equipment_id', type: 'uuid', value: (entry) => entry.equipmentId },
      { name: 'performed_on', type: 'date', value: (entry) => entry.performedOn },
      { name: 'kind', type: 'text', value: (entry) => entry.kind },
      { name: 'result', type: 'text', value: (entry) => entry.result },
      { name: 'technician_name', type: 'text', value: (entry) => entry.technicianName },
      { name: 'technician_user_id', type: 'uuid', value: (entry) => entry.technicianUserId },
      { name: 'certificate_number', type: 'text', value: (entry) => entry.certificateNumber },
      { name: 'refrigerant_added_g', type: 'int4', value: (entry) => entry.refrigerantAddedG },
      { name: 'refrigerant_recovered_g', type: 'int4', value: (entry) => entry.refrigerantRecoveredG },
      { name: 'notes', type: 'text', value: (entry) => entry.notes },
      { name: 'voids_entry_id', type: 'uuid', value: (entry) => entry.voidsEntryId },
      { name: 'recorded_by', type: 'uuid', value: (entry) => entry.recordedBy },
      { name: 'created_at', type: 'timestamptz', value: (entry) => entry.createdAt },
    ]);
    await insertRows(tx, 'maintenance_plans', hvac.plans, [
      { name: 'id', type: 'uuid', value: (plan) => plan.id },
      tenant,
      { name: 'customer_id', type: 'uuid', value: (plan) => plan.customerId },
      { name: 'site_id', type: 'uuid', value: (plan) => plan.siteId },
      { name: 'equipment_id', type: 'uuid', value: (plan) => plan.equipmentId },
      { name: 'title', type: 'text', value: (plan) => plan.title },
      { name: 'description', type: 'text', value: (plan) => plan.description },
      { name: 'rrule', type: 'text', value: (plan) => plan.rrule },
      { name: 'lead_days', type: 'int4', value: (plan) => plan.leadDays },
      { name: 'price_grosze', type: 'int8', value: (plan) => plan.priceGrosze },
      { name: 'starts_on', type: 'date', value: (plan) => plan.startsOn },
      { name: 'ends_on', type: 'date', value: (plan) => plan.endsOn },
      { name: 'auto_renew', type: 'bool', value: (plan) => plan.autoRenew },
      { name: 'created_at', type: 'timestamptz', value: (plan) => plan.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (plan) => plan.createdAt },
    ]);
    await insertRows(tx, 'maintenance_occurrences', hvac.occurrences, [
      { name: 'id', type: 'uuid', value: (occurrence) => occurrence.id },
      tenant,
      { name: 'plan_id', type: 'uuid', value: (occurrence) => occurrence.planId },
      { name: 'due_on', type: 'date', value: (occurrence) => occurrence.dueOn },
      { name: 'job_id', type: 'uuid', value: (occurrence) => occurrence.jobId },
      { name: 'created_at', type: 'timestamptz', value: (occurrence) => occurrence.createdAt },
    ]);
    await insertRows(tx, 'job_sla_breaches', hvac.slaBreaches, [
      { name: 'id', type: 'uuid', value: (breach) => breach.id },
      tenant,
      { name: 'job_id', type: 'uuid', value: (breach) => breach.jobId },
      { name: 'clock', type: 'text', value: (breach) => breach.clock },
      { name: 'breached_at', type: 'timestamptz', value: (breach) => breach.breachedAt },
      { name: 'recorded_at', type: 'timestamptz', value: (breach) => breach.recordedAt },
    ]);
  }
}

type Value = string | number | boolean | Date | null;

// A value per row, or one for every row (bound once instead of in an array).
type Column<Table extends keyof DB, Row> = {
  name: keyof DB[Table] & string;
  // 'text[]' goes in as an array literal ('{"a","b"}'): unnest would flatten an array of arrays.
  type: 'uuid' | 'text' | 'text[]' | 'int2' | 'int4' | 'int8' | 'bool' | 'date' | 'timestamptz';
} & ({ value: (row: Row) => Value } | { constant: string });

// Rows inserted in chunks, one array per column.
async function insertRows<Table extends keyof DB, Row>(tx: Tx, table: Table, rows: readonly Row[], columns: ReadonlyArray<Column<Table, Row>>): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const perRow = columns.filter((column): column is Extract<Column<Table, Row>, { value: unknown }> => 'value' in column);
    const arrays = perRow.map((column) => {
      const values = part.map((row) => {
        const value = column.value(row);
        return value instanceof Date ? value.toISOString() : value;
      });
      return sql`${values}::${sql.raw(column.type === 'text[]' ? 'text' : column.type)}[]`;
    });
    const selected = columns.map((column) => {
      if ('constant' in column) return sql`${column.constant}::${sql.raw(column.type)}`;
      return column.type === 'text[]' ? sql`u.${sql.ref(column.name)}::text[]` : sql`u.${sql.ref(column.name)}`;
    });
    await sql`
      insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column.name)))})
      select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(perRow.map((column) => sql.ref(column.name)))})`.execute(tx);
  }
}

// A PostgreSQL array literal of text values.
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
