import type { JobTransitionRecord } from '../modules/jobs/job-lifecycle.ts';

export interface DemoChecklistItem {
  label: string;
  doneAt: Date | null;
  doneBy: string | null;
}

// A job's checklist as the technician leaves it: JobsService.create copied the labels from the
// type's template; the technician ticks them off while working (ticking keeps the job's version),
// all of them by completion, the first half on a job still under way or waiting for a part.
export function tickChecklist(labels: readonly string[], history: readonly JobTransitionRecord[], technicianId: string, until: Date): DemoChecklistItem[] {
  const worked = workIntervals(history, until);
  const completed = history.some((entry) => entry.to === 'completed');
  const ticked = completed ? labels.length : worked.length > 0 ? Math.ceil(labels.length / 2) : 0;
  const total = worked.reduce((sum, [from, to]) => sum + (to - from), 0);
  return labels.map((label, i) => {
    if (i >= ticked) return { label, doneAt: null, doneBy: null };
    return { label, doneAt: new Date(atWorkTime(worked, (total * (i + 1)) / (ticked + 1))), doneBy: technicianId };
  });
}

// The stretches the job was in progress: from each move into in_progress to the next move, or to `until`.
function workIntervals(history: readonly JobTransitionRecord[], until: Date): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  let started: number | null = null;
  for (const entry of history) {
    if (started !== null) intervals.push([started, entry.at.getTime()]);
    started = entry.to === 'in_progress' ? entry.at.getTime() : null;
  }
  if (started !== null) intervals.push([started, until.getTime()]);
  return intervals;
}

function atWorkTime(intervals: ReadonlyArray<[number, number]>, elapsed: number): number {
  let left = elapsed;
  for (const [from, to] of intervals) {
    if (left <= to - from) return Math.round(from + left);
    left -= to - from;
  }
  return intervals.at(-1)?.[1] ?? 0;
}
