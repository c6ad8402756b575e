import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { businessDate, type Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { exportCustomerPages, recordCustomersExported } from '../crm/customer-export.ts';
import { exportFileTypes, writeCustomers, type ExportFormat } from './export-writers.ts';
import { CustomerExportQuery, exportFormats } from './exports.schemas.ts';

export interface ExportRoutesOptions {
  db: Database;
  clock: Clock;
}

// The file is written while it is sent: nothing is buffered, and the client's pace sets the pace
// of the database reads (a stopped download stops the reads).
export function registerExportRoutes(app: HttpServer, options: ExportRoutesOptions): void {
  app.get('/api/exports/customers', {
    // Admin, not viewer: a viewer may read customers one by one, not walk away with all of them.
    config: { access: 'admin' },
    schema: {
      tags: ['imports'],
      summary: "Download every customer with contacts, sites and notes (the import's own Pasja format)",
      querystring: CustomerExportQuery,
      // Documents the file types for OpenAPI; a streamed body is never serialised against it.
      produces: exportFormats.map((format) => exportFileTypes[format].mediaType),
      response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The file, as an attachment named pasja-customers-YYYY-MM-DD.<csv|xlsx|vcf|ndjson>' }) },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const format = request.query.format;
      await recordCustomersExported(options.db, principal.tenantId, { userId: principal.userId, tokenId: principal.tokenId }, { format });
      const body = Readable.from(writeCustomers(format, exportCustomerPages(options.db, principal.tenantId)));
      return reply
        .type(exportFileTypes[format].mediaType)
        .header('content-disposition', `attachment; filename="${exportFileName(format, options.clock.now())}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(body);
    },
  });
}

function exportFileName(format: ExportFormat, at: Date): string {
  return `pasja-customers-${businessDate(at)}.${exportFileTypes[format].extension}`;
}
