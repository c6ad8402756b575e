import { describe, expect, it } from 'vitest';
import type { DispatchProblem, DispatchVehicle, DispatchVisit } from './dispatch-model.ts';
import { insertEmergencyVisit, toRemainingProblem, type EmergencyInsertionInput, type EmergencyPlacement, type LiveRoute } from './emergency-insertion.ts';
import { checkPlan } from './plan-checker.ts';

// Places on a line, travel time = cost = distance: depot 0 at x=0, a at 10, b at 30, c at -10,
// the emergency e at 20.
const xs = [0, 10, 30, -10, 20];
function lineTravel(): DispatchProblem['travel'] {
  const size = xs.length;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) distance[i * size + j] = Math.abs(xs[i]! - xs[j]!);
  return { size, time: distance, cost: distance };
}

const visit = (id: string, location: number, window = { start: 0, end: 1000 }): DispatchVisit => ({ id, location, serviceTime: 5, demand: 1, window });
const van = (id: string, skills: string[] = [], shiftEnd = 1000): DispatchVehicle => ({ id, startLocation: 0, endLocation: 0, shift: { start: 0, end: shiftEnd }, capacity: 10, skills });

// van-1 serves a then b, van-2 serves c; planned service starts as the routes run from time 0.
function liveInput(overrides: Partial<EmergencyInsertionInput> = {}, vans = [van('van-1'), van('van-2')], bWindow = { start: 0, end: 1000 }): EmergencyInsertionInput {
  const routes: LiveRoute[] = [
    { vehicleId: 'van-1', stops: [{ visitId: 'a', serviceStart: 10 }, { visitId: 'b', serviceStart: Math.max(35, bWindow.start) }] },
    { vehicleId: 'van-2', stops: [{ visitId: 'c', serviceStart: 10 }] },
  ];
  return {
    problem: { visits: [visit('a', 1), visit('b', 2, bWindow), visit('c', 3)], vehicles: vans, travel: lineTravel() },
    routes,
    technicians: [],
    now: 0,
    emergency: visit('e', 4),
    ...overrides,
  };
}

function placementOf(input: EmergencyInsertionInput): EmergencyPlacement {
  const sut = insertEmergencyVisit(input);
  if (!sut.feasible) throw new Error(`expected a placement, got ${sut.reason}: ${sut.detail}`);
  return sut;
}

