// Emergency insertion benchmark: a live plan of 20 technicians × 150 jobs over a Warsaw-sized area
// (about 30 × 25 km), planned by the dispatch solver, then 200 emergencies at random times of the
// working day, each placed into the plan as it stands at that moment. Times every insertion; every
// placement is verified by the independent plan checker (on the route left after the fixed prefix).
// Seeded: a seed replays the same plan and emergencies. Progress on stderr; stdout is one JSON line.
//
//   npx tsx bench/emergency-insertion.ts
//   npx tsx bench/emergency-insertion.ts --seed 2 --solve-seconds 5
import { parseArgs } from 'node:util';
import type { DispatchProblem, DispatchVehicle, DispatchVisit } from '../src/modules/dispatch/dispatch-model.ts';
import { insertEmergencyVisit, toRemainingProblem, type LiveRoute, type TechnicianState } from '../src/modules/dispatch/emergency-insertion.ts';
import { checkPlan } from '../src/modules/dispatch/plan-checker.ts';
import { solveDispatch } from '../src/modules/dispatch/route-solver.ts';
import { createSeededRandom } from '../src/modules/dispatch/seeded-random.ts';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    'solve-seconds': { type: 'string', default: '3' },
    insertions: { type: 'string', default: '200' },
  },
});
const log = (message: string) => process.stderr.write(`[bench/emergency-insertion] ${message}\n`);
const seed = Number(args.seed);
const technicianCount = 20;
const jobCount = 150;
const insertionCount = Number(args.insertions);
const random = createSeededRandom(seed);

// Places: technicians' homes, then jobs, then emergencies, uniform over the area (km).
const width = 30;
const height = 25;
const placeCount = technicianCount + jobCount + insertionCount;
const points = Array.from({ length: placeCount }, () => ({ x: random.next() * width, y: random.next() * height }));
// Road distance ≈ 1.3 × straight line; city driving at 30 km/h plus 4 minutes to park.
const time = new Float64Array(placeCount * placeCount);
const cost = new Float64Array(placeCount * placeCount);
for (let i = 0; i < placeCount; i++) {
  for (let j = 0; j < placeCount; j++) {
    if (i === j) continue;
    const road = 1.3 * Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
    cost[i * placeCount + j] = road;
    time[i * placeCount + j] = 4 + (road / 30) * 60;
  }
}
const travel = { size: placeCount, time, cost };

// Minutes since midnight: shifts 7:00–17:00, jobs in two-hour slots from 8:00 to 16:00.
const shift = { start: 7 * 60, end: 17 * 60 };
const vehicles: DispatchVehicle[] = Array.from({ length: technicianCount }, (_, k) => ({
  id: `tech-${k + 1}`,
  startLocation: k,
  endLocation: k,
  shift,
  capacity: 20,
  skills: k % 5 < 3 ? ['hvac', 'refrigerant'] : ['hvac'],
}));
const visits: DispatchVisit[] = Array.from({ length: jobCount }, (_, j) => {
  const slotStart = 8 * 60 + 60 * random.below(7);
  return {
    id: `job-${j + 1}`,
    location: technicianCount + j,
    serviceTime: 20 + 10 * random.below(5),
    demand: 1,
    window: { start: slotStart, end: slotStart + 120 },
    requiredSkills: random.next() < 0.3 ? ['hvac', 'refrigerant'] : ['hvac'],
  };
});
const problem: DispatchProblem = { visits, vehicles, travel };

const solveStarted = performance.now();
const { plan } = solveDispatch(problem, { seed, timeLimitMs: Number(args['solve-seconds']) * 1000 });
const solveMs = performance.now() - solveStarted;
const plannedCheck = checkPlan(problem, plan, { allowUnassigned: true });
if (!plannedCheck.feasible) throw new Error(`solver plan infeasible: ${plannedCheck.violations[0]?.detail}`);
log(`planned ${jobCount - plan.unassigned.length}/${jobCount} jobs on ${plannedCheck.vehiclesUsed} technicians in ${solveMs.toFixed(0)} ms`);

// Replay the plan for its times: per stop the service start, and when the technician left the
// previous stop to drive there.
const visitsById = new Map(visits.map((visit) => [visit.id, visit]));
const timeline = plan.routes.map((route) => {
  const vehicle = vehicles.find((candidate) => candidate.id === route.vehicleId)!;
  let place = vehicle.startLocation;
  let clock = vehicle.shift.start;
  return route.visitIds.map((visitId) => {
    const visit = visitsById.get(visitId)!;
    const leftPrevious = clock;
    const serviceStart = Math.max(clock + time[place * placeCount + visit.location]!, visit.window.start);
    clock = serviceStart + visit.serviceTime;
    place = visit.location;
    return { visitId, serviceStart, leftPrevious };
  });
});
const routes: LiveRoute[] = plan.routes.map((route, r) => ({ vehicleId: route.vehicleId, stops: timeline[r]!.map(({ visitId, serviceStart }) => ({ visitId, serviceStart })) }));

// A technician who has set off towards a visit is committed to it.
function statesAt(now: number): TechnicianState[] {
  return plan.routes.map((route, r) => {
    const started = timeline[r]!.filter((stop) => stop.leftPrevious <= now);
    return { vehicleId: route.vehicleId, fixedThroughVisitId: started.at(-1)?.visitId ?? null };
  });
}

const durations: number[] = [];
const refusals: Record<string, number> = {};
let feasible = 0;
let checkerFailures = 0;
for (let i = 0; i < insertionCount; i++) {
  const now = 8 * 60 + random.below(8 * 60);
  const emergency: DispatchVisit = {
    id: `emergency-${i + 1}`,
    location: technicianCount + jobCount + i,
    serviceTime: 60,
    demand: 1,
    window: { start: now, end: now + 4 * 60 }, // four-hour response target
    requiredSkills: random.next() < 0.3 ? ['hvac', 'refrigerant'] : ['hvac'],
  };
  const input = { problem, routes, technicians: statesAt(now), now, emergency };
  const started = performance.now();
  const result = insertEmergencyVisit(input);
  durations.push(performance.now() - started);
  if (!result.feasible) {
    refusals[result.reason] = (refusals[result.reason] ?? 0) + 1;
    continue;
  }
  feasible++;
  const remaining = toRemainingProblem(input, result);
  const check = checkPlan(remaining.problem, { routes: [{ vehicleId: result.vehicleId, visitIds: remaining.visitIds }], unassigned: [] });
  if (!check.feasible) checkerFailures++;
}

const sorted = durations.slice().sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round = (value: number) => Math.round(value * 1000) / 1000;
console.log(
  JSON.stringify({
    technicians: technicianCount,
    jobs: jobCount,
    plannedJobs: jobCount - plan.unassigned.length,
    insertions: insertionCount,
    p50Ms: round(quantile(0.5)),
    p95Ms: round(quantile(0.95)),
    maxMs: round(sorted.at(-1) ?? 0),
    feasibleShare: round(feasible / insertionCount),
    checkerFailures,
    refusals,
    solveMs: Math.round(solveMs),
    seed,
  }),
);
