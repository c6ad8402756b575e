import { Readable } from 'node:stream';
import { businessDate, type Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import type { Principal } from '../../core/http/access.ts';
import { exportCustomerPages, recordCustomersExported } from '../crm/customer-export.ts';
import { exportFileTypes, writeCustomers, type ExportFormat } from './export-writers.ts';

export interface ExportFile {
  fileName: string;
  mediaType: string;
  body: Readable;
  // Customers written so far (all of them once the body has ended).
  customersWritten(): number;
}

// A tenant's customer base as a file, written while it is read: nothing is buffered, and the
// reader's pace sets the pace of the database reads (a stopped download stops the reads).
export class ExportsService {
  constructor(private readonly options: { db: Database; clock: Clock }) {}

  // The console's `pasja export` says so in the audit entry (`{ via: 'cli' }`).
  async customersFile(principal: Principal, format: ExportFormat, auditDetails: { via?: 'cli' } = {}): Promise<ExportFile> {
    const { db, clock } = this.options;
    await recordCustomersExported(db, principal.tenantId, { userId: principal.userId, tokenId: principal.tokenId }, { format, ...auditDetails });
    let written = 0;
    const counted = async function* () {
      for await (const customer of exportCustomerPages(db, principal.tenantId)) {
        written += 1;
        yield customer;
      }
    };
    return {
      fileName: `pasja-customers-${businessDate(clock.now())}.${exportFileTypes[format].extension}`,
      mediaType: exportFileTypes[format].mediaType,
      body: Readable.from(writeCustomers(format, counted())),
      customersWritten: () => written,
    };
  }
}
