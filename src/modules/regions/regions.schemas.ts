import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const NullableString = () => Type.Union([Type.String(), Type.Null()]);

// GeoJSON order: [longitude, latitude]; rings are closed (first position = last).
const Position = Type.Array(Type.Number(), { minItems: 2, description: '[longitude, latitude]' });
const PolygonCoordinates = Type.Array(Type.Array(Position), { description: 'Outer ring first, then holes' });
export const RegionGeometrySchema = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: PolygonCoordinates }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(PolygonCoordinates) }),
]);

export const RegionRefSchema = Type.Object({ id: Uuid, name: Type.String() });
export type RegionRef = Static<typeof RegionRefSchema>;

export const RegionSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  geometry: RegionGeometrySchema,
  siteCount: Type.Integer({ description: 'Sites (not deleted) inside the region' }),
  center: Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: 'A point inside the region to put its label on' }),
});
export type Region = Static<typeof RegionSchema>;
export const RegionListSchema = Type.Object({ items: Type.Array(RegionSchema) });

// Only "an object" is checked here: parseRegionsGeoJson checks the rest and names every problem
// with a JSON Pointer, which a schema of GeoJSON's nested arrays would do far less readably.
export const ImportRegionsBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description: 'A GeoJSON FeatureCollection of Polygon/MultiPolygon features, each named in properties.name (or district, nazwa, or the nameProperty query parameter)',
  },
);
export const ImportRegionsQuery = Type.Object(
  { nameProperty: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Feature property holding the region name' })) },
  { additionalProperties: false },
);

export const RegionImportResultSchema = Type.Object({
  imported: Type.Integer({ description: 'Regions in the file' }),
  replaced: Type.Integer({ description: 'Of those, regions that existed under the same name (ignoring case, diacritics, dashes) and keep their id' }),
  removed: Type.Integer({ description: 'Regions of the tenant not in the file, deleted' }),
  sitesResolved: Type.Integer({ description: 'Sites (not deleted) that lie inside one of the imported regions' }),
});
export type RegionImportResult = Static<typeof RegionImportResultSchema>;

export const UiConfigSchema = Type.Object({ mapTilesUrl: NullableString(), mapAttribution: NullableString() });
export type UiConfig = Static<typeof UiConfigSchema>;
