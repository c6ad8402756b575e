import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { EquipmentCategory, FgasCheckResult, FgasEntryKind } from '../../core/db/schema.ts';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';

// A piece of equipment as stored: the service adds the F-gas summary, which is computed.
export interface EquipmentRow {
  id: string;
  customerId: string;
  siteId: string;
  category: EquipmentCategory;
  brand: string;
  model: string | null;
  serialNumber: string | null;
  installedOn: string | null;
  warrantyUntil: string | null;
  status: 'active' | 'faulty' | 'decommissioned';
  refrigerant: string | null;
  refrigerantChargeG: number | null;
  hermeticallySealed: boolean;
  leakDetection: boolean;
  installer: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
}

export type EquipmentRecord = Omit<EquipmentRow, 'customerId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'version'>;

export interface EquipmentFilters {
  customerId?: string;
  siteId?: string;
  category?: EquipmentCategory;
  includeDeleted: boolean;
}

export interface RegisterRow {
  id: string;
  equipmentId: string;
  performedOn: string;
  kind: FgasEntryKind;
  result: FgasCheckResult | null;
  technicianName: string;
  technicianUserId: string | null;
  certificateNumber: string;
  refrigerantAddedG: number;
  refrigerantRecoveredG: number;
  notes: string | null;
  voidsEntryId: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

// Dates as 'YYYY-MM-DD' text: the pg driver would turn a date into a local-midnight Date.
const equipmentColumns = sql`e.id, e.customer_id, e.site_id, e.category, e.brand, e.model, e.serial_number,
  e.installed_on::text as installed_on, e.warranty_until::text as warranty_until, e.status, e.refrigerant,
  e.refrigerant_charge_g, e.hermetically_sealed, e.leak_detection, e.installer, e.notes, e.created_at, e.updated_at,
  e.deleted_at, e.version`;

export class EquipmentRepo {
  async insert(tx: Tx, tenantId: string, customerId: string, record: EquipmentRecord, now: Date): Promise<EquipmentRow> {
    await tx
      .insertInto('equipment')
      .values({ ...toColumns(record), id: record.id, tenant_id: tenantId, customer_id: customerId, site_id: record.siteId, category: record.category, brand: record.brand, created_at: now, updated_at: now })
      .execute();
    return this.findByIdOrThrow(tx, record.id);
  }

  async findById(tx: Tx, id: string): Promise<EquipmentRow | undefined> {
    const result = await sql<Row>`select ${equipmentColumns} from equipment e where e.id = ${id}`.execute(tx);
    const row = result.rows[0];
    return row && toEquipment(row);
  }

  // Another live piece of this brand with this serial number (the unique index would refuse it).
  async findBySerial(tx: Tx, brand: string, serialNumber: string): Promise<{ id: string } | undefined> {
    const result = await sql<{ id: string }>`
      select id from equipment where lower(brand) = lower(${brand}) and serial_number = ${serialNumber} and deleted_at is null`.execute(tx);
    return result.rows[0];
  }

