import type { DispatchPlan, DispatchProblem, DispatchVisit, UnassignedReason, UnassignedVisit } from './dispatch-model.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

// Vehicle routing with time windows: slack induction by string removals (SISR, Christiaens &
// Vanden Berghe, Transportation Science 2020). Each step removes a few strings of visits that lie
// near one another, across several routes, and puts them back greedily with "blinks" (positions
// skipped at random); simulated annealing decides whether to keep the result. Simple, and among the
// best known methods on Solomon and Gehring-Homberger instances.
//
// Deterministic for a seed: randomness comes from the seed, the annealing temperature follows the
// iteration count, and the clock only decides when to stop.
//
// Inserting a visit is checked in O(1) per position from two numbers each route keeps per stop:
// the departure time (earliest, as the route runs) and the latest start of service that still lets
// every later stop and the return keep their windows.

// 'distance': least travel, using as many vehicles as that takes (the product's default).
// 'vehicles_then_distance': fewest vehicles first, then least travel with that fleet, as the
// Solomon best-knowns are ranked.
export const solveObjectives = ['distance', 'vehicles_then_distance'] as const;
export type SolveObjective = (typeof solveObjectives)[number];

export interface SolveOptions {
  seed: number;
  objective?: SolveObjective; // default 'distance'
  fleetShare?: number; // with 'vehicles_then_distance': share of the time and iterations for fleet minimisation, default 0.5
  maxIterations?: number; // default: until the time limit; at least one must be given
  timeLimitMs?: number;
  clock?: () => number; // milliseconds; defaults to performance.now, injected by tests
  coolingIterations?: number; // one annealing cycle; then reheat from the best plan found
  // At most every progressIntervalMs of the clock. bestCost is the search's own, penalties for
  // visits left out included; it may rise while the fleet shrinks, then only falls.
  onProgress?: (iterations: number, bestCost: number) => void;
}

export interface SolveResult {
  plan: DispatchPlan;
  cost: number; // travel cost of the routes, as the solver counted it (preference costs not included)
  iterations: number; // both phases together
  fleetIterations: number; // of those, spent minimising the fleet (0 with the 'distance' objective)
}

// Christiaens & Vanden Berghe's tuned values: mean visits removed per step, longest string,
// probability of the split-string variant, split depth, probability of skipping a position.
const averageRemoved = 10;
const longestString = 10;
const splitStringRate = 0.5;
const splitDepth = 0.01;
const blinkRate = 0.01;
// Recreate orders and their weights: random 4, largest demand 4, farthest 2, closest 1.
const recreateOrders = ['random', 'random', 'random', 'random', 'demand', 'demand', 'demand', 'demand', 'far', 'far', 'close'] as const;
// Leaving a visit out must always cost more than any detour that would take it.
const unassignedPenaltyFactor = 1_000;
// About a second of search on a 100-visit problem, so a few seconds hold several cycles.
const defaultCoolingIterations = 100_000;
const defaultFleetShare = 0.5;
const progressIntervalMs = 250;

export function solveDispatch(problem: DispatchProblem, options: SolveOptions): SolveResult {
  checkVehicleReferences(problem);
  if (options.maxIterations === undefined && options.timeLimitMs === undefined) throw new Error('solveDispatch needs maxIterations or timeLimitMs');
  const fleetShare = options.fleetShare ?? defaultFleetShare;
  if (!(fleetShare >= 0 && fleetShare <= 1)) throw new Error(`fleetShare must lie in [0, 1], got ${fleetShare}`);
  const model = compileProblem(problem);
  const random = createSeededRandom(options.seed);
  const clock = options.clock ?? (() => performance.now());
  const startedAt = clock();
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const timeLimitMs = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const coolingIterations = options.coolingIterations ?? defaultCoolingIterations;
  const search = new StringRemovalSearch(model, random);
  // Progress shares the deadline's clock reading: a reading of its own would move an injected
  // clock, and with it where the search stops.
  let reportedAt = startedAt;
  const isPast = (limitMs: number, iterations: number, bestCost: number): boolean => {
    const now = clock();
    if (options.onProgress !== undefined && now - reportedAt >= progressIntervalMs) {
      reportedAt = now;
      options.onProgress(iterations, bestCost);
    }
    return now - startedAt >= limitMs;
  };

  let start = search.construct();
  let fleetIterations = 0;
  if (options.objective === 'vehicles_then_distance') {
    const fleet = minimiseFleet(search, start, {
      maxIterations: Math.floor(maxIterations * fleetShare),
      deadline: (iterations, bestCost) => isPast(timeLimitMs * fleetShare, iterations, bestCost),
    });
    start = fleet.best;
    fleetIterations = fleet.iterations;
    // The distance phase keeps the fleet it was given: it may empty a route, never open one more.
    // Had no complete plan been found, the fleet stays open so the distance phase can still find one.
    if (fleet.complete) search.routeLimit = countUsedRoutes(start);
  }
  const distance = annealDistance(search, start, {
    maxIterations: maxIterations - fleetIterations,
    deadline: (iterations, bestCost) => isPast(timeLimitMs, fleetIterations + iterations, bestCost),
    coolingIterations,
    firstStep: fleetIterations + 1,
    preferFewerVehicles: options.objective === 'vehicles_then_distance',
  });
  const best = search.polish(distance.best);
  return { plan: toPlan(problem, model, best), cost: travelCost(best), iterations: fleetIterations + distance.iterations, fleetIterations };
}

