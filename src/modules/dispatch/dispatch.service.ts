import { recordAudit } from '../../core/audit/audit.ts';
import { addDays, businessDate, businessDayStart, businessInstantAt, type Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import type { Logger } from '../../core/log/logger.ts';
import type { JobRow } from '../jobs/jobs.service.ts';
import type { JobStatus } from '../jobs/job-lifecycle.ts';
import type { TransitionInput } from '../jobs/jobs.schemas.ts';
import type { CalendarVisit } from './calendar-feed.ts';
import { buildDayProblem, dayPoints, timeRoutes, type PlanningJob, type PlanningTechnician, type TimedRoute } from './day-plan.ts';
import type { DispatchRepo, ProposalRow, VisitRow } from './dispatch.repo.ts';
import type { DayBoard, JobCard, MoveVisitInput, Proposal, ProposeInput } from './dispatch.schemas.ts';
import { insertEmergencyVisit, type LiveRoute, type TechnicianState } from './emergency-insertion.ts';
import { checkPlan } from './plan-checker.ts';
import type { WorkerSolver } from './solver-thread.ts';
import type { TechnicianRow } from './technicians.repo.ts';
import type { TechniciansService } from './technicians.service.ts';
import { toTravelMatrix, type GeoPoint, type TravelTimeSource } from './travel-times.ts';
import { shiftOn, type ShiftOnDate } from './working-time.ts';

// What dispatch needs from the jobs module, inside its own transaction.
export interface DispatchJobs {
  planningFactsIn(tx: Tx, filter: { ids?: readonly string[]; openOverlapping?: { from: Date; to: Date } }): Promise<JobRow[]>;
  changeStatusIn(tx: Tx, principal: Principal, id: string, input: TransitionInput): Promise<JobRow>;
}

export interface DispatchServiceOptions {
  db: Database;
  repo: DispatchRepo;
  clock: Clock;
  jobs: DispatchJobs;
  technicians: TechniciansService;
  travel: TravelTimeSource;
  solve: WorkerSolver;
  solveSeconds: number;
  logger: Logger;
}

// Time on site when a job has no estimate, by type (minutes).
const defaultServiceMinutes: Record<string, number> = { installation: 240, repair: 90, maintenance: 60, inspection: 45, fgas_leak_check: 45, emergency: 90 };
// Visits under way or done stay where they are; these may still move.
const movableStatuses: readonly JobStatus[] = ['new', 'scheduled', 'dispatched'];
// An emergency without an agreed window must be reached within this many minutes.
const emergencyResponseMinutes = 240;

interface DayContext {
  date: string;
  dayStart: Date;
  dayEnd: Date;
  technicians: TechnicianRow[];
  shifts: Map<string, ShiftOnDate>;
  visits: VisitRow[];
  jobs: Map<string, JobRow>;
  unassigned: JobRow[];
}

// Planning a company's day: the board, route-optimised proposals, their acceptance, a
// dispatcher's drag of one visit, emergency insertion into the live plan, ETAs from GPS, and the
// visits of a technician's calendar feed.
export class DispatchService {
  constructor(private readonly options: DispatchServiceOptions) {}

  async board(principal: Principal, date: string): Promise<DayBoard> {
    return this.options.db.inTenant(principal.tenantId, async (tx) => this.describeDay(tx, await this.readDay(tx, date)));
  }

  // Runs the optimiser for a day and keeps its proposal; nothing changes until it is accepted.
  async propose(principal: Principal, date: string, input: ProposeInput): Promise<Proposal> {
    const { db, repo, clock, travel, solve } = this.options;
    this.refusePastDate(date);
    const day = await db.inTenant(principal.tenantId, (tx) => this.readDay(tx, date));
    const { technicians, jobs, blocked } = this.planningInput(day, input.technicianIds);
    const seed = input.seed ?? 1;
    const startedAt = performance.now();
    let routes: TimedRoute[] = [];
    let unassigned = blocked;
    let iterations = 0;
    let travelSource: 'straight_line' | 'osrm' = 'straight_line';
    if (technicians.length === 0) {
      unassigned = [...blocked, ...jobs.map((job) => ({ jobId: job.id, reason: 'no_technician' }))];
    } else if (jobs.length > 0) {
      const matrix = await travel.matrix(dayPoints(technicians, jobs), businessInstantAt(date, 8 * 60));
      travelSource = matrix.source;
      const problem = buildDayProblem(technicians, jobs, toTravelMatrix(matrix));
      const result = await solve(problem, { seed, timeLimitMs: (input.seconds ?? this.options.solveSeconds) * 1000 });
      iterations = result.iterations;
      routes = timeRoutes(problem, result.plan);
      unassigned = [...blocked, ...result.plan.unassigned.map((entry) => ({ jobId: entry.visitId, reason: entry.reason }))];
    }
    const proposal = {
      id: newId(),
      planDate: date,
      routes,
      unassigned,
      travelMinutes: routes.reduce((sum, route) => sum + route.travelMinutes, 0),
      travelSource,
      solver: { iterations, milliseconds: Math.round(performance.now() - startedAt), seed },
    };
    return db.inTenant(principal.tenantId, async (tx) => {
      await repo.insertProposal(tx, principal.tenantId, proposal, principal.userId, clock.now());
      return describeProposal((await repo.proposal(tx, proposal.id))!, day.dayStart);
    });
  }

  // Makes a proposal the day's plan: its jobs become scheduled with times and ETAs, jobs it left
  // out go back to the unassigned list. Refused when the day changed in a way it did not foresee.
  async accept(principal: Principal, proposalId: string): Promise<DayBoard> {
    const { db, repo, jobs, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const found = await repo.proposal(tx, proposalId);
      if (!found) throw notFound('Proposal');
      await repo.lockDay(tx, principal.tenantId, found.planDate);
      const proposal = (await repo.proposal(tx, proposalId, { forUpdate: true }))!;
      const latest = await repo.latestProposal(tx, proposal.planDate);
      if (proposal.status !== 'proposed' || latest?.id !== proposal.id) {
        throw new AppError('conflict', 'A newer proposal exists for this day, or this one was already accepted; propose again', { details: { status: proposal.status, latestProposalId: latest?.id ?? null } });
      }
      const day = await this.readDay(tx, proposal.planDate);
      const now = clock.now();
      const planned = new Set(proposal.routes.flatMap((route) => route.visits.map((visit) => visit.jobId)));
      for (const jobId of planned) {
        const job = day.jobs.get(jobId);
        if (!job || !movableStatuses.includes(job.status)) {
          throw new AppError('conflict', 'A job of this proposal has started, ended or gone since it was made; propose again', { details: { jobId, status: job?.status ?? null } });
        }
      }
      for (const route of proposal.routes) {
        const fixed = day.visits.filter((visit) => visit.technicianId === route.technicianId && !this.isMovable(day, visit));
        for (const [index, visit] of route.visits.entries()) {
          const previous = day.visits.find((candidate) => candidate.jobId === visit.jobId);
          await repo.upsertVisit(
            tx,
            principal.tenantId,
            {
              jobId: visit.jobId,
              technicianId: route.technicianId,
              visitDate: proposal.planDate,
              sequence: fixed.length + index,
              plannedStart: minutesToInstant(day.dayStart, visit.start),
              plannedEnd: minutesToInstant(day.dayStart, visit.end),
              travelMinutes: visit.travelMinutes,
              locked: previous?.locked ?? false,
              proposalId: proposal.id,
            },
            now,
          );
          await this.ensureScheduled(tx, principal, day.jobs.get(visit.jobId)!, 'Day plan accepted');
        }
      }
      for (const { jobId } of proposal.unassigned) {
        const previous = day.visits.find((visit) => visit.jobId === jobId);
        if (previous && this.isMovable(day, previous)) await this.takeOffPlan(tx, principal, day.jobs.get(jobId), 'Left out of the accepted day plan');
      }
      await repo.markAccepted(tx, proposal.id, proposal.planDate, principal.userId, now);
      const technicianIds = proposal.routes.map((route) => route.technicianId);
      await recordEvent(tx, { tenantId: principal.tenantId, type: 'dispatch.plan_accepted', payload: { date: proposal.planDate, proposalId: proposal.id, technicianIds, jobIds: [...planned] } });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'dispatch.plan_accepted', entityType: 'dispatch_proposal', entityId: proposal.id, details: { date: proposal.planDate, visits: planned.size, unassigned: proposal.unassigned.length } });
      return this.describeDay(tx, await this.readDay(tx, proposal.planDate));
    });
  }

  // A dispatcher drops a job onto a technician's lane at a position: accepted only when the lane
  // still keeps every window, the shift and the skills; then pinned there (locked) by default.
  async moveVisit(principal: Principal, jobId: string, input: MoveVisitInput): Promise<DayBoard> {
    const { db, repo, clock } = this.options;
    this.refusePastDate(input.date);
    return db.inTenant(principal.tenantId, async (tx) => {
      const previous = await repo.visitOf(tx, jobId);
      for (const date of [...new Set([input.date, previous?.visitDate].filter((value): value is string => value !== undefined))].sort()) await repo.lockDay(tx, principal.tenantId, date);
      const day = await this.readDay(tx, input.date, [jobId]);
      const job = day.jobs.get(jobId);
      if (!job) throw notFound('Job');
      if (!movableStatuses.includes(job.status)) throw new AppError('conflict', `A job that is ${job.status} cannot be moved`, { details: { status: job.status } });
      const technician = day.technicians.find((candidate) => candidate.id === input.technicianId);
      if (!technician) throw new AppError('invalid_input', 'technicianId: no active technician with this id', { errors: [{ field: '/body/technicianId', rule: 'exists', message: 'is not an active technician' }] });
      const lane = day.visits.filter((visit) => visit.technicianId === technician.id && visit.jobId !== jobId);
      const fixedCount = lane.filter((visit) => !this.isMovable(day, visit)).length;
      if (input.position < fixedCount || input.position > lane.length) {
        throw new AppError('invalid_input', `position: must lie between ${fixedCount} (after the visits under way) and ${lane.length}`, {
          errors: [{ field: '/body/position', rule: 'range', message: `must be between ${fixedCount} and ${lane.length}` }],
        });
      }
      const order = lane.map((visit) => visit.jobId);
      order.splice(input.position, 0, jobId);
      const timed = await this.timeLane(day, technician, order);
      const now = clock.now();
      for (const [index, visit] of timed.entries()) {
        const current = day.visits.find((candidate) => candidate.jobId === visit.jobId);
        await repo.upsertVisit(tx, principal.tenantId, { ...visit, sequence: index, locked: visit.jobId === jobId ? (input.locked ?? true) : (current?.locked ?? false), proposalId: current?.proposalId ?? null }, now);
      }
      await this.ensureScheduled(tx, principal, job, 'Placed on the dispatch board');
      if (previous && (previous.technicianId !== technician.id || previous.visitDate !== input.date)) await this.retimeLane(tx, principal, previous.technicianId, previous.visitDate, jobId);
      await recordEvent(tx, { tenantId: principal.tenantId, type: 'dispatch.visit_moved', payload: { jobId, technicianId: technician.id, date: input.date, position: input.position, from: previous ? { technicianId: previous.technicianId, date: previous.visitDate } : null } });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'dispatch.visit_moved', entityType: 'job', entityId: jobId, details: { customerId: job.customerId, technicianId: technician.id, date: input.date, position: input.position } });
      return this.describeDay(tx, await this.readDay(tx, input.date));
    });
  }

  async unassign(principal: Principal, jobId: string): Promise<DayBoard> {
    const { db, repo } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const visit = await repo.visitOf(tx, jobId);
      if (!visit) throw notFound('Visit');
      await repo.lockDay(tx, principal.tenantId, visit.visitDate);
      const day = await this.readDay(tx, visit.visitDate);
      if (!this.isMovable(day, visit)) throw new AppError('conflict', 'A visit under way or done stays on the plan', { details: { status: day.jobs.get(jobId)?.status ?? null } });
      await this.takeOffPlan(tx, principal, day.jobs.get(jobId), 'Taken off the dispatch board');
      await this.retimeLane(tx, principal, visit.technicianId, visit.visitDate, jobId);
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'dispatch.visit_removed', entityType: 'job', entityId: jobId, details: { customerId: day.jobs.get(jobId)?.customerId, technicianId: visit.technicianId, date: visit.visitDate } });
      return this.describeDay(tx, await this.readDay(tx, visit.visitDate));
    });
  }

  // Places a new emergency into today's live plan at the cheapest feasible position among the
  // technicians qualified for it, after the visits under way; the technician and the office hear
  // of it by event.
  async insertEmergency(principal: Principal, jobId: string): Promise<{ technicianId: string; eta: string; plannedStart: string; addedTravelMinutes: number; board: DayBoard }> {
    const { db, repo, clock, travel } = this.options;
    const now = clock.now();
    const date = businessDate(now);
    return db.inTenant(principal.tenantId, async (tx) => {
      await repo.lockDay(tx, principal.tenantId, date);
      const day = await this.readDay(tx, date, [jobId]);
      const job = day.jobs.get(jobId);
      if (!job) throw notFound('Job');
      if (day.visits.some((visit) => visit.jobId === jobId)) throw new AppError('conflict', 'This job is already on the plan', { details: { jobId } });
      if (!movableStatuses.includes(job.status)) throw new AppError('conflict', `A job that is ${job.status} cannot be inserted`, { details: { status: job.status } });
      if (!job.siteLocation) throw new AppError('conflict', "The job's site has no map position; set it before inserting", { details: { reason: 'no_location' } });
      const working = day.technicians.filter((technician) => technician.homeLat !== null && day.shifts.get(technician.id)?.working === true);
      const lanes = working.map((technician) => ({ technician, visits: day.visits.filter((visit) => visit.technicianId === technician.id) }));
      const planningTechnicians: PlanningTechnician[] = working.map((technician) => ({ id: technician.id, skills: technician.skills, home: homeOf(technician), shift: this.shiftMinutes(day, technician) }));
      const laneJobs = lanes.flatMap((lane) => lane.visits.map((visit) => this.planningJob(day, day.jobs.get(visit.jobId)!)));
      const nowMinute = minutesSince(day.dayStart, now);
      const windowEnd = job.windowEnd ? minutesSince(day.dayStart, job.windowEnd) : nowMinute + emergencyResponseMinutes;
      const emergencyJob: PlanningJob = { ...this.planningJob(day, job), window: { start: nowMinute, end: windowEnd } };
      const allJobs = [...laneJobs, emergencyJob];
      const matrix = await travel.matrix(dayPoints(planningTechnicians, allJobs), now);
      const problem = buildDayProblem(planningTechnicians, allJobs, toTravelMatrix(matrix));
      const routes: LiveRoute[] = lanes.map((lane) => ({ vehicleId: lane.technician.id, stops: lane.visits.map((visit) => ({ visitId: visit.jobId, serviceStart: minutesSince(day.dayStart, visit.plannedStart) })) }));
      const states: TechnicianState[] = lanes.map((lane) => {
        const fixed = lane.visits.filter((visit) => !this.isMovable(day, visit));
        return { vehicleId: lane.technician.id, fixedThroughVisitId: fixed.at(-1)?.jobId ?? null };
      });
      const emergencyVisit = problem.visits.at(-1)!;
      const result = insertEmergencyVisit({ problem: { ...problem, visits: problem.visits.slice(0, -1) }, routes, technicians: states, now: nowMinute, emergency: emergencyVisit });
      if (!result.feasible) throw new AppError('conflict', `No technician can take this emergency now: ${result.detail}`, { details: { reason: result.reason, blockingJobIds: result.blockingVisitIds } });
      for (const [index, stop] of result.route.stops.entries()) {
        const current = day.visits.find((visit) => visit.jobId === stop.visitId);
        const service = problem.visits.find((visit) => visit.id === stop.visitId)?.serviceTime ?? 0;
        const previousDeparture = index === 0 ? null : result.route.stops[index - 1]!.departure;
        await repo.upsertVisit(
          tx,
          principal.tenantId,
          {
            jobId: stop.visitId,
            technicianId: result.vehicleId,
            visitDate: date,
            sequence: index,
            plannedStart: minutesToInstant(day.dayStart, stop.serviceStart),
            plannedEnd: minutesToInstant(day.dayStart, stop.serviceStart + service),
            travelMinutes: previousDeparture === null ? (current?.travelMinutes ?? 0) : Math.max(0, stop.arrival - previousDeparture),
            eta: minutesToInstant(day.dayStart, stop.arrival),
            locked: current?.locked ?? stop.visitId === jobId,
            proposalId: current?.proposalId ?? null,
          },
          now,
        );
      }
      await this.ensureScheduled(tx, principal, job, 'Emergency inserted into the live plan');
      const technician = day.technicians.find((candidate) => candidate.id === result.vehicleId)!;
      const eta = minutesToInstant(day.dayStart, result.arrival).toISOString();
      await recordEvent(tx, {
        tenantId: principal.tenantId,
        type: 'dispatch.emergency_inserted',
        payload: { jobId, technicianId: technician.id, technicianUserId: technician.userId, eta, position: result.position, customerName: job.customerName, siteLabel: job.siteLabel },
      });
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'dispatch.emergency_inserted', entityType: 'job', entityId: jobId, details: { customerId: job.customerId, technicianId: technician.id, eta } });
      return {
        technicianId: technician.id,
        eta,
        plannedStart: minutesToInstant(day.dayStart, result.serviceStart).toISOString(),
        addedTravelMinutes: Math.round(result.addedCost * 10) / 10,
        board: await this.describeDay(tx, await this.readDay(tx, date)),
      };
    });
  }

  // A technician's newest GPS position: the ETAs of their remaining visits today, driving on from
  // there (called by the positions service inside its transaction).
  async refreshEtas(tx: Tx, technicianId: string, latest: { recordedAt: Date; lat: number; lng: number }): Promise<void> {
    const { repo, clock, travel, jobs } = this.options;
    const now = clock.now();
    const date = businessDate(now);
    const visits = await repo.visitsOfTechnician(tx, technicianId, date, date);
    const facts = new Map((await jobs.planningFactsIn(tx, { ids: visits.map((visit) => visit.jobId) })).map((job) => [job.id, job]));
    const remaining = visits.filter((visit) => {
      const status = facts.get(visit.jobId)?.status;
      return status !== undefined && ['scheduled', 'dispatched', 'en_route', 'in_progress'].includes(status) && facts.get(visit.jobId)?.siteLocation;
    });
    if (remaining.length === 0) return;
    const places = [{ lat: latest.lat, lng: latest.lng }, ...remaining.map((visit) => facts.get(visit.jobId)!.siteLocation!)];
    const matrix = await travel.matrix(places, now);
    let clockAt = Math.max(now.getTime(), latest.recordedAt.getTime());
    let from = 0;
    const etas: Array<{ jobId: string; eta: Date }> = [];
    remaining.forEach((visit, index) => {
      const job = facts.get(visit.jobId)!;
      if (job.status === 'in_progress') {
        clockAt = Math.max(clockAt, visit.plannedEnd.getTime());
      } else {
        const arrival = clockAt + (matrix.minutes[from * matrix.size + index + 1] ?? 0) * 60_000;
        etas.push({ jobId: visit.jobId, eta: new Date(arrival) });
        clockAt = Math.max(arrival, visit.plannedStart.getTime()) + (visit.plannedEnd.getTime() - visit.plannedStart.getTime());
      }
      from = index + 1;
    });
    await repo.setEtas(tx, etas, now);
  }

  // The visits of a technician's calendar feed.
  async calendarVisits(tx: Tx, technicianId: string, from: Date, to: Date): Promise<CalendarVisit[]> {
    const { repo, jobs } = this.options;
    const visits = await repo.visitsOfTechnician(tx, technicianId, businessDate(from), businessDate(to));
    const facts = new Map((await jobs.planningFactsIn(tx, { ids: visits.map((visit) => visit.jobId) })).map((job) => [job.id, job]));
    return visits.flatMap((visit): CalendarVisit[] => {
      const job = facts.get(visit.jobId);
      if (!job) return [];
      return [
        {
          id: visit.jobId,
          start: visit.plannedStart,
          end: visit.plannedEnd,
          title: `${jobTypeTitle[job.type] ?? job.type}: ${job.customerName}`,
          address: job.siteLabel,
          customerName: job.customerName,
          status: calendarStatusOf(job.status),
          ...(visit.eta && { eta: visit.eta }),
        },
      ];
    });
  }

  private refusePastDate(date: string): void {
    if (date < businessDate(this.options.clock.now())) {
      throw new AppError('invalid_input', 'date: a past day cannot be planned', { errors: [{ field: '/params/date', rule: 'not_past', message: 'must be today or later' }] });
    }
  }

  private async readDay(tx: Tx, date: string, extraJobIds: readonly string[] = []): Promise<DayContext> {
    const { repo, technicians: roster, jobs } = this.options;
    const dayStart = businessDayStart(date);
    const dayEnd = businessDayStart(addDays(date, 1));
    const technicians = await roster.rowsIn(tx, { activeOnly: true });
    const absences = await roster.absencesIn(tx, technicians.map((technician) => technician.id), { from: date, to: date });
    const shifts = new Map(technicians.map((technician) => [technician.id, shiftOn(technician.workingHours, absences.filter((absence) => absence.technicianId === technician.id), date)]));
    const visits = await repo.visitsOn(tx, date);
    const facts = await jobs.planningFactsIn(tx, { ids: [...visits.map((visit) => visit.jobId), ...extraJobIds], openOverlapping: { from: dayStart, to: dayEnd } });
    const jobsById = new Map(facts.map((job) => [job.id, job]));
    const planned = await repo.plannedJobIds(tx, facts.map((job) => job.id));
    const unassigned = facts.filter((job) => !planned.has(job.id) && (job.status === 'new' || job.status === 'scheduled'));
    return { date, dayStart, dayEnd, technicians, shifts, visits, jobs: jobsById, unassigned };
  }

  private isMovable(day: DayContext, visit: VisitRow): boolean {
    const status = day.jobs.get(visit.jobId)?.status;
    return status !== undefined && movableStatuses.includes(status);
  }

  private shiftMinutes(day: DayContext, technician: TechnicianRow): { start: number; end: number } {
    const shift = day.shifts.get(technician.id);
    if (!shift?.working) return { start: 0, end: 0 };
    const start = minutesSince(day.dayStart, businessInstantAt(day.date, shift.shift.start));
    const end = minutesSince(day.dayStart, businessInstantAt(day.date, shift.shift.end));
    // Today, nobody leaves in the past.
    const now = minutesSince(day.dayStart, this.options.clock.now());
    return { start: Math.max(start, Math.min(now, end)), end };
  }

  private planningJob(day: DayContext, job: JobRow): PlanningJob {
    const dayLength = minutesSince(day.dayStart, day.dayEnd);
    const start = job.windowStart ? Math.max(0, minutesSince(day.dayStart, job.windowStart)) : 0;
    const end = job.windowEnd ? Math.min(dayLength, minutesSince(day.dayStart, job.windowEnd)) : dayLength;
    return {
      id: job.id,
      place: job.siteLocation ?? { lat: 0, lng: 0 },
      serviceMinutes: serviceMinutesOf(job),
      window: { start, end: Math.max(start, end) },
      skills: job.requiredSkills,
      priority: job.priority,
    };
  }

  // The technicians and jobs an optimisation of the day works on, and the jobs it cannot take.
  private planningInput(day: DayContext, technicianIds: readonly string[] | undefined): { technicians: PlanningTechnician[]; jobs: PlanningJob[]; blocked: Array<{ jobId: string; reason: string }> } {
    const chosen = day.technicians.filter((technician) => (technicianIds ? technicianIds.includes(technician.id) : true));
    const unknown = (technicianIds ?? []).filter((id) => !day.technicians.some((technician) => technician.id === id));
    if (unknown.length > 0) throw new AppError('invalid_input', 'technicianIds: not active technicians', { errors: [{ field: '/body/technicianIds', rule: 'exists', message: `unknown or inactive: ${unknown.join(', ')}` }] });
    const working = chosen.filter((technician) => technician.homeLat !== null && day.shifts.get(technician.id)?.working === true);
    const technicians = working.map((technician): PlanningTechnician => {
      const lane = day.visits.filter((visit) => visit.technicianId === technician.id);
      const lastFixed = lane.filter((visit) => !this.isMovable(day, visit)).at(-1);
      const lastFixedJob = lastFixed && day.jobs.get(lastFixed.jobId);
      const nowMinute = minutesSince(day.dayStart, this.options.clock.now());
      return {
        id: technician.id,
        skills: technician.skills,
        home: homeOf(technician),
        shift: this.shiftMinutes(day, technician),
        ...(lastFixed && lastFixedJob?.siteLocation && lastFixedJob.status !== 'completed' && { continueFrom: { place: lastFixedJob.siteLocation, at: Math.max(nowMinute, minutesSince(day.dayStart, lastFixed.plannedEnd)) } }),
      };
    });
    const workingIds = new Set(working.map((technician) => technician.id));
    const movableOnChosen = day.visits.filter((visit) => workingIds.has(visit.technicianId) && this.isMovable(day, visit));
    const candidates = [...day.unassigned, ...movableOnChosen.map((visit) => day.jobs.get(visit.jobId)!)];
    const blocked = candidates.filter((job) => !job.siteLocation).map((job) => ({ jobId: job.id, reason: 'no_location' }));
    const jobs = candidates
      .filter((job) => job.siteLocation)
      .map((job) => {
        const visit = movableOnChosen.find((candidate) => candidate.jobId === job.id);
        const base = this.planningJob(day, job);
        return visit?.locked ? { ...base, lockedTo: { technicianId: visit.technicianId, start: minutesSince(day.dayStart, visit.plannedStart) } } : base;
      });
    return { technicians, jobs, blocked };
  }

  // The lane's visits in this order with their times; refused (409) when it breaks a rule.
  private async timeLane(day: DayContext, technician: TechnicianRow, order: readonly string[]): Promise<Array<Omit<VisitRow, 'sequence' | 'locked' | 'proposalId' | 'version' | 'eta'>>> {
    const jobs = order.map((jobId) => day.jobs.get(jobId)!);
    const missing = jobs.find((job) => !job.siteLocation);
    if (missing) throw new AppError('conflict', "The job's site has no map position; set it before planning it", { details: { jobId: missing.id, reason: 'no_location' } });
    if (day.shifts.get(technician.id)?.working !== true) throw new AppError('conflict', `${technician.name} does not work on ${day.date}`, { details: { reason: 'not_working' } });
    if (technician.homeLat === null) throw new AppError('conflict', `${technician.name} has no home base, where the day starts and ends; set it first`, { details: { reason: 'no_home_base' } });
    const planningTechnician: PlanningTechnician = { id: technician.id, skills: technician.skills, home: homeOf(technician), shift: this.shiftMinutes(day, technician) };
    const planningJobs = jobs.map((job) => this.planningJob(day, job));
    const matrix = await this.options.travel.matrix(dayPoints([planningTechnician], planningJobs), businessInstantAt(day.date, 8 * 60));
    const problem = buildDayProblem([planningTechnician], planningJobs, toTravelMatrix(matrix));
    const plan = { routes: [{ vehicleId: technician.id, visitIds: [...order] }], unassigned: [] };
    const check = checkPlan(problem, plan);
    if (!check.feasible) {
      throw new AppError('conflict', `This lane would break a rule: ${check.violations.map((violation) => violation.detail).join('; ')}`, {
        errors: check.violations.map((violation) => ({ field: '/body/position', rule: violation.kind, message: `${violation.visitId ?? technician.name}: ${violation.detail}` })),
      });
    }
    const [route] = timeRoutes(problem, plan);
    return (route?.visits ?? []).map((visit) => ({
      jobId: visit.jobId,
      technicianId: technician.id,
      visitDate: day.date,
      plannedStart: minutesToInstant(day.dayStart, visit.start),
      plannedEnd: minutesToInstant(day.dayStart, visit.end),
      travelMinutes: Math.round(visit.travelMinutes),
    }));
  }

  // After a visit left a lane: the rest keep their order and get their times again.
  private async retimeLane(tx: Tx, principal: Principal, technicianId: string, date: string, leavingJobId: string): Promise<void> {
    const day = await this.readDay(tx, date);
    const technician = day.technicians.find((candidate) => candidate.id === technicianId);
    const lane = day.visits.filter((visit) => visit.technicianId === technicianId && visit.jobId !== leavingJobId);
    if (!technician || lane.length === 0 || day.shifts.get(technicianId)?.working !== true) return;
    const timed = await this.timeLane(day, technician, lane.map((visit) => visit.jobId)).catch(() => null);
    const now = this.options.clock.now();
    // Removing a visit never makes a lane infeasible by the rules; if it were (data edited by hand), keep the old times.
    for (const [index, visit] of lane.entries()) {
      const times = timed?.[index];
      await this.options.repo.upsertVisit(tx, principal.tenantId, { ...visit, ...(times ?? {}), sequence: index }, now);
    }
  }

  private async ensureScheduled(tx: Tx, principal: Principal, job: JobRow, reason: string): Promise<void> {
    if (job.status === 'new' || job.status === 'on_hold') await this.options.jobs.changeStatusIn(tx, principal, job.id, { to: 'scheduled', reason });
  }

  private async takeOffPlan(tx: Tx, principal: Principal, job: JobRow | undefined, reason: string): Promise<void> {
    if (!job) return;
    await this.options.repo.deleteVisit(tx, job.id);
    if (job.status === 'scheduled' || job.status === 'dispatched') await this.options.jobs.changeStatusIn(tx, principal, job.id, { to: job.status === 'dispatched' ? 'scheduled' : 'new', reason });
  }

  private async describeDay(tx: Tx, day: DayContext): Promise<DayBoard> {
    const latest = await this.options.repo.latestProposal(tx, day.date);
    return {
      date: day.date,
      dayStart: day.dayStart.toISOString(),
      lanes: day.technicians.map((technician) => {
        const shift = day.shifts.get(technician.id);
        return {
          technicianId: technician.id,
          name: technician.name,
          skills: technician.skills,
          vehicle: technician.vehicle,
          homeBase: technician.homeLabel !== null && technician.homeLat !== null && technician.homeLng !== null ? { label: technician.homeLabel, lat: technician.homeLat, lng: technician.homeLng } : null,
          shift: shift?.working ? { start: businessInstantAt(day.date, shift.shift.start).toISOString(), end: businessInstantAt(day.date, shift.shift.end).toISOString() } : null,
          off: shift && !shift.working ? { reason: shift.reason, absenceKind: shift.absenceKind ?? null } : null,
          visits: day.visits
            .filter((visit) => visit.technicianId === technician.id && day.jobs.has(visit.jobId))
            .map((visit) => ({
              jobId: visit.jobId,
              technicianId: visit.technicianId,
              sequence: visit.sequence,
              plannedStart: visit.plannedStart.toISOString(),
              plannedEnd: visit.plannedEnd.toISOString(),
              travelMinutes: visit.travelMinutes,
              eta: visit.eta?.toISOString() ?? null,
              locked: visit.locked,
              job: jobCard(day.jobs.get(visit.jobId)!),
            })),
        };
      }),
      unassigned: day.unassigned.map(jobCard),
      latestProposal: latest ? describeProposal(latest, day.dayStart) : null,
    };
  }
}

