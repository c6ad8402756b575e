import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const CustomerKindSchema = Type.Union([Type.Literal('company'), Type.Literal('person')]);
export const CustomerStatusSchema = Type.Union([Type.Literal('lead'), Type.Literal('active'), Type.Literal('inactive')]);
const Tag = Type.String({ minLength: 1, maxLength: 50 });
// A type list, not anyOf: with the server's type coercion, anyOf tries the string branch first and
// turns 4 into "4" and true into "true", which the typed definitions then refuse.
const CustomFields = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$' }),
  Type.Unsafe<string | number | boolean | null>({ type: ['string', 'number', 'boolean', 'null'], maxLength: 2000 }),
);

export const CustomerSchema = Type.Object({
  id: Uuid,
  kind: CustomerKindSchema,
  name: Type.String(),
  companyName: Nullable(Type.String()),
  firstName: Nullable(Type.String()),
  lastName: Nullable(Type.String()),
  nip: Nullable(Type.String({ description: '10 digits, checksum valid' })),
  regon: Nullable(Type.String()),
  krs: Nullable(Type.String()),
  pesel: Nullable(Type.String()),
  status: CustomerStatusSchema,
  tags: Type.Array(Type.String()),
  ownerUserId: Nullable(Uuid),
  source: Nullable(Type.String()),
  customFields: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Customer = Static<typeof CustomerSchema>;
export const customerFields = Object.keys(CustomerSchema.properties) as Array<keyof Customer>;

// Identity fields accept any common spelling ("123-456-32-18", "PL1234563218"); they are stored normalised.
const writableProperties = {
  companyName: Type.String({ minLength: 1, maxLength: 300 }),
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 150 }),
  nip: Nullable(Type.String({ maxLength: 20 })),
  regon: Nullable(Type.String({ maxLength: 20 })),
  krs: Nullable(Type.String({ maxLength: 20 })),
  pesel: Nullable(Type.String({ maxLength: 20 })),
  status: CustomerStatusSchema,
  tags: Type.Array(Tag, { maxItems: 50, uniqueItems: true }),
  ownerUserId: Nullable(Uuid),
  source: Nullable(Type.String({ maxLength: 100 })),
  customFields: CustomFields,
};

export const CreateCustomerBody = Type.Composite(
  [Type.Object({ kind: CustomerKindSchema }), Type.Partial(Type.Object(writableProperties))],
  { additionalProperties: false },
);
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Composite(
  [Type.Partial(Type.Object(writableProperties)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })],
  { additionalProperties: false },
);
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

export const CustomerSortSchema = Type.Union(
  [Type.Literal('name'), Type.Literal('-name'), Type.Literal('createdAt'), Type.Literal('-createdAt'), Type.Literal('updatedAt'), Type.Literal('-updatedAt')],
  { default: 'name' },
);
export type CustomerSort = Static<typeof CustomerSortSchema>;

export const CustomerListQuery = Type.Object(
  {
    ...ListQueryProperties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Fuzzy, diacritic-insensitive name filter' })),
    status: Type.Optional(CustomerStatusSchema),
    kind: Type.Optional(CustomerKindSchema),
    tag: Type.Optional(Tag),
    ownerUserId: Type.Optional(Uuid),
    includeDeleted: Type.Boolean({ default: false }),
    sort: CustomerSortSchema,
  },
  { additionalProperties: false },
);
export type CustomerListInput = Static<typeof CustomerListQuery>;

// List rows add what a list shows next to the name: the primary contact and the first site's city.
export const CustomerSummarySchema = Type.Object({
  primaryContact: Type.Union([Type.Object({ name: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()) }), Type.Null()]),
  city: Nullable(Type.String()),
});
export type CustomerSummary = Static<typeof CustomerSummarySchema>;
export type CustomerListItem = Customer & CustomerSummary;
export const customerListFields = [...customerFields, 'primaryContact', 'city'] as Array<keyof CustomerListItem>;

export const CustomerPageSchema = Type.Object({
  items: Type.Array(Type.Partial(Type.Composite([CustomerSchema, CustomerSummarySchema]))),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Integer()),
});

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 50 })) });

export const BatchBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('atomic'), Type.Literal('partial')], { description: 'atomic: all or nothing; partial: each item on its own' }),
    items: Type.Array(
      Type.Union([
        Type.Object({ op: Type.Literal('create'), data: CreateCustomerBody }, { additionalProperties: false }),
        Type.Object({ op: Type.Literal('update'), id: Uuid, version: Type.Integer({ minimum: 1 }), data: UpdateCustomerBody }, { additionalProperties: false }),
      ]),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type BatchInput = Static<typeof BatchBody>;

export const BatchResultSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      ok: Type.Boolean(),
      id: Type.Optional(Uuid),
      version: Type.Optional(Type.Integer()),
      error: Type.Optional(Type.Object({ code: Type.String(), detail: Type.String(), errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() }))) })),
    }),
  ),
});
export type BatchResult = Static<typeof BatchResultSchema>;
