import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const PlanSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  siteId: Uuid,
  siteLabel: Type.String({ description: 'Street and city of the site' }),
  equipmentId: Type.Union([Uuid, Type.Null()]),
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  rrule: Type.String({ description: 'RFC 5545 RRULE; starts_on starts the series' }),
  leadDays: Type.Integer({ description: 'How many days before each due date its job is created' }),
  priceGrosze: Type.Union([Type.Integer(), Type.Null()]),
  startsOn: CalendarDate,
  endsOn: Type.Union([CalendarDate, Type.Null()]),
  autoRenew: Type.Boolean(),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('ended')]),
  occurrences: Type.Array(Type.Object({ dueOn: CalendarDate, jobId: Uuid }), { description: 'Jobs created so far, one per due date' }),
  createdAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export type Plan = Static<typeof PlanSchema>;

export const CreatePlanBody = Type.Object(
  {
    siteId: Uuid,
    equipmentId: Type.Optional(Uuid),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    season: Type.Optional(Type.Union([Type.Literal('heating'), Type.Literal('cooling')], { description: 'heating: due before 1 October; cooling: before 1 May (instead of rrule)' })),
    rrule: Type.Optional(Type.String({ maxLength: 500, description: 'e.g. FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30 (instead of season)' })),
    leadDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, default: 30 })),
    priceGrosze: Type.Optional(Type.Integer({ minimum: 0 })),
    startsOn: CalendarDate,
    endsOn: Type.Optional(CalendarDate),
    autoRenew: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreatePlanInput = Static<typeof CreatePlanBody>;

export const PlanListQuery = Type.Object(
  {
    customerId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words of the title, customer or address (any case, with or without Polish letters)' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Page size' }),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type PlanListInput = Static<typeof PlanListQuery>;
export const PlanListSchema = Type.Object({ items: Type.Array(PlanSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const SchedulerRunSchema = Type.Object({ jobsCreated: Type.Integer(), asOf: CalendarDate });
