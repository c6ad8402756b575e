import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const NullableString = (options = {}) => Type.Union([Type.String(options), Type.Null()]);
// A type list, not anyOf: with the server's type coercion, anyOf [number, null] turns null into 0,
// which would move a site to 0°N 0°E instead of off the map.
const NullableNumber = (options = {}) => Type.Unsafe<number | null>({ ...options, type: ['number', 'null'] });

const PremisesKind = Type.Union([Type.Literal('house'), Type.Literal('flat'), Type.Literal('non_residential')]);

export const SiteSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  label: NullableString(),
  street: Type.String(),
  building: NullableString(),
  flat: NullableString(),
  postalCode: Type.String({ description: 'NN-NNN' }),
  city: Type.String(),
  lat: NullableNumber(),
  lng: NullableNumber(),
  accessNotes: NullableString(),
  premisesKind: Type.Union([PremisesKind, Type.Null()], { description: 'house, flat or non_residential: decides the VAT rate of work here' }),
  usableAreaM2: NullableNumber({ description: 'Usable area of the house or flat, m²' }),
  region: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], { description: 'The service region the site lies in, from its coordinates' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Site = Static<typeof SiteSchema>;
export const siteFields = Object.keys(SiteSchema.properties) as Array<keyof Site>;

// Postal codes in any common spelling ("00950", "00 950") are stored as NN-NNN.
const writable = {
  label: NullableString({ maxLength: 100, description: 'e.g. "Biuro", "Magazyn"' }),
  street: Type.String({ minLength: 1, maxLength: 200, description: 'Street and number as written, e.g. "ul. Marszałkowska 10"' }),
  building: NullableString({ maxLength: 50 }),
  flat: NullableString({ maxLength: 50 }),
  postalCode: Type.String({ minLength: 1, maxLength: 10 }),
  city: Type.String({ minLength: 1, maxLength: 100 }),
  // Both or neither: a site is on the map with both, off it with none.
  lat: NullableNumber({ minimum: -90, maximum: 90 }),
  lng: NullableNumber({ minimum: -180, maximum: 180 }),
  accessNotes: NullableString({ maxLength: 2000, description: 'Gate code, parking, where the units are' }),
  premisesKind: Type.Union([PremisesKind, Type.Null()]),
  usableAreaM2: NullableNumber({ exclusiveMinimum: 0, maximum: 999999, description: 'm², up to 2 decimals' }),
};

export const CreateSiteBody = Type.Composite(
  [Type.Object({ street: writable.street, postalCode: writable.postalCode, city: writable.city }), Type.Partial(Type.Object(writable))],
  { additionalProperties: false },
);
export type CreateSiteInput = Static<typeof CreateSiteBody>;
export const UpdateSiteBody = Type.Composite([Type.Partial(Type.Object(writable)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })], { additionalProperties: false });
export type UpdateSiteInput = Static<typeof UpdateSiteBody>;

export const SiteListQuery = Type.Object(
  {
    ...ListQueryProperties,
    customerId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    includeDeleted: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type SiteListInput = Static<typeof SiteListQuery>;
export const SitePageSchema = Type.Object({ items: Type.Array(Type.Partial(SiteSchema)), nextCursor: Type.Union([Type.String(), Type.Null()]), total: Type.Optional(Type.Integer()) });
