import type { DispatchProblem, DispatchVehicle, DispatchVisit } from './dispatch-model.ts';

// Places one new emergency visit into a live plan without re-solving it: the cheapest feasible
// position (least added travel cost, then earliest arrival) among the technicians qualified for it,
// after each technician's fixed prefix. A visit done or under way (driving to it counts), and every
// visit before it, stays where it is; the rest of the route must keep every window, the shift end
// and the van's capacity. Pure and deterministic: the caller passes `now`.
//
// Same O(1)-per-position test as the solver's insertion: each remaining stop keeps its earliest
// departure and the latest service start that still lets every later stop and the return keep
// their windows. Only a refusal replays routes, to name the visits that would be made late.

export interface LiveStop {
  visitId: string;
  serviceStart: number; // as planned (or, for fixed visits, as it actually happened)
}

export interface LiveRoute {
  vehicleId: string;
  stops: LiveStop[];
}

export interface TechnicianState {
  vehicleId: string;
  // The last visit of the route that is done or under way; it and every visit before it stay fixed.
  // null (or no state at all): nothing started yet, the technician leaves from the start location.
  fixedThroughVisitId: string | null;
  // When the technician can drive on from the last fixed visit, e.g. a job running over; defaults to
  // its planned service start plus service time. Never earlier than `now`.
  freeAt?: number;
}

export interface EmergencyInsertionInput {
  problem: DispatchProblem; // the vehicles, the visits of the live plan and the travel matrix
  routes: readonly LiveRoute[]; // technicians without visits may be left out
  technicians: readonly TechnicianState[];
  now: number;
  emergency: DispatchVisit; // its location must be in the matrix; typically window [now, now + response target]
}

export interface EtaStop extends LiveStop {
  arrival: number;
  departure: number;
}

export interface EmergencyPlacement {
  feasible: true;
  vehicleId: string;
  position: number; // index of the emergency in the new route's stops
  addedCost: number;
  arrival: number;
  serviceStart: number;
  route: { vehicleId: string; stops: EtaStop[]; backAt: number };
  fixedCount: number; // leading stops left untouched
}

export const emergencyRefusalReasons = ['no_qualified_technician', 'over_capacity', 'outside_window', 'would_break_windows', 'past_shift_end'] as const;
export type EmergencyRefusalReason = (typeof emergencyRefusalReasons)[number];

export interface EmergencyRefusal {
  feasible: false;
  reason: EmergencyRefusalReason;
  blockingVisitIds: string[]; // with 'would_break_windows': the visits some position would make late
  shiftEndVehicleIds: string[]; // qualified technicians some position would bring back after shift end
  detail: string;
}

export type EmergencyInsertionResult = EmergencyPlacement | EmergencyRefusal;

// Arrival a hair after a due time is rounding in the matrix, not lateness (as the plan checker).
const timeTolerance = 1e-9;

// The part of one technician's route that may still change, as the insertion test needs it.
// Stop 0 is the anchor (last fixed visit, or the start location), stops 1..m the movable visits,
// stop m+1 the end location.
interface RemainingRoute {
  vehicle: DispatchVehicle;
  route: LiveRoute;
  fixedCount: number;
  location: number[];
  visits: DispatchVisit[]; // the movable ones, index i is stop i + 1
  departure: number[];
  latestStart: number[];
  load: number; // of the whole route, done visits included, as the plan checker counts it
}

export function insertEmergencyVisit(input: EmergencyInsertionInput): EmergencyInsertionResult {
  const { problem, emergency, now } = input;
  const { size, time, cost } = problem.travel;
  const visitsById = new Map(problem.visits.map((visit) => [visit.id, visit]));
  const routesByVehicle = new Map(input.routes.map((route) => [route.vehicleId, route]));
  const statesByVehicle = new Map(input.technicians.map((state) => [state.vehicleId, state]));
  for (const route of input.routes) {
    if (!problem.vehicles.some((vehicle) => vehicle.id === route.vehicleId)) throw new Error(`live route for unknown vehicle ${route.vehicleId}`);
  }
  if (!(emergency.location >= 0 && emergency.location < size)) throw new Error(`emergency location ${emergency.location} is not in the travel matrix`);

  const qualified = problem.vehicles.filter((vehicle) => {
    const skills = new Set(vehicle.skills ?? []);
    return (emergency.requiredSkills ?? []).every((skill) => skills.has(skill));
  });
  if (qualified.length === 0) return refuse('no_qualified_technician', [], [], `no technician has ${(emergency.requiredSkills ?? []).join(', ')}`);

  const remaining = qualified.map((vehicle) =>
    buildRemainingRoute(problem, visitsById, vehicle, routesByVehicle.get(vehicle.id) ?? { vehicleId: vehicle.id, stops: [] }, statesByVehicle.get(vehicle.id), now),
  );
  const roomy = remaining.filter((route) => route.load + emergency.demand <= route.vehicle.capacity);
  if (roomy.length === 0) return refuse('over_capacity', [], [], `no qualified technician has room for demand ${emergency.demand}`);

  const here = emergency.location;
  let best: { route: RemainingRoute; p: number; addedCost: number; arrival: number; start: number } | null = null;
  let anyInWindow = false;
  for (const route of roomy) {
    const { location, departure, latestStart } = route;
    for (let p = 0; p < location.length - 1; p++) {
      const previous = location[p]!;
      const next = location[p + 1]!;
      const arrival = departure[p]! + time[previous * size + here]!;
      const start = Math.max(arrival, emergency.window.start);
      if (start > emergency.window.end + timeTolerance) continue;
      anyInWindow = true;
      if (start + emergency.serviceTime + time[here * size + next]! > latestStart[p + 1]! + timeTolerance) continue;
      const addedCost = cost[previous * size + here]! + cost[here * size + next]! - cost[previous * size + next]!;
      // Ties on cost go to the earlier arrival; then the first vehicle and position, for determinism.
      if (!best || addedCost < best.addedCost - timeTolerance || (addedCost <= best.addedCost + timeTolerance && arrival < best.arrival - timeTolerance)) {
        best = { route, p, addedCost, arrival, start };
      }
    }
  }
  if (best) return buildPlacement(visitsById, problem, best.route, best.p, emergency, best.addedCost);
  if (!anyInWindow) return refuse('outside_window', [], [], `no qualified technician can start by ${emergency.window.end}`);
  return explainBlocked(problem, roomy, emergency);
}

