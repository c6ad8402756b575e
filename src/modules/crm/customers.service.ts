import { recordAudit } from '../../core/audit/audit.ts';
import type { ReadThrough } from '../../core/cache/read-through.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor, parseFields, pickFields, type Page } from '../../core/http/list-query.ts';
import { staleVersion, updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import type { CustomFieldsService } from './custom-fields.service.ts';
import type { CustomersRepo, CustomerRecord } from './customers.repo.ts';
import {
  customerFields,
  customerListFields,
  type CustomerListItem,
  type CustomerSummary,
  type BatchInput,
  type BatchResult,
  type CreateCustomerInput,
  type Customer,
  type CustomerListInput,
  type UpdateCustomerInput,
} from './customers.schemas.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import { validatePolishId, type PolishIdKind } from './polish-ids.ts';

export interface MemberDirectory {
  isMember(tenantId: string, userId: string): Promise<boolean>;
}

export interface CustomersServiceOptions {
  db: Database;
  repo: CustomersRepo;
  clock: Clock;
  reads: ReadThrough;
  members: MemberDirectory;
  customFields: CustomFieldsService;
}

const customerCacheTtlMs = 3_600_000;

// Cache keys and tags carry the tenant: one tenant's entry can never answer another's read.
export const customerCacheTag = (tenantId: string, id: string) => `t:${tenantId}:customer:${id}`;

export class CustomersService {
  constructor(private readonly options: CustomersServiceOptions) {}

  async create(principal: Principal, input: CreateCustomerInput, path = '/body'): Promise<Customer> {
    const { db, repo, clock } = this.options;
    const record = await this.validateNew(principal.tenantId, input, path);
    const customer = await db.inTenant(principal.tenantId, async (tx) => {
      await this.assertNipFree(tx, record.nip, null, path);
      const created = await repo.insert(tx, principal.tenantId, record, clock.now());
      await this.recordChange(tx, principal, 'customer.created', created, { kind: created.kind, name: created.name });
      return created;
    });
    return customer;
  }

  async get(principal: Principal, id: string): Promise<Customer> {
    const { db, repo, reads } = this.options;
    const tag = customerCacheTag(principal.tenantId, id);
    // Long TTL: every write invalidates the entry precisely, so age alone never makes it wrong.
    const customer = await reads.get({ key: tag, tags: [tag], ttlMs: customerCacheTtlMs, load: () => db.inTenant(principal.tenantId, (tx) => repo.findById(tx, id)) });
    if (!customer) throw notFound('Customer');
    return customer;
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateCustomerInput, path = '/body'): Promise<Customer> {
    const { db, repo, clock } = this.options;
    const updated = await db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Customer');
      if (current.version !== expectedVersion) throw staleVersion('This customer', current.version);
      const changes = await this.validateChanges(principal.tenantId, current, input, path);
      await this.assertNipFree(tx, changes.nip, id, path);
      const outcome = await repo.update(tx, id, expectedVersion, changes, clock.now());
      const saved = updatedOrThrow(outcome, 'Customer');
      await this.recordChange(tx, principal, 'customer.updated', saved, diff(current, saved));
      await this.invalidateAfterCommit(principal.tenantId, id);
      return saved;
    });
    return updated;
  }

  // Soft delete: the record stays (with its history) and can be restored.
  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Customer> {
    return this.setDeleted(principal, id, expectedVersion, true);
  }

  async restore(principal: Principal, id: string, expectedVersion: number): Promise<Customer> {
    return this.setDeleted(principal, id, expectedVersion, false);
  }

  async list(principal: Principal, query: CustomerListInput): Promise<Page<Partial<CustomerListItem>>> {
    const { db, repo } = this.options;
    const fields = parseFields(query.fields, customerListFields);
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string | number | null, string]) : null;
    const filters = { q: query.q, status: query.status, kind: query.kind, tag: query.tag, ownerUserId: query.ownerUserId, includeDeleted: query.includeDeleted };
    return db.inTenant(principal.tenantId, async (tx) => {
      const rows = await repo.list(tx, filters, query.sort, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const sortKey = query.sort.replace('-', '') as 'name' | 'createdAt' | 'updatedAt';
      const wantsSummary = !fields || fields.includes('primaryContact') || fields.includes('city');
      const summaries = wantsSummary ? await repo.summaries(tx, items.map((item) => item.id)) : new Map<string, CustomerSummary>();
      const page: Page<Partial<CustomerListItem>> = {
        items: items.map((item) => pickFields({ ...item, ...(summaries.get(item.id) ?? { primaryContact: null, city: null }) }, fields)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last[sortKey], last.id]) : null,
      };
      if (query.withTotal) page.total = await repo.count(tx, filters);
      return page;
    });
  }

  // Up to 1,000 creates and updates. atomic: one transaction, the first failure rolls all back
  // and is reported with its index; partial: each item commits or fails on its own.
  async batch(principal: Principal, input: BatchInput): Promise<BatchResult> {
    const runItem = async (item: BatchInput['items'][number], index: number): Promise<{ id: string; version: number }> => {
      const path = `/body/items/${index}/data`;
      const customer = item.op === 'create' ? await this.create(principal, item.data, path) : await this.update(principal, item.id, item.version, item.data, path);
      return { id: customer.id, version: customer.version };
    };
    if (input.mode === 'atomic') {
      const results = await this.options.db.inTenant(principal.tenantId, async () => {
        const done: BatchResult['results'] = [];
        for (const [index, item] of input.items.entries()) {
          try {
            done.push({ index, ok: true, ...(await runItem(item, index)) });
          } catch (error) {
            if (error instanceof AppError) throw new AppError(error.code, `Item ${index}: ${error.message}; nothing was saved`, { errors: error.errors, details: { failedIndex: index } });
            throw error;
          }
        }
        return done;
      });
      return { results };
    }
    const results: BatchResult['results'] = [];
    for (const [index, item] of input.items.entries()) {
      try {
        results.push({ index, ok: true, ...(await runItem(item, index)) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ index, ok: false, error: { code: error.code, detail: error.message, ...(error.errors ? { errors: error.errors } : {}) } });
      }
    }
    return { results };
  }

  private async setDeleted(principal: Principal, id: string, expectedVersion: number, deleted: boolean): Promise<Customer> {
    const { db, repo, clock } = this.options;
    const customer = await db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Customer');
      if (!deleted && current.nip) await this.assertNipFree(tx, current.nip, id, '/body');
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: deleted ? clock.now() : null }, clock.now());
      const saved = updatedOrThrow(outcome, 'Customer');
      await this.recordChange(tx, principal, deleted ? 'customer.deleted' : 'customer.restored', saved, {});
      await this.invalidateAfterCommit(principal.tenantId, id);
      return saved;
    });
    return customer;
  }

  private async invalidateAfterCommit(tenantId: string, id: string): Promise<void> {
    await this.options.db.afterCommit(() => this.options.reads.invalidate([customerCacheTag(tenantId, id)]));
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, customer: Customer, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'customer', entityId: customer.id, details });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { customerId: customer.id, version: customer.version, changes: details } });
  }

  private async assertNipFree(tx: Tx, nip: string | null | undefined, ownId: string | null, path: string): Promise<void> {
    if (!nip) return;
    const holder = await this.options.repo.findByNip(tx, nip);
    if (holder && holder.id !== ownId) {
      throw new AppError('conflict', `NIP ${nip} already belongs to ${holder.name}`, {
        errors: [{ field: `${path}/nip`, rule: 'unique', message: `already belongs to customer ${holder.id}` }],
        details: { existingCustomerId: holder.id },
      });
    }
  }

  private async validateNew(tenantId: string, input: CreateCustomerInput, path: string): Promise<CustomerRecord> {
    const errors = new FieldErrors();
    const ids = normaliseIds(input, errors, path);
    const name = displayName(input.kind, input, errors, path);
    await this.validateOwner(tenantId, input.ownerUserId, errors, path);
    const customFields = await this.options.customFields.validate(tenantId, input.customFields ?? {}, { path: `${path}/customFields`, isCreate: true }, errors);
    errors.throwIfAny();
    return {
      id: newId(),
      kind: input.kind,
      name,
      companyName: input.kind === 'company' ? (input.companyName ?? null) : null,
      firstName: input.kind === 'person' ? (input.firstName ?? null) : null,
      lastName: input.kind === 'person' ? (input.lastName ?? null) : null,
      nip: ids.nip ?? null,
      regon: ids.regon ?? null,
      krs: ids.krs ?? null,
      pesel: ids.pesel ?? null,
      status: input.status ?? 'active',
      tags: input.tags ?? [],
      ownerUserId: input.ownerUserId ?? null,
      source: input.source ?? null,
      customFields,
    };
  }

  private async validateChanges(tenantId: string, current: Customer, input: UpdateCustomerInput, path: string): Promise<Partial<CustomerRecord>> {
    const errors = new FieldErrors();
    const ids = normaliseIds(input, errors, path);
    const merged = { ...current, ...input };
    const name = displayName(current.kind, merged, errors, path);
    await this.validateOwner(tenantId, input.ownerUserId, errors, path);
    // Only the values sent are checked: a stored value whose field was removed since stays as it is.
    const customFields =
      input.customFields === undefined
        ? undefined
        : { ...current.customFields, ...(await this.options.customFields.validate(tenantId, input.customFields, { path: `${path}/customFields`, isCreate: false }, errors)) };
    errors.throwIfAny();
    const { version: _version, ...fields } = input;
    return { ...fields, ...ids, name, ...(customFields !== undefined ? { customFields } : {}) };
  }

  private async validateOwner(tenantId: string, ownerUserId: string | null | undefined, errors: FieldErrors, path: string): Promise<void> {
    if (!ownerUserId) return;
    if (!(await this.options.members.isMember(tenantId, ownerUserId))) errors.add(`${path}/ownerUserId`, 'member', 'is not a member of this company');
  }
}

