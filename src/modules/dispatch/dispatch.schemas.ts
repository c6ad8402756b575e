import { Type, type Static } from '@sinclair/typebox';
import { HomeBaseSchema } from './technicians.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const Point = Type.Object({ lat: Type.Number(), lng: Type.Number() });

export const DateParams = Type.Object({ date: CalendarDate }, { additionalProperties: false });
export const JobIdParams = Type.Object({ jobId: Uuid }, { additionalProperties: false });

export const JobCardSchema = Type.Object({
  id: Uuid,
  type: Type.String(),
  priority: Type.Union([Type.Literal('emergency'), Type.Literal('high'), Type.Literal('normal'), Type.Literal('low')]),
  status: Type.String(),
  description: Type.String(),
  customerName: Type.String(),
  siteLabel: Type.String(),
  location: Type.Union([Point, Type.Null()]),
  windowStart: NullableInstant,
  windowEnd: NullableInstant,
  serviceMinutes: Type.Integer({ description: 'Estimated time on site (the job type default when not estimated)' }),
  requiredSkills: Type.Array(Type.String()),
});
export type JobCard = Static<typeof JobCardSchema>;

export const VisitSchema = Type.Object({
  jobId: Uuid,
  technicianId: Uuid,
  sequence: Type.Integer(),
  plannedStart: Instant,
  plannedEnd: Instant,
  travelMinutes: Type.Integer({ description: 'Driving from the previous stop' }),
  eta: NullableInstant,
  locked: Type.Boolean({ description: 'Re-optimisation keeps it with this technician at this time' }),
  job: JobCardSchema,
});
export type Visit = Static<typeof VisitSchema>;

export const LaneSchema = Type.Object({
  technicianId: Uuid,
  name: Type.String(),
  skills: Type.Array(Type.String()),
  vehicle: Type.Union([Type.String(), Type.Null()]),
  homeBase: Type.Union([HomeBaseSchema, Type.Null()]),
  shift: Type.Union([Type.Object({ start: Instant, end: Instant }), Type.Null()], { description: 'null: not working that day' }),
  off: Type.Union([Type.Object({ reason: Type.Union([Type.Literal('day_off'), Type.Literal('absent')]), absenceKind: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  visits: Type.Array(VisitSchema),
});

export const PlanningProblemSchema = Type.Object({ jobId: Uuid, reason: Type.String({ description: 'missing_skill, locked_vehicle_cannot, unreachable_in_shift, no_room, no_location, no_technician' }) });

export const ProposalSchema = Type.Object({
  id: Uuid,
  date: CalendarDate,
  status: Type.Union([Type.Literal('proposed'), Type.Literal('accepted'), Type.Literal('superseded')]),
  createdAt: Instant,
  routes: Type.Array(
    Type.Object({
      technicianId: Uuid,
      travelMinutes: Type.Number(),
      visits: Type.Array(Type.Object({ jobId: Uuid, start: Instant, end: Instant, travelMinutes: Type.Number() })),
    }),
  ),
  unassigned: Type.Array(PlanningProblemSchema),
  travelMinutes: Type.Number({ description: 'Total driving of the plan' }),
  travelSource: Type.Union([Type.Literal('straight_line'), Type.Literal('osrm')]),
  solver: Type.Object({ iterations: Type.Integer(), milliseconds: Type.Integer(), seed: Type.Integer() }),
});
export type Proposal = Static<typeof ProposalSchema>;

export const DayBoardSchema = Type.Object({
  date: CalendarDate,
  dayStart: Instant,
  lanes: Type.Array(LaneSchema),
  unassigned: Type.Array(JobCardSchema, { description: 'Open jobs for the day (window overlapping it, or none) without a visit' }),
  latestProposal: Type.Union([ProposalSchema, Type.Null()]),
});
export type DayBoard = Static<typeof DayBoardSchema>;

export const ProposeBody = Type.Object(
  {
    technicianIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true, description: 'Default: every technician working that day' })),
    seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: 'Time budget; default DISPATCH_SOLVE_SECONDS' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'The same seed on the same day gives the same plan' })),
  },
  { additionalProperties: false },
);
export type ProposeInput = Static<typeof ProposeBody>;

export const MoveVisitBody = Type.Object(
  {
    technicianId: Uuid,
    date: CalendarDate,
    position: Type.Integer({ minimum: 0, maximum: 500, description: "Index in the technician's visits of that day" }),
    locked: Type.Optional(Type.Boolean({ description: 'Keep it there when the day is re-optimised (default true: a dispatcher placed it)' })),
  },
  { additionalProperties: false },
);
export type MoveVisitInput = Static<typeof MoveVisitBody>;

export const EmergencyResultSchema = Type.Object({
  technicianId: Uuid,
  eta: Instant,
  plannedStart: Instant,
  addedTravelMinutes: Type.Number(),
  board: DayBoardSchema,
});