interface PhaseBudget {
  maxIterations: number;
  deadline: (iterations: number, bestCost: number) => boolean; // read every 64 steps
}

// Simulated annealing on travel cost (plus penalties for visits left out), reheating from the best
// plan found at the start of every cooling cycle.
function annealDistance(
  search: StringRemovalSearch,
  start: Solution,
  budget: PhaseBudget & { coolingIterations: number; firstStep: number; preferFewerVehicles: boolean },
): { best: Solution; iterations: number } {
  const { model, random } = search;
  const { coolingIterations } = budget;
  let current = start;
  let best = start;
  // Temperatures scale with the cost of a typical leg, so the same schedule fits minutes and metres.
  const legCost = current.cost / Math.max(1, model.visitCount + countUsedRoutes(current));
  const hot = 5 * legCost;
  const cold = 0.05 * legCost;
  let iterations = 0;
  let cycleStart = 0;
  while (iterations < budget.maxIterations) {
    // Reading the clock costs little next to one step, but there is no need to read it every step.
    if ((iterations & 63) === 0 && budget.deadline(iterations, best.cost)) break;
    const progress = (iterations - cycleStart) / coolingIterations;
    if (progress >= 1) {
      cycleStart = iterations;
      current = best;
    }
    const temperature = hot * Math.pow(cold / hot, Math.min(1, progress));
    const candidate = search.ruinAndRecreate(current, budget.firstStep + iterations);
    if (candidate.cost < current.cost - temperature * Math.log(random.next())) current = candidate;
    if (budget.preferFewerVehicles ? isBetterHierarchically(candidate, best) : candidate.cost < best.cost - 1e-9) best = candidate;
    iterations++;
  }
  return { best, iterations };
}

// Penalties first (a visit left out outweighs any fleet), then vehicles, then travel.
function isBetterHierarchically(candidate: Solution, best: Solution): boolean {
  const candidatePenalty = candidate.cost - routeCost(candidate);
  const bestPenalty = best.cost - routeCost(best);
  if (Math.abs(candidatePenalty - bestPenalty) > 1e-9) return candidatePenalty < bestPenalty;
  const candidateRoutes = countUsedRoutes(candidate);
  const bestRoutes = countUsedRoutes(best);
  if (candidateRoutes !== bestRoutes) return candidateRoutes < bestRoutes;
  return candidate.cost < best.cost - 1e-9;
}

// Fleet minimisation after Christiaens & Vanden Berghe (2020): take a route out of the
// best complete plan and let ruin-and-recreate, barred from opening a route, try to place its
// visits. A step is kept when it leaves fewer visits out, or visits that have been out less often
// (absence counters); the counters push the search to place the stubborn visits first. When every
// placeable visit is routed, that plan is the new best and another route goes.
function minimiseFleet(search: StringRemovalSearch, start: Solution, budget: PhaseBudget): { best: Solution; iterations: number; complete: boolean } {
  const { model } = search;
  let best = start;
  let complete = placesAllPlaceable(model, start);
  const lowerBound = fleetLowerBound(model);
  const absence = new Float64Array(model.visitCount);
  const absenceOf = (solution: Solution) => solution.unassigned.reduce((sum, visit) => sum + absence[visit]!, 0);
  let iterations = 0;
  // A construction that left visits out is first completed the same way, on the whole fleet.
  let current: Solution | null = complete ? null : start;
  while (iterations < budget.maxIterations) {
    if (current === null) {
      const used = countUsedRoutes(best);
      if (used <= lowerBound) break;
      current = search.withoutSmallestRoute(best);
      search.routeLimit = used - 1;
    }
    if ((iterations & 63) === 0 && budget.deadline(iterations, best.cost)) break;
    const candidate = search.ruinAndRecreate(current, iterations + 1);
    iterations++;
    if (candidate.unassigned.length < current.unassigned.length || absenceOf(candidate) < absenceOf(current)) current = candidate;
    if (placesAllPlaceable(model, candidate)) {
      best = candidate;
      complete = true;
      current = null;
      continue;
    }
    for (const visit of candidate.unassigned) absence[visit]!++;
  }
  search.routeLimit = Number.POSITIVE_INFINITY;
  return { best, iterations, complete };
}

