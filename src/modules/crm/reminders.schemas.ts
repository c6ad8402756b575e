import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
// A user as other members see them; null when there is none or they left the company.
const UserRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const ReminderSchema = Type.Object({
  id: Uuid,
  customerId: Type.Union([Uuid, Type.Null()]),
  title: Type.String(),
  dueAt: Timestamp,
  assignee: UserRef,
  recurrence: Type.Union([Type.String({ description: 'RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=6' }), Type.Null()]),
  doneAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Reminder = Static<typeof ReminderSchema>;
export const reminderFields = Object.keys(ReminderSchema.properties) as Array<keyof Reminder>;

const writable = {
  title: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  dueAt: Timestamp,
  assigneeUserId: Type.Union([Uuid, Type.Null()], { description: 'A member of the company; default on create: you' }),
  recurrence: Type.Union([Type.String({ maxLength: 500, description: 'RFC 5545 RRULE without DTSTART (dueAt starts the series), at most daily' }), Type.Null()]),
};

export const CreateReminderBody = Type.Composite(
  [Type.Object({ title: writable.title, dueAt: writable.dueAt }), Type.Partial(Type.Object({ assigneeUserId: writable.assigneeUserId, recurrence: writable.recurrence }))],
  { additionalProperties: false },
);
export type CreateReminderInput = Static<typeof CreateReminderBody>;
export const UpdateReminderBody = Type.Composite([Type.Partial(Type.Object(writable)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })], { additionalProperties: false });
export type UpdateReminderInput = Static<typeof UpdateReminderBody>;

export const ReminderStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done')]);
export const ReminderListQuery = Type.Object(
  {
    ...ListQueryProperties,
    assignee: Type.Optional(Type.Union([Type.Literal('me'), Uuid], { description: '"me" or a user id' })),
    status: Type.Optional(ReminderStatusSchema),
    dueBefore: Type.Optional(Type.String({ format: 'date-time', description: 'Only reminders due before this instant' })),
    customerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ReminderListInput = Static<typeof ReminderListQuery>;
export const ReminderPageSchema = Type.Object({ items: Type.Array(Type.Partial(ReminderSchema)), nextCursor: Type.Union([Type.String(), Type.Null()]), total: Type.Optional(Type.Integer()) });
