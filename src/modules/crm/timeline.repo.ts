import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import { assertUnreachable } from '../../core/errors.ts';
import { toInteraction, type InteractionRow } from './interactions.repo.ts';
import { toNote, type NoteRow } from './notes.repo.ts';
import { toReminder, type ReminderRow } from './reminders.repo.ts';
import type { TimelineItem, TimelineKind } from './timeline.schemas.ts';

export interface TimelineFilters {
  customerId: string;
  kinds: readonly TimelineKind[];
  from?: Date;
  to?: Date;
}

// The keyset position of an item: its time with full (microsecond) precision, as text, and its id.
export type TimelinePosition = [atKey: string, id: string];

export interface TimelineEntry {
  item: TimelineItem;
  position: TimelinePosition;
}

interface Row {
  kind: TimelineKind;
  id: string;
  at: Date;
  at_key: string;
  title: string;
  body: string | null;
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
}

// Audit entries of notes, interactions and reminders are not shown: the timeline shows those
// records themselves.
const ownKinds = ['note', 'interaction', 'reminder'];

export class TimelineRepo {
  // One query: a branch per kind, each already filtered by customer, date range and cursor (so each
  // can walk its (customer, at DESC, id DESC) index), merged newest first. The keyset is (at, id)
  // over all kinds, so items added above a page never shift the pages after it.
  async page(tx: Tx, filters: TimelineFilters, after: TimelinePosition | null, limit: number): Promise<TimelineEntry[]> {
    const window = (at: string, id: string) => {
      const conditions: Array<RawBuilder<unknown>> = [];
      if (filters.from) conditions.push(sql`${sql.ref(at)} >= ${filters.from}`);
      if (filters.to) conditions.push(sql`${sql.ref(at)} < ${filters.to}`);
      if (after) conditions.push(sql`(${sql.ref(at)}, ${sql.ref(id)}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      return conditions.length > 0 ? sql`and ${sql.join(conditions, sql` and `)}` : sql``;
    };
    const { customerId } = filters;
    const branches: Record<TimelineKind, RawBuilder<unknown>> = {
      note: sql`
        select 'note' as kind, n.id as id, n.created_at as at, left(split_part(n.body, chr(10), 1), 120) as title, n.body as body,
          n.author_user_id as actor_id,
          jsonb_build_object('id', n.id, 'customer_id', n.customer_id, 'body', n.body, 'author_user_id', n.author_user_id,
            'created_at', n.created_at, 'updated_at', n.updated_at, 'deleted_at', n.deleted_at, 'version', n.version) as data
        from notes n
        where n.customer_id = ${customerId} and n.deleted_at is null ${window('n.created_at', 'n.id')}`,
      interaction: sql`
        select 'interaction' as kind, i.id as id, i.occurred_at as at, coalesce(i.subject, i.kind) as title, i.outcome as body,
          i.user_id as actor_id,
          jsonb_build_object('id', i.id, 'customer_id', i.customer_id, 'contact_id', i.contact_id, 'kind', i.kind, 'direction', i.direction,
            'occurred_at', i.occurred_at, 'user_id', i.user_id, 'subject', i.subject, 'outcome', i.outcome,
            'created_at', i.created_at, 'updated_at', i.updated_at, 'deleted_at', i.deleted_at, 'version', i.version) as data
        from interactions i
        where i.customer_id = ${customerId} and i.deleted_at is null ${window('i.occurred_at', 'i.id')}`,
      reminder: sql`
        select 'reminder' as kind, r.id as id, r.due_at as at, r.title as title, null::text as body,
          r.created_by as actor_id,
          jsonb_build_object('id', r.id, 'customer_id', r.customer_id, 'title', r.title, 'due_at', r.due_at,
            'assignee_user_id', r.assignee_user_id, 'assignee_name', assignee.name, 'recurrence', r.recurrence, 'done_at', r.done_at,
            'created_at', r.created_at, 'updated_at', r.updated_at, 'deleted_at', r.deleted_at, 'version', r.version) as data
        from reminders r left join users assignee on assignee.id = r.assignee_user_id
        where r.customer_id = ${customerId} and r.deleted_at is null ${window('r.due_at', 'r.id')}`,
      // customer_audit: see migrations/0003-activities.sql for why a view.
      audit: sql`
        select 'audit' as kind, a.id as id, a.occurred_at as at, a.action as title, null::text as body,
          a.actor_user_id as actor_id,
          jsonb_build_object('action', a.action, 'details', a.details) as data
        from customer_audit a
        where a.customer_key = ${customerId} and a.entity_type not in (${sql.join(ownKinds)}) ${window('a.occurred_at', 'a.id')}`,
    };
    const union = sql.join(
      filters.kinds.map((kind) => branches[kind]),
      sql` union all `,
    );
    const result = await sql<Row>`
      with page as (
        ${union}
        order by at desc, id desc
        limit ${limit}
      )
      select page.kind, page.id, page.at, to_char(page.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
        page.title, page.body, page.actor_id, actor.name as actor_name, page.data
      from page left join users actor on actor.id = page.actor_id
      order by page.at desc, page.id desc`.execute(tx);
    return result.rows.map((row) => ({ item: toItem(row), position: [row.at_key, row.id] }));
  }
}

function toItem(row: Row): TimelineItem {
  const common = {
    id: row.id,
    at: row.at.toISOString(),
    title: row.title,
    body: row.body,
    actor: row.actor_id && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
  };
  // data is built by the query above with each table's column names; its timestamps arrive as JSON text.
  const data = reviveTimestamps(row.data);
  switch (row.kind) {
    case 'note':
      return { kind: 'note', ...common, data: toNote({ ...(data as unknown as NoteRow), author_name: row.actor_name }) };
    case 'interaction':
      return { kind: 'interaction', ...common, data: toInteraction({ ...(data as unknown as InteractionRow), user_name: row.actor_name }) };
    case 'reminder':
      return { kind: 'reminder', ...common, data: toReminder(data as unknown as ReminderRow) };
    case 'audit':
      return { kind: 'audit', ...common, data: { action: String(data.action), details: (data.details ?? {}) as Record<string, unknown> } };
    default:
      return assertUnreachable(row.kind);
  }
}

function reviveTimestamps(data: Record<string, unknown>): Record<string, unknown> {
  const revived: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) if (key.endsWith('_at') && typeof value === 'string') revived[key] = new Date(value);
  return revived;
}
