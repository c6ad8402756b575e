import type { Tx } from '../../core/db/database.ts';
import type { AttachmentsTable } from '../../core/db/schema.ts';

export type OwnerType = AttachmentsTable['owner_type'];

export interface AttachmentRow {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

export class AttachmentsRepo {
  async insert(tx: Tx, tenantId: string, row: Omit<AttachmentRow, 'createdAt'> & { uploadedBy: string | null }, now: Date): Promise<AttachmentRow> {
    await tx
      .insertInto('attachments')
      .values({
        id: row.id,
        tenant_id: tenantId,
        owner_type: row.ownerType,
        owner_id: row.ownerId,
        file_name: row.fileName,
        content_type: row.contentType,
        size_bytes: row.sizeBytes,
        sha256: row.sha256,
        storage_key: row.storageKey,
        uploaded_by: row.uploadedBy,
        created_at: now,
      })
      .execute();
    return { ...row, createdAt: now };
  }

  async findById(tx: Tx, id: string): Promise<AttachmentRow | undefined> {
    const row = await this.select(tx).where('id', '=', id).executeTakeFirst();
    return row && toAttachment(row);
  }

  // The live files of many owners of one type, oldest first.
  async listOf(tx: Tx, ownerType: OwnerType, ownerIds: string[]): Promise<AttachmentRow[]> {
    if (ownerIds.length === 0) return [];
    const rows = await this.select(tx).where('owner_type', '=', ownerType).where('owner_id', 'in', ownerIds).orderBy('created_at').orderBy('id').execute();
    return rows.map(toAttachment);
  }

  async markDeleted(tx: Tx, id: string, by: string | null, now: Date): Promise<boolean> {
    const result = await tx.updateTable('attachments').set({ deleted_at: now, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private select(tx: Tx) {
    return tx
      .selectFrom('attachments')
      .select(['id', 'owner_type', 'owner_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'storage_key', 'created_at'])
      .where('deleted_at', 'is', null);
  }
}

function toAttachment(row: { id: string; owner_type: OwnerType; owner_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; storage_key: string; created_at: Date }): AttachmentRow {
  return {
    id: row.id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  };
}

// The customer of a live job or piece of equipment: files hang on records that exist.
export async function customerOfOwner(tx: Tx, ownerType: 'job' | 'equipment', ownerId: string): Promise<string | undefined> {
  const table = ownerType === 'job' ? 'jobs' : 'equipment';
  const row = await tx.selectFrom(table).select('customer_id').where('id', '=', ownerId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.customer_id;
}
