import { fileTypeFromBuffer } from 'file-type';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import type { FileStorage } from '../../core/storage/file-storage.ts';
import { customerOfOwner, type AttachmentRow, type AttachmentsRepo, type OwnerType } from './attachments.repo.ts';
import { uploadContentTypes, type Attachment } from './attachments.schemas.ts';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

// Files that belong to a job or a piece of equipment. Bytes go to the storage first (named by
// their hash, so a retry or a rolled-back transaction leaves at most one unused copy), then the
// row in the caller's transaction. Deleting marks the row; the bytes stay.
export class AttachmentsService {
  constructor(private readonly options: { db: Database; repo: AttachmentsRepo; storage: FileStorage; clock: Clock }) {}

  async upload(principal: Principal, owner: { type: 'job' | 'equipment'; id: string }, file: UploadedFile): Promise<Attachment> {
    await checkContent(file);
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      const customerId = await customerOfOwner(tx, owner.type, owner.id);
      if (!customerId) throw notFound(owner.type === 'job' ? 'Job' : 'Equipment');
      const row = await this.store(tx, principal, { type: owner.type, id: owner.id }, file);
      await recordAudit(tx, {
        tenantId: principal.tenantId,
        actor: principal,
        action: 'attachment.added',
        entityType: 'attachment',
        entityId: row.id,
        details: { customerId, ownerType: owner.type, ownerId: owner.id, fileName: row.fileName, sizeBytes: row.sizeBytes },
      });
      return toAttachment(row);
    });
  }

  // For a file that is part of a larger change (a sign-off's signature): the caller's
  // transaction, the caller's audit entry.
  async storeInTransaction(tx: Tx, principal: Principal, owner: { type: OwnerType; id: string }, file: UploadedFile): Promise<Attachment> {
    await checkContent(file);
    return toAttachment(await this.store(tx, principal, owner, file));
  }

  async list(principal: Principal, owner: { type: 'job' | 'equipment'; id: string }): Promise<Attachment[]> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      if (!(await customerOfOwner(tx, owner.type, owner.id))) throw notFound(owner.type === 'job' ? 'Job' : 'Equipment');
      return (await this.options.repo.listOf(tx, owner.type, [owner.id])).map(toAttachment);
    });
  }

  // The files of many owners, for pages that show them beside their record.
  async listOf(tx: Tx, ownerType: OwnerType, ownerIds: string[]): Promise<Map<string, Attachment[]>> {
    const grouped = new Map<string, Attachment[]>(ownerIds.map((id) => [id, []]));
    for (const row of await this.options.repo.listOf(tx, ownerType, ownerIds)) grouped.get(row.ownerId)?.push(toAttachment(row));
    return grouped;
  }

  async content(principal: Principal, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
    const row = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.findById(tx, id));
    if (!row) throw notFound('File');
    return { attachment: toAttachment(row), bytes: await this.options.storage.get(row.storageKey) };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const { db, repo, clock } = this.options;
    await db.inTenant(principal.tenantId, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row) throw notFound('File');
      if (row.ownerType === 'job_signature') throw new AppError('conflict', 'A sign-off signature cannot be deleted');
      await repo.markDeleted(tx, id, principal.userId, clock.now());
      const customerId = await customerOfOwner(tx, row.ownerType, row.ownerId);
      await recordAudit(tx, {
        tenantId: principal.tenantId,
        actor: principal,
        action: 'attachment.deleted',
        entityType: 'attachment',
        entityId: id,
        details: { customerId, ownerType: row.ownerType, ownerId: row.ownerId, fileName: row.fileName },
      });
    });
  }

  private async store(tx: Tx, principal: Principal, owner: { type: OwnerType; id: string }, file: UploadedFile): Promise<AttachmentRow> {
    const stored = await this.options.storage.put(principal.tenantId, file.bytes);
    return this.options.repo.insert(
      tx,
      principal.tenantId,
      {
        id: newId(),
        ownerType: owner.type,
        ownerId: owner.id,
        fileName: file.fileName.trim(),
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: principal.userId,
      },
      this.options.clock.now(),
    );
  }
}

// The bytes must be what the upload says they are: a renamed executable is not a photo.
async function checkContent(file: UploadedFile): Promise<void> {
  const declared = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(uploadContentTypes as readonly string[]).includes(declared)) {
    throw new AppError('unsupported_media_type', `Files of type ${declared || '(none)'} cannot be uploaded`, {
      errors: [{ field: '/headers/content-type', rule: 'enum', message: `must be one of ${uploadContentTypes.join(', ')}` }],
    });
  }
  if (file.bytes.length === 0) throw new AppError('invalid_input', 'The file is empty', { errors: [{ field: '/body', rule: 'minLength', message: 'no bytes were sent' }] });
  const detected = await fileTypeFromBuffer(file.bytes);
  const matches = detected?.mime === declared || (declared === 'image/heic' && detected?.mime.startsWith('image/hei'));
  if (!matches) {
    throw new AppError('invalid_input', `The file is not ${declared}`, {
      errors: [{ field: '/body', rule: 'content_type', message: `the bytes are ${detected?.mime ?? 'of no known type'}, not ${declared}` }],
    });
  }
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    url: `/api/attachments/${row.id}/content`,
    createdAt: row.createdAt.toISOString(),
  };
}
