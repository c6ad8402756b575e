import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { ExportContact, ExportCustomer, ExportSite } from '../imports/export-records.ts';
import type { Contact } from './contacts.schemas.ts';

export type ExportCustomerFields = Omit<ExportCustomer, 'contacts' | 'sites' | 'notes'>;

export interface CustomerExportRows {
  customer: ExportCustomerFields;
  contacts: ExportContact[];
  sites: ExportSite[];
  notes: string[];
}

// The export's read model: only the columns an export carries, a page of customers and their live
// contacts, sites and notes in four queries. Within a customer the lists come in the order they
// were created (an import creates them in file order, so a round trip keeps it), the primary
// contact first because the first row and the vCard show it.
export class CustomerExportRepo {
  async readPage(tx: Tx, afterId: string | null, limit: number): Promise<CustomerExportRows[]> {
    let query = tx
      .selectFrom('customers')
      .select(['id', 'kind', 'company_name', 'first_name', 'last_name', 'nip', 'regon'])
      .where('deleted_at', 'is', null);
    if (afterId !== null) query = query.where('id', '>', afterId);
    const customers = await query.orderBy('id').limit(limit).execute();
    if (customers.length === 0) return [];

    // One array parameter instead of one placeholder per id.
    const ids = customers.map((customer) => customer.id);
    const liveOfPage = sql<SqlBool>`customer_id = any(${ids}::uuid[]) and deleted_at is null`;
    const contacts = await tx
      .selectFrom('contacts')
      .select(['customer_id', 'first_name', 'last_name', 'role', 'emails', 'phones'])
      .where(liveOfPage)
      .orderBy('customer_id').orderBy('is_primary', 'desc').orderBy('created_at').orderBy('id')
      .execute();
    const sites = await tx
      .selectFrom('sites')
      .select(['customer_id', 'street', 'building', 'flat', 'postal_code', 'city'])
      .where(liveOfPage)
      .orderBy('customer_id').orderBy('created_at').orderBy('id')
      .execute();
    const notes = await tx.selectFrom('notes').select(['customer_id', 'body']).where(liveOfPage).orderBy('customer_id').orderBy('created_at').orderBy('id').execute();

    const byCustomer = new Map<string, CustomerExportRows>(
      customers.map((row) => [
        row.id,
        { customer: { id: row.id, kind: row.kind, companyName: row.company_name, firstName: row.first_name, lastName: row.last_name, nip: row.nip, regon: row.regon }, contacts: [], sites: [], notes: [] },
      ]),
    );
    for (const row of contacts) {
      byCustomer.get(row.customer_id)?.contacts.push({
        firstName: row.first_name,
        lastName: row.last_name,
        role: row.role,
        emails: ((row.emails ?? []) as Contact['emails']).map((email) => email.address),
        phones: ((row.phones ?? []) as Contact['phones']).map((phone) => phone.number),
      });
    }
    for (const row of sites) {
      byCustomer.get(row.customer_id)?.sites.push({ street: row.street, building: row.building, flat: row.flat, postalCode: row.postal_code, city: row.city });
    }
    for (const row of notes) byCustomer.get(row.customer_id)?.notes.push(row.body);
    return [...byCustomer.values()];
  }
}
