import { recordAudit } from '../../core/audit/audit.ts';
import { businessDate, type Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor, parseFields, pickFields, type Page } from '../../core/http/list-query.ts';
import { staleVersion, updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import { liveReference } from '../../core/live-reference.ts';
import type { EquipmentRecord, EquipmentRepo, EquipmentRow, RegisterRow } from './equipment.repo.ts';
import {
  equipmentFields,
  type Compliance,
  type ComplianceInput,
  type CreateEquipmentInput,
  type CreateRegisterEntryInput,
  type Equipment,
  type EquipmentListInput,
  type FgasSummary,
  type RegisterEntry,
  type UpdateEquipmentInput,
} from './equipment.schemas.ts';
import { assessFgasStatus, assessLeakCheckObligation, scoreFgasCompliance, type FgasStatus, type RegisterEntry as RuleEntry } from './fgas-rules.ts';
import { findRefrigerant } from './refrigerants.ts';

// What equipment needs from the CRM: the site it stands at (and so its customer).
export interface SiteDirectory {
  get(principal: Principal, siteId: string): Promise<{ id: string; customerId: string; deletedAt: string | null }>;
}

// And the customer whose equipment is listed (so another tenant's customer is a 404, not an empty list).
export interface CustomerDirectory {
  get(principal: Principal, customerId: string): Promise<{ id: string }>;
}

export interface EquipmentServiceOptions {
  db: Database;
  repo: EquipmentRepo;
  clock: Clock;
  sites: SiteDirectory;
  customers: CustomerDirectory;
}

// How far ahead "due soon" looks on an equipment record (the compliance view takes it as a parameter).
const dueSoonDays = 30;

export class EquipmentService {
  constructor(private readonly options: EquipmentServiceOptions) {}

  async create(principal: Principal, input: CreateEquipmentInput): Promise<Equipment> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const refrigerant = refrigerantOf(input.refrigerant ?? null, input.refrigerantChargeKg ?? null, errors);
    checkDates(input.installedOn ?? null, input.warrantyUntil ?? null, errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      const site = await this.liveSite(principal, input.siteId);
      const record: EquipmentRecord = {
        id: newId(),
        siteId: site.id,
        category: input.category,
        brand: input.brand.trim(),
        model: optionalText(input.model),
        serialNumber: optionalText(input.serialNumber),
        installedOn: input.installedOn ?? null,
        warrantyUntil: input.warrantyUntil ?? null,
        status: input.status ?? 'active',
        refrigerant: refrigerant.designation,
        refrigerantChargeG: refrigerant.chargeG,
        hermeticallySealed: input.hermeticallySealed ?? false,
        leakDetection: input.leakDetection ?? false,
        installer: optionalText(input.installer),
        notes: optionalText(input.notes),
      };
      await this.assertSerialFree(tx, record.brand, record.serialNumber, null);
      const saved = await repo.insert(tx, principal.tenantId, site.customerId, record, clock.now());
      await this.recordChange(tx, principal, 'equipment.created', saved, { label: labelOf(saved) });
      return this.withFgas(tx, saved);
    });
  }

  async get(principal: Principal, id: string): Promise<Equipment> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => this.withFgas(tx, await this.findOrThrow(tx, id)));
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateEquipmentInput): Promise<Equipment> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await this.findOrThrow(tx, id);
      if (current.version !== expectedVersion) throw staleVersion('This equipment', current.version);
      const errors = new FieldErrors();
      const refrigerantChanged = input.refrigerant !== undefined || input.refrigerantChargeKg !== undefined;
      const refrigerant = refrigerantChanged
        ? refrigerantOf(
            input.refrigerant === undefined ? current.refrigerant : input.refrigerant,
            input.refrigerantChargeKg === undefined ? gramsToKg(current.refrigerantChargeG) : input.refrigerantChargeKg,
            errors,
          )
        : null;
      checkDates(input.installedOn === undefined ? current.installedOn : input.installedOn, input.warrantyUntil === undefined ? current.warrantyUntil : input.warrantyUntil, errors);
      errors.throwIfAny();
      // Moved to another site: it now belongs to that site's customer.
      const site = input.siteId !== undefined && input.siteId !== current.siteId ? await this.liveSite(principal, input.siteId) : null;
      const changes: Partial<EquipmentRecord> & { customerId?: string } = {
        ...(site && { siteId: site.id, customerId: site.customerId }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.brand !== undefined && { brand: input.brand.trim() }),
        ...(input.model !== undefined && { model: optionalText(input.model) }),
        ...(input.serialNumber !== undefined && { serialNumber: optionalText(input.serialNumber) }),
        ...(input.installedOn !== undefined && { installedOn: input.installedOn }),
        ...(input.warrantyUntil !== undefined && { warrantyUntil: input.warrantyUntil }),
        ...(input.status !== undefined && { status: input.status }),
        ...(refrigerant && { refrigerant: refrigerant.designation, refrigerantChargeG: refrigerant.chargeG }),
        ...(input.hermeticallySealed !== undefined && { hermeticallySealed: input.hermeticallySealed }),
        ...(input.leakDetection !== undefined && { leakDetection: input.leakDetection }),
        ...(input.installer !== undefined && { installer: optionalText(input.installer) }),
        ...(input.notes !== undefined && { notes: optionalText(input.notes) }),
      };
      await this.assertSerialFree(tx, changes.brand ?? current.brand, changes.serialNumber === undefined ? current.serialNumber : changes.serialNumber, id);
      const saved = updatedOrThrow(await repo.update(tx, id, expectedVersion, changes, clock.now()), 'Equipment');
      await this.recordChange(tx, principal, 'equipment.updated', saved, changedFields(current, saved));
      return this.withFgas(tx, saved);
    });
  }

  // Soft delete: the F-gas register of a removed unit must stay (it is a legal record).
  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Equipment> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const saved = updatedOrThrow(await repo.update(tx, id, expectedVersion, { deletedAt: clock.now() }, clock.now()), 'Equipment');
      await this.recordChange(tx, principal, 'equipment.deleted', saved, { label: labelOf(saved) });
      return this.withFgas(tx, saved);
    });
  }

  async list(principal: Principal, query: EquipmentListInput): Promise<Page<Partial<Equipment>>> {
    const { db, repo } = this.options;
    const fields = parseFields(query.fields, equipmentFields);
    const after = query.cursor ? (decodeCursor(query.cursor, 3) as [string, string, string]) : null;
    const filters = { customerId: query.customerId, siteId: query.siteId, category: query.category, includeDeleted: query.includeDeleted };
    return db.inTenant(principal.tenantId, async (tx) => {
      if (query.customerId) await this.options.customers.get(principal, query.customerId);
      const rows = await repo.list(tx, filters, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const registers = groupByEquipment(await repo.registerOf(tx, items.map((item) => item.id)));
      const today = businessDate(this.options.clock.now());
      const page: Page<Partial<Equipment>> = {
        items: items.map((item) => pickFields(toEquipment(item, fgasSummary(item, registers.get(item.id) ?? [], today, dueSoonDays)), fields)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.category, last.brand, last.id]) : null,
      };
      if (query.withTotal) page.total = await repo.count(tx, filters);
      return page;
    });
  }

  async register(principal: Principal, equipmentId: string): Promise<{ items: RegisterEntry[] }> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      await this.findOrThrow(tx, equipmentId);
      return { items: toRegisterEntries(await this.options.repo.registerOf(tx, [equipmentId])) };
    });
  }

  // Appends to the register. Entries are never edited: a wrong one is voided by a 'void' entry.
  async addRegisterEntry(principal: Principal, equipmentId: string, input: CreateRegisterEntryInput): Promise<RegisterEntry> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const result = input.result ?? null;
    if (input.kind === 'leak_check' && result === null) errors.add('/body/result', 'required', 'a leak check records its result: no_leak, leak_found or leak_repaired');
    if (input.kind === 'void' && !input.voidsEntryId) errors.add('/body/voidsEntryId', 'required', 'a void entry names the entry it cancels');
    if (input.kind !== 'void' && input.voidsEntryId) errors.add('/body/voidsEntryId', 'not_allowed', 'only a void entry names another entry');
    if (input.performedOn > businessDate(clock.now())) errors.add('/body/performedOn', 'not_in_future', 'the register records work done, not planned');
    const addedG = gramsOf(input.refrigerantAddedKg ?? 0, '/body/refrigerantAddedKg', errors);
    const recoveredG = gramsOf(input.refrigerantRecoveredKg ?? 0, '/body/refrigerantRecoveredKg', errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      const equipment = await this.findOrThrow(tx, equipmentId);
      const existing = await repo.registerOf(tx, [equipmentId]);
      if (input.voidsEntryId) checkVoidable(existing, input.voidsEntryId);
      const entry = await repo.insertRegisterEntry(
        tx,
        principal.tenantId,
        {
          id: newId(),
          equipmentId,
          performedOn: input.performedOn,
          kind: input.kind,
          result,
          technicianName: input.technicianName.trim(),
          technicianUserId: input.technicianUserId ?? null,
          certificateNumber: input.certificateNumber.trim(),
          refrigerantAddedG: addedG,
          refrigerantRecoveredG: recoveredG,
          notes: optionalText(input.notes),
          voidsEntryId: input.voidsEntryId ?? null,
          recordedBy: principal.userId,
        },
        clock.now(),
      );
      const details = { customerId: equipment.customerId, equipmentId, label: labelOf(equipment), kind: entry.kind, result: entry.result, performedOn: entry.performedOn };
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'fgas.recorded', entityType: 'fgas_register', entityId: entry.id, details });
      await recordEvent(tx, { tenantId: principal.tenantId, type: 'fgas.recorded', payload: { entryId: entry.id, ...details } });
      const [saved] = toRegisterEntries([entry, ...existing]);
      if (!saved) throw new Error('the new register entry is missing from its own register');
      return saved;
    });
  }

  // The F-gas view of the whole tenant: every unit holding a refrigerant, rated today.
  async compliance(principal: Principal, query: ComplianceInput): Promise<Compliance> {
    const { db, repo, clock } = this.options;
    const today = businessDate(clock.now());
    const listed = new Set(query.status ? query.status.split(',') : ['due_soon', 'overdue', 'non_compliant']);
    return db.inTenant(principal.tenantId, async (tx) => {
      const units = await repo.listWithRefrigerant(tx);
      const registers = groupByEquipment(await repo.registerOf(tx, units.map((unit) => unit.id)));
      const rated = units.map((unit) => ({ unit, fgas: fgasSummary(unit, registers.get(unit.id) ?? [], today, query.dueWithinDays) }));
      const count = (status: FgasSummary['status']) => rated.filter((item) => item.fgas.status === status).length;
      const score = scoreFgasCompliance(rated.filter((item) => item.fgas.inScope).map((item) => item.fgas));
      const items = rated
        .filter((item) => listed.has(item.fgas.status))
        .sort((a, b) => (a.fgas.nextCheckDue ?? '').localeCompare(b.fgas.nextCheckDue ?? '') || a.unit.id.localeCompare(b.unit.id))
        .map(({ unit, fgas }) => ({ equipment: pickCompliance(toEquipment(unit, fgas)), customerName: unit.customerName, fgas }));
      return {
        asOf: today,
        score: score.share,
        counts: { inScope: score.inScope, ok: count('ok'), dueSoon: count('due_soon'), overdue: count('overdue'), nonCompliant: count('non_compliant'), notInScope: count('not_in_scope') },
        items,
      };
    });
  }

  private async withFgas(tx: Tx, row: EquipmentRow): Promise<Equipment> {
    const register = await this.options.repo.registerOf(tx, [row.id]);
    return toEquipment(row, fgasSummary(row, register, businessDate(this.options.clock.now()), dueSoonDays));
  }

  private async findOrThrow(tx: Tx, id: string): Promise<EquipmentRow> {
    const row = await this.options.repo.findById(tx, id);
    if (!row) throw notFound('Equipment');
    return row;
  }

  private async liveSite(principal: Principal, siteId: string): Promise<{ id: string; customerId: string }> {
    return liveReference('/body/siteId', () => this.options.sites.get(principal, siteId));
  }

  private async assertSerialFree(tx: Tx, brand: string, serialNumber: string | null, exceptId: string | null): Promise<void> {
    if (!serialNumber) return;
    const holder = await this.options.repo.findBySerial(tx, brand, serialNumber);
    if (holder && holder.id !== exceptId) {
      throw new AppError('conflict', `${brand} equipment with serial number ${serialNumber} is already registered`, {
        errors: [{ field: '/body/serialNumber', rule: 'unique', message: `already used by another ${brand} unit` }],
        details: { existingId: holder.id },
      });
    }
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, row: EquipmentRow, details: Record<string, unknown>): Promise<void> {
    const fullDetails = { customerId: row.customerId, siteId: row.siteId, ...details };
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'equipment', entityId: row.id, details: fullDetails });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { equipmentId: row.id, ...fullDetails, version: row.version } });
  }
}

