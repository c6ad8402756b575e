import { recordAudit } from '../../core/audit/audit.ts';
import { businessDate, type Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { staleVersion } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import { newCorrelationId, runWithContext } from '../../core/log/context.ts';
import type { Logger } from '../../core/log/logger.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
import type { AbsenceRow, TechnicianRow, TechniciansRepo, TechnicianValues } from './technicians.repo.ts';
import type { Absence, CreateAbsenceInput, CreateTechnicianInput, Technician, UpdateTechnicianInput } from './technicians.schemas.ts';
import { certificateNoticesDue, defaultWorkingHours, invalidWorkingDays } from './working-time.ts';

export interface MemberDirectory {
  isMember(tenantId: string, userId: string): Promise<boolean>;
}

export interface TechniciansServiceOptions {
  db: Database;
  repo: TechniciansRepo;
  clock: Clock;
  members: MemberDirectory;
  logger: Logger;
}

// Technicians as dispatch sees them: a member of the company with skills, certificates, a home
// base, working hours and absences. A daily check tells (by event) about certificates that expire
// within a month or have expired, each notice once.
export class TechniciansService {
  private readonly certificateCheck: PeriodicTask;

  constructor(private readonly options: TechniciansServiceOptions) {
    this.certificateCheck = new PeriodicTask({ name: 'certificate notices sent', intervalMs: 6 * 60 * 60_000, logger: options.logger, pass: () => this.checkCertificates() });
  }

  start(): void {
    this.certificateCheck.start();
  }

  stop(): Promise<void> {
    return this.certificateCheck.stop();
  }

  async list(principal: Principal, filter: { activeOnly?: boolean } = {}): Promise<Technician[]> {
    const rows = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.list(tx, filter));
    return rows.map(describe);
  }

  async get(principal: Principal, id: string): Promise<Technician> {
    return describe(await this.options.db.inTenant(principal.tenantId, (tx) => this.findOrThrow(tx, id)));
  }

  // For planning and the board, inside the caller's transaction.
  async rowsIn(tx: Tx, filter: { activeOnly?: boolean; ids?: readonly string[] }): Promise<TechnicianRow[]> {
    return this.options.repo.list(tx, filter);
  }

  async absencesIn(tx: Tx, technicianIds: readonly string[], range: { from?: string; to?: string }): Promise<AbsenceRow[]> {
    return this.options.repo.absences(tx, technicianIds, range);
  }

  async findIn(tx: Tx, id: string): Promise<TechnicianRow> {
    return this.findOrThrow(tx, id);
  }

  async lockIn(tx: Tx, id: string): Promise<void> {
    await this.options.repo.lockForOwnRecords(tx, id);
  }

  // The technician profile of the calling user (a technician's own device posting positions).
  async ownIn(tx: Tx, principal: Principal): Promise<TechnicianRow> {
    const row = principal.userId ? await this.options.repo.findByUser(tx, principal.userId) : undefined;
    if (!row) throw new AppError('forbidden', 'Only a technician can do this: your user has no technician profile');
    return row;
  }

  async create(principal: Principal, input: CreateTechnicianInput): Promise<Technician> {
    const { db, repo, clock, members } = this.options;
    const values = valuesOf(input, { skills: [], fgasCategory: null, fgasCertificateNumber: null, fgasCertificateExpiresOn: null, sepLicenceNumber: null, sepLicenceExpiresOn: null, homeLabel: null, homeLat: null, homeLng: null, workingHours: defaultWorkingHours, vehicle: null, active: true });
    if (!(await members.isMember(principal.tenantId, input.userId))) {
      throw new AppError('invalid_input', 'userId: is not a member of this company', { errors: [{ field: '/body/userId', rule: 'member', message: 'is not a member of this company' }] });
    }
    return db.inTenant(principal.tenantId, async (tx) => {
      const id = newId();
      if (!(await repo.insert(tx, principal.tenantId, { ...values, id, userId: input.userId }, clock.now()))) {
        throw new AppError('conflict', 'This member already has a technician profile', { details: { userId: input.userId } });
      }
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.created', entityType: 'technician', entityId: id, details: { userId: input.userId, skills: values.skills } });
      return describe(await this.findOrThrow(tx, id));
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateTechnicianInput): Promise<Technician> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await this.findOrThrow(tx, id, { forUpdate: true });
      if (current.version !== expectedVersion) throw staleVersion('This technician', current.version);
      const values = valuesOf(input, current);
      if (!(await repo.update(tx, id, expectedVersion, values, clock.now()))) throw staleVersion('This technician', current.version);
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.updated', entityType: 'technician', entityId: id, details: { changed: Object.keys(input).filter((key) => key !== 'version') } });
      return describe(await this.findOrThrow(tx, id));
    });
  }

  async listAbsences(principal: Principal, technicianId: string, range: { from?: string; to?: string }): Promise<Absence[]> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      await this.findOrThrow(tx, technicianId);
      return (await this.options.repo.absences(tx, [technicianId], range)).map(describeAbsence);
    });
  }

  async addAbsence(principal: Principal, technicianId: string, input: CreateAbsenceInput): Promise<Absence> {
    const { db, repo, clock } = this.options;
    if (input.endsOn < input.startsOn) {
      throw new AppError('invalid_input', 'endsOn: must not be before startsOn', { errors: [{ field: '/body/endsOn', rule: 'after_start', message: 'must not be before startsOn' }] });
    }
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.findOrThrow(tx, technicianId);
      const now = clock.now();
      const absence = { id: newId(), technicianId, startsOn: input.startsOn, endsOn: input.endsOn, kind: input.kind, note: input.note?.trim() || null };
      await repo.insertAbsence(tx, principal.tenantId, absence, principal.userId, now);
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.absence_added', entityType: 'technician', entityId: technicianId, details: { absenceId: absence.id, startsOn: input.startsOn, endsOn: input.endsOn, kind: input.kind } });
      return describeAbsence({ ...absence, createdAt: now });
    });
  }

  async removeAbsence(principal: Principal, technicianId: string, absenceId: string): Promise<void> {
    const { db, repo, clock } = this.options;
    await db.inTenant(principal.tenantId, async (tx) => {
      if (!(await repo.removeAbsence(tx, technicianId, absenceId, clock.now()))) throw notFound('Absence');
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.absence_removed', entityType: 'technician', entityId: technicianId, details: { absenceId } });
    });
  }

  // One pass over every company: a `technician.certificate_expiring` (or `_expired`) event per
  // certificate and notice not sent before. Safe to run twice: the notice table remembers.
  async checkCertificates(today: string = businessDate(this.options.clock.now())): Promise<number> {
    const { db, repo } = this.options;
    return runWithContext({ correlationId: newCorrelationId() }, async () => {
      const tenants = await db.asSystem((tx) => repo.tenantsWithCertificates(tx));
      let sent = 0;
      for (const tenantId of tenants) sent += await this.checkTenantCertificates(tenantId, today);
      return sent;
    });
  }

  async checkCertificatesForTenant(principal: Principal): Promise<{ noticesSent: number; asOf: string }> {
    const today = businessDate(this.options.clock.now());
    return { noticesSent: await this.checkTenantCertificates(principal.tenantId, today), asOf: today };
  }

  private async checkTenantCertificates(tenantId: string, today: string): Promise<number> {
    const { db, repo, clock } = this.options;
    return db.inTenant(tenantId, async (tx) => {
      let sent = 0;
      for (const technician of await repo.list(tx, { activeOnly: true })) {
        const due = certificateNoticesDue(
          [
            { certificate: 'fgas', expiresOn: technician.fgasCertificateExpiresOn },
            { certificate: 'sep', expiresOn: technician.sepLicenceExpiresOn },
          ],
          today,
        );
        for (const notice of due) {
          if (!(await repo.recordNotice(tx, tenantId, technician.id, notice, clock.now()))) continue;
          await recordEvent(tx, {
            tenantId,
            type: notice.notice === 'expired' ? 'technician.certificate_expired' : 'technician.certificate_expiring',
            payload: { technicianId: technician.id, userId: technician.userId, name: technician.name, certificate: notice.certificate, expiresOn: notice.expiresOn },
          });
          sent++;
        }
      }
      return sent;
    });
  }

  private async findOrThrow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<TechnicianRow> {
    const row = await this.options.repo.find(tx, id, options);
    if (!row) throw notFound('Technician');
    return row;
  }
}