describe('insertEmergencyVisit', () => {
  it('inserts at the cheapest position with updated ETAs', () => {
    const sut = placementOf(liveInput());
    // Between a (x=10) and b (x=30) the detour through x=20 costs nothing; van-2 would add 40.
    expect(sut).toMatchObject({ vehicleId: 'van-1', position: 1, addedCost: 0, arrival: 25, serviceStart: 25, fixedCount: 0 });
    expect(sut.route.stops.map((stop) => [stop.visitId, stop.arrival, stop.departure])).toEqual([
      ['a', 10, 15],
      ['e', 25, 30],
      ['b', 40, 45],
    ]);
    expect(sut.route.backAt).toBe(75);
  });

  it('breaks a cost tie by the earlier arrival', () => {
    // Both vans empty and identical: same added cost, so the first van with the earliest arrival.
    const input = liveInput({ routes: [] });
    expect(placementOf(input)).toMatchObject({ vehicleId: 'van-1', position: 0, arrival: 20, addedCost: 40 });
  });

  it('never inserts before or into the visits already under way', () => {
    const input = liveInput({ now: 33, technicians: [{ vehicleId: 'van-1', fixedThroughVisitId: 'b' }] }, [van('van-1', ['brazing']), van('van-2')]);
    input.emergency = { ...visit('e', 4), requiredSkills: ['brazing'] };
    const sut = placementOf(input);
    expect(sut).toMatchObject({ vehicleId: 'van-1', fixedCount: 2, position: 2 });
    expect(sut.route.stops.slice(0, 2).map((stop) => [stop.visitId, stop.serviceStart])).toEqual([
      ['a', 10],
      ['b', 35],
    ]);
    // b is served 35..40, then 10 to e.
    expect(sut.serviceStart).toBe(50);
  });

  it('drives on from a visit running over only when the technician is free', () => {
    const input = liveInput({ now: 36, technicians: [{ vehicleId: 'van-1', fixedThroughVisitId: 'b', freeAt: 60 }] }, [van('van-1', ['brazing']), van('van-2')]);
    input.emergency = { ...visit('e', 4), requiredSkills: ['brazing'] };
    expect(placementOf(input).arrival).toBe(70);
  });

  it('never gives the visit to an unqualified technician, even when cheaper', () => {
    const input = liveInput({}, [van('van-1'), van('van-2', ['brazing'])]);
    input.emergency = { ...visit('e', 4), requiredSkills: ['brazing'] };
    expect(placementOf(input)).toMatchObject({ vehicleId: 'van-2', addedCost: 40 });
  });

  it('yields a plan the plan checker accepts', () => {
    const input = liveInput();
    const sut = placementOf(input);
    const problem = { ...input.problem, visits: [...input.problem.visits, input.emergency] };
    const routes = input.routes.map((route) => ({ vehicleId: route.vehicleId, visitIds: route.stops.map((stop) => stop.visitId) }));
    const placed = routes.map((route) => (route.vehicleId === sut.vehicleId ? { vehicleId: route.vehicleId, visitIds: sut.route.stops.map((stop) => stop.visitId) } : route));
    expect(checkPlan(problem, { routes: placed, unassigned: [] })).toMatchObject({ feasible: true, violations: [] });
  });

  it('yields a remaining route the plan checker accepts when a prefix is fixed', () => {
    const input = liveInput({ now: 12, technicians: [{ vehicleId: 'van-1', fixedThroughVisitId: 'a' }] }, [van('van-1'), van('van-2')], { start: 0, end: 45 });
    const sut = placementOf(input);
    expect(sut).toMatchObject({ vehicleId: 'van-1', position: 1, fixedCount: 1 });
    const remaining = toRemainingProblem(input, sut);
    expect(checkPlan(remaining.problem, { routes: [{ vehicleId: sut.vehicleId, visitIds: remaining.visitIds }], unassigned: [] }).feasible).toBe(true);
  });

  it('names the visits every position would make late', () => {
    // b must start at exactly 35: anything before it makes b late, after it van-1 is back at 75.
    const input = liveInput({}, [van('van-1', ['brazing'], 70), van('van-2')], { start: 35, end: 35 });
    input.emergency = { ...visit('e', 4), requiredSkills: ['brazing'] };
    expect(insertEmergencyVisit(input)).toMatchObject({ feasible: false, reason: 'would_break_windows', blockingVisitIds: ['b'], shiftEndVehicleIds: ['van-1'] });
  });

  it('reports no qualified technician', () => {
    const input = liveInput();
    input.emergency = { ...visit('e', 4), requiredSkills: ['ammonia'] };
    expect(insertEmergencyVisit(input)).toMatchObject({ feasible: false, reason: 'no_qualified_technician' });
  });

  it('reports a shift that ends too soon', () => {
    const input = liveInput({ routes: [] }, [van('van-1', [], 30)]);
    expect(insertEmergencyVisit(input)).toMatchObject({ feasible: false, reason: 'past_shift_end', shiftEndVehicleIds: ['van-1'] });
  });

  it('reports a window no technician can reach', () => {
    const input = liveInput({ emergency: visit('e', 4, { start: 0, end: 10 }) });
    expect(insertEmergencyVisit(input)).toMatchObject({ feasible: false, reason: 'outside_window' });
  });

  it('reports a full van', () => {
    const input = liveInput({ emergency: { ...visit('e', 4), demand: 10 } });
    expect(insertEmergencyVisit(input)).toMatchObject({ feasible: false, reason: 'over_capacity' });
  });

  it('is deterministic', () => {
    expect(insertEmergencyVisit(liveInput())).toEqual(insertEmergencyVisit(liveInput()));
  });
});