// Refrigerant and charge come together: both (a known refrigerant, its canonical name) or neither.
function refrigerantOf(name: string | null, chargeKg: number | null, errors: FieldErrors): { designation: string | null; chargeG: number | null } {
  const trimmed = name?.trim() || null;
  if (trimmed === null && chargeKg === null) return { designation: null, chargeG: null };
  if (trimmed === null) errors.add('/body/refrigerant', 'required', 'is required when a charge is given');
  if (chargeKg === null) errors.add('/body/refrigerantChargeKg', 'required', 'is required when a refrigerant is given');
  const refrigerant = trimmed === null ? null : findRefrigerant(trimmed);
  if (trimmed !== null && refrigerant === null) errors.add('/body/refrigerant', 'known_refrigerant', `"${trimmed}" is not a refrigerant Pasja knows (e.g. R-410A, R-32, R-290)`);
  return { designation: refrigerant?.designation ?? null, chargeG: chargeKg === null ? null : gramsOf(chargeKg, '/body/refrigerantChargeKg', errors) };
}

function checkDates(installedOn: string | null, warrantyUntil: string | null, errors: FieldErrors): void {
  if (installedOn && warrantyUntil && warrantyUntil < installedOn) errors.add('/body/warrantyUntil', 'after_installation', 'must not be before the installation date');
}