function placesAllPlaceable(model: CompiledProblem, solution: Solution): boolean {
  return solution.unassigned.every((visit) => model.unplaceable[visit] === 1);
}

// No plan needs fewer vehicles than the total demand over the largest van.
function fleetLowerBound(model: CompiledProblem): number {
  let demand = 0;
  for (let visit = 0; visit < model.visitCount; visit++) if (model.unplaceable[visit] === 0) demand += model.demand[visit]!;
  const largest = model.capacity.reduce((most, value) => Math.max(most, value), 0);
  return largest > 0 ? Math.max(1, Math.ceil(demand / largest - 1e-9)) : 1;
}

// A lock or preference naming no vehicle of the problem is the caller's mistake, not a plan's.
function checkVehicleReferences(problem: DispatchProblem): void {
  const vehicleIds = new Set(problem.vehicles.map((vehicle) => vehicle.id));
  for (const visit of problem.visits) {
    for (const named of [visit.lockedVehicleId, visit.preferredVehicleId]) {
      if (named !== undefined && !vehicleIds.has(named)) throw new Error(`visit ${visit.id} names vehicle ${named}, which is not in the problem`);
    }
  }
}

// What leaving a visit out costs. Any one visit must outweigh every visit of lower rank together
// (priorities compare lexicographically, locks above all), and the lowest must outweigh any
// detour that would take it in. Built up rank by rank, so the numbers stay as small as that allows.
function unassignedPenalties(visits: readonly DispatchVisit[], base: number): Float64Array {
  const lockedRank = Number.POSITIVE_INFINITY;
  const rankOf = (visit: DispatchVisit) => (visit.lockedVehicleId !== undefined ? lockedRank : (visit.priority ?? 0));
  const ranks = [...new Set(visits.map(rankOf))].sort((a, b) => a - b);
  const penaltyOfRank = new Map<number, number>();
  let lowerTotal = 0;
  for (const rank of ranks) {
    const penalty = base + lowerTotal;
    penaltyOfRank.set(rank, penalty);
    lowerTotal += penalty * visits.filter((visit) => rankOf(visit) === rank).length;
  }
  return Float64Array.from(visits, (visit) => penaltyOfRank.get(rankOf(visit)) ?? base);
}

// The problem in flat typed arrays, indexed by visit number and vehicle number.
interface CompiledProblem {
  visitCount: number;
  vehicleCount: number;
  size: number;
  time: Float64Array;
  cost: Float64Array;
  location: Int32Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  penalty: Float64Array;
  locked: Int32Array; // per visit, the vehicle it is locked to or -1
  preferred: Int32Array; // per visit, its preferred vehicle or -1
  preferenceCost: number; // added when a visit with a preferred vehicle rides another
  remoteness: Float64Array; // cost from the nearest vehicle start
  vehicleStart: Int32Array;
  vehicleEnd: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  capacity: Float64Array;
  vehicleClass: Int32Array; // equal vehicles share a class: one empty route per class is tried
  canServe: Uint8Array; // [visit * vehicleCount + vehicle]
  unplaceable: Uint8Array; // 1 where no vehicle could make the visit even on an empty route
  neighbours: Int32Array[]; // per visit, all visits by increasing cost, itself first
}

