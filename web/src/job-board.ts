import type { AllowedMove, JobPriority, JobStatus, JobSummary } from './hvac-api.ts';

// The job board's rules, without React: which columns it shows, in which order the cards stand,
// and what dropping a card on a column means. Where a job may go is the server's answer
// (allowedTransitions), never worked out here.

// Open work, left to right in the order a job usually travels; on hold sits before completed
// because a held job goes back to where it came from.
export const boardStatuses: readonly JobStatus[] = ['new', 'scheduled', 'dispatched', 'en_route', 'in_progress', 'on_hold', 'completed'];

// Finished or dropped jobs: shown only on request, they would otherwise crowd out the open work.
export const finishedStatuses: readonly JobStatus[] = ['invoiced', 'closed', 'cancelled'];

const priorityRank: Record<JobPriority, number> = { emergency: 0, high: 1, normal: 2, low: 3 };

// Most urgent first; within a priority the earliest visit window (jobs without one after those
// with one), then the oldest job.
export function compareCards(a: JobSummary, b: JobSummary): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    compareOptional(a.windowStart, b.windowStart) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

export function groupByStatus(jobs: readonly JobSummary[], statuses: readonly JobStatus[]): Map<JobStatus, JobSummary[]> {
  const columns = new Map<JobStatus, JobSummary[]>(statuses.map((status) => [status, []]));
  for (const job of jobs) columns.get(job.status)?.push(job);
  for (const cards of columns.values()) cards.sort(compareCards);
  return columns;
}

// What a column does with the card being dragged over it:
// - same: the card's own column, nothing to do;
// - allowed: the server lists this status (reasonRequired says whether to ask why);
// - refused: it does not.
// The moves come with the board's list, so they may be stale: the server still has the last word
// (a move from a version someone else changed meanwhile is refused with 409).
export type DropVerdict = { kind: 'same' } | { kind: 'allowed'; reasonRequired: boolean } | { kind: 'refused' };

export function dropVerdict(from: JobStatus, to: JobStatus, allowed: readonly AllowedMove[]): DropVerdict {
  if (from === to) return { kind: 'same' };
  const move = allowed.find((candidate) => candidate.to === to);
  return move ? { kind: 'allowed', reasonRequired: move.reasonRequired } : { kind: 'refused' };
}

// The moved job in place of its card, for the board to show before the list is loaded again: its
// new status and version, and the moves it allows from there.
export function withMoved<T extends JobSummary>(jobs: readonly T[], moved: JobSummary): T[] {
  return jobs.map((job) =>
    job.id === moved.id ? { ...job, status: moved.status, version: moved.version, updatedAt: moved.updatedAt, allowedTransitions: moved.allowedTransitions } : job,
  );
}
