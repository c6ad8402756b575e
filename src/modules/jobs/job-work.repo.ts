import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';

// What happens on a job besides its status and lines: the checklist, technicians' notes and the
// customer's sign-off.
export interface ChecklistItemRow {
  id: string;
  label: string;
  doneAt: Date | null;
  doneBy: { id: string; name: string | null } | null;
}

export interface JobNoteRow {
  id: string;
  body: string;
  author: { id: string; name: string | null } | null;
  createdAt: Date;
}

export interface SignOffRow {
  signerName: string;
  signedAt: Date;
  signatureAttachmentId: string;
}

export class JobWorkRepo {
  async addChecklistItems(tx: Tx, tenantId: string, jobId: string, items: Array<{ id: string; label: string }>): Promise<void> {
    if (items.length === 0) return;
    // Appended after the last position, under the job row's lock held by the caller.
    const last = await tx.selectFrom('job_checklist_items').select(sql<number>`coalesce(max(position), -1)`.as('position')).where('job_id', '=', jobId).executeTakeFirst();
    const start = Number(last?.position ?? -1) + 1;
    await tx
      .insertInto('job_checklist_items')
      .values(items.map((item, index) => ({ id: item.id, tenant_id: tenantId, job_id: jobId, position: start + index, label: item.label })))
      .execute();
  }

  // true when the item belongs to the job (the caller checks the job first).
  async setChecklistItemDone(tx: Tx, jobId: string, itemId: string, done: { at: Date; by: string | null } | null): Promise<boolean> {
    const result = await tx
      .updateTable('job_checklist_items')
      .set({ done_at: done?.at ?? null, done_by: done?.by ?? null })
      .where('id', '=', itemId)
      .where('job_id', '=', jobId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async checklistOf(tx: Tx, jobId: string): Promise<ChecklistItemRow[]> {
    const rows = await tx
      .selectFrom('job_checklist_items as i')
      .leftJoin('users as u', 'u.id', 'i.done_by')
      .select(['i.id', 'i.label', 'i.done_at', 'i.done_by', 'u.name as done_by_name'])
      .where('i.job_id', '=', jobId)
      .orderBy('i.position')
      .execute();
    return rows.map((row) => ({ id: row.id, label: row.label, doneAt: row.done_at, doneBy: row.done_by ? { id: row.done_by, name: row.done_by_name } : null }));
  }

  async addNote(tx: Tx, tenantId: string, note: { id: string; jobId: string; body: string; authorUserId: string | null }, now: Date): Promise<void> {
    await tx.insertInto('job_notes').values({ id: note.id, tenant_id: tenantId, job_id: note.jobId, body: note.body, author_user_id: note.authorUserId, created_at: now }).execute();
  }

  async notesOf(tx: Tx, jobId: string): Promise<JobNoteRow[]> {
    const rows = await tx
      .selectFrom('job_notes as n')
      .leftJoin('users as u', 'u.id', 'n.author_user_id')
      .select(['n.id', 'n.body', 'n.author_user_id', 'n.created_at', 'u.name as author_name'])
      .where('n.job_id', '=', jobId)
      .orderBy('n.created_at')
      .orderBy('n.id')
      .execute();
    return rows.map((row) => ({ id: row.id, body: row.body, author: row.author_user_id ? { id: row.author_user_id, name: row.author_name } : null, createdAt: row.created_at }));
  }

  // false when the job was signed already (the primary key keeps it to one).
  async insertSignOff(tx: Tx, tenantId: string, jobId: string, signOff: SignOffRow, recordedBy: string | null): Promise<boolean> {
    const result = await tx
      .insertInto('job_sign_offs')
      .values({ job_id: jobId, tenant_id: tenantId, signer_name: signOff.signerName, signed_at: signOff.signedAt, signature_attachment_id: signOff.signatureAttachmentId, recorded_by: recordedBy })
      .onConflict((c) => c.column('job_id').doNothing())
      .returning('job_id')
      .executeTakeFirst();
    return result !== undefined;
  }

  async signOffOf(tx: Tx, jobId: string): Promise<SignOffRow | undefined> {
    const row = await tx.selectFrom('job_sign_offs').select(['signer_name', 'signed_at', 'signature_attachment_id']).where('job_id', '=', jobId).executeTakeFirst();
    return row && { signerName: row.signer_name, signedAt: row.signed_at, signatureAttachmentId: row.signature_attachment_id };
  }
}
