import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';
import { InteractionSchema } from './interactions.schemas.ts';
import { NoteSchema } from './notes.schemas.ts';
import { ReminderSchema } from './reminders.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const UserRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const timelineKinds = ['note', 'interaction', 'reminder', 'audit'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const AuditDataSchema = Type.Object({ action: Type.String(), details: Type.Record(Type.String(), Type.Unknown()) });

// One shape per kind, told apart by `kind`: at is when it happened (note: written, interaction:
// occurred, reminder: due, audit: recorded).
const item = <K extends TimelineKind, D extends ReturnType<typeof Type.Object>>(kind: K, data: D) =>
  Type.Object({ kind: Type.Literal(kind), id: Uuid, at: Timestamp, title: Type.String(), body: Type.Union([Type.String(), Type.Null()]), actor: UserRef, data });

export const TimelineItemSchema = Type.Union([item('note', NoteSchema), item('interaction', InteractionSchema), item('reminder', ReminderSchema), item('audit', AuditDataSchema)]);
export type TimelineItem = Static<typeof TimelineItemSchema>;

const kindPattern = `(${timelineKinds.join('|')})`;
export const TimelineQuery = Type.Object(
  {
    limit: ListQueryProperties.limit,
    cursor: ListQueryProperties.cursor,
    kinds: Type.Optional(Type.String({ pattern: `^${kindPattern}(,${kindPattern})*$`, description: 'Comma-separated: note,interaction,reminder,audit (default: all)' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Items at or after this instant' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Items before this instant (exclusive)' })),
  },
  { additionalProperties: false },
);
export type TimelineInput = Static<typeof TimelineQuery>;

export const TimelinePageSchema = Type.Object({ items: Type.Array(TimelineItemSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type TimelinePage = Static<typeof TimelinePageSchema>;
