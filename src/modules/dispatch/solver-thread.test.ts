import { describe, expect, it } from 'vitest';
import type { DispatchProblem } from './dispatch-model.ts';
import { solveDispatch } from './route-solver.ts';
import { createSeededRandom } from './seeded-random.ts';
import { createWorkerSolver, solveInWorker, type SolveProgress } from './solver-thread.ts';

// A technician day: a few dozen visits on a 100×100 square, depot in the middle, four vans.
function buildProblem(visitCount: number, seed: number): DispatchProblem {
  const random = createSeededRandom(seed);
  const points = [{ x: 50, y: 50 }, ...Array.from({ length: visitCount }, () => ({ x: 100 * random.next(), y: 100 * random.next() }))];
  const size = points.length;
  const distance = new Float64Array(size * size);
  points.forEach((from, i) => points.forEach((to, j) => (distance[i * size + j] = Math.hypot(from.x - to.x, from.y - to.y))));
  return {
    visits: Array.from({ length: visitCount }, (_, index) => {
      const ready = random.below(300);
      return { id: `v${index}`, location: index + 1, serviceTime: 10, demand: 1 + random.below(10), window: { start: ready, end: ready + 120 + random.below(200) } };
    }),
    vehicles: Array.from({ length: 4 }, (_, index) => ({ id: `van-${index}`, startLocation: 0, endLocation: 0, shift: { start: 0, end: 600 }, capacity: 60 })),
    travel: { size, time: distance, cost: distance },
  };
}

const problem = buildProblem(40, 7);

// Resolves with the largest gap between ticks of a 10 ms interval while `work` runs.
async function measureLargestTickGap(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let largest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    largest = Math.max(largest, now - last);
    last = now;
  }, 10);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return Math.max(largest, performance.now() - last);
}

function nextProgress(): { seen: Promise<void>; onProgress: (progress: SolveProgress) => void } {
  let onProgress = (_progress: SolveProgress) => {};
  const seen = new Promise<void>((resolve) => (onProgress = () => resolve()));
  return { seen, onProgress };
}

describe('solveInWorker', () => {
  it('returns the plan solveDispatch gives in-process for the same seed and iteration limit', async () => {
    const options = { seed: 11, maxIterations: 2_000 };
    const sut = await solveInWorker(problem, options);
    expect(sut).toEqual(solveDispatch(problem, options));
  });

  it('passes the objective through', async () => {
    const options = { seed: 5, maxIterations: 1_000, objective: 'vehicles_then_distance' as const };
    const sut = await solveInWorker(problem, options);
    expect(sut).toEqual(solveDispatch(problem, options));
    expect(sut.fleetIterations).toBeGreaterThan(0);
  });

  it('reports progress during a long solve, iterations and elapsed time rising', async () => {
    const reports: SolveProgress[] = [];
    const result = await createWorkerSolver()(problem, { seed: 1, timeLimitMs: 1_500 }, { onProgress: (progress) => reports.push(progress) });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const [previous, next] of reports.slice(0, -1).map((report, index) => [report, reports[index + 1]!] as const)) {
      expect(next.iterations).toBeGreaterThan(previous.iterations);
      expect(next.elapsedMs).toBeGreaterThan(previous.elapsedMs);
    }
    expect(reports.at(-1)!.iterations).toBeLessThanOrEqual(result.iterations);
    expect(reports.every((report) => Number.isFinite(report.bestCost))).toBe(true);
  });

  it('keeps the event loop responsive while it solves', async () => {
    const largestGap = await measureLargestTickGap(createWorkerSolver()(problem, { seed: 2, timeLimitMs: 1_500 }));
    expect(largestGap).toBeLessThan(100);
  });

  it('stops the worker promptly when aborted, rejecting with an AbortError, and frees its slot', async () => {
    const sut = createWorkerSolver();
    const controller = new AbortController();
    const running = nextProgress();
    const solve = sut(problem, { seed: 3, timeLimitMs: 30_000 }, { signal: controller.signal, onProgress: running.onProgress });
    await running.seen;
    const abortedAt = performance.now();
    controller.abort();
    await expect(solve).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(500);
    await expect(sut(problem, { seed: 3, maxIterations: 10 })).resolves.toMatchObject({ iterations: 10 });
  });

  it('queues a second solve until the first is done', async () => {
    const sut = createWorkerSolver({ maxThreads: 1 });
    let firstDoneAt = Number.POSITIVE_INFINITY;
    let secondFirstProgressAt: number | undefined;
    const first = sut(problem, { seed: 4, timeLimitMs: 800 }).then(() => (firstDoneAt = performance.now()));
    const second = sut(problem, { seed: 4, timeLimitMs: 600 }, { onProgress: () => (secondFirstProgressAt ??= performance.now()) });
    await Promise.all([first, second]);
    // Running alongside, the second would first report about 250 ms in, well before the first ends.
    expect(secondFirstProgressAt).toBeGreaterThan(firstDoneAt);
  });

  it('drops a queued solve that is aborted, without starting it', async () => {
    const sut = createWorkerSolver({ maxThreads: 1 });
    const firstController = new AbortController();
    const first = sut(problem, { seed: 5, timeLimitMs: 30_000 }, { signal: firstController.signal });
    const queuedController = new AbortController();
    let queuedProgress = 0;
    const queued = sut(problem, { seed: 5, timeLimitMs: 30_000 }, { signal: queuedController.signal, onProgress: () => queuedProgress++ });
    queuedController.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    firstController.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(queuedProgress).toBe(0);
  });

  it('rejects with a clear error when the worker fails', async () => {
    await expect(createWorkerSolver()(problem, { seed: 6 })).rejects.toThrow('dispatch solver worker failed: solveDispatch needs maxIterations or timeLimitMs');
  });
});
