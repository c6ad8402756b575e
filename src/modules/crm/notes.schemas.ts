import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
// A user as other members see them; null when there is none (API token) or they left the company.
const UserRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const NoteSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  body: Type.String(),
  author: UserRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Note = Static<typeof NoteSchema>;

// At least one visible character: a note of blanks says nothing.
const NoteBody = Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' });

export const CreateNoteBody = Type.Object({ body: NoteBody }, { additionalProperties: false });
export type CreateNoteInput = Static<typeof CreateNoteBody>;
export const UpdateNoteBody = Type.Object({ body: Type.Optional(NoteBody), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type UpdateNoteInput = Static<typeof UpdateNoteBody>;
