import { Type, type Static } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const maxPositionsPerBatch = 500;
export const maxTrailPoints = 5_000;

export const PositionInputSchema = Type.Object(
  {
    recordedAt: { ...Instant, description: 'When the device took the fix (not when it was sent)' },
    lat: Latitude,
    lng: Longitude,
    accuracyM: Type.Optional(Type.Number({ minimum: 0, description: 'Horizontal accuracy radius, metres' })),
    speedKmh: Type.Optional(Type.Number({ minimum: 0 })),
    heading: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 360, description: 'Degrees clockwise from north' })),
  },
  { additionalProperties: false },
);
export type PositionInput = Static<typeof PositionInputSchema>;

export const RecordPositionsBody = Type.Object(
  {
    positions: Type.Array(PositionInputSchema, {
      minItems: 1,
      maxItems: maxPositionsPerBatch,
      description: 'In any order; a position already stored (same recordedAt) is counted as a duplicate, not an error',
    }),
  },
  { additionalProperties: false },
);
export type RecordPositionsInput = Static<typeof RecordPositionsBody>;

const LatestSchema = Type.Object({ recordedAt: Instant, lat: Latitude, lng: Longitude });

export const RecordPositionsResultSchema = Type.Object({
  accepted: Type.Integer({ description: 'Positions stored by this batch' }),
  duplicates: Type.Integer({ description: 'Positions that were stored before (a resent batch)' }),
  latest: { ...LatestSchema, description: "The technician's newest position overall, by recordedAt" },
});
export type RecordPositionsResult = Static<typeof RecordPositionsResultSchema>;

const positionFields = {
  recordedAt: Instant,
  lat: Latitude,
  lng: Longitude,
  accuracyM: NullableNumber,
  speedKmh: NullableNumber,
  heading: NullableNumber,
};

export const TrailPointSchema = Type.Object(positionFields);
export type TrailPoint = Static<typeof TrailPointSchema>;

export const TrailQuery = Type.Object(
  {
    from: Type.Optional({ ...Instant, description: 'Default: 12 hours before `to`' }),
    to: Type.Optional({ ...Instant, description: 'Default: now' }),
  },
  { additionalProperties: false },
);
export type TrailRange = Static<typeof TrailQuery>;

export const TrailSchema = Type.Object({
  technicianId: Type.String({ format: 'uuid' }),
  from: Instant,
  to: Instant,
  items: Type.Array(TrailPointSchema, { description: `Oldest first, at most ${maxTrailPoints}` }),
  truncated: Type.Boolean({ description: 'true: more points in the range; ask again from the last recordedAt' }),
});
export type Trail = Static<typeof TrailSchema>;

export const LastKnownPositionSchema = Type.Object({ technicianId: Type.String({ format: 'uuid' }), ...positionFields });
export type LastKnownPosition = Static<typeof LastKnownPositionSchema>;
export const LastKnownPositionListSchema = Type.Object({ items: Type.Array(LastKnownPositionSchema) });