function checkVoidable(register: RegisterRow[], entryId: string): void {
  const target = register.find((entry) => entry.id === entryId);
  const problem = !target
    ? 'no entry with this id in this equipment\'s register'
    : target.kind === 'void'
      ? 'a void entry cannot itself be voided'
      : register.some((entry) => entry.voidsEntryId === entryId)
        ? 'this entry is already voided'
        : null;
  if (problem) throw new AppError('invalid_input', `/body/voidsEntryId: ${problem}`, { errors: [{ field: '/body/voidsEntryId', rule: 'voidable', message: problem }] });
}

// The F-gas rules read checks and repairs; a voided entry and the void itself count for nothing.
function ruleEntries(register: RegisterRow[]): RuleEntry[] {
  const voided = new Set(register.flatMap((entry) => (entry.voidsEntryId ? [entry.voidsEntryId] : [])));
  const entries: RuleEntry[] = [];
  // The rules take entries of one day in register order: oldest first.
  for (const entry of [...register].reverse()) {
    if (voided.has(entry.id) || entry.kind === 'void') continue;
    if (entry.kind === 'leak_check' && entry.result) entries.push({ date: entry.performedOn, result: entry.result });
    else if (entry.kind === 'leak_repair') entries.push({ date: entry.performedOn, result: 'leak_repaired' });
  }
  return entries;
}