  // Compare-and-set on version: the only way an equipment row changes.
  async update(tx: Tx, id: string, expectedVersion: number, changes: Partial<EquipmentRecord> & { customerId?: string; deletedAt?: Date | null }, now: Date): Promise<VersionedUpdate<EquipmentRow>> {
    const { deletedAt, customerId, ...fields } = changes;
    const row = await tx
      .updateTable('equipment')
      .set({
        ...toColumns(fields),
        ...(customerId !== undefined && { customer_id: customerId }),
        ...(deletedAt !== undefined && { deleted_at: deletedAt }),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (row) return { kind: 'updated', record: await this.findByIdOrThrow(tx, id) };
    return staleOrMissing(tx, 'equipment', id);
  }

  // Ordered by category, brand, id: how a technician scans what stands at a site.
  async list(tx: Tx, filters: EquipmentFilters, after: [string, string, string] | null, limit: number): Promise<EquipmentRow[]> {
    const where = sql.join([sql`true`, ...conditions(filters), ...(after ? [sql`(e.category, e.brand, e.id) > (${after[0]}, ${after[1]}, ${after[2]})`] : [])], sql` and `);
    const result = await sql<Row>`select ${equipmentColumns} from equipment e where ${where} order by e.category, e.brand, e.id limit ${limit}`.execute(tx);
    return result.rows.map(toEquipment);
  }

  async count(tx: Tx, filters: EquipmentFilters): Promise<number> {
    const where = sql.join([sql`true`, ...conditions(filters)], sql` and `);
    const result = await sql<{ count: string }>`select count(*) as count from equipment e where ${where}`.execute(tx);
    return Number(result.rows[0]?.count ?? 0);
  }

  // Everything the compliance view rates: live equipment holding a refrigerant, with its
  // customer's name, in one statement.
  async listWithRefrigerant(tx: Tx): Promise<Array<EquipmentRow & { customerName: string }>> {
    const result = await sql<Row & { customer_name: string }>`
      select ${equipmentColumns}, c.name as customer_name
      from equipment e join customers c on c.id = e.customer_id
      where e.refrigerant is not null and e.deleted_at is null and e.status <> 'decommissioned' and c.deleted_at is null
      order by e.id`.execute(tx);
    return result.rows.map((row) => ({ ...toEquipment(row), customerName: row.customer_name }));
  }

  async insertRegisterEntry(tx: Tx, tenantId: string, entry: Omit<RegisterRow, 'createdAt'>, now: Date): Promise<RegisterRow> {
    await tx
      .insertInto('fgas_register')
      .values({
        id: entry.id,
        tenant_id: tenantId,
        equipment_id: entry.equipmentId,
        performed_on: entry.performedOn,
        kind: entry.kind,
        result: entry.result,
        technician_name: entry.technicianName,
        technician_user_id: entry.technicianUserId,
        certificate_number: entry.certificateNumber,
        refrigerant_added_g: entry.refrigerantAddedG,
        refrigerant_recovered_g: entry.refrigerantRecoveredG,
        notes: entry.notes,
        voids_entry_id: entry.voidsEntryId,
        recorded_by: entry.recordedBy,
        created_at: now,
      })
      .execute();
    const [saved] = await this.registerOf(tx, [entry.equipmentId], sql`r.id = ${entry.id}`);
    if (!saved) throw new Error(`register entry ${entry.id} vanished inside its own transaction`);
    return saved;
  }

  private async findByIdOrThrow(tx: Tx, id: string): Promise<EquipmentRow> {
    const row = await this.findById(tx, id);
    if (!row) throw new Error(`equipment ${id} vanished inside its own transaction`);
    return row;
  }

  // The register of some equipment, newest first (performed on, then recorded at).
  async registerOf(tx: Tx, equipmentIds: string[], extra: Expression<SqlBool> = sql<SqlBool>`true`): Promise<RegisterRow[]> {
    if (equipmentIds.length === 0) return [];
    const result = await sql<RegisterSqlRow>`
      select r.id, r.equipment_id, r.performed_on::text as performed_on, r.kind, r.result, r.technician_name, r.technician_user_id,
        r.certificate_number, r.refrigerant_added_g, r.refrigerant_recovered_g, r.notes, r.voids_entry_id, r.recorded_by, r.created_at
      from fgas_register r
      where r.equipment_id = any(${equipmentIds}::uuid[]) and ${extra}
      order by r.performed_on desc, r.created_at desc, r.id desc`.execute(tx);
    return result.rows.map(toRegisterRow);
  }
}

function conditions(filters: EquipmentFilters): Array<Expression<SqlBool>> {
  const list: Array<Expression<SqlBool>> = [];
  if (!filters.includeDeleted) list.push(sql<SqlBool>`e.deleted_at is null`);
  if (filters.customerId) list.push(sql<SqlBool>`e.customer_id = ${filters.customerId}`);
  if (filters.siteId) list.push(sql<SqlBool>`e.site_id = ${filters.siteId}`);
  if (filters.category) list.push(sql<SqlBool>`e.category = ${filters.category}`);
  return list;
}

function toColumns(record: Partial<EquipmentRecord>) {
  return {
    ...(record.siteId !== undefined && { site_id: record.siteId }),
    ...(record.category !== undefined && { category: record.category }),
    ...(record.brand !== undefined && { brand: record.brand }),
    ...(record.model !== undefined && { model: record.model }),
    ...(record.serialNumber !== undefined && { serial_number: record.serialNumber }),
    ...(record.installedOn !== undefined && { installed_on: record.installedOn }),
    ...(record.warrantyUntil !== undefined && { warranty_until: record.warrantyUntil }),
    ...(record.status !== undefined && { status: record.status }),
    ...(record.refrigerant !== undefined && { refrigerant: record.refrigerant }),
    ...(record.refrigerantChargeG !== undefined && { refrigerant_charge_g: record.refrigerantChargeG }),
    ...(record.hermeticallySealed !== undefined && { hermetically_sealed: record.hermeticallySealed }),
    ...(record.leakDetection !== undefined && { leak_detection: record.leakDetection }),
    ...(record.installer !== undefined && { installer: record.installer }),
    ...(record.notes !== undefined && { notes: record.notes }),
  };
}

type Row = {
  id: string;
  customer_id: string;
  site_id: string;
  category: EquipmentCategory;
  brand: string;
  model: string | null;
  serial_number: string | null;
  installed_on: string | null;
  warranty_until: string | null;
  status: 'active' | 'faulty' | 'decommissioned';
  refrigerant: string | null;
  refrigerant_charge_g: number | null;
  hermetically_sealed: boolean;
  leak_detection: boolean;
  installer: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
};

function toEquipment(row: Row): EquipmentRow {
  return {
    id: row.id,
    customerId: row.customer_id,
    siteId: row.site_id,
    category: row.category,
    brand: row.brand,
    model: row.model,
    serialNumber: row.serial_number,
    installedOn: row.installed_on,
    warrantyUntil: row.warranty_until,
    status: row.status,
    refrigerant: row.refrigerant,
    refrigerantChargeG: row.refrigerant_charge_g,
    hermeticallySealed: row.hermetically_sealed,
    leakDetection: row.leak_detection,
    installer: row.installer,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}

type RegisterSqlRow = {
  id: string;
  equipment_id: string;
  performed_on: string;
  kind: FgasEntryKind;
  result: FgasCheckResult | null;
  technician_name: string;
  technician_user_id: string | null;
  certificate_number: string;
  refrigerant_added_g: number;
  refrigerant_recovered_g: number;
  notes: string | null;
  voids_entry_id: string | null;
  recorded_by: string | null;
  created_at: Date;
};

function toRegisterRow(row: RegisterSqlRow): RegisterRow {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    performedOn: row.performed_on,
    kind: row.kind,
    result: row.result,
    technicianName: row.technician_name,
    technicianUserId: row.technician_user_id,
    certificateNumber: row.certificate_number,
    refrigerantAddedG: row.refrigerant_added_g,
    refrigerantRecoveredG: row.refrigerant_recovered_g,
    notes: row.notes,
    voidsEntryId: row.voids_entry_id,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}
