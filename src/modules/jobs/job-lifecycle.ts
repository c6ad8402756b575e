import type { Role } from '../../core/db/schema.ts';
import { AppError, assertUnreachable, invalidInput } from '../../core/errors.ts';

// The life of a service job (work order) as a table of legal moves. Pure: no I/O, no clock; the
// service loads the job with its history, asks `transition`, and stores the new status together
// with the returned history entry (the history is append-only and is what the SLA clocks read).

export const jobStatuses = ['new', 'scheduled', 'dispatched', 'en_route', 'in_progress', 'completed', 'invoiced', 'closed', 'on_hold', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

// Who made a change: a user id (or an API token id) and the role it held at that moment.
export interface JobActor {
  id: string;
  role: Role;
}

export interface JobTransitionRecord {
  from: JobStatus;
  to: JobStatus;
  at: Date;
  actor: JobActor;
  reason: string | null;
}

// The history is the only record of where a job on hold came from: there is no second field to disagree with it.
export interface JobLifecycle {
  status: JobStatus;
  history: readonly JobTransitionRecord[];
}

export interface TransitionRule {
  to: JobStatus;
  roles: readonly Role[];
  reasonRequired: boolean;
}

const office: readonly Role[] = ['owner', 'admin', 'dispatcher'];
// Field steps belong to the technician; the office may record them on the technician's behalf
// (a call from a cellar without signal). Viewers change nothing.
const field: readonly Role[] = ['technician', ...office];

const move = (to: JobStatus, roles: readonly Role[]): TransitionRule => ({ to, roles, reasonRequired: false });
const hold = (roles: readonly Role[]): TransitionRule => ({ to: 'on_hold', roles, reasonRequired: true });
// Cancelling and holding stop work that a customer or a colleague counts on: the reason is kept and shown.
const cancel: TransitionRule = { to: 'cancelled', roles: office, reasonRequired: true };

// Any status before completed may be cancelled by the office. Going back is allowed only where
// the office re-plans: unscheduling, and taking a job off a technician (also one already driving,
// who is diverted to an emergency). A technician may pause the steps they drive (waiting for parts).
export const jobTransitions: Readonly<Record<JobStatus, readonly TransitionRule[]>> = {
  new: [move('scheduled', office), hold(office), cancel],
  scheduled: [move('dispatched', office), move('new', office), hold(office), cancel],
  dispatched: [move('en_route', field), move('scheduled', office), hold(office), cancel],
  en_route: [move('in_progress', field), move('scheduled', office), hold(field), cancel],
  in_progress: [move('completed', field), hold(field), cancel],
  completed: [move('invoiced', office), move('closed', office)],
  invoiced: [move('closed', office)],
  closed: [],
  // Besides being cancelled, a job on hold returns to the status it was put on hold from: see rulesFor.
  on_hold: [cancel],
  cancelled: [],
};

export const terminalJobStatuses: readonly JobStatus[] = jobStatuses.filter((status) => jobTransitions[status].length === 0);

export function isTerminalStatus(status: JobStatus): boolean {
  return jobTransitions[status].length === 0;
}

// The status a job on hold returns to: where its latest move into on_hold came from. Null when the
// job is not on hold, or when its history does not end with that move (imported data): such a job
// may only be cancelled.
export function findHeldFrom(job: JobLifecycle): JobStatus | null {
  if (job.status !== 'on_hold') return null;
  const last = job.history.at(-1);
  return last?.to === 'on_hold' ? last.from : null;
}

export interface AllowedTransition {
  to: JobStatus;
  reasonRequired: boolean;
}

// The statuses a job board may offer as drop targets for this role, in table order.
export function allowedTransitions(job: JobLifecycle, role: Role): AllowedTransition[] {
  return rulesFor(job)
    .filter((rule) => rule.roles.includes(role))
    .map(({ to, reasonRequired }) => ({ to, reasonRequired }));
}

export interface TransitionRequest {
  to: JobStatus;
  actor: JobActor;
  at: Date;
  reason?: string | null;
}

// already_in_status, final_status, illegal_transition and out_of_order are conflicts with the job's
// current state (409); role_not_allowed is a permission (403); reason_required is missing input.
export type JobTransitionErrorCode = 'already_in_status' | 'final_status' | 'illegal_transition' | 'role_not_allowed' | 'reason_required' | 'out_of_order';

export interface JobTransitionError {
  code: JobTransitionErrorCode;
  from: JobStatus;
  to: JobStatus;
  message: string;
}

export type JobTransitionResult = { ok: true; job: JobLifecycle; entry: JobTransitionRecord } | { ok: false; error: JobTransitionError };

export function transition(job: JobLifecycle, request: TransitionRequest): JobTransitionResult {
  const { status: from } = job;
  const { to, actor, at } = request;
  const refuse = (code: JobTransitionErrorCode, message: string): JobTransitionResult => ({ ok: false, error: { code, from, to, message } });

  if (to === from) return refuse('already_in_status', `The job is already ${from.replace('_', ' ')}`);
  const rules = rulesFor(job);
  if (rules.length === 0) return refuse('final_status', `${jobThat[from]} is final and cannot be moved to ${to}`);
  const rule = rules.find((candidate) => candidate.to === to);
  if (!rule) return refuse('illegal_transition', `${jobThat[from]} can be ${joinWithOr(rules.map((each) => becoming[each.to]))}, not moved to ${to}`);
  if (!rule.roles.includes(actor.role)) {
    return refuse('role_not_allowed', `${/^[aeiou]/.test(actor.role) ? 'An' : 'A'} ${actor.role} cannot move a job from ${from} to ${to}; ${joinWithOr(rule.roles)} can`);
  }
  const reason = request.reason?.trim() || null;
  if (rule.reasonRequired && reason === null) return refuse('reason_required', `A job cannot be ${becoming[to]} without a reason`);
  // The SLA clocks read the history as a timeline, so it must stay in time order.
  const last = job.history.at(-1);
  if (last && at.getTime() < last.at.getTime()) {
    return refuse('out_of_order', `The change at ${at.toISOString()} is earlier than the job's last change at ${last.at.toISOString()}`);
  }

  const entry: JobTransitionRecord = { from, to, at, actor, reason };
  return { ok: true, job: { status: to, history: [...job.history, entry] }, entry };
}

export function toAppError(error: JobTransitionError): AppError {
  // Extension members of the problem: the client can tell the refusals apart without parsing text.
  const details = { from: error.from, to: error.to, rule: error.code };
  switch (error.code) {
    case 'already_in_status':
    case 'final_status':
    case 'illegal_transition':
    case 'out_of_order':
      return new AppError('conflict', error.message, { details });
    case 'role_not_allowed':
      return new AppError('forbidden', error.message, { details });
    case 'reason_required':
      return invalidInput('/body/reason', 'required', error.message);
    default:
      return assertUnreachable(error.code);
  }
}

// A job on hold may go back where it came from; whoever may put a job on hold from a status may
// also take it back there (a technician waiting for parts resumes the work themselves).
function rulesFor(job: JobLifecycle): readonly TransitionRule[] {
  const rules = jobTransitions[job.status];
  const heldFrom = findHeldFrom(job);
  const holdRule = heldFrom === null ? undefined : jobTransitions[heldFrom].find((rule) => rule.to === 'on_hold');
  if (heldFrom === null || !holdRule) return rules;
  return [{ to: heldFrom, roles: holdRule.roles, reasonRequired: false }, ...rules];
}

const jobThat: Record<JobStatus, string> = {
  new: 'A new job',
  scheduled: 'A scheduled job',
  dispatched: 'A dispatched job',
  en_route: 'A job en route',
  in_progress: 'A job in progress',
  completed: 'A completed job',
  invoiced: 'An invoiced job',
  closed: 'A closed job',
  on_hold: 'A job on hold',
  cancelled: 'A cancelled job',
};

const becoming: Record<JobStatus, string> = {
  new: 'sent back to new',
  scheduled: 'scheduled',
  dispatched: 'dispatched',
  en_route: 'set en route',
  in_progress: 'started',
  completed: 'completed',
  invoiced: 'invoiced',
  closed: 'closed',
  on_hold: 'put on hold',
  cancelled: 'cancelled',
};

function joinWithOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
