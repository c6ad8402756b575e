import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { exportFileTypes } from './export-writers.ts';
import { CustomerExportQuery, exportFormats } from './exports.schemas.ts';
import type { ExportsService } from './exports.service.ts';

export function registerExportRoutes(app: HttpServer, exports: ExportsService): void {
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
      const file = await exports.customersFile(principalOf(request), request.query.format);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}
