import { describe, expect, it } from 'vitest';
import type { Role } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import {
  allowedTransitions,
  findHeldFrom,
  isTerminalStatus,
  jobStatuses,
  terminalJobStatuses,
  toAppError,
  transition,
  type JobActor,
  type JobLifecycle,
  type JobStatus,
  type JobTransitionErrorCode,
  type JobTransitionResult,
} from './job-lifecycle.ts';

// The rules written out again by hand, so that a change to the table shows up here.
const legalMoves: Record<Exclude<JobStatus, 'on_hold'>, JobStatus[]> = {
  new: ['scheduled', 'on_hold', 'cancelled'],
  scheduled: ['dispatched', 'new', 'on_hold', 'cancelled'],
  dispatched: ['en_route', 'scheduled', 'on_hold', 'cancelled'],
  en_route: ['in_progress', 'scheduled', 'on_hold', 'cancelled'],
  in_progress: ['completed', 'on_hold', 'cancelled'],
  completed: ['invoiced', 'closed'],
  invoiced: ['closed'],
  closed: [],
  cancelled: [],
};

const technicianMoves: Record<Exclude<JobStatus, 'on_hold'>, JobStatus[]> = {
  new: [],
  scheduled: [],
  dispatched: ['en_route'],
  en_route: ['in_progress', 'on_hold'],
  in_progress: ['completed', 'on_hold'],
  completed: [],
  invoiced: [],
  closed: [],
  cancelled: [],
};

const officeRoles: Role[] = ['owner', 'admin', 'dispatcher'];
const holdable = ['new', 'scheduled', 'dispatched', 'en_route', 'in_progress'] as const;
const statusesOffHold = Object.keys(legalMoves) as (keyof typeof legalMoves)[];

const start = new Date('2025-01-15T08:00:00Z');
const minute = (n: number) => new Date(start.getTime() + n * 60_000);
const actor = (role: Role): JobActor => ({ id: `user-${role}`, role });
const owner = actor('owner');
const technician = actor('technician');

const jobIn = (status: JobStatus): JobLifecycle => ({ status, history: [] });
const heldFrom = (from: JobStatus, by: JobActor = owner): JobLifecycle => ({
  status: 'on_hold',
  history: [{ from, to: 'on_hold', at: minute(0), actor: by, reason: 'waiting for the customer' }],
});

function refusal(result: JobTransitionResult): { code: JobTransitionErrorCode; message: string } {
  if (result.ok) throw new Error(`expected a refusal, the job moved to ${result.job.status}`);
  return { code: result.error.code, message: result.error.message };
}

describe('transition', () => {
  const legalCases = statusesOffHold.flatMap((from) => legalMoves[from].flatMap((to) => officeRoles.map((role) => ({ from, to, role }))));

  it.each(legalCases)('lets a $role move a job from $from to $to and records it', ({ from, to, role }) => {
    const earlier = { from: 'new' as const, to: from, at: minute(0), actor: owner, reason: null };
    const sut = { status: from, history: [earlier] };
    const result = transition(sut, { to, actor: actor(role), at: minute(5), reason: 'customer asked' });
    const entry = { from, to, at: minute(5), actor: actor(role), reason: 'customer asked' };
    expect(result).toEqual({ ok: true, entry, job: { status: to, history: [earlier, entry] } });
  });

  const illegalCases = statusesOffHold.flatMap((from) => jobStatuses.filter((to) => to !== from && !legalMoves[from].includes(to)).map((to) => ({ from, to })));

  it.each(illegalCases)('refuses to move a job from $from to $to, naming the moves it allows', ({ from, to }) => {
    const { code, message } = refusal(transition(jobIn(from), { to, actor: owner, at: minute(5), reason: 'because' }));
    const final = legalMoves[from].length === 0;
    expect(code).toBe(final ? 'final_status' : 'illegal_transition');
    expect(message).toMatch(final ? new RegExp(`^An? .+ is final and cannot be moved to ${to}$`) : new RegExp(`^An? .+ can be .+, not moved to ${to}$`));
  });

  it.each<[JobStatus, JobStatus, string]>([
    ['completed', 'en_route', 'A completed job can be invoiced or closed, not moved to en_route'],
    ['new', 'in_progress', 'A new job can be scheduled, put on hold or cancelled, not moved to in_progress'],
    ['scheduled', 'completed', 'A scheduled job can be dispatched, sent back to new, put on hold or cancelled, not moved to completed'],
    ['dispatched', 'in_progress', 'A dispatched job can be set en route, scheduled, put on hold or cancelled, not moved to in_progress'],
    ['in_progress', 'scheduled', 'A job in progress can be completed, put on hold or cancelled, not moved to scheduled'],
    ['invoiced', 'completed', 'An invoiced job can be closed, not moved to completed'],
    ['completed', 'cancelled', 'A completed job can be invoiced or closed, not moved to cancelled'],
    ['closed', 'invoiced', 'A closed job is final and cannot be moved to invoiced'],
    ['cancelled', 'scheduled', 'A cancelled job is final and cannot be moved to scheduled'],
  ])('explains why a job cannot go from %s to %s', (from, to, message) => {
    expect(refusal(transition(jobIn(from), { to, actor: owner, at: minute(5), reason: 'because' })).message).toBe(message);
  });

  it('refuses a move to the status the job is already in', () => {
    expect(refusal(transition(jobIn('in_progress'), { to: 'in_progress', actor: technician, at: minute(5) }))).toEqual({
      code: 'already_in_status',
      message: 'The job is already in progress',
    });
  });

  it('walks a job from new to closed with each step done by its natural role', () => {
    const steps: [JobStatus, Role][] = [
      ['scheduled', 'dispatcher'],
      ['dispatched', 'dispatcher'],
      ['en_route', 'technician'],
      ['in_progress', 'technician'],
      ['completed', 'technician'],
      ['invoiced', 'admin'],
      ['closed', 'owner'],
    ];
    let sut = jobIn('new');
    for (const [index, [to, role]] of steps.entries()) {
      const result = transition(sut, { to, actor: actor(role), at: minute(index * 10) });
      if (!result.ok) throw new Error(result.error.message);
      sut = result.job;
    }
    expect(sut.status).toBe('closed');
    expect(sut.history.map((entry) => `${entry.from}>${entry.to}`)).toEqual([
      'new>scheduled',
      'scheduled>dispatched',
      'dispatched>en_route',
      'en_route>in_progress',
      'in_progress>completed',
      'completed>invoiced',
      'invoiced>closed',
    ]);
  });

  it('refuses a change dated before the job’s last change, and accepts one at the same instant', () => {
    const sut = { status: 'scheduled' as const, history: [{ from: 'new' as const, to: 'scheduled' as const, at: minute(10), actor: owner, reason: null }] };
    expect(refusal(transition(sut, { to: 'dispatched', actor: owner, at: minute(9) }))).toEqual({
      code: 'out_of_order',
      message: "The change at 2025-01-15T08:09:00.000Z is earlier than the job's last change at 2025-01-15T08:10:00.000Z",
    });
    expect(transition(sut, { to: 'dispatched', actor: owner, at: minute(10) }).ok).toBe(true);
  });
});

