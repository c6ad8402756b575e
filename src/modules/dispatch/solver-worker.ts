import { parentPort, workerData } from 'node:worker_threads';
import { solveDispatch } from './route-solver.ts';
import type { SolveRequest, SolverMessage } from './solver-thread.ts';

// Loaded only as a worker (through solver-worker-entry.mjs); a thrown error reaches the parent as
// the worker's 'error' event.
const port = parentPort;
if (port === null) throw new Error('solver-worker.ts runs only inside a worker thread');
const { problem, options } = workerData as SolveRequest;
const startedAt = performance.now();
const post = (message: SolverMessage) => port.postMessage(message);
const result = solveDispatch(problem, {
  ...options,
  onProgress: (iterations, bestCost) => post({ kind: 'progress', progress: { iterations, bestCost, elapsedMs: performance.now() - startedAt } }),
});
post({ kind: 'result', result });
