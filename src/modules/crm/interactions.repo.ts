import { sql } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { InteractionDirection, InteractionKind } from '../../core/db/schema.ts';
import type { Interaction } from './interactions.schemas.ts';

export interface InteractionRecord {
  id: string;
  customerId: string;
  contactId: string | null;
  kind: InteractionKind;
  direction: InteractionDirection | null;
  occurredAt: Date;
  userId: string | null;
  subject: string | null;
  outcome: string | null;
}

export type InteractionChanges = Partial<Omit<InteractionRecord, 'id' | 'customerId' | 'userId'>> & { deletedAt?: Date };
export type InteractionUpdateOutcome = VersionedUpdate<Interaction>;

const columns = ['id', 'customer_id', 'contact_id', 'kind', 'direction', 'occurred_at', 'user_id', 'subject', 'outcome', 'created_at', 'updated_at', 'deleted_at', 'version'] as const;

// The user's name comes from users, visible only while they are a member of this tenant.
export class InteractionsRepo {
  async insert(tx: Tx, tenantId: string, interaction: InteractionRecord, now: Date): Promise<Interaction> {
    await tx
      .insertInto('interactions')
      .values({
        id: interaction.id,
        tenant_id: tenantId,
        customer_id: interaction.customerId,
        contact_id: interaction.contactId,
        kind: interaction.kind,
        direction: interaction.direction,
        occurred_at: interaction.occurredAt,
        user_id: interaction.userId,
        subject: interaction.subject,
        outcome: interaction.outcome,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return this.read(tx, interaction.id);
  }

  // Deleted interactions are gone for the API: not found, not editable.
  async findById(tx: Tx, id: string): Promise<Interaction | undefined> {
    return this.select(tx, id, { includeDeleted: false });
  }

  async update(tx: Tx, id: string, expectedVersion: number, changes: InteractionChanges, now: Date): Promise<InteractionUpdateOutcome> {
    const row = await tx
      .updateTable('interactions')
      .set({
        ...(changes.kind !== undefined && { kind: changes.kind }),
        ...(changes.direction !== undefined && { direction: changes.direction }),
        ...(changes.occurredAt !== undefined && { occurred_at: changes.occurredAt }),
        ...(changes.contactId !== undefined && { contact_id: changes.contactId }),
        ...(changes.subject !== undefined && { subject: changes.subject }),
        ...(changes.outcome !== undefined && { outcome: changes.outcome }),
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
    return staleOrMissing(tx, 'interactions', id, { liveOnly: true });
  }

  private async select(tx: Tx, id: string, options: { includeDeleted: boolean }): Promise<Interaction | undefined> {
    let query = tx
      .selectFrom('interactions')
      .leftJoin('users', 'users.id', 'interactions.user_id')
      .select(columns.map((column) => `interactions.${column}` as const))
      .select('users.name as user_name')
      .where('interactions.id', '=', id);
    if (!options.includeDeleted) query = query.where('interactions.deleted_at', 'is', null);
    const row = await query.executeTakeFirst();
    return row && toInteraction(row);
  }

  // The row this transaction just wrote (a deleted one too, for the answer to the delete).
  private async read(tx: Tx, id: string): Promise<Interaction> {
    const interaction = await this.select(tx, id, { includeDeleted: true });
    if (!interaction) throw new Error(`interaction ${id} vanished inside its own transaction`);
    return interaction;
  }
}

export interface InteractionRow {
  id: string;
  customer_id: string;
  contact_id: string | null;
  kind: InteractionKind;
  direction: InteractionDirection | null;
  occurred_at: Date;
  user_id: string | null;
  user_name: string | null;
  subject: string | null;
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    customerId: row.customer_id,
    contactId: row.contact_id,
    kind: row.kind,
    direction: row.direction,
    occurredAt: row.occurred_at.toISOString(),
    user: row.user_id && row.user_name !== null ? { id: row.user_id, name: row.user_name } : null,
    subject: row.subject,
    outcome: row.outcome,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
