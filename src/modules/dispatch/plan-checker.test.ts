import { describe, expect, it } from 'vitest';
import type { DispatchPlan, DispatchProblem } from './dispatch-model.ts';
import { checkPlan, type PlanViolationKind } from './plan-checker.ts';

// A line of places 10 apart: depot 0 at x=0, visits a, b, c at x = 10, 20, 30.
function lineProblem(): DispatchProblem {
  const size = 4;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) distance[i * size + j] = 10 * Math.abs(i - j);
  return {
    visits: [
      { id: 'a', location: 1, serviceTime: 5, demand: 3, window: { start: 0, end: 100 } },
      { id: 'b', location: 2, serviceTime: 5, demand: 3, window: { start: 40, end: 60 } },
      { id: 'c', location: 3, serviceTime: 5, demand: 3, window: { start: 0, end: 100 }, requiredSkills: ['brazing'] },
    ],
    vehicles: [
      { id: 'van-1', startLocation: 0, endLocation: 0, shift: { start: 0, end: 200 }, capacity: 10, skills: ['brazing'] },
      { id: 'van-2', startLocation: 0, endLocation: 0, shift: { start: 0, end: 200 }, capacity: 10 },
    ],
    travel: { size, time: distance, cost: distance },
  };
}

const feasiblePlan = (): DispatchPlan => ({ routes: [{ vehicleId: 'van-1', visitIds: ['a', 'b', 'c'] }], unassigned: [] });

function kindsOf(problem: DispatchProblem, plan: DispatchPlan, allowUnassigned = false): PlanViolationKind[] {
  return checkPlan(problem, plan, { allowUnassigned }).violations.map((violation) => violation.kind);
}

describe('checkPlan', () => {
  it('accepts a feasible plan and prices it with the start and end legs', () => {
    const sut = checkPlan(lineProblem(), feasiblePlan());
    expect(sut).toEqual({ feasible: true, violations: [], totalCost: 60, vehiclesUsed: 1 });
  });

  it('lets a vehicle arriving early wait for the window to open', () => {
    // a is served 10..15, b reached at 25 and started at 40: on time.
    expect(checkPlan(lineProblem(), feasiblePlan()).feasible).toBe(true);
  });

  it('catches a service starting after its window closes', () => {
    const problem = lineProblem();
    const plan: DispatchPlan = { routes: [{ vehicleId: 'van-1', visitIds: ['c', 'a', 'b'] }], unassigned: [] };
    // c at 30..35, a at 55..60, b reached at 70 > 60.
    expect(kindsOf(problem, plan)).toEqual(['late_at_visit']);
  });

  it('catches a vehicle back at its end location after the shift', () => {
    const problem = lineProblem();
    const shortShift = { ...problem, vehicles: problem.vehicles.map((vehicle) => ({ ...vehicle, shift: { start: 0, end: 70 } })) };
    expect(kindsOf(shortShift, feasiblePlan())).toEqual(['late_back_at_end']);
  });

  it('catches a load over the vehicle capacity', () => {
    const problem = lineProblem();
    const smallVan = { ...problem, vehicles: problem.vehicles.map((vehicle) => ({ ...vehicle, capacity: 8 })) };
    expect(kindsOf(smallVan, feasiblePlan())).toEqual(['over_capacity']);
  });

  it('catches a visit given to a vehicle without the skill', () => {
    const plan: DispatchPlan = { routes: [{ vehicleId: 'van-2', visitIds: ['a', 'b', 'c'] }], unassigned: [] };
    expect(kindsOf(lineProblem(), plan)).toEqual(['missing_skill']);
  });

  it('catches a visit served twice, in one route or in two', () => {
    const plan: DispatchPlan = {
      routes: [
        { vehicleId: 'van-1', visitIds: ['a', 'b', 'c'] },
        { vehicleId: 'van-2', visitIds: ['a'] },
      ],
      unassigned: [],
    };
    expect(kindsOf(lineProblem(), plan)).toEqual(['visit_served_twice']);
  });

  it('catches a visit left out, unless unassigned visits are allowed and it is declared', () => {
    const plan: DispatchPlan = { routes: [{ vehicleId: 'van-1', visitIds: ['a', 'b'] }], unassigned: [{ visitId: 'c', reason: 'no_room' }] };
    expect(kindsOf(lineProblem(), plan)).toEqual(['visit_missing']);
    expect(kindsOf(lineProblem(), plan, true)).toEqual([]);
    expect(kindsOf(lineProblem(), { ...plan, unassigned: [] }, true)).toEqual(['visit_missing']);
  });

  it('catches unknown visits and vehicles, and a vehicle given two routes', () => {
    const plan: DispatchPlan = {
      routes: [
        { vehicleId: 'van-1', visitIds: ['a', 'b', 'c', 'x'] },
        { vehicleId: 'van-1', visitIds: [] },
        { vehicleId: 'van-9', visitIds: ['a'] },
      ],
      unassigned: [],
    };
    expect(kindsOf(lineProblem(), plan)).toEqual(['unknown_visit', 'vehicle_used_twice', 'unknown_vehicle']);
  });
});
