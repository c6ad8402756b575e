import { transition, type JobActor, type JobStatus, type JobTransitionRecord } from '../modules/jobs/job-lifecycle.ts';
import { checkLineItem, type LineItem } from '../modules/jobs/job-pricing.ts';

// What JobsService does to a job on each change, replayed at times the demo chooses (the service
// takes its time from the app clock, so it can only write "now"). The lifecycle table decides
// every move (transition(), as the service asks it), the history grows, each change bumps the
// version and updated_at, and the first move into in_progress is the arrival. A move the service
// would refuse is a bug in the demo generator and throws.
export type JobStep =
  | { kind: 'move'; at: Date; to: JobStatus; actor: JobActor; reason?: string }
  | { kind: 'lines'; at: Date; lines: LineItem[] };

export interface ReplayedJob {
  status: JobStatus;
  history: JobTransitionRecord[];
  lines: LineItem[];
  arrivedAt: Date | null;
  updatedAt: Date;
  version: number;
}

// The steps up to `until` (the demo's "now"); later ones have not happened yet.
export function replayJob(createdAt: Date, steps: readonly JobStep[], until: Date): ReplayedJob {
  const job: ReplayedJob = { status: 'new', history: [], lines: [], arrivedAt: null, updatedAt: createdAt, version: 1 };
  for (const step of steps) {
    if (step.at > until) break;
    if (step.kind === 'move') move(job, step);
    else replaceLines(job, step);
    job.updatedAt = step.at;
    job.version += 1;
  }
  return job;
}

function move(job: ReplayedJob, step: Extract<JobStep, { kind: 'move' }>): void {
  const outcome = transition({ status: job.status, history: job.history }, { to: step.to, actor: step.actor, at: step.at, reason: step.reason ?? null });
  if (!outcome.ok) throw new Error(`demo job step refused: ${outcome.error.message}`);
  job.status = step.to;
  job.history.push(outcome.entry);
  if (step.to === 'in_progress' && !job.arrivedAt) job.arrivedAt = step.at;
}

// As JobsService.replaceLines: checked lines, never on an invoiced, closed or cancelled job.
function replaceLines(job: ReplayedJob, step: Extract<JobStep, { kind: 'lines' }>): void {
  if (['invoiced', 'closed', 'cancelled'].includes(job.status)) throw new Error(`demo job lines changed on a ${job.status} job`);
  const problem = step.lines.flatMap((line, index) => checkLineItem(line, `/lines/${index}`))[0];
  if (problem) throw new Error(`demo job line refused: ${problem.field} ${problem.message}`);
  job.lines = step.lines;
}