describe('roles', () => {
  it.each(statusesOffHold)('offers a technician only the field steps of a job in status %s', (status) => {
    expect(allowedTransitions(jobIn(status), 'technician').map((allowed) => allowed.to)).toEqual(technicianMoves[status]);
  });

  it.each(statusesOffHold.flatMap((status) => officeRoles.map((role) => ({ status, role }))))('offers a $role every legal move of a job in status $status', ({ status, role }) => {
    expect(allowedTransitions(jobIn(status), role).map((allowed) => allowed.to)).toEqual(legalMoves[status]);
  });

  it.each([...statusesOffHold.map(jobIn), ...holdable.map((from) => heldFrom(from))])('offers a viewer nothing (job $status)', (job) => {
    expect(allowedTransitions(job, 'viewer')).toEqual([]);
  });

  it.each<[JobStatus, JobStatus, Role, string]>([
    ['new', 'scheduled', 'technician', 'A technician cannot move a job from new to scheduled; owner, admin or dispatcher can'],
    ['completed', 'invoiced', 'technician', 'A technician cannot move a job from completed to invoiced; owner, admin or dispatcher can'],
    ['en_route', 'cancelled', 'technician', 'A technician cannot move a job from en_route to cancelled; owner, admin or dispatcher can'],
    ['dispatched', 'on_hold', 'technician', 'A technician cannot move a job from dispatched to on_hold; owner, admin or dispatcher can'],
    ['en_route', 'in_progress', 'viewer', 'A viewer cannot move a job from en_route to in_progress; technician, owner, admin or dispatcher can'],
  ])('refuses to let a job go from %s to %s for a %s', (from, to, role, message) => {
    expect(refusal(transition(jobIn(from), { to, actor: actor(role), at: minute(5), reason: 'because' }))).toEqual({ code: 'role_not_allowed', message });
  });

  it('lets a technician record the steps they drive', () => {
    for (const [from, to] of [
      ['dispatched', 'en_route'],
      ['en_route', 'in_progress'],
      ['in_progress', 'completed'],
    ] as const) {
      expect(transition(jobIn(from), { to, actor: technician, at: minute(5) }).ok).toBe(true);
    }
  });
});

describe('reasons', () => {
  it.each<[JobStatus, JobStatus, string]>([
    ['scheduled', 'cancelled', 'A job cannot be cancelled without a reason'],
    ['in_progress', 'on_hold', 'A job cannot be put on hold without a reason'],
  ])('refuses to move a %s job to %s without a reason', (from, to, message) => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(refusal(transition(jobIn(from), { to, actor: owner, at: minute(5), reason }))).toEqual({ code: 'reason_required', message });
    }
  });

  it('records the reason trimmed, and null where none was given', () => {
    const cancelled = transition(jobIn('new'), { to: 'cancelled', actor: owner, at: minute(5), reason: '  duplicate of job 41 ' });
    const scheduled = transition(jobIn('new'), { to: 'scheduled', actor: owner, at: minute(5) });
    expect(cancelled.ok && cancelled.entry.reason).toBe('duplicate of job 41');
    expect(scheduled.ok && scheduled.entry.reason).toBeNull();
  });

  it('tells the job board which moves ask for a reason', () => {
    expect(allowedTransitions(jobIn('en_route'), 'dispatcher')).toEqual([
      { to: 'in_progress', reasonRequired: false },
      { to: 'scheduled', reasonRequired: false },
      { to: 'on_hold', reasonRequired: true },
      { to: 'cancelled', reasonRequired: true },
    ]);
  });
});

