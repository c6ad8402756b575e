import { sql, type Expression, type SqlBool } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { CustomersTable } from '../../core/db/schema.ts';
import type { Customer, CustomerSort, CustomerSummary } from './customers.schemas.ts';

export interface CustomerRecord {
  id: string;
  kind: Customer['kind'];
  name: string;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  pesel: string | null;
  status: Customer['status'];
  tags: string[];
  ownerUserId: string | null;
  source: string | null;
  customFields: Record<string, unknown>;
}

export interface CustomerFilters {
  q?: string;
  status?: Customer['status'];
  kind?: Customer['kind'];
  tag?: string;
  ownerUserId?: string;
  includeDeleted: boolean;
}

export type UpdateOutcome = VersionedUpdate<Customer>;

type Row = Omit<CustomersTable, 'tenant_id' | 'created_at' | 'updated_at' | 'version' | 'tags' | 'custom_fields'> & {
  created_at: Date;
  updated_at: Date;
  version: number;
  tags: string[];
  custom_fields: unknown;
};

const columns = [
  'id', 'kind', 'name', 'company_name', 'first_name', 'last_name', 'nip', 'regon', 'krs', 'pesel', 'status', 'tags',
  'owner_user_id', 'source', 'custom_fields', 'created_at', 'updated_at', 'deleted_at', 'version',
] as const;