function compileProblem(problem: DispatchProblem): CompiledProblem {
  const { visits, vehicles, travel } = problem;
  const size = travel.size;
  const visitCount = visits.length;
  const vehicleCount = vehicles.length;
  const costAt = (from: number, to: number) => travel.cost[from * size + to] ?? 0;
  const location = Int32Array.from(visits, (visit) => visit.location);
  const classKeys = new Map<string, number>();
  const vehicleClass = Int32Array.from(vehicles, (vehicle) => {
    const key = JSON.stringify([vehicle.startLocation, vehicle.endLocation, vehicle.shift, vehicle.capacity, [...(vehicle.skills ?? [])].sort()]);
    if (!classKeys.has(key)) classKeys.set(key, classKeys.size);
    return classKeys.get(key) ?? 0;
  });
  const vehicleIndex = new Map(vehicles.map((vehicle, index) => [vehicle.id, index]));
  const indexOf = (vehicleId: string | undefined) => (vehicleId === undefined ? -1 : (vehicleIndex.get(vehicleId) ?? -1));
  const locked = Int32Array.from(visits, (visit) => indexOf(visit.lockedVehicleId));
  const canServe = new Uint8Array(visitCount * vehicleCount);
  visits.forEach((visit, v) => {
    vehicles.forEach((vehicle, k) => {
      const skills = new Set(vehicle.skills ?? []);
      const allowed = locked[v] === -1 || locked[v] === k;
      canServe[v * vehicleCount + k] = allowed && (visit.requiredSkills ?? []).every((skill) => skills.has(skill)) ? 1 : 0;
    });
  });
  const neighbours = visits.map((visit) => {
    const others = Array.from({ length: visitCount }, (_, other) => other);
    const costFrom = (other: number) => costAt(visit.location, location[other] ?? 0);
    return Int32Array.from(others.sort((a, b) => costFrom(a) - costFrom(b) || a - b));
  });
  const largestLeg = travel.cost.reduce((largest, value) => Math.max(largest, value), 0);
  const compiled: CompiledProblem = {
    visitCount,
    vehicleCount,
    size,
    time: travel.time,
    cost: travel.cost,
    location,
    ready: Float64Array.from(visits, (visit) => visit.window.start),
    due: Float64Array.from(visits, (visit) => visit.window.end),
    service: Float64Array.from(visits, (visit) => visit.serviceTime),
    demand: Float64Array.from(visits, (visit) => visit.demand),
    penalty: unassignedPenalties(visits, unassignedPenaltyFactor * (largestLeg + 1)),
    locked,
    preferred: Int32Array.from(visits, (visit) => indexOf(visit.preferredVehicleId)),
    preferenceCost: problem.preferenceCost ?? largestLeg / 4,
    remoteness: Float64Array.from(visits, (visit) => Math.min(...vehicles.map((vehicle) => costAt(vehicle.startLocation, visit.location)))),
    vehicleStart: Int32Array.from(vehicles, (vehicle) => vehicle.startLocation),
    vehicleEnd: Int32Array.from(vehicles, (vehicle) => vehicle.endLocation),
    shiftStart: Float64Array.from(vehicles, (vehicle) => vehicle.shift.start),
    shiftEnd: Float64Array.from(vehicles, (vehicle) => vehicle.shift.end),
    capacity: Float64Array.from(vehicles, (vehicle) => vehicle.capacity),
    vehicleClass,
    canServe,
    unplaceable: new Uint8Array(visitCount),
    neighbours,
  };
  for (let visit = 0; visit < visitCount; visit++) compiled.unplaceable[visit] = explainUnassigned(compiled, visit) === 'no_room' ? 0 : 1;
  return compiled;
}

// One vehicle's route. Arrays run over stops 0..k+1, where 0 is the start and k+1 the end, so
// insertion between stops p and p+1 needs no special case at either end.
// A route belongs to the step that created it (`step`) and is never changed once another step
// may share it: a step copies a route before changing it.
class Route {
  visits: number[] = [];
  stopLocation: number[] = [];
  departure: number[] = []; // leaving stop p (service done); at the end, the arrival
  latestStart: number[] = []; // latest service start at stop p keeping the rest of the route feasible
  load = 0;
  travel = 0;
  cost = 0; // travel plus the preference costs of its visits

  constructor(
    readonly vehicle: number,
    public step: number,
  ) {}

  copy(step: number): Route {
    const route = new Route(this.vehicle, step);
    route.visits = this.visits.slice();
    route.stopLocation = this.stopLocation.slice();
    route.departure = this.departure.slice();
    route.latestStart = this.latestStart.slice();
    route.load = this.load;
    route.travel = this.travel;
    route.cost = this.cost;
    return route;
  }
}