function fgasSummary(row: EquipmentRow, register: RegisterRow[], today: string, soonDays: number): FgasSummary {
  const refrigerant = row.refrigerant ? findRefrigerant(row.refrigerant) : null;
  if (!refrigerant || row.refrigerantChargeG === null) {
    return { inScope: false, co2eTonnes: null, intervalMonths: null, nextCheckDue: null, status: 'not_in_scope', reason: 'no refrigerant recorded' };
  }
  const unit = { refrigerant, chargeKg: row.refrigerantChargeG / 1000, hermeticallySealed: row.hermeticallySealed, leakDetectionSystem: row.leakDetection, installedOn: row.installedOn };
  const obligation = assessLeakCheckObligation(unit);
  const status: FgasStatus = assessFgasStatus(unit, ruleEntries(register), { today, dueSoonDays: soonDays });
  return {
    inScope: obligation.inScope,
    co2eTonnes: obligation.co2eTonnes,
    intervalMonths: obligation.inScope ? obligation.intervalMonths : null,
    nextCheckDue: status.dueDate,
    status: status.status,
    reason: `${status.reason}: ${status.rule}`,
  };
}

function toEquipment(row: EquipmentRow, fgas: FgasSummary): Equipment {
  return {
    id: row.id,
    customerId: row.customerId,
    siteId: row.siteId,
    category: row.category,
    brand: row.brand,
    model: row.model,
    serialNumber: row.serialNumber,
    installedOn: row.installedOn,
    warrantyUntil: row.warrantyUntil,
    status: row.status,
    refrigerant: row.refrigerant,
    refrigerantChargeKg: gramsToKg(row.refrigerantChargeG),
    hermeticallySealed: row.hermeticallySealed,
    leakDetection: row.leakDetection,
    installer: row.installer,
    notes: row.notes,
    fgas,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
  };
}