function refuse(reason: EmergencyRefusalReason, blockingVisitIds: string[], shiftEndVehicleIds: string[], detail: string): EmergencyRefusal {
  return { feasible: false, reason, blockingVisitIds, shiftEndVehicleIds, detail };
}

function buildRemainingRoute(
  problem: DispatchProblem,
  visitsById: Map<string, DispatchVisit>,
  vehicle: DispatchVehicle,
  route: LiveRoute,
  state: TechnicianState | undefined,
  now: number,
): RemainingRoute {
  const { size, time } = problem.travel;
  const getVisitOrFail = (visitId: string) => {
    const visit = visitsById.get(visitId);
    if (!visit) throw new Error(`live route of ${vehicle.id} has unknown visit ${visitId}`);
    return visit;
  };
  const fixedThrough = state?.fixedThroughVisitId ?? null;
  const fixedCount = fixedThrough === null ? 0 : route.stops.findIndex((stop) => stop.visitId === fixedThrough) + 1;
  if (fixedThrough !== null && fixedCount === 0) throw new Error(`${vehicle.id} is fixed through ${fixedThrough}, which is not on its route`);

  let anchorLocation = vehicle.startLocation;
  let anchorDeparture = Math.max(now, vehicle.shift.start);
  if (fixedCount > 0) {
    const anchorStop = route.stops[fixedCount - 1]!;
    const anchorVisit = getVisitOrFail(anchorStop.visitId);
    anchorLocation = anchorVisit.location;
    anchorDeparture = Math.max(now, state?.freeAt ?? anchorStop.serviceStart + anchorVisit.serviceTime);
  }
  const allVisits = route.stops.map((stop) => getVisitOrFail(stop.visitId));
  const visits = allVisits.slice(fixedCount);
  const stops = visits.length + 2;
  const location = new Array<number>(stops);
  const departure = new Array<number>(stops);
  const latestStart = new Array<number>(stops);
  location[0] = anchorLocation;
  departure[0] = anchorDeparture;
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i]!;
    location[i + 1] = visit.location;
    departure[i + 1] = Math.max(departure[i]! + time[location[i]! * size + visit.location]!, visit.window.start) + visit.serviceTime;
  }
  location[stops - 1] = vehicle.endLocation;
  departure[stops - 1] = departure[stops - 2]! + time[location[stops - 2]! * size + vehicle.endLocation]!;
  latestStart[stops - 1] = vehicle.shift.end;
  for (let p = stops - 2; p >= 1; p--) {
    const visit = visits[p - 1]!;
    latestStart[p] = Math.min(visit.window.end, latestStart[p + 1]! - time[location[p]! * size + location[p + 1]!]! - visit.serviceTime);
  }
  latestStart[0] = vehicle.shift.end;
  const load = allVisits.reduce((sum, visit) => sum + visit.demand, 0);
  return { vehicle, route, fixedCount, location, visits, departure, latestStart, load };
}