function refreshRoute(model: CompiledProblem, route: Route): void {
  const { size, time, cost, location, ready, due, service, demand } = model;
  const vehicle = route.vehicle;
  const visits = route.visits;
  const stops = visits.length + 2;
  const stopLocation = new Array<number>(stops);
  const departure = new Array<number>(stops);
  const latestStart = new Array<number>(stops);
  stopLocation[0] = model.vehicleStart[vehicle]!;
  departure[0] = model.shiftStart[vehicle]!;
  let load = 0;
  let total = 0;
  let preferenceCosts = 0;
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i]!;
    const here = location[visit]!;
    const previous = stopLocation[i]!;
    stopLocation[i + 1] = here;
    departure[i + 1] = Math.max(departure[i]! + time[previous * size + here]!, ready[visit]!) + service[visit]!;
    total += cost[previous * size + here]!;
    load += demand[visit]!;
    if (model.preferred[visit] !== -1 && model.preferred[visit] !== vehicle) preferenceCosts += model.preferenceCost;
  }
  const last = stopLocation[stops - 2]!;
  const end = model.vehicleEnd[vehicle]!;
  stopLocation[stops - 1] = end;
  departure[stops - 1] = departure[stops - 2]! + time[last * size + end]!;
  total += cost[last * size + end]!;
  latestStart[stops - 1] = model.shiftEnd[vehicle]!;
  for (let p = stops - 2; p >= 1; p--) {
    const visit = visits[p - 1]!;
    const here = stopLocation[p]!;
    const next = stopLocation[p + 1]!;
    latestStart[p] = Math.min(due[visit]!, latestStart[p + 1]! - time[here * size + next]! - service[visit]!);
  }
  latestStart[0] = model.shiftEnd[vehicle]!;
  route.stopLocation = stopLocation;
  route.departure = departure;
  route.latestStart = latestStart;
  route.load = load;
  route.travel = total;
  route.cost = total + preferenceCosts;
}

interface Solution {
  routes: Route[]; // one per vehicle, index = vehicle
  routeOf: Int32Array; // per visit, its vehicle or -1
  unassigned: number[];
  cost: number; // travel plus penalties for unassigned visits
}

function routeCost(solution: Solution): number {
  return solution.routes.reduce((sum, route) => sum + route.cost, 0);
}

function travelCost(solution: Solution): number {
  return solution.routes.reduce((sum, route) => sum + route.travel, 0);
}

function countUsedRoutes(solution: Solution): number {
  return solution.routes.filter((route) => route.visits.length > 0).length;
}

class StringRemovalSearch {
  // Positions left before the next blink: drawn geometrically so the hot loop needs no random draw.
  private untilBlink = 0;
  private readonly blinkScale = 1 / Math.log(1 - blinkRate);
  private readonly classTried: Int32Array;
  // Most routes a plan may use; recreate opens no route beyond it.
  routeLimit = Number.POSITIVE_INFINITY;

  constructor(
    readonly model: CompiledProblem,
    readonly random: SeededRandom,
  ) {
    this.classTried = new Int32Array(model.vehicleCount).fill(-1);
    this.drawBlink();
  }

  construct(): Solution {
    const { model } = this;
    const routes = Array.from({ length: model.vehicleCount }, (_, vehicle) => {
      const route = new Route(vehicle, 0);
      refreshRoute(model, route);
      return route;
    });
    const solution: Solution = { routes, routeOf: new Int32Array(model.visitCount).fill(-1), unassigned: [], cost: 0 };
    const everyone = Array.from({ length: model.visitCount }, (_, visit) => visit);
    this.recreate(solution, everyone, 0);
    return solution;
  }

  ruinAndRecreate(current: Solution, step: number): Solution {
    const candidate: Solution = { routes: current.routes.slice(), routeOf: current.routeOf.slice(), unassigned: [], cost: 0 };
    const removed = this.ruin(candidate, step);
    this.recreate(candidate, removed.concat(current.unassigned), step);
    return candidate;
  }

  // The plan with its shortest route emptied (ties broken at random) and its visits left out.
  withoutSmallestRoute(solution: Solution): Solution {
    const { model, random } = this;
    let chosen = -1;
    let ties = 0;
    for (const route of solution.routes) {
      const length = route.visits.length;
      if (length === 0) continue;
      const chosenLength = chosen < 0 ? Number.POSITIVE_INFINITY : solution.routes[chosen]!.visits.length;
      if (length < chosenLength) {
        chosen = route.vehicle;
        ties = 1;
      } else if (length === chosenLength && random.below(++ties) === 0) chosen = route.vehicle;
    }
    if (chosen < 0) return solution;
    const removed = solution.routes[chosen]!.visits;
    // A fresh route object: step -1 is never a search step, so no step writes into it in place.
    const empty = new Route(chosen, -1);
    refreshRoute(model, empty);
    const routes = solution.routes.slice();
    routes[chosen] = empty;
    const routeOf = solution.routeOf.slice();
    for (const visit of removed) routeOf[visit] = -1;
    const unassigned = solution.unassigned.concat(removed);
    const cost = routeCost({ routes, routeOf, unassigned, cost: 0 }) + unassigned.reduce((sum, visit) => sum + model.penalty[visit]!, 0);
    return { routes, routeOf, unassigned, cost };
  }