const jobTypeTitle: Record<string, string> = { installation: 'Montaż', repair: 'Naprawa', maintenance: 'Przegląd', inspection: 'Inspekcja', fgas_leak_check: 'Kontrola szczelności', emergency: 'Awaria' };

function calendarStatusOf(status: JobStatus): CalendarVisit['status'] {
  if (status === 'in_progress' || status === 'en_route') return 'in_progress';
  if (status === 'completed' || status === 'invoiced' || status === 'closed') return 'completed';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'dispatched') return 'confirmed';
  return 'scheduled';
}

function serviceMinutesOf(job: JobRow): number {
  return job.estimatedMinutes ?? defaultServiceMinutes[job.type] ?? 60;
}

function jobCard(job: JobRow): JobCard {
  return {
    id: job.id,
    type: job.type,
    priority: job.priority,
    status: job.status,
    description: job.description,
    customerName: job.customerName,
    siteLabel: job.siteLabel,
    location: job.siteLocation,
    windowStart: job.windowStart?.toISOString() ?? null,
    windowEnd: job.windowEnd?.toISOString() ?? null,
    serviceMinutes: serviceMinutesOf(job),
    requiredSkills: job.requiredSkills,
  };
}

function describeProposal(row: ProposalRow, dayStart: Date): Proposal {
  return {
    id: row.id,
    date: row.planDate,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    routes: row.routes.map((route) => ({
      technicianId: route.technicianId,
      travelMinutes: Math.round(route.travelMinutes * 10) / 10,
      visits: route.visits.map((visit) => ({ jobId: visit.jobId, start: minutesToInstant(dayStart, visit.start).toISOString(), end: minutesToInstant(dayStart, visit.end).toISOString(), travelMinutes: Math.round(visit.travelMinutes * 10) / 10 })),
    })),
    unassigned: row.unassigned,
    travelMinutes: Math.round(row.travelMinutes * 10) / 10,
    travelSource: row.travelSource,
    solver: row.solver,
  };
}

function homeOf(technician: TechnicianRow): GeoPoint {
  return { lat: technician.homeLat ?? 0, lng: technician.homeLng ?? 0 };
}

function minutesSince(dayStart: Date, instant: Date): number {
  return (instant.getTime() - dayStart.getTime()) / 60_000;
}

// Whole minutes: a plan to the second reads as false precision.
function minutesToInstant(dayStart: Date, minutes: number): Date {
  return new Date(dayStart.getTime() + Math.round(minutes) * 60_000);
}