function buildPlacement(visitsById: Map<string, DispatchVisit>, problem: DispatchProblem, remaining: RemainingRoute, p: number, emergency: DispatchVisit, addedCost: number): EmergencyPlacement {
  const { size, time } = problem.travel;
  const { route, fixedCount, vehicle } = remaining;
  const fixedStops: EtaStop[] = route.stops.slice(0, fixedCount).map((stop, i) => {
    // Fixed visits keep their times; only the last one's departure may have moved (freeAt, now).
    const serviceTime = visitsById.get(stop.visitId)?.serviceTime ?? 0;
    const departure = i === fixedCount - 1 ? remaining.departure[0]! : stop.serviceStart + serviceTime;
    return { visitId: stop.visitId, arrival: stop.serviceStart, serviceStart: stop.serviceStart, departure };
  });
  const movable = [...remaining.visits.slice(0, p), emergency, ...remaining.visits.slice(p)];
  const stops = [...fixedStops];
  let place = remaining.location[0]!;
  let clock = remaining.departure[0]!;
  for (const visit of movable) {
    const arrival = clock + time[place * size + visit.location]!;
    const serviceStart = Math.max(arrival, visit.window.start);
    clock = serviceStart + visit.serviceTime;
    place = visit.location;
    stops.push({ visitId: visit.id, arrival, serviceStart, departure: clock });
  }
  const backAt = clock + time[place * size + vehicle.endLocation]!;
  const inserted = stops[fixedCount + p]!;
  return {
    feasible: true,
    vehicleId: vehicle.id,
    position: fixedCount + p,
    addedCost,
    arrival: inserted.arrival,
    serviceStart: inserted.serviceStart,
    route: { vehicleId: vehicle.id, stops, backAt },
    fixedCount,
  };
}

// Every position reaches the emergency in its window but makes something else late: replay each
// one to name the first visit it would make late, or the shift end.
function explainBlocked(problem: DispatchProblem, routes: RemainingRoute[], emergency: DispatchVisit): EmergencyRefusal {
  const { size, time } = problem.travel;
  const blocking = new Set<string>();
  const shiftEnd = new Set<string>();
  for (const route of routes) {
    const { location, departure, visits, vehicle } = route;
    for (let p = 0; p < location.length - 1; p++) {
      const arrival = departure[p]! + time[location[p]! * size + emergency.location]!;
      const start = Math.max(arrival, emergency.window.start);
      if (start > emergency.window.end + timeTolerance) continue;
      let clock = start + emergency.serviceTime;
      let place = emergency.location;
      let late: string | null = null;
      for (const visit of visits.slice(p)) {
        const serviceStart = Math.max(clock + time[place * size + visit.location]!, visit.window.start);
        if (serviceStart > visit.window.end + timeTolerance) {
          late = visit.id;
          break;
        }
        clock = serviceStart + visit.serviceTime;
        place = visit.location;
      }
      if (late !== null) blocking.add(late);
      else if (clock + time[place * size + vehicle.endLocation]! > vehicle.shift.end + timeTolerance) shiftEnd.add(vehicle.id);
    }
  }
  const blockingVisitIds = [...blocking].sort();
  const shiftEndVehicleIds = [...shiftEnd].sort();
  if (blockingVisitIds.length > 0) {
    const also = shiftEndVehicleIds.length > 0 ? `; elsewhere past shift end for ${shiftEndVehicleIds.join(', ')}` : '';
    return refuse('would_break_windows', blockingVisitIds, shiftEndVehicleIds, `every position makes a visit late: ${blockingVisitIds.join(', ')}${also}`);
  }
  return refuse('past_shift_end', [], shiftEndVehicleIds, `every position brings the technician back after shift end: ${shiftEndVehicleIds.join(', ')}`);
}

// What is left of a placement's route as a problem of its own, for the plan checker (which replays
// from shift start and knows no "now"): the vehicle starts at the anchor when it can drive on, with
// the capacity the fixed visits left, and serves only the movable visits and the emergency.
export function toRemainingProblem(input: EmergencyInsertionInput, placement: EmergencyPlacement): { problem: DispatchProblem; visitIds: string[] } {
  const vehicle = input.problem.vehicles.find((candidate) => candidate.id === placement.vehicleId);
  if (!vehicle) throw new Error(`no vehicle ${placement.vehicleId}`);
  const visitsById = new Map([...input.problem.visits, input.emergency].map((visit) => [visit.id, visit]));
  const fixed = placement.route.stops.slice(0, placement.fixedCount);
  const movable = placement.route.stops.slice(placement.fixedCount);
  const anchor = fixed.at(-1);
  const fixedLoad = fixed.reduce((sum, stop) => sum + (visitsById.get(stop.visitId)?.demand ?? 0), 0);
  const startLocation = anchor ? (visitsById.get(anchor.visitId)?.location ?? vehicle.startLocation) : vehicle.startLocation;
  const leaveAt = anchor ? anchor.departure : Math.max(input.now, vehicle.shift.start);
  const visits = movable.map((stop) => visitsById.get(stop.visitId)!);
  return {
    problem: {
      visits,
      vehicles: [{ ...vehicle, startLocation, shift: { start: leaveAt, end: vehicle.shift.end }, capacity: vehicle.capacity - fixedLoad }],
      travel: input.problem.travel,
    },
    visitIds: visits.map((visit) => visit.id),
  };
}