  private own(solution: Solution, vehicle: number, step: number): Route {
    const route = solution.routes[vehicle]!;
    if (route.step === step) return route;
    const copy = route.copy(step);
    solution.routes[vehicle] = copy;
    return copy;
  }

  // Removes strings of consecutive visits from routes near a random seed visit.
  private ruin(solution: Solution, step: number): number[] {
    const { model, random } = this;
    const removed: number[] = [];
    const used = countUsedRoutes(solution);
    if (used === 0) return removed;
    const averageLength = (model.visitCount - solution.unassigned.length) / used;
    const maxString = Math.min(longestString, averageLength);
    const maxStrings = (4 * averageRemoved) / (1 + maxString) - 1;
    const strings = Math.floor(random.next() * maxStrings) + 1;
    const ruined: number[] = [];
    const seed = random.below(model.visitCount);
    for (const visit of model.neighbours[seed]!) {
      if (ruined.length >= strings) break;
      const vehicle = solution.routeOf[visit]!;
      if (vehicle < 0 || ruined.includes(vehicle)) continue;
      const route = this.own(solution, vehicle, step);
      const length = route.visits.length;
      const stringLength = Math.floor(random.next() * Math.min(length, maxString)) + 1;
      const at = route.visits.indexOf(visit);
      const taken = random.next() < splitStringRate && stringLength < length ? this.splitString(route, at, stringLength) : this.string(route, at, stringLength);
      for (const gone of taken) solution.routeOf[gone] = -1;
      removed.push(...taken);
      refreshRoute(model, route);
      ruined.push(vehicle);
    }
    return removed;
  }

  // A string of `length` visits containing position `at`, placed at random.
  private string(route: Route, at: number, length: number): number[] {
    const first = this.placeString(route.visits.length, at, length);
    return route.visits.splice(first, length);
  }

  // A longer string containing `at` from which a run of `kept` visits stays in the route: it opens
  // room in the middle of a route, which a plain string cannot.
  private splitString(route: Route, at: number, length: number): number[] {
    const total = route.visits.length;
    let kept = 1;
    while (length + kept < total && this.random.next() > splitDepth) kept++;
    const first = this.placeString(total, at, length + kept);
    const keptFrom = first + this.random.below(length + 1);
    const span = route.visits.slice(first, first + length + kept);
    const stays = span.splice(keptFrom - first, kept);
    route.visits.splice(first, length + kept, ...stays);
    return span;
  }

  private placeString(total: number, at: number, length: number): number {
    const lowest = Math.max(0, at - length + 1);
    const highest = Math.min(at, total - length);
    return lowest + this.random.below(highest - lowest + 1);
  }

  // Puts each visit, in one of the SISR orders, at its cheapest feasible position, skipping
  // positions at the blink rate; a visit that fits nowhere stays unassigned.
  private recreate(solution: Solution, visits: number[], step: number): void {
    const { model } = this;
    this.orderForRecreate(visits);
    const { vehicleCount, demand, capacity, canServe, vehicleClass } = model;
    const unassigned: number[] = [];
    let usedRoutes = countUsedRoutes(solution);
    for (const visit of visits) {
      const mayOpen = usedRoutes < this.routeLimit;
      const visitDemand = demand[visit]!;
      let bestDelta = Number.POSITIVE_INFINITY;
      let bestVehicle = -1;
      let bestPosition = -1;
      for (let vehicle = 0; vehicle < vehicleCount; vehicle++) {
        if (canServe[visit * vehicleCount + vehicle] === 0) continue;
        const route = solution.routes[vehicle]!;
        if (route.load + visitDemand > capacity[vehicle]!) continue;
        if (route.visits.length === 0) {
          if (!mayOpen) continue;
          const vehicleKind = vehicleClass[vehicle]!;
          if (this.classTried[vehicleKind] === visit) continue;
          this.classTried[vehicleKind] = visit;
        }
        const position = this.cheapestPosition(route, visit, bestDelta, true);
        if (position >= 0) {
          bestDelta = this.foundDelta;
          bestVehicle = vehicle;
          bestPosition = position;
        }
      }
      if (bestVehicle < 0) {
        unassigned.push(visit);
        continue;
      }
      const route = this.own(solution, bestVehicle, step);
      if (route.visits.length === 0) usedRoutes++;
      route.visits.splice(bestPosition, 0, visit);
      refreshRoute(model, route);
      solution.routeOf[visit] = bestVehicle;
    }
    this.classTried.fill(-1);
    solution.unassigned = unassigned;
    solution.cost = routeCost(solution) + unassigned.reduce((sum, visit) => sum + model.penalty[visit]!, 0);
  }

