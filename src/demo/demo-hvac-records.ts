import type { Role } from '../core/db/schema.ts';
import type { EquipmentRow, RegisterRow } from '../modules/equipment/equipment.repo.ts';
import { checklistFor } from '../modules/jobs/job-checklists.ts';
import type { JobActor, JobTransitionRecord } from '../modules/jobs/job-lifecycle.ts';
import type { LineItem, VatPremises } from '../modules/jobs/job-pricing.ts';
import { resolveSlaPolicy, slaStatus, type JobPriority } from '../modules/jobs/job-sla.ts';
import type { JobRow, JobType, NewJob } from '../modules/jobs/jobs.repo.ts';
import type { NewPlan } from '../modules/maintenance/maintenance.repo.ts';
import { minuteMs, warsawDate } from './demo-calendar.ts';
import { seededRandom, type DemoCustomerBundle } from './demo-crm-data.ts';
import type { Random } from './demo-equipment-data.ts';
import type { Market, UnitModel } from './demo-hvac-catalogue.ts';
import { demoIdFor, type DemoRecordKind } from './demo-ids.ts';
import { tickChecklist, type DemoChecklistItem } from './demo-job-checklist.ts';
import { replayJob, type ReplayedJob } from './demo-job-replay.ts';
import { visitSteps, type VisitCrew, type VisitPlan } from './demo-visits.ts';

// The records of the demo's HVAC history, as the services store them, and the writer one
// customer's history goes through: its own random stream, its ids, the jobs it opens (replayed
// through the job lifecycle up to the anchor) and the F-gas register entries its technicians make.

export interface DemoStaffMember {
  id: string;
  name: string;
  role: Role;
}

export interface DemoHvacOptions {
  seed: number;
  anchor: Date; // the demo's "now": work is done up to it, some is planned after it
  staff: readonly DemoStaffMember[];
}

export type DemoEquipment = Omit<EquipmentRow, 'deletedAt'>;
export type DemoJobRow = NewJob & Pick<JobRow, 'status' | 'arrivedAt' | 'createdAt' | 'updatedAt' | 'version'>;

export interface DemoJob {
  row: DemoJobRow;
  history: Array<JobTransitionRecord & { id: string }>;
  lines: Array<LineItem & { id: string }>;
  checklist: Array<DemoChecklistItem & { id: string }>;
}

export type DemoPlan = NewPlan & { createdAt: Date };

export interface DemoOccurrence {
  id: string;
  planId: string;
  dueOn: string;
  jobId: string;
  createdAt: Date;
}

export interface DemoSlaBreach {
  id: string;
  jobId: string;
  clock: 'response' | 'resolution';
  breachedAt: Date;
  recordedAt: Date;
}

export interface DemoHvac {
  equipment: DemoEquipment[];
  register: RegisterRow[];
  jobs: DemoJob[];
  plans: DemoPlan[];
  occurrences: DemoOccurrence[];
  slaBreaches: DemoSlaBreach[];
}

export type Site = DemoCustomerBundle['sites'][number];

// A unit at a site, from the moment the firm knows it (its jobs start after that).
export interface PlacedUnit {
  equipment: DemoEquipment;
  model: UnitModel;
  site: Site;
  premises: VatPremises;
  serviceFrom: Date;
  hasPlan: boolean;
}

export interface JobSpec {
  type: JobType;
  priority: JobPriority;
  description: string;
  site: Site;
  equipmentId: string | null;
  requested: boolean; // the customer's contact asked for it
  createdAt: Date;
  createdBy: DemoStaffMember | null; // null: the maintenance scheduler
  window: [Date, Date] | null;
  estimatedMinutes: number | null;
  skills: string[];
}

export interface DoneJob {
  id: string;
  job: ReplayedJob;
  technician: DemoStaffMember;
  completedAt: Date | null;
}

type Counted = 'unit' | 'job' | 'fgasEntry' | 'plan';

interface Crew {
  technicians: readonly DemoStaffMember[];
  dispatchers: readonly DemoStaffMember[];
  office: readonly DemoStaffMember[];
}

