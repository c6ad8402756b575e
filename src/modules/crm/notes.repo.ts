import { sql } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { Note } from './notes.schemas.ts';

export interface NoteRecord {
  id: string;
  customerId: string;
  body: string;
  authorUserId: string | null;
}

export type NoteUpdateOutcome = VersionedUpdate<Note>;

const columns = ['id', 'customer_id', 'body', 'author_user_id', 'created_at', 'updated_at', 'deleted_at', 'version'] as const;

// The author's name comes from users, which row-level security shows only while they are a
// member of this tenant; a former member's notes keep their text and lose the name.
export class NotesRepo {
  async insert(tx: Tx, tenantId: string, note: NoteRecord, now: Date): Promise<Note> {
    await tx
      .insertInto('notes')
      .values({ id: note.id, tenant_id: tenantId, customer_id: note.customerId, body: note.body, author_user_id: note.authorUserId, created_at: now, updated_at: now })
      .execute();
    return this.read(tx, note.id);
  }

  // Deleted notes are gone for the API: not found, not editable.
  async findById(tx: Tx, id: string): Promise<Note | undefined> {
    return this.select(tx, id, { includeDeleted: false });
  }

  // Compare-and-set on version, like every editable record.
  async update(tx: Tx, id: string, expectedVersion: number, changes: { body?: string; deletedAt?: Date }, now: Date): Promise<NoteUpdateOutcome> {
    const row = await tx
      .updateTable('notes')
      .set({
        ...(changes.body !== undefined && { body: changes.body }),
        ...(changes.deletedAt !== undefined && { deleted_at: changes.deletedAt }),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (row) return { kind: 'updated', record: await this.read(tx, id) };
    return staleOrMissing(tx, 'notes', id, { liveOnly: true });
  }

  private async select(tx: Tx, id: string, options: { includeDeleted: boolean }): Promise<Note | undefined> {
    let query = tx
      .selectFrom('notes')
      .leftJoin('users', 'users.id', 'notes.author_user_id')
      .select(columns.map((column) => `notes.${column}` as const))
      .select('users.name as author_name')
      .where('notes.id', '=', id);
    if (!options.includeDeleted) query = query.where('notes.deleted_at', 'is', null);
    const row = await query.executeTakeFirst();
    return row && toNote(row);
  }

  // The row this transaction just wrote (a deleted one too, for the answer to the delete).
  private async read(tx: Tx, id: string): Promise<Note> {
    const note = await this.select(tx, id, { includeDeleted: true });
    if (!note) throw new Error(`note ${id} vanished inside its own transaction`);
    return note;
  }
}

export interface NoteRow {
  id: string;
  customer_id: string;
  body: string;
  author_user_id: string | null;
  author_name: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
}

export function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    customerId: row.customer_id,
    body: row.body,
    author: row.author_user_id && row.author_name !== null ? { id: row.author_user_id, name: row.author_name } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
