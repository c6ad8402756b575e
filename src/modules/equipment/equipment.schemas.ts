import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const NullableString = (options = {}) => Type.Union([Type.String(options), Type.Null()]);
const NullableDate = Type.Union([CalendarDate, Type.Null()]);

export const equipmentCategories = [
  'gas_boiler',
  'oil_boiler',
  'heat_pump_air_water',
  'heat_pump_ground',
  'split_ac',
  'multi_split',
  'vrf',
  'chiller',
  'ventilation_heat_recovery',
  'controller',
] as const;
const Category = Type.Union(equipmentCategories.map((category) => Type.Literal(category)));
const Status = Type.Union([Type.Literal('active'), Type.Literal('faulty'), Type.Literal('decommissioned')]);

// What the F-gas rules say about one piece of equipment today (computed, never stored).
export const FgasSummarySchema = Type.Object({
  inScope: Type.Boolean({ description: 'Subject to periodic leak checks (EU 2024/573 Art. 5)' }),
  co2eTonnes: Type.Union([Type.Number(), Type.Null()], { description: 'Charge × GWP / 1000; null without a refrigerant' }),
  intervalMonths: Type.Union([Type.Integer(), Type.Null()]),
  nextCheckDue: NullableDate,
  status: Type.Union((['not_in_scope', 'ok', 'due_soon', 'overdue', 'non_compliant'] as const).map((status) => Type.Literal(status))),
  reason: Type.String({ description: 'Why: exemption, kind of check due, or what is missing' }),
});
export type FgasSummary = Static<typeof FgasSummarySchema>;

export const EquipmentSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  siteId: Uuid,
  category: Category,
  brand: Type.String(),
  model: NullableString(),
  serialNumber: NullableString(),
  installedOn: NullableDate,
  warrantyUntil: NullableDate,
  status: Status,
  refrigerant: NullableString({ description: 'Canonical designation, e.g. "R-410A"' }),
  refrigerantChargeKg: Type.Union([Type.Number(), Type.Null()]),
  hermeticallySealed: Type.Boolean(),
  leakDetection: Type.Boolean({ description: 'A leak-detection system is fitted' }),
  installer: NullableString(),
  notes: NullableString(),
  fgas: FgasSummarySchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  version: Type.Integer(),
});
export type Equipment = Static<typeof EquipmentSchema>;
export const equipmentFields = Object.keys(EquipmentSchema.properties) as Array<keyof Equipment>;

const writable = {
  siteId: Uuid,
  category: Category,
  brand: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. Vaillant, Daikin, Mitsubishi Electric' }),
  model: NullableString({ maxLength: 100 }),
  serialNumber: NullableString({ maxLength: 100, description: 'Unique per brand within the company' }),
  installedOn: NullableDate,
  warrantyUntil: NullableDate,
  status: Status,
  refrigerant: NullableString({ maxLength: 30, description: 'Any common spelling: "R410A", "r-32", "R-744"' }),
  refrigerantChargeKg: Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }), Type.Null()], { description: 'kg, up to 3 decimals (grams); both refrigerant and charge, or neither' }),
  hermeticallySealed: Type.Boolean(),
  leakDetection: Type.Boolean(),
  installer: NullableString({ maxLength: 200 }),
  notes: NullableString({ maxLength: 5000 }),
};

export const CreateEquipmentBody = Type.Composite(
  [Type.Object({ siteId: writable.siteId, category: writable.category, brand: writable.brand }), Type.Partial(Type.Object(writable))],
  { additionalProperties: false },
);
export type CreateEquipmentInput = Static<typeof CreateEquipmentBody>;
export const UpdateEquipmentBody = Type.Composite([Type.Partial(Type.Object(writable)), Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) })], {
  additionalProperties: false,
});
export type UpdateEquipmentInput = Static<typeof UpdateEquipmentBody>;

