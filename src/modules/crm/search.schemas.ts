import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });

export const searchTypes = ['customer', 'contact', 'site'] as const;
export type SearchType = (typeof searchTypes)[number];

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 200, description: 'Name, address, phone (any format), e-mail, NIP or postal code; diacritics and small typos do not matter' }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 20, description: 'Most hits returned, over all types' }),
    types: Type.Optional(
      Type.String({ pattern: '^(customer|contact|site)(,(customer|contact|site))*$', description: 'Comma-separated subset of customer,contact,site (default: all)' }),
    ),
  },
  { additionalProperties: false },
);
export type SearchInput = Static<typeof SearchQuery>;

export const SearchHitSchema = Type.Object({
  type: Type.Union(searchTypes.map((type) => Type.Literal(type))),
  id: Uuid,
  customerId: Uuid,
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number({ description: '0..1; exact matches (identifiers, whole name) above word prefixes above fuzzy ones' }),
  matched: Type.Array(Type.Object({ field: Type.String({ description: 'name, nip, phone, email, address, city or postalCode' }), value: Type.String() })),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchResultSchema = Type.Object({ items: Type.Array(SearchHitSchema) });
export type SearchResult = Static<typeof SearchResultSchema>;
