import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { TechnicianSkill } from '../../core/db/schema.ts';
import type { AbsenceSpan, CertificateKind, CertificateNotice, WorkingHours } from './working-time.ts';

export interface TechnicianRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  skills: TechnicianSkill[];
  fgasCategory: 'I' | 'II' | 'III' | 'IV' | null;
  fgasCertificateNumber: string | null;
  fgasCertificateExpiresOn: string | null;
  sepLicenceNumber: string | null;
  sepLicenceExpiresOn: string | null;
  homeLabel: string | null;
  homeLat: number | null;
  homeLng: number | null;
  workingHours: WorkingHours;
  vehicle: string | null;
  active: boolean;
  createdAt: Date;
  version: number;
}

export type TechnicianValues = Omit<TechnicianRow, 'id' | 'userId' | 'name' | 'email' | 'role' | 'createdAt' | 'version'>;

export interface AbsenceRow extends AbsenceSpan {
  id: string;
  technicianId: string;
  kind: 'vacation' | 'sick' | 'training' | 'other';
  note: string | null;
  createdAt: Date;
}

export class TechniciansRepo {
  private select(tx: Tx) {
    return tx
      .selectFrom('technicians as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 't.user_id').onRef('m.tenant_id', '=', 't.tenant_id'))
      .select([
        't.id',
        't.user_id as userId',
        'u.name',
        'u.email',
        'm.role',
        't.skills',
        't.fgas_category as fgasCategory',
        't.fgas_certificate_number as fgasCertificateNumber',
        sql<string | null>`t.fgas_certificate_expires_on::text`.as('fgasCertificateExpiresOn'),
        't.sep_licence_number as sepLicenceNumber',
        sql<string | null>`t.sep_licence_expires_on::text`.as('sepLicenceExpiresOn'),
        't.home_label as homeLabel',
        't.home_lat as homeLat',
        't.home_lng as homeLng',
        sql<WorkingHours>`t.working_hours`.as('workingHours'),
        't.vehicle',
        't.active',
        't.created_at as createdAt',
        't.version',
      ]);
  }

  async list(tx: Tx, filter: { activeOnly?: boolean; ids?: readonly string[] } = {}): Promise<TechnicianRow[]> {
    let query = this.select(tx).orderBy('u.name').orderBy('t.id');
    if (filter.activeOnly) query = query.where('t.active', '=', true);
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      query = query.where('t.id', 'in', filter.ids);
    }
    return query.execute();
  }

  async find(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<TechnicianRow | undefined> {
    if (options.forUpdate) await tx.selectFrom('technicians').select('id').where('id', '=', id).forUpdate().execute();
    return this.select(tx).where('t.id', '=', id).executeTakeFirst();
  }

  // Serialises work on one technician's own records (positions, calendar feeds). NO KEY UPDATE:
  // rows elsewhere that merely reference the technician can still be inserted meanwhile.
  async lockForOwnRecords(tx: Tx, id: string): Promise<void> {
    await tx.selectFrom('technicians').select('id').where('id', '=', id).forNoKeyUpdate().execute();
  }

  async findByUser(tx: Tx, userId: string): Promise<TechnicianRow | undefined> {
    return this.select(tx).where('t.user_id', '=', userId).executeTakeFirst();
  }

  async insert(tx: Tx, tenantId: string, row: TechnicianValues & { id: string; userId: string }, now: Date): Promise<boolean> {
    const inserted = await tx
      .insertInto('technicians')
      .values({ id: row.id, tenant_id: tenantId, user_id: row.userId, ...columnsOf(row), created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async update(tx: Tx, id: string, expectedVersion: number, row: TechnicianValues, now: Date): Promise<boolean> {
    const updated = await tx
      .updateTable('technicians')
      .set({ ...columnsOf(row), updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async absences(tx: Tx, technicianIds: readonly string[], range: { from?: string; to?: string } = {}): Promise<AbsenceRow[]> {
    if (technicianIds.length === 0) return [];
    let query = tx
      .selectFrom('technician_absences')
      .select([
        'id',
        'technician_id as technicianId',
        sql<string>`starts_on::text`.as('startsOn'),
        sql<string>`ends_on::text`.as('endsOn'),
        'kind',
        'note',
        'created_at as createdAt',
      ])
      .where('technician_id', 'in', technicianIds)
      .where('deleted_at', 'is', null)
      .orderBy('starts_on')
      .orderBy('id');
    if (range.from) query = query.where('ends_on', '>=', range.from);
    if (range.to) query = query.where('starts_on', '<=', range.to);
    return query.execute();
  }

  async insertAbsence(tx: Tx, tenantId: string, absence: Omit<AbsenceRow, 'createdAt'>, createdBy: string | null, now: Date): Promise<void> {
    await tx
      .insertInto('technician_absences')
      .values({
        id: absence.id,
        tenant_id: tenantId,
        technician_id: absence.technicianId,
        starts_on: absence.startsOn,
        ends_on: absence.endsOn,
        kind: absence.kind,
        note: absence.note,
        created_by: createdBy,
        created_at: now,
      })
      .execute();
  }

  // Marks the absence removed; false when there was none (or it was removed already).
  async removeAbsence(tx: Tx, technicianId: string, absenceId: string, now: Date): Promise<boolean> {
    const updated = await tx
      .updateTable('technician_absences')
      .set({ deleted_at: now })
      .where('id', '=', absenceId)
      .where('technician_id', '=', technicianId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  // Records a certificate notice unless it was sent before; true when this call recorded it.
  async recordNotice(tx: Tx, tenantId: string, technicianId: string, notice: { certificate: CertificateKind; expiresOn: string; notice: CertificateNotice }, now: Date): Promise<boolean> {
    const inserted = await tx
      .insertInto('technician_certificate_notices')
      .values({ tenant_id: tenantId, technician_id: technicianId, certificate: notice.certificate, expires_on: notice.expiresOn, notice: notice.notice, sent_at: now })
      .onConflict((conflict) => conflict.doNothing())
      .returning('technician_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  // Tenants with at least one active technician holding a certificate with an expiry date.
  async tenantsWithCertificates(tx: Tx): Promise<string[]> {
    const rows = await tx
      .selectFrom('technicians')
      .select('tenant_id')
      .distinct()
      .where('active', '=', true)
      .where((where) => where.or([where('fgas_certificate_expires_on', 'is not', null), where('sep_licence_expires_on', 'is not', null)]))
      .execute();
    return rows.map((row) => row.tenant_id);
  }
}

function columnsOf(row: TechnicianValues) {
  return {
    skills: row.skills,
    fgas_category: row.fgasCategory,
    fgas_certificate_number: row.fgasCertificateNumber,
    fgas_certificate_expires_on: row.fgasCertificateExpiresOn,
    sep_licence_number: row.sepLicenceNumber,
    sep_licence_expires_on: row.sepLicenceExpiresOn,
    home_label: row.homeLabel,
    home_lat: row.homeLat,
    home_lng: row.homeLng,
    working_hours: JSON.stringify(row.workingHours),
    vehicle: row.vehicle,
    active: row.active,
  };
}