export const EquipmentListQuery = Type.Object(
  {
    ...ListQueryProperties,
    customerId: Type.Optional(Uuid),
    siteId: Type.Optional(Uuid),
    category: Type.Optional(Category),
    includeDeleted: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type EquipmentListInput = Static<typeof EquipmentListQuery>;
export const EquipmentPageSchema = Type.Object({ items: Type.Array(Type.Partial(EquipmentSchema)), nextCursor: Type.Union([Type.String(), Type.Null()]), total: Type.Optional(Type.Integer()) });

const registerKinds = ['leak_check', 'service', 'leak_repair', 'refill', 'recovery', 'installation', 'decommissioning', 'void'] as const;
const registerResults = ['no_leak', 'leak_found', 'leak_repaired'] as const;

export const RegisterEntrySchema = Type.Object({
  id: Uuid,
  equipmentId: Uuid,
  performedOn: CalendarDate,
  kind: Type.Union(registerKinds.map((kind) => Type.Literal(kind))),
  result: Type.Union([...registerResults.map((result) => Type.Literal(result)), Type.Null()]),
  technicianName: Type.String(),
  technicianUserId: Type.Union([Uuid, Type.Null()]),
  certificateNumber: Type.String({ description: 'The technician\'s F-gas certificate' }),
  refrigerantAddedKg: Type.Number(),
  refrigerantRecoveredKg: Type.Number(),
  notes: NullableString(),
  voidsEntryId: Type.Union([Uuid, Type.Null()], { description: 'For kind "void": the entry this one cancels' }),
  voided: Type.Boolean({ description: 'A later "void" entry cancels this one' }),
  recordedBy: Type.Union([Uuid, Type.Null()]),
  createdAt: Timestamp,
});
export type RegisterEntry = Static<typeof RegisterEntrySchema>;

// No multipleOf: binary floats make 0.35 fail "multiple of 0.001"; the service checks grams.
const Kg = Type.Number({ minimum: 0, maximum: 100_000, description: 'kg, up to 3 decimals' });
export const CreateRegisterEntryBody = Type.Object(
  {
    performedOn: CalendarDate,
    kind: Type.Union(registerKinds.map((kind) => Type.Literal(kind))),
    result: Type.Optional(Type.Union([...registerResults.map((result) => Type.Literal(result)), Type.Null()])),
    technicianName: Type.String({ minLength: 1, maxLength: 200 }),
    technicianUserId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
    refrigerantAddedKg: Type.Optional(Kg),
    refrigerantRecoveredKg: Type.Optional(Kg),
    notes: Type.Optional(NullableString({ maxLength: 5000 })),
    voidsEntryId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateRegisterEntryInput = Static<typeof CreateRegisterEntryBody>;
export const RegisterSchema = Type.Object({ items: Type.Array(RegisterEntrySchema) });

export const ComplianceQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ pattern: '^(ok|due_soon|overdue|non_compliant)(,(ok|due_soon|overdue|non_compliant))*$', description: 'Comma-separated statuses to list (default: due_soon,overdue,non_compliant)' })),
    dueWithinDays: Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'How far ahead "due soon" looks' }),
  },
  { additionalProperties: false },
);
export type ComplianceInput = Static<typeof ComplianceQuery>;
export const ComplianceSchema = Type.Object({
  asOf: CalendarDate,
  score: Type.Union([Type.Number(), Type.Null()], { description: 'Share of in-scope equipment with no overdue check (0..1); null when none is in scope' }),
  counts: Type.Object({ inScope: Type.Integer(), ok: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer(), nonCompliant: Type.Integer(), notInScope: Type.Integer() }),
  items: Type.Array(
    Type.Object({
      equipment: Type.Pick(EquipmentSchema, ['id', 'customerId', 'siteId', 'category', 'brand', 'model', 'serialNumber', 'refrigerant', 'refrigerantChargeKg']),
      customerName: Type.String(),
      fgas: FgasSummarySchema,
    }),
  ),
});
export type Compliance = Static<typeof ComplianceSchema>;
