import { recordAudit, type Actor } from '../../core/audit/audit.ts';
import type { Database } from '../../core/db/database.ts';
import { exportCustomerOf, type ExportCustomer } from '../imports/export-records.ts';
import { CustomerExportRepo, type CustomerExportRows } from './customer-export.repo.ts';

export interface CustomerExportOptions {
  pageSize?: number;
}

const defaultPageSize = 500;
const repo = new CustomerExportRepo();

// A tenant's live customers in id order, one page per short transaction: an export streamed to a
// slow client for minutes must not hold a transaction (on PGlite, the only connection) that long.
// Pages are separate snapshots, so a customer added or removed during the export may or may not
// be in it; none appears twice, because the key only moves forward.
export async function* exportCustomerPages(db: Database, tenantId: string, options: CustomerExportOptions = {}): AsyncGenerator<ExportCustomer> {
  const pageSize = options.pageSize ?? defaultPageSize;
  let afterId: string | null = null;
  for (;;) {
    const after = afterId;
    const page: CustomerExportRows[] = await db.inTenant(tenantId, (tx) => repo.readPage(tx, after, pageSize));
    for (const rows of page) yield exportCustomerOf(rows.customer, rows.contacts, rows.sites, rows.notes);
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    afterId = last.customer.id;
  }
}

// A whole customer base leaving the system is what a data-protection audit asks about first, so
// it is recorded before the first byte goes out, whether or not the download then completes.
export async function recordCustomersExported(db: Database, tenantId: string, actor: Actor, details: Record<string, unknown>): Promise<void> {
  await db.inTenant(tenantId, (tx) => recordAudit(tx, { tenantId, actor, action: 'customers.exported', entityType: 'customer', details }));
}