describe('on hold', () => {
  it.each(holdable)('returns a job put on hold from %s only to %s, or cancels it', (from) => {
    const held = transition(jobIn(from), { to: 'on_hold', actor: owner, at: minute(5), reason: 'waiting for parts' });
    if (!held.ok) throw new Error(held.error.message);
    expect(findHeldFrom(held.job)).toBe(from);
    expect(allowedTransitions(held.job, 'owner')).toEqual([
      { to: from, reasonRequired: false },
      { to: 'cancelled', reasonRequired: true },
    ]);
    const resumed = transition(held.job, { to: from, actor: owner, at: minute(50) });
    expect(resumed.ok && resumed.job.status).toBe(from);
    for (const other of jobStatuses.filter((status) => status !== from && status !== 'cancelled' && status !== 'on_hold')) {
      expect(refusal(transition(held.job, { to: other, actor: owner, at: minute(50) })).code).toBe('illegal_transition');
    }
  });

  it('names the way back when a job on hold is moved elsewhere', () => {
    expect(refusal(transition(heldFrom('dispatched'), { to: 'scheduled', actor: owner, at: minute(5) }))).toEqual({
      code: 'illegal_transition',
      message: 'A job on hold can be dispatched or cancelled, not moved to scheduled',
    });
  });

  it('lets a technician resume work they paused, but not a job the office paused', () => {
    expect(transition(heldFrom('in_progress', technician), { to: 'in_progress', actor: technician, at: minute(30) }).ok).toBe(true);
    expect(refusal(transition(heldFrom('scheduled'), { to: 'scheduled', actor: technician, at: minute(30) }))).toEqual({
      code: 'role_not_allowed',
      message: 'A technician cannot move a job from on_hold to scheduled; owner, admin or dispatcher can',
    });
  });

  it('returns to where the latest hold began', () => {
    let sut = jobIn('scheduled');
    for (const [index, to] of (['on_hold', 'scheduled', 'dispatched', 'on_hold'] as const).entries()) {
      const result = transition(sut, { to, actor: owner, at: minute(index), reason: 'customer away' });
      if (!result.ok) throw new Error(result.error.message);
      sut = result.job;
    }
    expect(findHeldFrom(sut)).toBe('dispatched');
    expect(allowedTransitions(sut, 'owner').map((allowed) => allowed.to)).toEqual(['dispatched', 'cancelled']);
  });

  it('only cancels a job on hold whose history does not say where it came from', () => {
    const imported: JobLifecycle = { status: 'on_hold', history: [] };
    expect(findHeldFrom(imported)).toBeNull();
    expect(allowedTransitions(imported, 'owner')).toEqual([{ to: 'cancelled', reasonRequired: true }]);
  });
});

describe('terminal statuses', () => {
  it('treats closed and cancelled as final, and only them', () => {
    expect(terminalJobStatuses).toEqual(['closed', 'cancelled']);
    expect(jobStatuses.filter(isTerminalStatus)).toEqual(['closed', 'cancelled']);
  });
});

describe('toAppError', () => {
  it.each<[JobStatus, JobStatus, Role, string | undefined, string]>([
    ['completed', 'en_route', 'owner', undefined, 'conflict'],
    ['closed', 'new', 'owner', undefined, 'conflict'],
    ['new', 'new', 'owner', undefined, 'conflict'],
    ['new', 'scheduled', 'technician', undefined, 'forbidden'],
    ['new', 'cancelled', 'owner', undefined, 'invalid_input'],
  ])('maps a refused move from %s to %s by a %s to an AppError with the right code', (from, to, role, reason, code) => {
    const result = transition(jobIn(from), { to, actor: actor(role), at: minute(1), reason });
    if (result.ok) throw new Error('expected a refusal');
    const sut = toAppError(result.error);
    expect(sut).toBeInstanceOf(AppError);
    expect(sut.code).toBe(code);
    expect(sut.message).toBe(result.error.message);
  });

  it('names the field of a missing reason and the statuses of a conflict', () => {
    const missing = transition(jobIn('new'), { to: 'cancelled', actor: owner, at: minute(1) });
    const illegal = transition(jobIn('completed'), { to: 'en_route', actor: owner, at: minute(1) });
    if (missing.ok || illegal.ok) throw new Error('expected refusals');
    expect(toAppError(missing.error).errors).toEqual([{ field: '/body/reason', rule: 'required', message: 'A job cannot be cancelled without a reason' }]);
    expect(toAppError(illegal.error).details).toEqual({ from: 'completed', to: 'en_route', rule: 'illegal_transition' });
  });
});
