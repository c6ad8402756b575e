import { Type, type Static } from '@sinclair/typebox';
import { ListQueryProperties } from '../../core/http/list-query.ts';
import { AttachmentSchema } from '../attachments/attachments.schemas.ts';
import { jobStatuses } from './job-lifecycle.ts';
import { lineItemKinds, vatRates } from './job-pricing.ts';
import { jobPriorities } from './job-sla.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const jobTypes = ['installation', 'repair', 'maintenance', 'inspection', 'fgas_leak_check', 'emergency'] as const;
const JobType = Type.Union(jobTypes.map((type) => Type.Literal(type)));
const Priority = Type.Union(jobPriorities.map((priority) => Type.Literal(priority)));
const Status = Type.Union(jobStatuses.map((status) => Type.Literal(status)));
const VatRate = Type.Union(vatRates.map((rate) => Type.Literal(rate)));
// A type list, not anyOf: the server coerces types, and anyOf [rate, null] would turn null into
// 0, which is a rate (0 %) and not "no company rate".
const NullableVatRate = (options = {}) => Type.Unsafe<(typeof vatRates)[number] | null>({ ...options, type: ['integer', 'null'], enum: [...vatRates, null] });
const LineKind = Type.Union(lineItemKinds.map((kind) => Type.Literal(kind)));

const Person = Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) });

const SlaClockSchema = Type.Object({
  state: Type.Union(['running', 'paused', 'met', 'breached', 'cancelled'].map((state) => Type.Literal(state))),
  deadline: Type.Optional(Timestamp),
  remainingMinutes: Type.Optional(Type.Integer()),
  at: Type.Optional(Timestamp),
});

export const JobLineSchema = Type.Object({
  kind: LineKind,
  description: Type.String(),
  quantity: Type.String({ description: 'Decimal with up to 3 places, e.g. "1.5"' }),
  unitPriceGrosze: Type.Integer(),
  vatRate: VatRate,
  discountPercent: Type.String(),
  netGrosze: Type.Integer(),
});