  // The feasible position in `route` where `visit` adds less cost than `below`, the cheapest such;
  // -1 when there is none. The added cost is left in `foundDelta`. With `blinks`, positions are
  // skipped at the blink rate, as SISR's recreate wants; without, every position is tried.
  private foundDelta = 0;
  private cheapestPosition(route: Route, visit: number, below: number, blinks: boolean): number {
    const { size, time, cost, location, ready, due, service, preferred, preferenceCost } = this.model;
    const here = location[visit]!;
    const readyAt = ready[visit]!;
    const dueAt = due[visit]!;
    const serviceTime = service[visit]!;
    const preferredVehicle = preferred[visit]!;
    const preferenceDelta = preferredVehicle !== -1 && preferredVehicle !== route.vehicle ? preferenceCost : 0;
    const { stopLocation, departure, latestStart } = route;
    const positions = route.visits.length + 1;
    let bestDelta = below;
    let bestPosition = -1;
    for (let p = 0; p < positions; p++) {
      const previous = stopLocation[p]!;
      const arrival = departure[p]! + time[previous * size + here]!;
      // Departures only grow along a route: if this is too late, every later position is too
      // (when travel times obey the triangle inequality; where a matrix does not, a position
      // may be missed, never a window broken).
      if (arrival > dueAt) break;
      if (blinks && --this.untilBlink <= 0) {
        this.drawBlink();
        continue;
      }
      const next = stopLocation[p + 1]!;
      const start = arrival > readyAt ? arrival : readyAt;
      if (start + serviceTime + time[here * size + next]! > latestStart[p + 1]!) continue;
      const delta = cost[previous * size + here]! + cost[here * size + next]! - cost[previous * size + next]! + preferenceDelta;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestPosition = p;
      }
    }
    this.foundDelta = bestDelta;
    return bestPosition;
  }

  // The last word on a plan: every visit left out is tried at every position (recreate's blinks may
  // have skipped the one that fits), and where it still fits nowhere, a visit of lower rank whose
  // place it could take gives way to it and is then tried elsewhere. Afterwards no visit left out
  // fits anywhere, nor fits by pushing out a single visit of lower rank from one route.
  polish(start: Solution): Solution {
    const { model } = this;
    const step = -2; // never a search step: routes changed here are this plan's own copies
    const solution: Solution = { routes: start.routes.slice(), routeOf: start.routeOf.slice(), unassigned: start.unassigned.slice(), cost: 0 };
    const byRank = (a: number, b: number) => model.penalty[b]! - model.penalty[a]! || a - b;
    let pending = solution.unassigned.slice().sort(byRank);
    const stillOut: number[] = [];
    // Every success lowers the penalty of what is left out, so this ends; after a success, the
    // visits that found no place are tried again on the changed routes.
    while (pending.length > 0) {
      const visit = pending.shift()!;
      if (this.insertCheapest(solution, visit, step)) {
        pending = [...pending, ...stillOut.splice(0)].sort(byRank);
        continue;
      }
      const displaced = this.displaceLowerRank(solution, visit, step);
      if (displaced < 0) {
        stillOut.push(visit);
        continue;
      }
      // The displaced visit may fit elsewhere, or displace one lower still.
      pending = [...pending, ...stillOut.splice(0), displaced].sort(byRank);
    }
    solution.unassigned = stillOut;
    solution.cost = routeCost(solution) + stillOut.reduce((sum, visit) => sum + model.penalty[visit]!, 0);
    return solution;
  }

  private insertCheapest(solution: Solution, visit: number, step: number): boolean {
    const { model } = this;
    const { vehicleCount, demand, capacity, canServe } = model;
    let bestDelta = Number.POSITIVE_INFINITY;
    let bestVehicle = -1;
    let bestPosition = -1;
    for (let vehicle = 0; vehicle < vehicleCount; vehicle++) {
      const route = solution.routes[vehicle]!;
      if (canServe[visit * vehicleCount + vehicle] === 0 || route.load + demand[visit]! > capacity[vehicle]!) continue;
      const position = this.cheapestPosition(route, visit, bestDelta, false);
      if (position < 0) continue;
      bestDelta = this.foundDelta;
      bestVehicle = vehicle;
      bestPosition = position;
    }
    if (bestVehicle < 0) return false;
    const route = this.own(solution, bestVehicle, step);
    route.visits.splice(bestPosition, 0, visit);
    refreshRoute(model, route);
    solution.routeOf[visit] = bestVehicle;
    return true;
  }

  // Puts `visit` in place of the lower-ranked visit whose removal lets it in most cheaply; returns
  // the visit taken out, or -1 when no single removal makes room.
  private displaceLowerRank(solution: Solution, visit: number, step: number): number {
    const { model } = this;
    const { vehicleCount, demand, capacity, canServe, penalty } = model;
    let best: { route: Route; removedAt: number; position: number; cost: number } | null = null;
    for (let vehicle = 0; vehicle < vehicleCount; vehicle++) {
      if (canServe[visit * vehicleCount + vehicle] === 0) continue;
      const route = solution.routes[vehicle]!;
      for (let at = 0; at < route.visits.length; at++) {
        const other = route.visits[at]!;
        if (penalty[other]! >= penalty[visit]!) continue;
        if (route.load - demand[other]! + demand[visit]! > capacity[vehicle]!) continue;
        const trial = route.copy(step);
        trial.visits.splice(at, 1);
        refreshRoute(model, trial);
        const position = this.cheapestPosition(trial, visit, Number.POSITIVE_INFINITY, false);
        if (position < 0) continue;
        // Prefer giving up the least valuable visit, then the cheapest resulting route.
        const score = penalty[other]! + trial.cost + this.foundDelta;
        if (best === null || score < best.cost) best = { route: trial, removedAt: at, position, cost: score };
      }
    }
    if (best === null) return -1;
    const removed = solution.routes[best.route.vehicle]!.visits[best.removedAt]!;
    best.route.visits.splice(best.position, 0, visit);
    refreshRoute(model, best.route);
    solution.routes[best.route.vehicle] = best.route;
    solution.routeOf[removed] = -1;
    solution.routeOf[visit] = best.route.vehicle;
    return removed;
  }

  private orderForRecreate(visits: number[]): void {
    const { model, random } = this;
    const order = recreateOrders[random.below(recreateOrders.length)]!;
    // Shuffle first in every order, so ties break differently from step to step.
    for (let i = visits.length - 1; i > 0; i--) {
      const j = random.below(i + 1);
      [visits[i], visits[j]] = [visits[j]!, visits[i]!];
    }
    if (order === 'demand') visits.sort((a, b) => model.demand[b]! - model.demand[a]!);
    else if (order === 'far') visits.sort((a, b) => model.remoteness[b]! - model.remoteness[a]!);
    else if (order === 'close') visits.sort((a, b) => model.remoteness[a]! - model.remoteness[b]!);
  }

  private drawBlink(): void {
    this.untilBlink = Math.floor(Math.log(1 - this.random.next()) * this.blinkScale) + 1;
  }
}

