import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor, parseFields, pickFields, type Page } from '../../core/http/list-query.ts';
import { updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import { normaliseEmail, normalisePhone } from './contact-points.ts';
import type { ContactRecord, ContactsRepo } from './contacts.repo.ts';
import { contactFields, type Consents, type Contact, type ContactListInput, type CreateContactInput, type UpdateContactInput } from './contacts.schemas.ts';
import type { CustomersService } from './customers.service.ts';
import { FieldErrors } from '../../core/field-errors.ts';

export interface ContactsServiceOptions {
  db: Database;
  repo: ContactsRepo;
  clock: Clock;
  customers: CustomersService;
}

type ConsentInput = { granted: boolean; source: string; at?: string } | null | undefined;

export class ContactsService {
  constructor(private readonly options: ContactsServiceOptions) {}

  async create(principal: Principal, customerId: string, input: CreateContactInput): Promise<Contact> {
    const { db, repo, clock } = this.options;
    const now = clock.now();
    const errors = new FieldErrors();
    const phones = normalisePhones(input.phones ?? [], errors);
    const emails = normaliseEmails(input.emails ?? [], errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.assertCustomerLive(principal, customerId);
      const record: ContactRecord = {
        id: newId(),
        customerId,
        firstName: input.firstName.trim(),
        lastName: input.lastName?.trim() ?? null,
        name: fullName(input.firstName, input.lastName ?? null),
        role: input.role ?? null,
        phones,
        emails,
        consents: applyConsents({ emailMarketing: null, smsMarketing: null }, input.consents, now),
        isPrimary: input.isPrimary ?? false,
      };
      const contact = await repo.insert(tx, principal.tenantId, record, now);
      if (contact.isPrimary) await repo.clearPrimary(tx, customerId, contact.id, now);
      await this.recordChange(tx, principal, 'contact.created', contact, { name: contact.name });
      return contact;
    });
  }

  async get(principal: Principal, id: string): Promise<Contact> {
    const contact = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.findById(tx, id));
    if (!contact) throw notFound('Contact');
    return contact;
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateContactInput): Promise<Contact> {
    const { db, repo, clock } = this.options;
    const now = clock.now();
    const errors = new FieldErrors();
    const phones = input.phones && normalisePhones(input.phones, errors);
    const emails = input.emails && normaliseEmails(input.emails, errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Contact');
      const firstName = input.firstName?.trim() ?? current.firstName;
      const lastName = input.lastName === undefined ? current.lastName : (input.lastName?.trim() ?? null);
      const changes: Partial<ContactRecord> = {
        firstName,
        lastName,
        name: fullName(firstName, lastName),
        ...(input.role !== undefined && { role: input.role }),
        ...(phones && { phones }),
        ...(emails && { emails }),
        ...(input.consents && { consents: applyConsents(current.consents, input.consents, now) }),
        ...(input.isPrimary !== undefined && { isPrimary: input.isPrimary }),
      };
      const outcome = await repo.update(tx, id, expectedVersion, changes, now);
      const saved = updatedOrThrow(outcome, 'Contact');
      if (saved.isPrimary) await repo.clearPrimary(tx, saved.customerId, id, now);
      await this.recordChange(tx, principal, 'contact.updated', saved, changedFields(current, saved));
      return saved;
    });
  }

  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Contact> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: clock.now(), isPrimary: false }, clock.now());
      const saved = updatedOrThrow(outcome, 'Contact');
      await this.recordChange(tx, principal, 'contact.deleted', saved, {});
      return saved;
    });
  }

  async list(principal: Principal, query: ContactListInput): Promise<Page<Partial<Contact>>> {
    const { db, repo } = this.options;
    const fields = parseFields(query.fields, contactFields);
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const filters = { q: query.q, customerId: query.customerId, includeDeleted: query.includeDeleted };
    return db.inTenant(principal.tenantId, async (tx) => {
      if (query.customerId) await this.assertCustomerLive(principal, query.customerId, { allowDeleted: true });
      const rows = await repo.list(tx, filters, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const page: Page<Partial<Contact>> = {
        items: items.map((item) => pickFields(item, fields)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
      if (query.withTotal) page.total = await repo.count(tx, filters);
      return page;
    });
  }

  private async assertCustomerLive(principal: Principal, customerId: string, options: { allowDeleted?: boolean } = {}): Promise<void> {
    const customer = await this.options.customers.get(principal, customerId);
    if (customer.deletedAt && !options.allowDeleted) throw notFound('Customer');
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, contact: Contact, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'contact', entityId: contact.id, details: { customerId: contact.customerId, ...details } });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { contactId: contact.id, customerId: contact.customerId, version: contact.version } });
  }
}

function fullName(firstName: string, lastName: string | null): string {
  return [firstName.trim(), lastName?.trim()].filter(Boolean).join(' ');
}

function normalisePhones(phones: Array<{ number: string; label?: string | null }>, errors: FieldErrors): Contact['phones'] {
  return phones.flatMap((phone, index) => {
    const check = normalisePhone(phone.number);
    if (!check.ok) {
      errors.add(`/body/phones/${index}/number`, check.rule, `${check.message}: "${phone.number}"`);
      return [];
    }
    return [{ number: check.e164, label: phone.label ?? null }];
  });
}

function normaliseEmails(emails: Array<{ address: string; label?: string | null }>, errors: FieldErrors): Contact['emails'] {
  return emails.flatMap((email, index) => {
    const check = normaliseEmail(email.address);
    if (!check.ok) {
      errors.add(`/body/emails/${index}/address`, check.rule, `${check.message}: "${email.address}"`);
      return [];
    }
    return [{ address: check.address, label: email.label ?? null }];
  });
}

// RODO: a consent records when and how it was given or withdrawn; the audit log keeps the history.
function applyConsents(current: Consents, input: { emailMarketing?: ConsentInput; smsMarketing?: ConsentInput } | undefined, now: Date): Consents {
  const apply = (value: ConsentInput, previous: Consents['emailMarketing']) =>
    value === undefined ? previous : value === null ? null : { granted: value.granted, source: value.source, at: value.at ?? now.toISOString() };
  return { emailMarketing: apply(input?.emailMarketing, current.emailMarketing), smsMarketing: apply(input?.smsMarketing, current.smsMarketing) };
}

function changedFields(before: Contact, after: Contact): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of contactFields) {
    if (field === 'updatedAt' || field === 'version') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
