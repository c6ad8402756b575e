import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { IdParams } from '../crm/customers.schemas.ts';
import { AttachmentListSchema, AttachmentSchema, UploadQuery, uploadContentTypes } from './attachments.schemas.ts';
import type { AttachmentsService } from './attachments.service.ts';

// Uploads are the raw file as the body with its own Content-Type (what fetch(file) sends), not
// multipart: one file per request, streamed by the browser, resumable by retrying.
export function registerAttachmentRoutes(app: HttpServer, attachments: AttachmentsService, options: { uploadLimitBytes: number }): void {
  app.addContentTypeParser([...uploadContentTypes], { parseAs: 'buffer', bodyLimit: options.uploadLimitBytes }, (_request, body, done) => done(null, body));

  const uploadSchema = (owner: string) => ({
    tags: ['files'],
    summary: `Attach a photo or document to ${owner} (raw body; image/jpeg, image/png, image/webp, image/heic or application/pdf)`,
    params: IdParams,
    querystring: UploadQuery,
    consumes: [...uploadContentTypes],
    body: Type.Unknown({ description: 'The file bytes' }),
    response: { 201: AttachmentSchema },
  });
  const owners = [
    { type: 'job', path: '/api/jobs/:id/attachments', label: 'a job' },
    { type: 'equipment', path: '/api/equipment/:id/attachments', label: 'a piece of equipment' },
  ] as const;
  for (const owner of owners) {
    app.post(owner.path, {
      config: { access: 'technician' },
      schema: uploadSchema(owner.label),
      handler: async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const file = { fileName: request.query.fileName, contentType: request.headers['content-type'] ?? '', bytes };
        return reply.status(201).send(await attachments.upload(principalOf(request), { type: owner.type, id: request.params.id }, file));
      },
    });
    app.get(owner.path, {
      config: { access: 'viewer' },
      schema: { tags: ['files'], summary: `The files of ${owner.label}, oldest first`, params: IdParams, response: { 200: AttachmentListSchema } },
      handler: async (request) => ({ items: await attachments.list(principalOf(request), { type: owner.type, id: request.params.id }) }),
    });
  }

  app.get('/api/attachments/:id/content', {
    config: { access: 'viewer' },
    schema: { tags: ['files'], summary: 'The bytes of a file, with its type and name', params: IdParams },
    handler: async (request, reply) => {
      const { attachment, bytes } = await attachments.content(principalOf(request), request.params.id);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        // The bytes under an id never change: browsers may keep them.
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });

  app.delete('/api/attachments/:id', {
    config: { access: 'technician' },
    schema: { tags: ['files'], summary: 'Remove a file from its record (kept, marked deleted, as the trace)', params: IdParams, response: { 204: Type.Null() } },
    handler: async (request, reply) => {
      await attachments.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
