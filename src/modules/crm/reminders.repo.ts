import { sql, type Expression, type SqlBool } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { Reminder } from './reminders.schemas.ts';

export interface ReminderRecord {
  id: string;
  customerId: string | null;
  title: string;
  dueAt: Date;
  assigneeUserId: string | null;
  recurrence: string | null;
  createdBy: string | null;
}

export type ReminderChanges = Partial<Pick<ReminderRecord, 'title' | 'dueAt' | 'assigneeUserId' | 'recurrence'>> & { deletedAt?: Date };
export type ReminderUpdateOutcome = VersionedUpdate<Reminder>;

export interface ReminderFilters {
  assigneeUserId?: string;
  status?: 'open' | 'done';
  dueBefore?: Date;
  customerId?: string;
}

// What the due-reminder job needs to announce one.
export interface DueReminder {
  id: string;
  tenantId: string;
  customerId: string | null;
  title: string;
  dueAt: Date;
  assigneeUserId: string | null;
}

const columns = ['id', 'customer_id', 'title', 'due_at', 'assignee_user_id', 'recurrence', 'done_at', 'created_at', 'updated_at', 'deleted_at', 'version'] as const;

// The assignee's name comes from users, visible only while they are a member of this tenant.
export class RemindersRepo {
  async insert(tx: Tx, tenantId: string, reminder: ReminderRecord, now: Date): Promise<Reminder> {
    const inserted = await this.insertUnlessExists(tx, tenantId, reminder, now);
    if (!inserted) throw new Error(`Reminder ${reminder.id} already exists`);
    return inserted;
  }

