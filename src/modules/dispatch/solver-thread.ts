import { Worker } from 'node:worker_threads';
import type { DispatchProblem } from './dispatch-model.ts';
import type { SolveOptions, SolveResult } from './route-solver.ts';

// Solving takes seconds of CPU; on a worker thread the API keeps answering meanwhile.

// Functions cannot cross a thread: the worker reads its own clock and reports progress by message.
export type WorkerSolveOptions = Omit<SolveOptions, 'clock' | 'onProgress'>;

export interface SolveProgress {
  iterations: number;
  bestCost: number;
  elapsedMs: number; // on the worker's clock, from the start of the solve (queueing not counted)
}

export interface SolveControl {
  signal?: AbortSignal;
  onProgress?: (progress: SolveProgress) => void;
}

export type WorkerSolver = (problem: DispatchProblem, options: WorkerSolveOptions, control?: SolveControl) => Promise<SolveResult>;

// Between this module and solver-worker.ts.
export interface SolveRequest {
  problem: DispatchProblem;
  options: WorkerSolveOptions;
}
export type SolverMessage = { kind: 'progress'; progress: SolveProgress } | { kind: 'result'; result: SolveResult };

const workerEntry = new URL('./solver-worker-entry.mjs', import.meta.url);

// One solving thread by default: on two cores the other one belongs to the API.
export function createWorkerSolver({ maxThreads = 1 }: { maxThreads?: number } = {}): WorkerSolver {
  if (!(Number.isInteger(maxThreads) && maxThreads >= 1)) throw new Error(`maxThreads must be a positive integer, got ${maxThreads}`);
  const slots = createSemaphore(maxThreads);
  return async (problem, options, { signal, onProgress } = {}) => {
    await slots.acquire(signal);
    try {
      return await runWorker({ problem, options }, signal, onProgress);
    } finally {
      slots.release();
    }
  };
}

export const solveInWorker: WorkerSolver = createWorkerSolver();

// Settles once the thread is gone, so a released slot never overlaps a thread still running.
function runWorker(request: SolveRequest, signal: AbortSignal | undefined, onProgress: SolveControl['onProgress']): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    // The matrices are copied by structured clone: the caller keeps using its problem.
    const worker = new Worker(workerEntry, { workerData: request });
    let outcome: { ok: true; result: SolveResult } | { ok: false; error: unknown } | null = null;
    const fail = (error: unknown) => {
      outcome ??= { ok: false, error };
      void worker.terminate();
    };
    const onAbort = () => fail(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: SolverMessage) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else outcome ??= { ok: true, result: message.result };
    });
    worker.on('error', (error) => fail(new Error(`dispatch solver worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (outcome === null) outcome = { ok: false, error: new Error(`dispatch solver worker exited with code ${code} before returning a plan`) };
      if (outcome.ok) resolve(outcome.result);
      else reject(outcome.error);
    });
  });
}

// First come, first served: a waiter takes a freed slot directly, so none can be overtaken.
function createSemaphore(size: number): { acquire(signal?: AbortSignal): Promise<void>; release(): void } {
  let free = size;
  const waiters: Array<() => void> = [];
  return {
    acquire(signal) {
      signal?.throwIfAborted();
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          waiters.splice(waiters.indexOf(grant), 1);
          reject(signal?.reason);
        };
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        waiters.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    release() {
      const next = waiters.shift();
      if (next === undefined) free++;
      else next();
    },
  };
}