function toPlan(problem: DispatchProblem, model: CompiledProblem, solution: Solution): DispatchPlan {
  const routes = solution.routes
    .filter((route) => route.visits.length > 0)
    .map((route) => ({ vehicleId: problem.vehicles[route.vehicle]!.id, visitIds: route.visits.map((visit) => problem.visits[visit]!.id) }));
  const unassigned: UnassignedVisit[] = solution.unassigned.map((visit) => ({ visitId: problem.visits[visit]!.id, reason: explainUnassigned(model, visit) }));
  return { routes, unassigned };
}

// Why a visit was left out, checked from the most to the least fundamental cause.
function explainUnassigned(model: CompiledProblem, visit: number): UnassignedReason {
  const { vehicleCount, size, time, location, ready, due, service, demand } = model;
  const isLocked = model.locked[visit] !== -1;
  const compatible = Array.from({ length: vehicleCount }, (_, vehicle) => vehicle).filter((vehicle) => model.canServe[visit * vehicleCount + vehicle] === 1);
  if (compatible.length === 0) return isLocked ? 'locked_vehicle_cannot' : 'missing_skill';
  const roomy = compatible.filter((vehicle) => demand[visit]! <= model.capacity[vehicle]!);
  if (roomy.length === 0) return isLocked ? 'locked_vehicle_cannot' : 'over_capacity';
  const here = location[visit]!;
  const reachable = roomy.some((vehicle) => {
    const start = Math.max(model.shiftStart[vehicle]! + time[model.vehicleStart[vehicle]! * size + here]!, ready[visit]!);
    return start <= due[visit]! && start + service[visit]! + time[here * size + model.vehicleEnd[vehicle]!]! <= model.shiftEnd[vehicle]!;
  });
  if (reachable) return 'no_room';
  return isLocked ? 'locked_vehicle_cannot' : 'unreachable_in_shift';
}