function pickCompliance(equipment: Equipment): Compliance['items'][number]['equipment'] {
  const { id, customerId, siteId, category, brand, model, serialNumber, refrigerant, refrigerantChargeKg } = equipment;
  return { id, customerId, siteId, category, brand, model, serialNumber, refrigerant, refrigerantChargeKg };
}

function toRegisterEntries(register: RegisterRow[]): RegisterEntry[] {
  const voided = new Set(register.flatMap((entry) => (entry.voidsEntryId ? [entry.voidsEntryId] : [])));
  return register.map((entry) => ({
    id: entry.id,
    equipmentId: entry.equipmentId,
    performedOn: entry.performedOn,
    kind: entry.kind,
    result: entry.result,
    technicianName: entry.technicianName,
    technicianUserId: entry.technicianUserId,
    certificateNumber: entry.certificateNumber,
    refrigerantAddedKg: entry.refrigerantAddedG / 1000,
    refrigerantRecoveredKg: entry.refrigerantRecoveredG / 1000,
    notes: entry.notes,
    voidsEntryId: entry.voidsEntryId,
    voided: voided.has(entry.id),
    recordedBy: entry.recordedBy,
    createdAt: entry.createdAt.toISOString(),
  }));
}

function groupByEquipment(register: RegisterRow[]): Map<string, RegisterRow[]> {
  const grouped = new Map<string, RegisterRow[]>();
  for (const entry of register) grouped.set(entry.equipmentId, [...(grouped.get(entry.equipmentId) ?? []), entry]);
  return grouped;
}

// Charges are entered in kg with up to three decimals: grams exactly, or a problem for the field.
function gramsOf(kg: number, field: string, errors: FieldErrors): number {
  const grams = Math.round(kg * 1000);
  if (Math.abs(kg * 1000 - grams) > 1e-6) errors.add(field, 'grams', 'at most three decimals (whole grams)');
  return grams;
}

function gramsToKg(grams: number | null): number | null {
  return grams === null ? null : grams / 1000;
}

function optionalText(input: string | null | undefined): string | null {
  const value = input?.trim();
  return value ? value : null;
}

function labelOf(row: Pick<EquipmentRow, 'brand' | 'model' | 'serialNumber'>): string {
  return [row.brand, row.model, row.serialNumber && `s/n ${row.serialNumber}`].filter(Boolean).join(' ');
}

function changedFields(before: EquipmentRow, after: EquipmentRow): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(after) as Array<keyof EquipmentRow>) {
    if (field === 'updatedAt' || field === 'version' || field === 'createdAt') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
