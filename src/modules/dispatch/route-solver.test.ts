import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DispatchProblem } from './dispatch-model.ts';
import { checkPlan } from './plan-checker.ts';
import { solveDispatch } from './route-solver.ts';

interface RandomPlace {
  x: number;
  y: number;
  demand: number;
  ready: number;
  width: number;
  service: number;
}

// Small random problems on a 100×100 square, depot in the middle; some have visits no vehicle can
// make (windows closing before a van could get there, demands over capacity), which must come
// back unassigned rather than break the plan.
const placeArbitrary = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  demand: fc.integer({ min: 0, max: 40 }),
  ready: fc.integer({ min: 0, max: 300 }),
  width: fc.integer({ min: 0, max: 200 }),
  service: fc.integer({ min: 0, max: 30 }),
});
const problemArbitrary = fc.record({
  places: fc.array(placeArbitrary, { minLength: 1, maxLength: 14 }),
  vehicles: fc.integer({ min: 1, max: 4 }),
  capacity: fc.integer({ min: 30, max: 120 }),
});

function toProblem({ places, vehicles, capacity }: { places: RandomPlace[]; vehicles: number; capacity: number }): DispatchProblem {
  const points = [{ x: 50, y: 50 }, ...places];
  const size = points.length;
  const distance = new Float64Array(size * size);
  points.forEach((from, i) => points.forEach((to, j) => (distance[i * size + j] = Math.hypot(from.x - to.x, from.y - to.y))));
  return {
    visits: places.map((place, index) => ({
      id: `v${index}`,
      location: index + 1,
      serviceTime: place.service,
      demand: place.demand,
      window: { start: place.ready, end: place.ready + place.width },
    })),
    vehicles: Array.from({ length: vehicles }, (_, index) => ({ id: `van-${index}`, startLocation: 0, endLocation: 0, shift: { start: 0, end: 600 }, capacity })),
    travel: { size, time: distance, cost: distance },
  };
}

describe('solveDispatch', () => {
  it('returns plans the independent checker finds feasible, every visit routed or explained', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 1_000 }), (shape, seed) => {
        const problem = toProblem(shape);
        const { plan, cost } = solveDispatch(problem, { seed, maxIterations: 300 });
        const check = checkPlan(problem, plan, { allowUnassigned: true });
        expect(check.violations).toEqual([]);
        expect(check.totalCost).toBeCloseTo(cost, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 1_000 }), (shape, seed) => {
        const problem = toProblem(shape);
        const first = solveDispatch(problem, { seed, maxIterations: 200 });
        const second = solveDispatch(problem, { seed, maxIterations: 200 });
        expect(second).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('routes everything on a roomy problem and leaves out only what cannot be done, with a reason', () => {
    const problem = toProblem({
      places: [
        { x: 60, y: 50, demand: 10, ready: 0, width: 500, service: 10 },
        { x: 40, y: 50, demand: 10, ready: 0, width: 500, service: 10 },
        { x: 50, y: 60, demand: 500, ready: 0, width: 500, service: 10 }, // larger than any van
        { x: 100, y: 100, demand: 10, ready: 0, width: 10, service: 10 }, // window closes before a van arrives
      ],
      vehicles: 2,
      capacity: 100,
    });
    const sut = solveDispatch(problem, { seed: 7, maxIterations: 500 });
    expect(sut.plan.routes).toEqual([{ vehicleId: 'van-0', visitIds: expect.arrayContaining(['v0', 'v1']) }]);
    expect(sut.plan.unassigned).toEqual([
      { visitId: 'v2', reason: 'over_capacity' },
      { visitId: 'v3', reason: 'unreachable_in_shift' },
    ]);
  });

  it('stops at the time limit on the injected clock', () => {
    let now = 0;
    const problem = toProblem({ places: [{ x: 60, y: 50, demand: 1, ready: 0, width: 500, service: 0 }], vehicles: 1, capacity: 10 });
    // Every reading advances a millisecond. Read at the start (0 ms), then before steps 0, 64 and
    // 128 (1, 2, 3 ms): the third of those stops it.
    const sut = solveDispatch(problem, { seed: 1, timeLimitMs: 3, clock: () => now++ });
    expect(sut.iterations).toBe(2 * 64);
  });

  it('refuses locked and preferred vehicles, which this slice does not honour yet', () => {
    const problem = toProblem({ places: [{ x: 60, y: 50, demand: 1, ready: 0, width: 500, service: 0 }], vehicles: 1, capacity: 10 });
    const locked = { ...problem, visits: problem.visits.map((visit) => ({ ...visit, lockedVehicleId: 'van-0' })) };
    expect(() => solveDispatch(locked, { seed: 1, maxIterations: 10 })).toThrow('not supported yet');
  });
});