export const JobSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  siteId: Uuid,
  equipmentId: Type.Union([Uuid, Type.Null()]),
  requestedByContactId: Type.Union([Uuid, Type.Null()]),
  type: JobType,
  priority: Priority,
  status: Status,
  description: Type.String(),
  windowStart: NullableTimestamp,
  windowEnd: NullableTimestamp,
  estimatedMinutes: Type.Union([Type.Integer(), Type.Null()]),
  requiredSkills: Type.Array(Type.String()),
  history: Type.Array(
    Type.Object({ from: Status, to: Status, at: Timestamp, actor: Type.Object({ id: Type.String(), role: Type.String() }), reason: Type.Union([Type.String(), Type.Null()]) }),
  ),
  allowedTransitions: Type.Array(Type.Object({ to: Status, reasonRequired: Type.Boolean() }), { description: 'Where the caller may move the job now' }),
  sla: Type.Object({ response: SlaClockSchema, resolution: SlaClockSchema }),
  lines: Type.Array(JobLineSchema),
  totals: Type.Object({
    netGrosze: Type.Integer(),
    vatGrosze: Type.Integer(),
    grossGrosze: Type.Integer(),
    byRate: Type.Array(Type.Object({ rate: VatRate, netGrosze: Type.Integer(), vatGrosze: Type.Integer(), grossGrosze: Type.Integer() })),
    currency: Type.Literal('PLN'),
  }),
  defaultVatRate: Type.Union([VatRate], { description: 'The rate a new line starts with here (company setting, or the law for the site)' }),
  checklist: Type.Array(
    Type.Object({ id: Uuid, label: Type.String(), done: Type.Boolean(), doneAt: NullableTimestamp, doneBy: Type.Union([Person, Type.Null()]) }),
  ),
  notes: Type.Array(Type.Object({ id: Uuid, body: Type.String(), author: Type.Union([Person, Type.Null()]), createdAt: Timestamp }), { description: 'Oldest first' }),
  signOff: Type.Union([Type.Object({ signerName: Type.String(), signedAt: Timestamp, signatureUrl: Type.String() }), Type.Null()]),
  attachments: Type.Array(AttachmentSchema),
  customerName: Type.String(),
  siteLabel: Type.String({ description: 'Street and city of the site' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type Job = Static<typeof JobSchema>;

export const CreateJobBody = Type.Object(
  {
    siteId: Uuid,
    equipmentId: Type.Optional(Uuid),
    requestedByContactId: Type.Optional(Uuid),
    type: JobType,
    priority: Type.Optional(Priority),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    windowStart: Type.Optional(Timestamp),
    windowEnd: Type.Optional(Timestamp),
    estimatedMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10080 })),
    requiredSkills: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateJobInput = Static<typeof CreateJobBody>;

export const TransitionBody = Type.Object(
  {
    to: Status,
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionBody>;

const LineInput = Type.Object(
  {
    kind: LineKind,
    description: Type.String({ minLength: 1, maxLength: 500 }),
    quantity: Type.Union([Type.String({ maxLength: 20 }), Type.Number()], { description: 'e.g. 1.5 or "1,5"; up to 3 decimals' }),
    unitPriceGrosze: Type.Integer({ minimum: -100_000_000_00, maximum: 100_000_000_00, description: 'Net unit price in grosze (negative for a rebate)' }),
    vatRate: VatRate,
    discountPercent: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Number()])),
  },
  { additionalProperties: false },
);
export const ReplaceLinesBody = Type.Object({ lines: Type.Array(LineInput, { maxItems: 500 }), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export type ReplaceLinesInput = Static<typeof ReplaceLinesBody>;

export const JobListQuery = Type.Object(
  {
    ...ListQueryProperties,
    status: Type.Optional(Type.String({ pattern: `^(${jobStatuses.join('|')})(,(${jobStatuses.join('|')}))*$`, description: 'Comma-separated statuses' })),
    customerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type JobListInput = Static<typeof JobListQuery>;
export const JobSummarySchema = Type.Pick(JobSchema, ['id', 'customerId', 'siteId', 'equipmentId', 'type', 'priority', 'status', 'description', 'windowStart', 'windowEnd', 'customerName', 'siteLabel', 'allowedTransitions', 'createdAt', 'updatedAt', 'version']);
export type JobSummary = Static<typeof JobSummarySchema>;

export const ChecklistItemParams = Type.Object({ id: Uuid, itemId: Uuid });
export const ChecklistTickBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });
export const ChecklistItemBody = Type.Object({ label: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false });
export const JobNoteBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 10000 }) }, { additionalProperties: false });
export const SignOffBody = Type.Object(
  {
    signerName: Type.String({ minLength: 1, maxLength: 200, description: 'Who signed, as they wrote it' }),
    signature: Type.String({ maxLength: 800_000, description: 'The drawn signature: data:image/png;base64,…' }),
  },
  { additionalProperties: false },
);

const SlaTargetsSchema = Type.Object({ responseMinutes: Type.Integer({ minimum: 1, maximum: 525600 }), resolutionMinutes: Type.Integer({ minimum: 1, maximum: 525600 }) });
const jobTypeKeys = (value: ReturnType<typeof Type.Array>) => Type.Object(Object.fromEntries(jobTypes.map((type) => [type, value])));
export const JobSettingsSchema = Type.Object({
  slaTargets: Type.Object(Object.fromEntries(jobPriorities.map((priority) => [priority, SlaTargetsSchema]))),
  pauseOnHold: Type.Boolean({ description: 'Whether SLA clocks stop while a job is on hold' }),
  defaultVatRate: NullableVatRate({ description: 'null: the rate follows the law for each site' }),
  checklists: jobTypeKeys(Type.Array(Type.String())),
  version: Type.Integer({ description: '0 while the company uses the defaults only' }),
});
const ChecklistLabels = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 50 });
export const JobSettingsBody = Type.Object(
  {
    slaTargets: Type.Optional(
      Type.Object(
        Object.fromEntries(jobPriorities.map((priority) => [priority, Type.Optional(Type.Partial(SlaTargetsSchema, { additionalProperties: false }))])),
        { additionalProperties: false },
      ),
    ),
    pauseOnHold: Type.Optional(Type.Boolean()),
    defaultVatRate: Type.Optional(NullableVatRate()),
    checklists: Type.Optional(Type.Object(Object.fromEntries(jobTypes.map((type) => [type, Type.Optional(ChecklistLabels)])), { additionalProperties: false })),
    version: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export const JobPageSchema = Type.Object({ items: Type.Array(JobSummarySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });
