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

  it('refuses a fleet share outside [0, 1]', () => {
    const problem = toProblem({ places: [{ x: 60, y: 50, demand: 1, ready: 0, width: 500, service: 0 }], vehicles: 1, capacity: 10 });
    expect(() => solveDispatch(problem, { seed: 1, maxIterations: 10, objective: 'vehicles_then_distance', fleetShare: 1.5 })).toThrow('fleetShare');
  });
});

describe('solveDispatch with fewest vehicles first', () => {
  const objective = 'vehicles_then_distance';

  it('returns plans the independent checker finds feasible, every visit routed or explained', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 1_000 }), (shape, seed) => {
        const problem = toProblem(shape);
        const { plan, cost } = solveDispatch(problem, { seed, maxIterations: 300, objective });
        const check = checkPlan(problem, plan, { allowUnassigned: true });
        expect(check.violations).toEqual([]);
        expect(check.totalCost).toBeCloseTo(cost, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('never uses more vehicles, nor leaves more visits out, than the construction it starts from', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 1_000 }), (shape, seed) => {
        const problem = toProblem(shape);
        // No iterations: the plan is the construction, drawn from the same seed as the run below.
        const construction = solveDispatch(problem, { seed, maxIterations: 0 });
        const sut = solveDispatch(problem, { seed, maxIterations: 300, objective });
        expect(sut.plan.unassigned.length).toBeLessThanOrEqual(construction.plan.unassigned.length);
        if (sut.plan.unassigned.length === construction.plan.unassigned.length) {
          expect(sut.plan.routes.length).toBeLessThanOrEqual(construction.plan.routes.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 0, max: 1_000 }), (shape, seed) => {
        const problem = toProblem(shape);
        const first = solveDispatch(problem, { seed, maxIterations: 200, objective });
        const second = solveDispatch(problem, { seed, maxIterations: 200, objective });
        expect(second).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('splits the iteration limit between the fleet and the distance phases', () => {
    const places = Array.from({ length: 12 }, (_, index) => ({ x: 10 + 7 * index, y: 30 + (index % 3) * 20, demand: 5, ready: 0, width: 500, service: 5 }));
    const problem = toProblem({ places, vehicles: 4, capacity: 100 });
    const sut = solveDispatch(problem, { seed: 3, maxIterations: 400, objective, fleetShare: 0.25 });
    expect(sut.iterations).toBe(400);
    expect(sut.fleetIterations).toBeLessThanOrEqual(100);
    expect(checkPlan(problem, sut.plan).violations).toEqual([]);
  });

  it('stops both phases at the time limit on the injected clock', () => {
    let now = 0;
    const problem = toProblem({ places: [{ x: 60, y: 50, demand: 1, ready: 0, width: 500, service: 0 }], vehicles: 2, capacity: 10 });
    const sut = solveDispatch(problem, { seed: 1, timeLimitMs: 6, clock: () => now++, objective });
    expect(checkPlan(problem, sut.plan).violations).toEqual([]);
    expect(sut.iterations).toBeLessThanOrEqual(6 * 64);
  });
});