const slaPolicy = resolveSlaPolicy();
const actor = (member: DemoStaffMember): JobActor => ({ id: member.id, role: member.role });

export function emptyDemoHvac(): DemoHvac {
  return { equipment: [], register: [], jobs: [], plans: [], occurrences: [], slaBreaches: [] };
}

export class CustomerRecords {
  readonly random: Random;
  readonly anchor: Date;
  readonly anchorDay: string;
  readonly activeUntil: Date; // a former customer stopped calling somewhere between joining and now
  readonly market: Market;
  private readonly crew: Crew;
  private readonly counts: Record<Counted, number> = { unit: 0, job: 0, fgasEntry: 0, plan: 0 };

  constructor(
    private readonly options: DemoHvacOptions,
    readonly bundle: DemoCustomerBundle,
    readonly index: number, // the customer's place in the demo
    private readonly out: DemoHvac,
  ) {
    // A stream per customer: a customer's history is the same whatever chunk it is generated in.
    this.random = seededRandom(Math.imul(options.seed + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
    this.anchor = options.anchor;
    this.anchorDay = warsawDate(options.anchor);
    this.market = bundle.customer.kind === 'company' ? 'business' : 'home';
    this.crew = crewOf(options.staff);
    const joined = bundle.customer.createdAt.getTime();
    const stayed = (options.anchor.getTime() - joined) * (0.3 + 0.5 * this.random());
    this.activeUntil = bundle.customer.status === 'inactive' ? new Date(joined + stayed) : options.anchor;
  }

  // A former customer who had stopped calling by then.
  hasLeftBy(at: Date): boolean {
    return this.bundle.customer.status === 'inactive' && at > this.activeUntil;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('picked from an empty list');
    return item;
  }

  dispatcher(): DemoStaffMember {
    return this.pick(this.crew.dispatchers);
  }

  // Numbers within the customer, so ids stay stable: sub is the record's number (or a number
  // within its parent, e.g. a job's transitions).
  nextNumber(kind: Counted): number {
    return this.counts[kind]++;
  }

  idFor(kind: DemoRecordKind, sub: number): string {
    return demoIdFor(this.options.seed, kind, this.index, 0, sub);
  }

  addEquipment(equipment: DemoEquipment): void {
    this.out.equipment.push(equipment);
  }

  addPlan(plan: DemoPlan): void {
    this.out.plans.push(plan);
  }

  addOccurrence(occurrence: DemoOccurrence): void {
    this.out.occurrences.push(occurrence);
  }

  // Opens a job as JobsService.create stores it and replays its visit up to the anchor, with the
  // SLA breaches the breach watcher recorded on the way. A job the office opens only after the
  // anchor does not exist yet.
  addVisitJob(spec: JobSpec, plan: VisitPlan): DoneJob | null {
    if (spec.createdAt > this.anchor) return null;
    const technician = this.pick(this.crew.technicians);
    const crew: VisitCrew = { dispatcher: actor(this.dispatcher()), technician: actor(technician), office: actor(this.pick(this.crew.office)) };
    const job = replayJob(spec.createdAt, visitSteps(spec.createdAt, plan, crew, this.random), this.anchor);
    const jobNo = this.nextNumber('job');
    const id = this.idFor('job', jobNo);
    const contact = spec.requested ? (this.bundle.contacts.find((c) => c.isPrimary) ?? this.bundle.contacts[0]) : undefined;
    this.out.jobs.push({
      row: {
        id,
        customerId: this.bundle.customer.id,
        siteId: spec.site.id,
        equipmentId: spec.equipmentId,
        requestedByContactId: contact?.id ?? null,
        type: spec.type,
        priority: spec.priority,
        description: spec.description,
        windowStart: spec.window?.[0] ?? null,
        windowEnd: spec.window?.[1] ?? null,
        estimatedMinutes: spec.estimatedMinutes === null ? null : Math.max(1, Math.min(10_080, Math.round(spec.estimatedMinutes))),
        requiredSkills: [...new Set(spec.skills)],
        createdBy: spec.createdBy?.id ?? null,
        status: job.status,
        arrivedAt: job.arrivedAt,
        createdAt: spec.createdAt,
        updatedAt: job.updatedAt,
        version: job.version,
      },
      history: job.history.map((entry, n) => ({ ...entry, id: this.idFor('jobTransition', jobNo * 256 + n) })),
      lines: job.lines.map((line, n) => ({ ...line, id: this.idFor('jobLine', jobNo * 256 + n) })),
      // The demo company keeps the default checklists (no job settings of its own).
      checklist: tickChecklist(checklistFor(spec.type, {}), job.history, technician.id, this.anchor).map((item, n) => ({ ...item, id: this.idFor('checklistItem', jobNo * 256 + n) })),
    });
    this.recordBreaches(id, jobNo, spec, job);
    const completedAt = job.history.find((entry) => entry.to === 'completed')?.at ?? null;
    return { id, job, technician, completedAt };
  }

  // A line of the F-gas register, entered by the technician shortly after the work.
  recordFgas(equipment: DemoEquipment, entry: { kind: RegisterRow['kind']; result: RegisterRow['result']; at: Date; technician: DemoStaffMember; addedG?: number; notes?: string | null }): void {
    const recordedAt = Math.min(this.anchor.getTime(), entry.at.getTime() + this.between(5, 40) * minuteMs);
    this.out.register.push({
      id: this.idFor('fgasEntry', this.nextNumber('fgasEntry')),
      equipmentId: equipment.id,
      performedOn: warsawDate(entry.at),
      kind: entry.kind,
      result: entry.result,
      technicianName: entry.technician.name,
      technicianUserId: entry.technician.id,
      certificateNumber: certificateOf(this.crew.technicians, entry.technician),
      refrigerantAddedG: entry.addedG ?? 0,
      refrigerantRecoveredG: 0,
      notes: entry.notes ?? null,
      voidsEntryId: null,
      recordedBy: entry.technician.id,
      createdAt: new Date(recordedAt),
    });
  }

  // What JobsService.checkSlaBreaches (every minute) recorded: each clock that breached, once.
  private recordBreaches(jobId: string, jobNo: number, spec: JobSpec, job: ReplayedJob): void {
    const window = { start: spec.window?.[0] ?? null, end: spec.window?.[1] ?? null };
    const sla = slaStatus({ priority: spec.priority, createdAt: spec.createdAt, arrivedAt: job.arrivedAt, history: job.history, window }, slaPolicy, this.anchor);
    for (const clock of ['response', 'resolution'] as const) {
      const status = sla[clock];
      if (status.state !== 'breached') continue;
      const recordedAt = Math.min(this.anchor.getTime(), status.breachedAt.getTime() + this.between(1, 60) * 1000);
      this.out.slaBreaches.push({ id: this.idFor('slaBreach', jobNo * 2 + (clock === 'response' ? 0 : 1)), jobId, clock, breachedAt: status.breachedAt, recordedAt: new Date(recordedAt) });
    }
  }
}

function crewOf(staff: readonly DemoStaffMember[]): Crew {
  const technicians = staff.filter((member) => member.role === 'technician');
  const office = staff.filter((member) => member.role === 'admin' || member.role === 'owner');
  const dispatchers = staff.filter((member) => member.role === 'dispatcher');
  if (technicians.length === 0 || office.length === 0) throw new Error('the demo HVAC history needs a technician and an owner or admin');
  return { technicians, office, dispatchers: dispatchers.length > 0 ? dispatchers : office };
}

// Personal F-gas certificates (UDT-CERT numbering), one per technician.
function certificateOf(technicians: readonly DemoStaffMember[], member: DemoStaffMember): string {
  const i = Math.max(0, technicians.indexOf(member));
  return `FGAZ-O/${10 + ((i * 37) % 80)}/${String(1000 + ((i * 7919) % 9000)).padStart(4, '0')}/${17 + (i % 6)}`;
}
