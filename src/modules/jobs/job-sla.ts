import type { JobStatus, JobTransitionRecord } from './job-lifecycle.ts';

// SLA clocks of a service job. Pure: no I/O; the time comes as `now`. Both clocks start when the
// job is created:
// - response stops when the technician arrives on site: an explicit arrivedAt, else the first move
//   into in_progress (else into completed, for a job finished without a recorded arrival);
// - resolution stops at the first move into completed.
// A cancellation stops both clocks without a verdict, unless the target had already passed.
//
// Clocks run on calendar time, 24/7: emergencies do not wait for office hours, and the other
// defaults are sized in whole days. Business-hours calendars would be a tenant policy of their own.
//
// Pause: by default both clocks stop while the job is on hold. Putting a job on hold needs a reason
// (waiting on the customer for access or approval, waiting on parts) and mature service desks stop
// the clock while the ball is in the customer's court. A hold that starts after a clock has stopped
// or breached changes nothing; a tenant that wants clocks to run through holds sets pauseOnHold: false.

export const jobPriorities = ['emergency', 'high', 'normal', 'low'] as const;
export type JobPriority = (typeof jobPriorities)[number];

export const slaClocks = ['response', 'resolution'] as const;
export type SlaClock = (typeof slaClocks)[number];

export interface SlaTargets {
  responseMinutes: number;
  resolutionMinutes: number;
}

export interface SlaPolicy {
  targets: Readonly<Record<JobPriority, SlaTargets>>;
  pauseOnHold: boolean;
}

// A tenant's policy names only what it changes; the settings schema keeps minutes positive integers.
export interface SlaPolicyOverrides {
  targets?: Partial<Record<JobPriority, Partial<SlaTargets>>>;
  pauseOnHold?: boolean;
}

const hour = 60;
const day = 24 * hour;

// emergency (no heating in winter, cold room or server-room cooling down, refrigerant leak):
//   on site within 30 min, fixed within 4 h;
// high (system running at reduced capacity, one of several units down): 4 h, fixed within 1 day;
// normal (fault the customer can live with for a day): 1 day, fixed within 3 days (parts ordered);
// low (noise, cosmetic, advice, minor leaks into a tray): 3 days, fixed within 7 days.
export const defaultSlaPolicy: SlaPolicy = {
  targets: {
    emergency: { responseMinutes: 30, resolutionMinutes: 4 * hour },
    high: { responseMinutes: 4 * hour, resolutionMinutes: day },
    normal: { responseMinutes: day, resolutionMinutes: 3 * day },
    low: { responseMinutes: 3 * day, resolutionMinutes: 7 * day },
  },
  pauseOnHold: true,
};

export function resolveSlaPolicy(overrides?: SlaPolicyOverrides | null): SlaPolicy {
  const target = (priority: JobPriority): SlaTargets => {
    const base = defaultSlaPolicy.targets[priority];
    const override = overrides?.targets?.[priority];
    return {
      responseMinutes: override?.responseMinutes ?? base.responseMinutes,
      resolutionMinutes: override?.resolutionMinutes ?? base.resolutionMinutes,
    };
  };
  return {
    targets: { emergency: target('emergency'), high: target('high'), normal: target('normal'), low: target('low') },
    pauseOnHold: overrides?.pauseOnHold ?? defaultSlaPolicy.pauseOnHold,
  };
}

export interface SlaJob {
  priority: JobPriority;
  createdAt: Date;
  arrivedAt?: Date | null;
  history: readonly JobTransitionRecord[];
  // The visit window agreed with the customer, if any.
  window?: { start: Date | null; end: Date | null };
}

// running: the deadline moves later by every hold that paused the clock before it;
// paused: on hold now, with the time that was left when the hold began;
// met / breached: stopped in time or not; breachedAt is the deadline that passed;
// cancelled: the job was cancelled before its deadline.
export type SlaClockStatus =
  | { state: 'running'; deadline: Date; remainingMs: number }
  | { state: 'paused'; since: Date; remainingMs: number }
  | { state: 'met'; deadline: Date; metAt: Date }
  | { state: 'breached'; breachedAt: Date }
  | { state: 'cancelled'; cancelledAt: Date };

export type SlaStatus = Record<SlaClock, SlaClockStatus>;

