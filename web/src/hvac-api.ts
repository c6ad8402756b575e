import { requestJson, uploadFile } from './api.ts';
import { withQuery, type Paged } from './crm-api.ts';

// Typed client for the HVAC part of the API: service jobs (status moves, SLA clocks, priced lines,
// checklist, notes, sign-off), equipment with its F-gas status and register, attachments,
// maintenance plans and the KPIs. Shapes follow the server's response schemas; amounts are
// integer grosze, dates "YYYY-MM-DD", instants ISO strings.

export const jobStatuses = ['new', 'scheduled', 'dispatched', 'en_route', 'in_progress', 'on_hold', 'completed', 'invoiced', 'closed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobTypes = ['installation', 'repair', 'maintenance', 'inspection', 'fgas_leak_check', 'emergency'] as const;
export type JobType = (typeof jobTypes)[number];

export const jobPriorities = ['emergency', 'high', 'normal', 'low'] as const;
export type JobPriority = (typeof jobPriorities)[number];

export const vatRates = [23, 8, 5, 0] as const;
export type VatRate = (typeof vatRates)[number];

export const lineKinds = ['part', 'labour', 'other'] as const;
export type LineKind = (typeof lineKinds)[number];

export interface UserRef {
  id: string;
  name: string | null;
}

export interface SlaClock {
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  deadline?: string;
  remainingMinutes?: number;
  // paused: since when; met: when; breached: the deadline that passed; cancelled: when.
  at?: string;
}

export interface JobTransition {
  from: JobStatus;
  to: JobStatus;
  at: string;
  actor: { id: string; role: string };
  reason: string | null;
}

export interface AllowedMove {
  to: JobStatus;
  reasonRequired: boolean;
}

export interface JobLine {
  kind: LineKind;
  description: string;
  // A decimal as text: "1.5".
  quantity: string;
  unitPriceGrosze: number;
  vatRate: VatRate;
  discountPercent: string;
  netGrosze: number;
}

export interface JobLineInput {
  kind: LineKind;
  description: string;
  // "1,5" as typed is accepted.
  quantity: string;
  unitPriceGrosze: number;
  vatRate: VatRate;
  discountPercent?: string;
}

export interface RateTotal {
  rate: VatRate;
  netGrosze: number;
  vatGrosze: number;
  grossGrosze: number;
}

export interface ChecklistItem {
  id: string;
  label: string;
  done: boolean;
  doneAt: string | null;
  doneBy: UserRef | null;
}

export interface JobNote {
  id: string;
  body: string;
  author: UserRef | null;
  createdAt: string;
}

export interface SignOff {
  signerName: string;
  signedAt: string;
  signatureUrl: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
  createdAt: string;
}

export interface JobSummary {
  id: string;
  customerId: string;
  customerName: string;
  siteId: string;
  siteLabel: string;
  equipmentId: string | null;
  type: JobType;
  priority: JobPriority;
  status: JobStatus;
  description: string;
  windowStart: string | null;
  windowEnd: string | null;
  // Where the caller may move the job now: the board's drops and the move menus follow it.
  allowedTransitions: AllowedMove[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Job extends JobSummary {
  requestedByContactId: string | null;
  estimatedMinutes: number | null;
  requiredSkills: string[];
  history: JobTransition[];
  sla: { response: SlaClock; resolution: SlaClock };
  lines: JobLine[];
  totals: { netGrosze: number; vatGrosze: number; grossGrosze: number; byRate: RateTotal[]; currency: 'PLN' };
  // The rate a new line starts with here: the company's setting, or the law for the site.
  defaultVatRate: VatRate;
  checklist: ChecklistItem[];
  notes: JobNote[];
  signOff: SignOff | null;
  attachments: Attachment[];
}

export interface NewJobInput {
  siteId: string;
  equipmentId?: string;
  type: JobType;
  priority?: JobPriority;
  description: string;
  windowStart?: string;
  windowEnd?: string;
}

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
export type EquipmentCategory = (typeof equipmentCategories)[number];

export const equipmentStatuses = ['active', 'faulty', 'decommissioned'] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];

export const fgasStatuses = ['not_in_scope', 'ok', 'due_soon', 'overdue', 'non_compliant'] as const;
export type FgasStatus = (typeof fgasStatuses)[number];

export interface FgasSummary {
  inScope: boolean;
  co2eTonnes: number | null;
  intervalMonths: number | null;
  nextCheckDue: string | null;
  status: FgasStatus;
  // "periodic_check: Art. 5(1)": a reason code and the article behind it.
  reason: string;
}

export interface Equipment {
  id: string;
  customerId: string;
  siteId: string;
  category: EquipmentCategory;
  brand: string;
  model: string | null;
  serialNumber: string | null;
  installedOn: string | null;
  warrantyUntil: string | null;
  status: EquipmentStatus;
  refrigerant: string | null;
  refrigerantChargeKg: number | null;
  hermeticallySealed: boolean;
  leakDetection: boolean;
  installer: string | null;
  notes: string | null;
  fgas: FgasSummary;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}

// What a form sends: the record without what the server decides.
export type EquipmentInput = Omit<Equipment, 'id' | 'customerId' | 'fgas' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'version'>;

export const registerKinds = ['leak_check', 'service', 'leak_repair', 'refill', 'recovery', 'installation', 'decommissioning', 'void'] as const;
export type RegisterKind = (typeof registerKinds)[number];

export const registerResults = ['no_leak', 'leak_found', 'leak_repaired'] as const;
export type RegisterResult = (typeof registerResults)[number];

export interface RegisterEntry {
  id: string;
  equipmentId: string;
  performedOn: string;
  kind: RegisterKind;
  result: RegisterResult | null;
  technicianName: string;
  technicianUserId: string | null;
  certificateNumber: string;
  refrigerantAddedKg: number;
  refrigerantRecoveredKg: number;
  notes: string | null;
  voidsEntryId: string | null;
  voided: boolean;
  recordedBy: string | null;
  createdAt: string;
}

export interface RegisterEntryInput {
  performedOn: string;
  kind: RegisterKind;
  result?: RegisterResult | null;
  technicianName: string;
  certificateNumber: string;
  refrigerantAddedKg?: number;
  refrigerantRecoveredKg?: number;
  notes?: string | null;
  voidsEntryId?: string;
}

export interface Compliance {
  asOf: string;
  score: number | null;
  counts: { inScope: number; ok: number; dueSoon: number; overdue: number; nonCompliant: number; notInScope: number };
  items: Array<{
    equipment: Pick<Equipment, 'id' | 'customerId' | 'siteId' | 'category' | 'brand' | 'model' | 'serialNumber' | 'refrigerant' | 'refrigerantChargeKg'>;
    customerName: string;
    fgas: FgasSummary;
  }>;
}

export const planStatuses = ['active', 'paused', 'ended'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export interface MaintenancePlan {
  id: string;
  customerId: string;
  customerName: string;
  siteId: string;
  // Street and city of the site.
  siteLabel: string;
  equipmentId: string | null;
  title: string;
  description: string | null;
  rrule: string;
  leadDays: number;
  priceGrosze: number | null;
  startsOn: string;
  endsOn: string | null;
  autoRenew: boolean;
  status: PlanStatus;
  occurrences: Array<{ dueOn: string; jobId: string }>;
  createdAt: string;
  version: number;
}

export interface PlanQuery {
  customerId?: string;
  // Words of the title, customer name or address; case and Polish letters do not matter.
  q?: string;
  limit?: number;
  cursor?: string;
}

export const seasons = ['heating', 'cooling'] as const;
export type Season = (typeof seasons)[number];

// The server's season presets: a heating service is due before 1 October, a cooling one before 1 May.
export const seasonRules: Record<Season, string> = {
  heating: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30',
  cooling: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30',
};

export interface NewPlanInput {
  siteId: string;
  equipmentId?: string;
  title: string;
  description?: string;
  // One of season or rrule.
  season?: Season;
  rrule?: string;
  leadDays?: number;
  priceGrosze?: number;
  startsOn: string;
  endsOn?: string;
  autoRenew?: boolean;
}

// Shares and rates are 0..1, null when there is nothing to measure; rates and times cover from..asOf.
export interface Kpis {
  asOf: string;
  from: string;
  heatingReadiness: { share: number | null; serviced: number; total: number; seasonStart: string };
  maintenanceCompletion: { rate: number | null; completed: number; onTime: number; due: number; from: string; to: string };
  emergencyResponse: { p50Minutes: number | null; p90Minutes: number | null; count: number; awaitingArrival: number };
  firstTimeFix: { rate: number | null; fixed: number; total: number };
  fgasCompliance: { score: number | null; inScope: number; overdue: number; asOf: string };
}

export interface SlaTargets {
  responseMinutes: number;
  resolutionMinutes: number;
}

export interface JobSettings {
  slaTargets: Record<JobPriority, SlaTargets>;
  pauseOnHold: boolean;
  // null: each site's rate follows the law (8 % for maintenance of housing, 23 % otherwise).
  defaultVatRate: VatRate | null;
  checklists: Record<JobType, string[]>;
  // 0 while the company uses the defaults; sent back when saving, as a stale one is refused.
  version: number;
}

export type JobSettingsInput = Partial<Omit<JobSettings, 'version'>> & { version: number };

const enc = encodeURIComponent;

export const hvacApi = {
  listJobs: (query: { statuses?: readonly JobStatus[]; customerId?: string; limit?: number }, signal?: AbortSignal): Promise<{ items: JobSummary[]; nextCursor: string | null }> =>
    requestJson(
      'GET',
      withQuery('/api/jobs', { status: query.statuses?.join(','), customerId: query.customerId, limit: query.limit ?? 200 }),
      undefined,
      { signal },
    ),
  getJob: (id: string): Promise<Job> => requestJson('GET', `/api/jobs/${enc(id)}`),
  createJob: (input: NewJobInput): Promise<Job> => requestJson('POST', '/api/jobs', input),
  // The version the user saw goes as If-Match: a job someone else moved meanwhile answers 409.
  moveJob: (job: Pick<Job, 'id' | 'version'>, to: JobStatus, reason?: string): Promise<Job> =>
    requestJson('POST', `/api/jobs/${enc(job.id)}/transitions`, reason ? { to, reason } : { to }, { ifMatch: job.version }),
  replaceLines: (job: Pick<Job, 'id' | 'version'>, lines: JobLineInput[]): Promise<Job> =>
    requestJson('PUT', `/api/jobs/${enc(job.id)}/lines`, { lines }, { ifMatch: job.version }),
  setChecklistItemDone: (jobId: string, itemId: string, done: boolean): Promise<Job> =>
    requestJson('PATCH', `/api/jobs/${enc(jobId)}/checklist/${enc(itemId)}`, { done }),
  addChecklistItem: (jobId: string, label: string): Promise<Job> => requestJson('POST', `/api/jobs/${enc(jobId)}/checklist`, { label }),
  addJobNote: (jobId: string, body: string): Promise<Job> => requestJson('POST', `/api/jobs/${enc(jobId)}/notes`, { body }),
  // signature: a PNG data URL of what the customer drew.
  signOff: (jobId: string, signerName: string, signature: string): Promise<Job> =>
    requestJson('POST', `/api/jobs/${enc(jobId)}/sign-off`, { signerName, signature }),
  uploadJobAttachment: (jobId: string, file: Blob, fileName: string, contentType: string): Promise<Attachment> =>
    uploadFile(withQuery(`/api/jobs/${enc(jobId)}/attachments`, { fileName }), file, contentType),

  listCustomerEquipment: (customerId: string): Promise<Paged<Equipment>> =>
    requestJson('GET', withQuery(`/api/customers/${enc(customerId)}/equipment`, { limit: 200 })),
  getEquipment: (id: string): Promise<Equipment> => requestJson('GET', `/api/equipment/${enc(id)}`),
  createEquipment: (input: EquipmentInput): Promise<Equipment> => requestJson('POST', '/api/equipment', input),
  updateEquipment: (id: string, version: number, changes: Partial<EquipmentInput>): Promise<Equipment> =>
    requestJson('PATCH', `/api/equipment/${enc(id)}`, changes, { ifMatch: version }),
  // Soft delete: the unit leaves the lists; its F-gas register stays.
  deleteEquipment: (id: string, version: number): Promise<Equipment> => requestJson('DELETE', `/api/equipment/${enc(id)}`, undefined, { ifMatch: version }),
  fgasRegister: (equipmentId: string): Promise<{ items: RegisterEntry[] }> => requestJson('GET', `/api/equipment/${enc(equipmentId)}/fgas-register`),
  addRegisterEntry: (equipmentId: string, input: RegisterEntryInput): Promise<RegisterEntry> =>
    requestJson('POST', `/api/equipment/${enc(equipmentId)}/fgas-register`, input),
  listEquipmentAttachments: (equipmentId: string): Promise<{ items: Attachment[] }> => requestJson('GET', `/api/equipment/${enc(equipmentId)}/attachments`),
  uploadEquipmentAttachment: (equipmentId: string, file: Blob, fileName: string, contentType: string): Promise<Attachment> =>
    uploadFile(withQuery(`/api/equipment/${enc(equipmentId)}/attachments`, { fileName }), file, contentType),
  deleteAttachment: (id: string): Promise<void> => requestJson('DELETE', `/api/attachments/${enc(id)}`),

  compliance: (): Promise<Compliance> => requestJson('GET', '/api/fgas/compliance'),

  listPlans: (query: PlanQuery, signal?: AbortSignal): Promise<Paged<MaintenancePlan>> =>
    requestJson('GET', withQuery('/api/maintenance-plans', { customerId: query.customerId, q: query.q, limit: query.limit, cursor: query.cursor }), undefined, { signal }),
  createPlan: (input: NewPlanInput): Promise<MaintenancePlan> => requestJson('POST', '/api/maintenance-plans', input),
  // An empty object, not no body: the route's schema wants one.
  runScheduler: (): Promise<{ jobsCreated: number; asOf: string }> => requestJson('POST', '/api/maintenance-plans/run', {}),

  kpis: (): Promise<Kpis> => requestJson('GET', '/api/kpis'),
  jobSettings: (): Promise<JobSettings> => requestJson('GET', '/api/settings/jobs'),
  saveJobSettings: (settings: JobSettingsInput): Promise<JobSettings> => requestJson('PUT', '/api/settings/jobs', settings),
};
