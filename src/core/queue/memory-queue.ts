import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import {
  finishedJobsKept,
  resolveEnqueueOptions,
  retryDelayMs,
  runJob,
  wrapJobData,
  type JobEnvelope,
  type ResolvedEnqueueOptions,
} from './job-envelope.ts';
import type { EnqueueOptions, JobContext, JobCounts, JobQueue } from './queue.ts';

// In-process driver for tests and embedded mode (no Redis). Jobs live in memory and are lost
// when the process stops; otherwise it behaves like the BullMQ driver.

type JobState = keyof JobCounts;
type Handler = (job: JobContext<unknown>) => Promise<void>;

interface MemoryJob {
  id: string;
  name: string;
  envelope: JobEnvelope<unknown>;
  options: ResolvedEnqueueOptions;
  state: JobState;
  failedAttempts: number;
  timer?: NodeJS.Timeout;
}

// Everything about one job name, as BullMQ keeps one queue per name.
interface NameState {
  jobs: Map<string, MemoryJob>;
  waiting: MemoryJob[];
  finished: { completed: string[]; failed: string[] };
  worker?: { handler: Handler; concurrency: number; active: number };
}

// BullMQ stores data as JSON; doing the same here makes a Date or a class instance in job data
// fail in tests rather than only in production.
function cloneAsJson<T>(data: T): T {
  return data === undefined ? data : (JSON.parse(JSON.stringify(data)) as T);
}

export function createMemoryQueue(options: { logger: Logger }): JobQueue {
  const names = new Map<string, NameState>();
  const running = new Set<Promise<void>>();
  let closed = false;

  function stateOf(name: string): NameState {
    let state = names.get(name);
    if (!state) {
      state = { jobs: new Map(), waiting: [], finished: { completed: [], failed: [] } };
      names.set(name, state);
    }
    return state;
  }

  function pump(state: NameState): void {
    const worker = state.worker;
    if (!worker || closed) return;
    while (worker.active < worker.concurrency) {
      const job = state.waiting.shift();
      if (!job) return;
      start(state, worker, job);
    }
  }

  // Deferred, so enqueue() returns before the handler starts, as with a real queue.
  function pumpSoon(state: NameState): void {
    setImmediate(() => pump(state));
  }

  function makeWaiting(state: NameState, job: MemoryJob, delayMs: number): void {
    if (delayMs <= 0) {
      job.state = 'waiting';
      state.waiting.push(job);
      pumpSoon(state);
      return;
    }
    job.state = 'delayed';
    // After close() no timer may start: it would keep the process alive for nothing.
    if (closed) return;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      makeWaiting(state, job, 0);
    }, delayMs);
  }

  function finish(state: NameState, job: MemoryJob, outcome: 'completed' | 'failed'): void {
    job.state = outcome;
    const kept = state.finished[outcome];
    kept.push(job.id);
    const forgotten = kept.length > finishedJobsKept[outcome] ? kept.shift() : undefined;
    if (forgotten !== undefined) state.jobs.delete(forgotten);
  }

  function start(state: NameState, worker: NonNullable<NameState['worker']>, job: MemoryJob): void {
    worker.active += 1;
    job.state = 'active';
    const context: JobContext<unknown> = {
      id: job.id,
      name: job.name,
      // A fresh copy per run: a handler that mutates its data must not change what a retry sees.
      data: cloneAsJson(job.envelope.data),
      attempt: job.failedAttempts + 1,
      correlationId: job.envelope.correlationId,
      ...(job.envelope.tenantId !== undefined && { tenantId: job.envelope.tenantId }),
    };
    const run = runJob(context, job.options.attempts, worker.handler, options.logger)
      .then(
        () => finish(state, job, 'completed'),
        () => {
          job.failedAttempts += 1;
          if (job.failedAttempts >= job.options.attempts) finish(state, job, 'failed');
          else makeWaiting(state, job, retryDelayMs(job.options.backoffMs, job.failedAttempts));
        },
      )
      .finally(() => {
        worker.active -= 1;
        running.delete(run);
        pump(state);
      });
    running.add(run);
  }

  return {
    async enqueue<T>(name: string, data: T, enqueueOptions?: EnqueueOptions) {
      if (closed) throw new Error(`queue is closed: cannot enqueue "${name}"`);
      const resolved = resolveEnqueueOptions(enqueueOptions);
      const state = stateOf(name);
      if (resolved.jobId !== undefined && state.jobs.has(resolved.jobId)) return resolved.jobId;
      const job: MemoryJob = {
        id: resolved.jobId ?? randomUUID(),
        name,
        envelope: wrapJobData(cloneAsJson(data)),
        options: resolved,
        state: 'waiting',
        failedAttempts: 0,
      };
      state.jobs.set(job.id, job);
      makeWaiting(state, job, resolved.delayMs);
      return job.id;
    },

    process<T>(name: string, handler: (job: JobContext<T>) => Promise<void>, processOptions: { concurrency?: number } = {}) {
      if (closed) throw new Error(`queue is closed: cannot process "${name}"`);
      const state = stateOf(name);
      if (state.worker) throw new Error(`a handler for job "${name}" is already registered`);
      const concurrency = processOptions.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a positive integer');
      state.worker = { handler: (job) => handler(job as JobContext<T>), concurrency, active: 0 };
      pumpSoon(state);
    },

    async counts() {
      const result: Record<string, JobCounts> = {};
      for (const [name, state] of names) {
        const counts: JobCounts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
        for (const job of state.jobs.values()) counts[job.state] += 1;
        result[name] = counts;
      }
      return result;
    },

    async close() {
      closed = true;
      for (const state of names.values()) {
        for (const job of state.jobs.values()) clearTimeout(job.timer);
      }
      // Runs that finish meanwhile start nothing new: pump() checks `closed`.
      await Promise.allSettled([...running]);
    },
  };
}
