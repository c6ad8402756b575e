import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const NullableString = (options = {}) => Type.Union([Type.String(options), Type.Null()]);

const Consent = Type.Union([
  Type.Object({ granted: Type.Boolean(), at: Timestamp, source: Type.String({ description: 'How it was given, e.g. "web form", "phone call", "signed paper"' }) }),
  Type.Null(),
]);
export const ConsentsSchema = Type.Object({ emailMarketing: Consent, smsMarketing: Consent });

const PhoneSchema = Type.Object({ number: Type.String({ description: 'E.164' }), label: NullableString() });
const EmailSchema = Type.Object({ address: Type.String(), label: NullableString() });

export const ContactSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  firstName: Type.String(),
  lastName: NullableString(),
  name: Type.String(),
  role: NullableString(),
  phones: Type.Array(PhoneSchema),
  emails: Type.Array(EmailSchema),
  consents: ConsentsSchema,
  isPrimary: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Contact = Static<typeof ContactSchema>;
export type Consents = Static<typeof ConsentsSchema>;
export const contactFields = Object.keys(ContactSchema.properties) as Array<keyof Contact>;

const ConsentInput = Type.Object(
  { granted: Type.Boolean(), source: Type.String({ minLength: 1, maxLength: 200 }), at: Type.Optional(Timestamp) },
  { additionalProperties: false },
);
const writable = {
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.Union([Type.String({ minLength: 1, maxLength: 150 }), Type.Null()]),
  role: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  // Numbers in any common format ("600 100 200", "+48 22 123 45 67"); stored as E.164.
  phones: Type.Array(Type.Object({ number: Type.String({ minLength: 1, maxLength: 40 }), label: Type.Optional(NullableString({ maxLength: 50 })) }, { additionalProperties: false }), { maxItems: 10 }),
  emails: Type.Array(Type.Object({ address: Type.String({ minLength: 3, maxLength: 254 }), label: Type.Optional(NullableString({ maxLength: 50 })) }, { additionalProperties: false }), { maxItems: 10 }),
  consents: Type.Object({ emailMarketing: Type.Optional(Type.Union([ConsentInput, Type.Null()])), smsMarketing: Type.Optional(Type.Union([ConsentInput, Type.Null()])) }, { additionalProperties: false }),
  isPrimary: Type.Boolean(),
};

export const CreateContactBody = Type.Composite([Type.Object({ firstName: writable.firstName }), Type.Partial(Type.Object(writable))], { additionalProperties: false });
export type CreateContactInput = Static<typeof CreateContactBody>;
export const UpdateContactBody = Type.Composite([Type.Partial(Type.Object(writable)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })], { additionalProperties: false });
export type UpdateContactInput = Static<typeof UpdateContactBody>;

export const ContactListQuery = Type.Object(
  {
    ...ListQueryProperties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    customerId: Type.Optional(Uuid),
    includeDeleted: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type ContactListInput = Static<typeof ContactListQuery>;
export const ContactPageSchema = Type.Object({ items: Type.Array(Type.Partial(ContactSchema)), nextCursor: Type.Union([Type.String(), Type.Null()]), total: Type.Optional(Type.Integer()) });