  // For ids derived from another record (the next occurrence of a series): a second attempt finds
  // the row there and inserts nothing.
  async insertUnlessExists(tx: Tx, tenantId: string, reminder: ReminderRecord, now: Date): Promise<Reminder | undefined> {
    const row = await tx
      .with('saved', (db) =>
        db
          .insertInto('reminders')
          .values({
            id: reminder.id,
            tenant_id: tenantId,
            customer_id: reminder.customerId,
            title: reminder.title,
            due_at: reminder.dueAt,
            assignee_user_id: reminder.assigneeUserId,
            recurrence: reminder.recurrence,
            created_by: reminder.createdBy,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning(columns),
      )
      .selectFrom('saved')
      .leftJoin('users', 'users.id', 'saved.assignee_user_id')
      .selectAll('saved')
      .select('users.name as assignee_name')
      .executeTakeFirst();
    return row && toReminder(row);
  }

  // Deleted reminders are gone for the API: not found, not editable.
  async findById(tx: Tx, id: string): Promise<Reminder | undefined> {
    const row = await tx
      .selectFrom('reminders')
      .leftJoin('users', 'users.id', 'reminders.assignee_user_id')
      .select(columns.map((column) => `reminders.${column}` as const))
      .select('users.name as assignee_name')
      .where('reminders.id', '=', id)
      .where('reminders.deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toReminder(row);
  }

  // Compare-and-set on version. A new due date re-arms the due notification.
  async update(tx: Tx, id: string, expectedVersion: number, changes: ReminderChanges, now: Date): Promise<ReminderUpdateOutcome> {
    const row = await this.updateWhere(
      tx,
      id,
      {
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.dueAt !== undefined && { due_at: changes.dueAt, due_notified_at: null }),
        ...(changes.assigneeUserId !== undefined && { assignee_user_id: changes.assigneeUserId }),
        ...(changes.recurrence !== undefined && { recurrence: changes.recurrence }),
        ...(changes.deletedAt !== undefined && { deleted_at: changes.deletedAt }),
        updated_at: now,
      },
      sql<SqlBool>`version = ${expectedVersion}`,
    );
    if (row) return { kind: 'updated', record: row };
    return staleOrMissing(tx, 'reminders', id, { liveOnly: true });
  }

  // Only an open reminder becomes done: of two concurrent calls the second matches no row (the
  // first holds the row lock, and the condition is re-checked after it commits).
  async markDone(tx: Tx, id: string, userId: string | null, now: Date): Promise<Reminder | undefined> {
    return this.updateWhere(tx, id, { done_at: now, done_by: userId, updated_at: now }, sql<SqlBool>`done_at is null`);
  }

  async markOpen(tx: Tx, id: string, now: Date): Promise<Reminder | undefined> {
    return this.updateWhere(tx, id, { done_at: null, done_by: null, updated_at: now }, sql<SqlBool>`done_at is not null`);
  }

  async list(tx: Tx, filters: ReminderFilters, after: [string, string] | null, limit: number): Promise<Reminder[]> {
    // Open reminders soonest first; done ones latest first (the recent history is what is looked for).
    const descending = filters.status === 'done';
    let query = tx
      .selectFrom('reminders')
      .leftJoin('users', 'users.id', 'reminders.assignee_user_id')
      .select(columns.map((column) => `reminders.${column}` as const))
      .select('users.name as assignee_name')
      .where((eb) => eb.and(conditions(filters)));
    if (after) query = query.where(sql<SqlBool>`(reminders.due_at, reminders.id) ${sql.raw(descending ? '<' : '>')} (${new Date(after[0])}, ${after[1]})`);
    const direction = descending ? 'desc' : 'asc';
    const rows = await query.orderBy('reminders.due_at', direction).orderBy('reminders.id', direction).limit(limit).execute();
    return rows.map(toReminder);
  }

  async count(tx: Tx, filters: ReminderFilters): Promise<number> {
    const row = await tx
      .selectFrom('reminders')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where((eb) => eb.and(conditions(filters)))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  // System scope, all tenants: marks up to `limit` due, open, not yet announced reminders as
  // announced and returns them. SKIP LOCKED lets several workers share the work; a row another
  // worker holds is left to it, and a row it marked is no longer matched.
  async claimDue(tx: Tx, now: Date, limit: number): Promise<DueReminder[]> {
    const rows = await tx
      .updateTable('reminders')
      .set({ due_notified_at: now })
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('reminders')
          .select('id')
          .where('due_at', '<=', now)
          .where('done_at', 'is', null)
          .where('deleted_at', 'is', null)
          .where('due_notified_at', 'is', null)
          .orderBy('due_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .where('due_notified_at', 'is', null)
      .returning(['id', 'tenant_id', 'customer_id', 'title', 'due_at', 'assignee_user_id'])
      .execute();
    return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, customerId: row.customer_id, title: row.title, dueAt: row.due_at, assigneeUserId: row.assignee_user_id }));
  }

  private async updateWhere(
    tx: Tx,
    id: string,
    set: { title?: string; due_at?: Date; due_notified_at?: null; assignee_user_id?: string | null; recurrence?: string | null; deleted_at?: Date; done_at?: Date | null; done_by?: string | null; updated_at: Date },
    condition: Expression<SqlBool>,
  ): Promise<Reminder | undefined> {
    const row = await tx
      .with('saved', (db) =>
        db
          .updateTable('reminders')
          .set({ ...set, version: sql`version + 1` })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .where(condition)
          .returning(columns),
      )
      .selectFrom('saved')
      .leftJoin('users', 'users.id', 'saved.assignee_user_id')
      .selectAll('saved')
      .select('users.name as assignee_name')
      .executeTakeFirst();
    return row && toReminder(row);
  }
}

function conditions(filters: ReminderFilters): Array<Expression<SqlBool>> {
  const list: Array<Expression<SqlBool>> = [sql<SqlBool>`reminders.deleted_at is null`];
  if (filters.assigneeUserId) list.push(sql<SqlBool>`reminders.assignee_user_id = ${filters.assigneeUserId}`);
  if (filters.status === 'open') list.push(sql<SqlBool>`reminders.done_at is null`);
  if (filters.status === 'done') list.push(sql<SqlBool>`reminders.done_at is not null`);
  if (filters.dueBefore) list.push(sql<SqlBool>`reminders.due_at < ${filters.dueBefore}`);
  if (filters.customerId) list.push(sql<SqlBool>`reminders.customer_id = ${filters.customerId}`);
  return list;
}

export interface ReminderRow {
  id: string;
  customer_id: string | null;
  title: string;
  due_at: Date;
  assignee_user_id: string | null;
  assignee_name: string | null;
  recurrence: string | null;
  done_at: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
}

export function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    customerId: row.customer_id,
    title: row.title,
    dueAt: row.due_at.toISOString(),
    assignee: row.assignee_user_id && row.assignee_name !== null ? { id: row.assignee_user_id, name: row.assignee_name } : null,
    recurrence: row.recurrence,
    doneAt: row.done_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
