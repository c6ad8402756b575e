import { sql, type Expression, type SqlBool } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { Consents, Contact } from './contacts.schemas.ts';

export interface ContactRecord {
  id: string;
  customerId: string;
  firstName: string;
  lastName: string | null;
  name: string;
  role: string | null;
  phones: Contact['phones'];
  emails: Contact['emails'];
  consents: Consents;
  isPrimary: boolean;
}

export interface ContactFilters {
  q?: string;
  customerId?: string;
  includeDeleted: boolean;
}

export type ContactUpdateOutcome = VersionedUpdate<Contact>;

const columns = ['id', 'customer_id', 'first_name', 'last_name', 'name', 'role', 'phones', 'emails', 'consents', 'is_primary', 'created_at', 'updated_at', 'deleted_at', 'version'] as const;

export class ContactsRepo {
  async insert(tx: Tx, tenantId: string, contact: ContactRecord, now: Date): Promise<Contact> {
    const row = await tx
      .insertInto('contacts')
      .values({ id: contact.id, tenant_id: tenantId, customer_id: contact.customerId, first_name: contact.firstName, name: contact.name, ...toColumns(contact), created_at: now, updated_at: now })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toContact(row);
  }

  async findById(tx: Tx, id: string): Promise<Contact | undefined> {
    const row = await tx.selectFrom('contacts').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toContact(row);
  }

  async update(tx: Tx, id: string, expectedVersion: number, changes: Partial<ContactRecord> & { deletedAt?: Date | null }, now: Date): Promise<ContactUpdateOutcome> {
    const { deletedAt, ...fields } = changes;
    const row = await tx
      .updateTable('contacts')
      .set({ ...toColumns(fields), ...(deletedAt !== undefined ? { deleted_at: deletedAt } : {}), updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(columns)
      .executeTakeFirst();
    if (row) return { kind: 'updated', record: toContact(row) };
    return staleOrMissing(tx, 'contacts', id);
  }

  // One primary contact per customer: making one primary demotes the others (they get a new version).
  async clearPrimary(tx: Tx, customerId: string, exceptId: string, now: Date): Promise<void> {
    await tx
      .updateTable('contacts')
      .set({ is_primary: false, updated_at: now, version: sql`version + 1` })
      .where('customer_id', '=', customerId)
      .where('id', '!=', exceptId)
      .where('is_primary', '=', true)
      .execute();
  }

  async list(tx: Tx, filters: ContactFilters, after: [string, string] | null, limit: number): Promise<Contact[]> {
    let query = tx.selectFrom('contacts').select(columns).where((eb) => eb.and(conditions(filters)));
    if (after) query = query.where(sql<SqlBool>`(name, id) > (${after[0]}, ${after[1]})`);
    const rows = await query.orderBy('name').orderBy('id').limit(limit).execute();
    return rows.map(toContact);
  }

  async count(tx: Tx, filters: ContactFilters): Promise<number> {
    const row = await tx.selectFrom('contacts').select((eb) => eb.fn.countAll<string>().as('count')).where((eb) => eb.and(conditions(filters))).executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function conditions(filters: ContactFilters): Array<Expression<SqlBool>> {
  const list: Array<Expression<SqlBool>> = [];
  if (!filters.includeDeleted) list.push(sql<SqlBool>`deleted_at is null`);
  if (filters.customerId) list.push(sql<SqlBool>`customer_id = ${filters.customerId}`);
  if (filters.q) {
    // Through the search view so the trigram index can be used under row-level security
    // (migrations/0004-search.sql); the view leaves deleted contacts out, so a list asking for them
    // filters the table itself (slower).
    list.push(
      filters.includeDeleted
        ? sql<SqlBool>`(f_unaccent(lower(name)) like '%' || f_unaccent(lower(${filters.q})) || '%' or f_unaccent(lower(${filters.q})) <% f_unaccent(lower(name)))`
        : sql<SqlBool>`id in (select id from search_contacts where name_key like '%' || f_unaccent(lower(${filters.q})) || '%' or f_unaccent(lower(${filters.q})) <% name_key)`,
    );
  }
  return list;
}

function toColumns(contact: Partial<ContactRecord>) {
  return {
    ...(contact.firstName !== undefined && { first_name: contact.firstName }),
    ...(contact.lastName !== undefined && { last_name: contact.lastName }),
    ...(contact.name !== undefined && { name: contact.name }),
    ...(contact.role !== undefined && { role: contact.role }),
    // The search keys are derived here, with the values, so they can never disagree.
    ...(contact.phones !== undefined && { phones: JSON.stringify(contact.phones), phone_keys: contact.phones.map((p) => p.number) }),
    ...(contact.emails !== undefined && { emails: JSON.stringify(contact.emails), email_keys: contact.emails.map((e) => e.address.toLowerCase()) }),
    ...(contact.consents !== undefined && { consents: JSON.stringify(contact.consents) }),
    ...(contact.isPrimary !== undefined && { is_primary: contact.isPrimary }),
  };
}

type Row = {
  id: string;
  customer_id: string;
  first_name: string;
  last_name: string | null;
  name: string;
  role: string | null;
  phones: unknown;
  emails: unknown;
  consents: unknown;
  is_primary: boolean;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
};

function toContact(row: Row): Contact {
  const consents = (row.consents ?? {}) as Partial<Consents>;
  return {
    id: row.id,
    customerId: row.customer_id,
    firstName: row.first_name,
    lastName: row.last_name,
    name: row.name,
    role: row.role,
    phones: (row.phones ?? []) as Contact['phones'],
    emails: (row.emails ?? []) as Contact['emails'],
    consents: { emailMarketing: consents.emailMarketing ?? null, smsMarketing: consents.smsMarketing ?? null },
    isPrimary: row.is_primary,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
