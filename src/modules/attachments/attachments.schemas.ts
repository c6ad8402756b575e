import { Type, type Static } from '@sinclair/typebox';

// What may be uploaded: photos from a phone (HEIC included, iPhones take it) and PDF documents.
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export type UploadContentType = (typeof uploadContentTypes)[number];

export const AttachmentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  url: Type.String({ description: 'GET it for the bytes' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof AttachmentSchema>;
export const AttachmentListSchema = Type.Object({ items: Type.Array(AttachmentSchema) });

export const UploadQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200, description: 'The file name to show, e.g. "kociol.jpg"' }) },
  { additionalProperties: false },
);
