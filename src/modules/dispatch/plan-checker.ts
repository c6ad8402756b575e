import type { DispatchPlan, DispatchProblem } from './dispatch-model.ts';

// Verifies a plan against its problem from first principles. Written apart from the solver on
// purpose and sharing no code with it (only the data types): a bug in the solver's incremental
// bookkeeping cannot hide behind the same bug here. Replays each route with the plain rules:
// leave the start at shift start, travel, wait for the window to open, serve, and so on.

export const planViolationKinds = [
  'unknown_vehicle',
  'vehicle_used_twice',
  'unknown_visit',
  'visit_served_twice',
  'visit_missing',
  'over_capacity',
  'missing_skill',
  'locked_elsewhere',
  'late_at_visit',
  'late_back_at_end',
] as const;
export type PlanViolationKind = (typeof planViolationKinds)[number];

export interface PlanViolation {
  kind: PlanViolationKind;
  vehicleId: string | null;
  visitId: string | null;
  detail: string;
}

export interface PlanCheck {
  feasible: boolean;
  violations: PlanViolation[];
  totalCost: number; // as the matrix prices the routes, start and end legs included
  vehiclesUsed: number;
}

export interface PlanCheckOptions {
  // A benchmark demands every visit be routed; the product accepts visits declared unassigned.
  allowUnassigned?: boolean;
}

// Arrival a hair after a due time is rounding in the matrix, not lateness.
const timeTolerance = 1e-9;

export function checkPlan(problem: DispatchProblem, plan: DispatchPlan, options: PlanCheckOptions = {}): PlanCheck {
  const violations: PlanViolation[] = [];
  const report = (kind: PlanViolationKind, vehicleId: string | null, visitId: string | null, detail: string) =>
    violations.push({ kind, vehicleId, visitId, detail });
  const visitsById = new Map(problem.visits.map((visit) => [visit.id, visit]));
  const vehiclesById = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]));
  const { size, time, cost } = problem.travel;
  const timeBetween = (from: number, to: number) => time[from * size + to] ?? Number.NaN;
  const costBetween = (from: number, to: number) => cost[from * size + to] ?? Number.NaN;
  const timesSeen = new Map<string, number>();
  const vehiclesSeen = new Set<string>();
  let totalCost = 0;
  let vehiclesUsed = 0;

  for (const route of plan.routes) {
    const vehicle = vehiclesById.get(route.vehicleId);
    if (!vehicle) {
      report('unknown_vehicle', route.vehicleId, null, `no vehicle ${route.vehicleId}`);
      continue;
    }
    if (vehiclesSeen.has(vehicle.id)) report('vehicle_used_twice', vehicle.id, null, `vehicle ${vehicle.id} has two routes`);
    vehiclesSeen.add(vehicle.id);
    if (route.visitIds.length === 0) continue;
    vehiclesUsed++;
    const skills = new Set(vehicle.skills ?? []);
    let place = vehicle.startLocation;
    let clock = vehicle.shift.start;
    let load = 0;
    for (const visitId of route.visitIds) {
      const visit = visitsById.get(visitId);
      if (!visit) {
        report('unknown_visit', vehicle.id, visitId, `no visit ${visitId}`);
        continue;
      }
      timesSeen.set(visitId, (timesSeen.get(visitId) ?? 0) + 1);
      for (const skill of visit.requiredSkills ?? []) {
        if (!skills.has(skill)) report('missing_skill', vehicle.id, visitId, `needs ${skill}`);
      }
      if (visit.lockedVehicleId !== undefined && visit.lockedVehicleId !== vehicle.id) {
        report('locked_elsewhere', vehicle.id, visitId, `locked to ${visit.lockedVehicleId}`);
      }
      const arrival = clock + timeBetween(place, visit.location);
      totalCost += costBetween(place, visit.location);
      const serviceStart = Math.max(arrival, visit.window.start);
      if (!(serviceStart <= visit.window.end + timeTolerance)) {
        report('late_at_visit', vehicle.id, visitId, `service starts at ${serviceStart}, window ends ${visit.window.end}`);
      }
      load += visit.demand;
      clock = serviceStart + visit.serviceTime;
      place = visit.location;
    }
    const backAt = clock + timeBetween(place, vehicle.endLocation);
    totalCost += costBetween(place, vehicle.endLocation);
    if (!(backAt <= vehicle.shift.end + timeTolerance)) {
      report('late_back_at_end', vehicle.id, null, `back at ${backAt}, shift ends ${vehicle.shift.end}`);
    }
    if (load > vehicle.capacity) report('over_capacity', vehicle.id, null, `load ${load} over capacity ${vehicle.capacity}`);
  }

  const declaredUnassigned = new Set(plan.unassigned.map((entry) => entry.visitId));
  for (const visit of problem.visits) {
    const times = timesSeen.get(visit.id) ?? 0;
    if (times > 1) report('visit_served_twice', null, visit.id, `served ${times} times`);
    if (times >= 1 && declaredUnassigned.has(visit.id)) report('visit_served_twice', null, visit.id, 'routed and declared unassigned');
    if (times === 0 && !(options.allowUnassigned && declaredUnassigned.has(visit.id))) {
      report('visit_missing', null, visit.id, options.allowUnassigned ? 'neither routed nor declared unassigned' : 'not routed');
    }
  }
  return { feasible: violations.length === 0, violations, totalCost, vehiclesUsed };
}
