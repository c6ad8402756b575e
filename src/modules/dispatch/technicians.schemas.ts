import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const technicianSkills = ['gas', 'refrigeration', 'electrical', 'heat_pumps', 'ventilation'] as const;
export const fgasCategories = ['I', 'II', 'III', 'IV'] as const;
export const absenceKinds = ['vacation', 'sick', 'training', 'other'] as const;

const SkillSchema = Type.Union(technicianSkills.map((skill) => Type.Literal(skill)));
const FgasCategorySchema = Type.Union(fgasCategories.map((category) => Type.Literal(category)), {
  description: 'Personal F-gas certificate category (Regulation (EU) 2015/2067): I all work; II all work on systems under 3 kg of F-gas (6 kg hermetically sealed) and leak checks that do not open the circuit; III recovery from such systems; IV leak checks that do not open the circuit',
});
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Warsaw time' });
const WorkingDay = Type.Union([Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false }), Type.Null()], { description: 'null: day off' });
const WorkingHours = Type.Array(WorkingDay, { minItems: 7, maxItems: 7, description: 'Seven days, Monday first' });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const HomeBaseSchema = Type.Object({ label: Type.String(), lat: Latitude, lng: Longitude });

export const TechnicianSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  skills: Type.Array(SkillSchema),
  fgasCertificate: Type.Union([Type.Object({ category: FgasCategorySchema, number: Type.String(), expiresOn: CalendarDate }), Type.Null()]),
  sepLicence: Type.Union([Type.Object({ number: Type.String(), expiresOn: Type.Union([CalendarDate, Type.Null()]) }), Type.Null()]),
  homeBase: Type.Union([HomeBaseSchema, Type.Null()]),
  workingHours: WorkingHours,
  vehicle: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export type Technician = Static<typeof TechnicianSchema>;
export const TechnicianListSchema = Type.Object({ items: Type.Array(TechnicianSchema) });

const technicianFields = {
  skills: Type.Array(SkillSchema, { uniqueItems: true, maxItems: technicianSkills.length }),
  fgasCertificate: Type.Union([
    Type.Object({ category: FgasCategorySchema, number: Type.String({ minLength: 1, maxLength: 100 }), expiresOn: CalendarDate }, { additionalProperties: false }),
    Type.Null(),
  ]),
  sepLicence: Type.Union([
    Type.Object({ number: Type.String({ minLength: 1, maxLength: 100 }), expiresOn: Type.Optional(Type.Union([CalendarDate, Type.Null()])) }, { additionalProperties: false }),
    Type.Null(),
  ]),
  homeBase: Type.Union([Type.Object({ label: Type.String({ minLength: 1, maxLength: 300 }), lat: Latitude, lng: Longitude }, { additionalProperties: false }), Type.Null()]),
  workingHours: WorkingHours,
  vehicle: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
};

export const CreateTechnicianBody = Type.Object(
  {
    userId: Type.String({ format: 'uuid', description: 'A member of the company' }),
    skills: Type.Optional(technicianFields.skills),
    fgasCertificate: Type.Optional(technicianFields.fgasCertificate),
    sepLicence: Type.Optional(technicianFields.sepLicence),
    homeBase: Type.Optional(technicianFields.homeBase),
    workingHours: Type.Optional({ ...technicianFields.workingHours, description: 'Default: Monday to Friday 08:00–16:00' }),
    vehicle: Type.Optional(technicianFields.vehicle),
  },
  { additionalProperties: false },
);
export type CreateTechnicianInput = Static<typeof CreateTechnicianBody>;

export const UpdateTechnicianBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Or send If-Match' })),
    skills: Type.Optional(technicianFields.skills),
    fgasCertificate: Type.Optional(technicianFields.fgasCertificate),
    sepLicence: Type.Optional(technicianFields.sepLicence),
    homeBase: Type.Optional(technicianFields.homeBase),
    workingHours: Type.Optional(technicianFields.workingHours),
    vehicle: Type.Optional(technicianFields.vehicle),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateTechnicianInput = Static<typeof UpdateTechnicianBody>;

export const AbsenceSchema = Type.Object({
  id: Uuid,
  technicianId: Uuid,
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  kind: Type.Union(absenceKinds.map((kind) => Type.Literal(kind))),
  note: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Absence = Static<typeof AbsenceSchema>;
export const AbsenceListSchema = Type.Object({ items: Type.Array(AbsenceSchema) });

export const CreateAbsenceBody = Type.Object(
  {
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    kind: Type.Union(absenceKinds.map((kind) => Type.Literal(kind))),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateAbsenceInput = Static<typeof CreateAbsenceBody>;

export const AbsenceListQuery = Type.Object({ from: Type.Optional(CalendarDate), to: Type.Optional(CalendarDate) }, { additionalProperties: false });
export const TechnicianAbsenceParams = Type.Object({ id: Uuid, absenceId: Uuid }, { additionalProperties: false });
export const CertificateCheckSchema = Type.Object({ noticesSent: Type.Integer(), asOf: CalendarDate });
