// The routing problem behind dispatch, as plain data: visits to make, vehicles (technicians with a
// van) to make them, and the travel between places. Pure types; the solver, the plan checker and the
// importers of benchmark instances all speak this and nothing else.
//
// Times are numbers on one clock chosen by the caller (minutes since midnight in the product,
// Solomon's abstract units in the benchmark); travel time and travel cost come from one matrix each,
// indexed by location, so road networks and straight-line distances look the same to the solver.

export interface TimeWindow {
  start: number;
  end: number; // inclusive
}

// Row-major square matrices over locations: entry [from * size + to].
export interface TravelMatrix {
  size: number;
  time: Float64Array;
  cost: Float64Array;
}

export interface DispatchVisit {
  id: string;
  location: number;
  serviceTime: number;
  demand: number; // van capacity used (parts, units); 0 where capacity does not matter
  window: TimeWindow; // service must start inside it; a vehicle arriving early waits
  requiredSkills?: readonly string[]; // every one must be among the vehicle's skills
  // 0 = lowest. A visit is left out only for want of room: never one of higher priority so that
  // any number of lower ones fit (the solver weighs them lexicographically).
  priority?: number;
  // Locked to this vehicle (a dispatcher's decision, or a visit already promised): it goes there or
  // stays unassigned, and outranks every priority. Fix its time as well by narrowing the window.
  lockedVehicleId?: string;
  // Soft: any other vehicle costs `DispatchProblem.preferenceCost` more, as if that much farther.
  preferredVehicleId?: string;
}

export interface DispatchVehicle {
  id: string;
  startLocation: number; // a technician's home base or the depot
  endLocation: number;
  shift: TimeWindow; // leaves start no earlier than shift.start, back at end no later than shift.end
  capacity: number;
  skills?: readonly string[];
}

export interface DispatchProblem {
  visits: readonly DispatchVisit[];
  vehicles: readonly DispatchVehicle[];
  travel: TravelMatrix;
  // Travel cost a visit's preferred vehicle is worth; default a quarter of the longest leg.
  preferenceCost?: number;
}

export interface DispatchRoute {
  vehicleId: string;
  visitIds: string[]; // in visit order; the start and end locations are implied by the vehicle
}

// 'locked_vehicle_cannot': the vehicle a visit is locked to lacks a skill, the capacity or the time.
export const unassignedReasons = ['missing_skill', 'locked_vehicle_cannot', 'over_capacity', 'unreachable_in_shift', 'no_room'] as const;
export type UnassignedReason = (typeof unassignedReasons)[number];

export interface UnassignedVisit {
  visitId: string;
  reason: UnassignedReason;
}

export interface DispatchPlan {
  routes: DispatchRoute[]; // vehicles without visits are left out
  unassigned: UnassignedVisit[];
}