// The stored values after applying what the input gives (an absent key keeps the current value).
function valuesOf(input: Omit<UpdateTechnicianInput, 'version'>, current: TechnicianValues): TechnicianValues {
  const errors = new FieldErrors();
  const values: TechnicianValues = { ...current };
  if (input.skills !== undefined) values.skills = [...input.skills];
  if (input.fgasCertificate !== undefined) {
    values.fgasCategory = input.fgasCertificate?.category ?? null;
    values.fgasCertificateNumber = input.fgasCertificate?.number.trim() ?? null;
    values.fgasCertificateExpiresOn = input.fgasCertificate?.expiresOn ?? null;
  }
  if (input.sepLicence !== undefined) {
    values.sepLicenceNumber = input.sepLicence?.number.trim() ?? null;
    values.sepLicenceExpiresOn = input.sepLicence?.expiresOn ?? null;
  }
  if (input.homeBase !== undefined) {
    values.homeLabel = input.homeBase?.label.trim() ?? null;
    values.homeLat = input.homeBase?.lat ?? null;
    values.homeLng = input.homeBase?.lng ?? null;
  }
  if (input.workingHours !== undefined) values.workingHours = input.workingHours;
  if (input.vehicle !== undefined) values.vehicle = input.vehicle?.trim() || null;
  if (input.active !== undefined) values.active = input.active;
  // Work on F-gas equipment needs a personal F-gas certificate under the EU F-gas rules.
  if (values.skills.includes('refrigeration') && values.fgasCategory === null) {
    errors.add('/body/fgasCertificate', 'required_for_refrigeration', 'is required for the refrigeration skill (F-gas personal certificate)');
  }
  if (values.skills.includes('electrical') && values.sepLicenceNumber === null) {
    errors.add('/body/sepLicence', 'required_for_electrical', 'is required for the electrical skill (SEP licence)');
  }
  for (const day of invalidWorkingDays(values.workingHours)) errors.add(`/body/workingHours/${day}`, 'end_after_start', 'must end after it starts');
  errors.throwIfAny();
  return values;
}

function describe(row: TechnicianRow): Technician {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    email: row.email,
    skills: row.skills,
    fgasCertificate:
      row.fgasCategory && row.fgasCertificateNumber && row.fgasCertificateExpiresOn
        ? { category: row.fgasCategory, number: row.fgasCertificateNumber, expiresOn: row.fgasCertificateExpiresOn }
        : null,
    sepLicence: row.sepLicenceNumber ? { number: row.sepLicenceNumber, expiresOn: row.sepLicenceExpiresOn } : null,
    homeBase: row.homeLabel !== null && row.homeLat !== null && row.homeLng !== null ? { label: row.homeLabel, lat: row.homeLat, lng: row.homeLng } : null,
    workingHours: [...row.workingHours],
    vehicle: row.vehicle,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function describeAbsence(row: AbsenceRow): Absence {
  return { id: row.id, technicianId: row.technicianId, startsOn: row.startsOn, endsOn: row.endsOn, kind: row.kind, note: row.note, createdAt: row.createdAt.toISOString() };
}
