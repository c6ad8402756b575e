import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
// A user as other members see them; null when there is none (API token) or they left the company.
const UserRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const InteractionKindSchema = Type.Union([Type.Literal('call'), Type.Literal('email'), Type.Literal('sms'), Type.Literal('visit'), Type.Literal('meeting')]);
export const InteractionDirectionSchema = Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]);

export const InteractionSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  contactId: Type.Union([Uuid, Type.Null()]),
  kind: InteractionKindSchema,
  direction: Type.Union([InteractionDirectionSchema, Type.Null()]),
  occurredAt: Timestamp,
  user: UserRef,
  subject: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Interaction = Static<typeof InteractionSchema>;

const writable = {
  kind: InteractionKindSchema,
  direction: Type.Union([InteractionDirectionSchema, Type.Null()]),
  occurredAt: Type.String({ format: 'date-time', description: 'When it happened; default: now' }),
  contactId: Type.Union([Uuid, Type.Null()], { description: 'A contact person of the same customer' }),
  subject: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  outcome: Type.Union([Type.String({ maxLength: 5000 }), Type.Null()]),
};

export const CreateInteractionBody = Type.Composite([Type.Object({ kind: writable.kind }), Type.Partial(Type.Object(writable))], { additionalProperties: false });
export type CreateInteractionInput = Static<typeof CreateInteractionBody>;
export const UpdateInteractionBody = Type.Composite([Type.Partial(Type.Object(writable)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })], { additionalProperties: false });
export type UpdateInteractionInput = Static<typeof UpdateInteractionBody>;