export function slaStatus(job: SlaJob, policy: SlaPolicy, now: Date): SlaStatus {
  const { start, responseMinutes, resolutionMinutes } = clockTargets(job, policy);
  const holds = policy.pauseOnHold ? findHolds(job.history) : [];
  const cancelledAt = firstMoveInto(job.history, 'cancelled');
  const arrivedAt = job.arrivedAt ?? firstMoveInto(job.history, 'in_progress') ?? firstMoveInto(job.history, 'completed');
  const completedAt = firstMoveInto(job.history, 'completed');
  return {
    response: evaluateClock({ start, targetMinutes: responseMinutes, holds, stoppedAt: arrivedAt, cancelledAt, now }),
    resolution: evaluateClock({ start, targetMinutes: resolutionMinutes, holds, stoppedAt: completedAt, cancelledAt, now }),
  };
}

// An agreed visit window is a promise of its own: the clocks start when it opens (a visit booked
// for next month is not late today), arrival is due by its end (or by the priority's target, when
// that is later), and the work keeps the time its priority gives it after arrival. Planned
// maintenance opened weeks ahead is then late only when the visit misses its window.
function clockTargets(job: SlaJob, policy: SlaPolicy): { start: Date; responseMinutes: number; resolutionMinutes: number } {
  const targets = policy.targets[job.priority];
  const windowStart = job.window?.start ?? null;
  const start = windowStart && windowStart > job.createdAt ? windowStart : job.createdAt;
  const windowEnd = job.window?.end ?? null;
  const toWindowEnd = windowEnd ? Math.ceil((windowEnd.getTime() - start.getTime()) / 60_000) : 0;
  const responseMinutes = Math.max(targets.responseMinutes, toWindowEnd);
  return { start, responseMinutes, resolutionMinutes: responseMinutes + Math.max(0, targets.resolutionMinutes - targets.responseMinutes) };
}

export interface SlaBreach {
  clock: SlaClock;
  breachedAt: Date;
}

// The clocks that are breached now. The checker records each (job, clock) once under a unique key
// and announces only what it newly recorded: a second run, concurrent or after a crash, finds it
// recorded, and a job completed late between two runs still shows its breach.
export function breachedClocks(status: SlaStatus): SlaBreach[] {
  return slaClocks.flatMap((clock) => {
    const clockStatus = status[clock];
    return clockStatus.state === 'breached' ? [{ clock, breachedAt: clockStatus.breachedAt }] : [];
  });
}

interface Hold {
  from: Date;
  // null while the job is still on hold
  until: Date | null;
}

interface ClockInput {
  start: Date;
  targetMinutes: number;
  holds: readonly Hold[];
  stoppedAt: Date | null;
  cancelledAt: Date | null;
  now: Date;
}

function evaluateClock({ start, targetMinutes, holds, stoppedAt, cancelledAt, now }: ClockInput): SlaClockStatus {
  const stop = stoppedAt ?? cancelledAt;
  const end = (stop ?? now).getTime();
  let deadline = addMinutes(start, targetMinutes).getTime();
  // Holds are in time order; one that begins after the deadline or after the clock stopped cannot
  // pause it, and neither can any later one.
  for (const hold of holds) {
    const from = hold.from.getTime();
    if (from >= deadline || from >= end) break;
    if (hold.until === null && stop === null) return { state: 'paused', since: hold.from, remainingMs: deadline - from };
    deadline += Math.min(hold.until?.getTime() ?? end, end) - from;
  }
  if (end > deadline) return { state: 'breached', breachedAt: new Date(deadline) };
  if (stoppedAt) return { state: 'met', deadline: new Date(deadline), metAt: stoppedAt };
  if (cancelledAt) return { state: 'cancelled', cancelledAt };
  return { state: 'running', deadline: new Date(deadline), remainingMs: deadline - end };
}

function findHolds(history: readonly JobTransitionRecord[]): Hold[] {
  const holds: Hold[] = [];
  let from: Date | null = null;
  for (const entry of history) {
    if (entry.to === 'on_hold') from = entry.at;
    else if (entry.from === 'on_hold' && from !== null) {
      holds.push({ from, until: entry.at });
      from = null;
    }
  }
  if (from !== null) holds.push({ from, until: null });
  return holds;
}

function firstMoveInto(history: readonly JobTransitionRecord[], status: JobStatus): Date | null {
  return history.find((entry) => entry.to === status)?.at ?? null;
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