const identifierKinds: Array<[keyof Pick<CreateCustomerInput, 'nip' | 'regon' | 'krs' | 'pesel'>, PolishIdKind]> = [
  ['nip', 'nip'],
  ['regon', 'regon'],
  ['krs', 'krs'],
  ['pesel', 'pesel'],
];

function normaliseIds(input: Partial<Record<'nip' | 'regon' | 'krs' | 'pesel', string | null>>, errors: FieldErrors, path: string) {
  const ids: Partial<Record<'nip' | 'regon' | 'krs' | 'pesel', string | null>> = {};
  for (const [field, kind] of identifierKinds) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value.trim() === '') {
      ids[field] = null;
      continue;
    }
    const check = validatePolishId(kind, value);
    if (check.ok) ids[field] = check.value;
    else errors.add(`${path}/${field}`, check.rule, check.message);
  }
  return ids;
}

function displayName(kind: Customer['kind'], input: { companyName?: string | null; firstName?: string | null; lastName?: string | null }, errors: FieldErrors, path: string): string {
  if (kind === 'company') {
    const name = input.companyName?.trim();
    if (!name) errors.add(`${path}/companyName`, 'required', 'is required for a company');
    return name ?? '';
  }
  const first = input.firstName?.trim();
  const last = input.lastName?.trim();
  if (!first) errors.add(`${path}/firstName`, 'required', 'is required for a person');
  if (!last) errors.add(`${path}/lastName`, 'required', 'is required for a person');
  return `${first ?? ''} ${last ?? ''}`.trim();
}

// What changed, field by field, for the audit log ("what changed").
function diff(before: Customer, after: Customer): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of customerFields) {
    if (['updatedAt', 'version'].includes(field)) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