const sortColumns = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export class CustomersRepo {
  async insert(tx: Tx, tenantId: string, customer: CustomerRecord, now: Date): Promise<Customer> {
    const row = await tx
      .insertInto('customers')
      .values({
        id: customer.id,
        tenant_id: tenantId,
        kind: customer.kind,
        name: customer.name,
        status: customer.status,
        custom_fields: JSON.stringify(customer.customFields),
        ...toColumns(customer),
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toCustomer(row);
  }

  async findById(tx: Tx, id: string): Promise<Customer | undefined> {
    const row = await tx.selectFrom('customers').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toCustomer(row);
  }

  async findByNip(tx: Tx, nip: string): Promise<Customer | undefined> {
    const row = await tx.selectFrom('customers').select(columns).where('nip', '=', nip).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toCustomer(row);
  }

  // Compare-and-set on version: the only way a customer row changes.
  async update(tx: Tx, id: string, expectedVersion: number, changes: Partial<CustomerRecord> & { deletedAt?: Date | null }, now: Date): Promise<UpdateOutcome> {
    const { deletedAt, ...fields } = changes;
    const row = await tx
      .updateTable('customers')
      .set({
        ...toColumns(fields),
        ...(deletedAt !== undefined ? { deleted_at: deletedAt } : {}),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(columns)
      .executeTakeFirst();
    if (row) return { kind: 'updated', record: toCustomer(row) };
    return staleOrMissing(tx, 'customers', id);
  }

  async list(tx: Tx, filters: CustomerFilters, sort: CustomerSort, after: [string | number | null, string] | null, limit: number): Promise<Customer[]> {
    const descending = sort.startsWith('-');
    const column = sortColumns[(descending ? sort.slice(1) : sort) as keyof typeof sortColumns];
    let query = tx.selectFrom('customers').select(columns).where((eb) => eb.and(filterConditions(filters)));
    if (after) {
      const [value, id] = after;
      const key = column === 'name' ? value : new Date(String(value));
      query = query.where(sql<SqlBool>`(${sql.ref(column)}, id) ${sql.raw(descending ? '<' : '>')} (${key}, ${id})`);
    }
    const direction = descending ? 'desc' : 'asc';
    const rows = await query.orderBy(column, direction).orderBy('id', direction).limit(limit).execute();
    return rows.map(toCustomer);
  }

  // One query per page (not per row) for the list's contact and city columns.
  async summaries(tx: Tx, customerIds: string[]): Promise<Map<string, CustomerSummary>> {
    const summaries = new Map<string, CustomerSummary>(customerIds.map((id) => [id, { primaryContact: null, city: null }]));
    if (customerIds.length === 0) return summaries;
    const contacts = await tx
      .selectFrom('contacts')
      .select(['customer_id', 'name', 'phone_keys', 'email_keys', 'is_primary', 'created_at'])
      .where('customer_id', 'in', customerIds)
      .where('deleted_at', 'is', null)
      .orderBy('is_primary', 'desc')
      .orderBy('created_at')
      .execute();
    for (const contact of contacts) {
      const summary = summaries.get(contact.customer_id);
      if (summary && !summary.primaryContact) summary.primaryContact = { name: contact.name, phone: contact.phone_keys[0] ?? null, email: contact.email_keys[0] ?? null };
    }
    const sites = await tx.selectFrom('sites').select(['customer_id', 'city']).where('customer_id', 'in', customerIds).where('deleted_at', 'is', null).orderBy('created_at').execute();
    for (const site of sites) {
      const summary = summaries.get(site.customer_id);
      if (summary && summary.city === null) summary.city = site.city;
    }
    return summaries;
  }

  async count(tx: Tx, filters: CustomerFilters): Promise<number> {
    const row = await tx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where((eb) => eb.and(filterConditions(filters)))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function filterConditions(filters: CustomerFilters): Array<Expression<SqlBool>> {
  const conditions: Array<Expression<SqlBool>> = [];
  if (!filters.includeDeleted) conditions.push(sql<SqlBool>`deleted_at is null`);
  if (filters.status) conditions.push(sql<SqlBool>`status = ${filters.status}`);
  if (filters.kind) conditions.push(sql<SqlBool>`kind = ${filters.kind}`);
  if (filters.tag) conditions.push(sql<SqlBool>`tags @> array[${filters.tag}]::text[]`);
  if (filters.ownerUserId) conditions.push(sql<SqlBool>`owner_user_id = ${filters.ownerUserId}`);
  if (filters.q) {
    // Substring or word-similar match on the folded name, through the search view so the trigram
    // index can be used under row-level security (see migrations/0004-search.sql).
    // The view leaves deleted customers out; a list that asks for them filters the table (slower).
    conditions.push(
      filters.includeDeleted
        ? sql<SqlBool>`(f_unaccent(lower(name)) like '%' || f_unaccent(lower(${filters.q})) || '%' or f_unaccent(lower(${filters.q})) <% f_unaccent(lower(name)))`
        : sql<SqlBool>`id in (select id from search_customers where name_key like '%' || f_unaccent(lower(${filters.q})) || '%' or f_unaccent(lower(${filters.q})) <% name_key)`,
    );
  }
  return conditions;
}

function toColumns(customer: Partial<CustomerRecord>) {
  return {
    ...(customer.kind !== undefined && { kind: customer.kind }),
    ...(customer.name !== undefined && { name: customer.name }),
    ...(customer.companyName !== undefined && { company_name: customer.companyName }),
    ...(customer.firstName !== undefined && { first_name: customer.firstName }),
    ...(customer.lastName !== undefined && { last_name: customer.lastName }),
    ...(customer.nip !== undefined && { nip: customer.nip }),
    ...(customer.regon !== undefined && { regon: customer.regon }),
    ...(customer.krs !== undefined && { krs: customer.krs }),
    ...(customer.pesel !== undefined && { pesel: customer.pesel }),
    ...(customer.status !== undefined && { status: customer.status }),
    ...(customer.tags !== undefined && { tags: customer.tags }),
    ...(customer.ownerUserId !== undefined && { owner_user_id: customer.ownerUserId }),
    ...(customer.source !== undefined && { source: customer.source }),
    ...(customer.customFields !== undefined && { custom_fields: JSON.stringify(customer.customFields) }),
  };
}

function toCustomer(row: Row): Customer {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    companyName: row.company_name,
    firstName: row.first_name,
    lastName: row.last_name,
    nip: row.nip,
    regon: row.regon,
    krs: row.krs,
    pesel: row.pesel,
    status: row.status,
    tags: row.tags,
    ownerUserId: row.owner_user_id,
    source: row.source,
    customFields: (row.custom_fields ?? {}) as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
