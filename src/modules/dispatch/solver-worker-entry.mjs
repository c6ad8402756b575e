// Plain JavaScript so that Node can start it with no loader: on Node 20, TypeScript hooks
// registered in the parent thread (bin/pasja.js, vitest) do not reach worker threads, so the worker
// registers tsx itself before loading the solver.
import { register } from 'tsx/esm/api';

register();
await import('./solver-worker.ts');
