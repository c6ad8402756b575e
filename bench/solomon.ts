// Routing benchmark: solves the Solomon VRPTW instances (C1, R1, RC1) with the dispatch solver and
// compares vehicles and total distance with the best-known solutions and with a nearest-neighbour
// baseline. The best-knowns are ranked fewest vehicles first, then distance, so the solver runs with
// the same objective ('vehicles_then_distance'); --objective distance gives the distance-only run.
// Every plan is verified by the independent plan checker. Progress on stderr; the last stdout line
// is one JSON object.
//
//   npx tsx bench/solomon.ts                              # all instances in ../shared/data/solomon, 5 s each
//   npx tsx bench/solomon.ts --seconds 2 --instances C101,R101
//   npx tsx bench/solomon.ts path/to/folder --out plans.json   # the folder holds *.txt and bks.csv
//   npx tsx bench/solomon.ts --objective distance --fleet-share 0.5
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planNearestNeighbour } from '../src/modules/dispatch/nearest-neighbour-plan.ts';
import { checkPlan } from '../src/modules/dispatch/plan-checker.ts';
import { solveDispatch, solveObjectives, type SolveObjective } from '../src/modules/dispatch/route-solver.ts';
import { parseSolomonInstance, toDispatchProblem } from '../src/modules/dispatch/solomon-instance.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    instances: { type: 'string' },
    out: { type: 'string' },
    'cooling-iterations': { type: 'string' },
    objective: { type: 'string', default: 'vehicles_then_distance' },
    'fleet-share': { type: 'string' },
  },
});
const log = (message: string) => process.stderr.write(`[bench/solomon] ${message}\n`);
const folder = positionals[0] ?? new URL('../../shared/data/solomon', import.meta.url).pathname;
const seconds = Number(args.seconds);
const objective = parseObjective(args.objective);

function parseObjective(value: string): SolveObjective {
  const known = solveObjectives.find((objective) => objective === value);
  if (!known) throw new Error(`--objective must be one of ${solveObjectives.join(', ')}`);
  return known;
}

interface BestKnown {
  vehicles: number;
  distance: number;
}

function readBestKnown(): Map<string, BestKnown> {
  const [, ...rows] = readFileSync(join(folder, 'bks.csv'), 'utf8').trim().split(/\r?\n/);
  return new Map(
    rows.map((row) => {
      const [instance = '', vehicles = '', distance = ''] = row.split(',');
      return [instance.trim(), { vehicles: Number(vehicles), distance: Number(distance) }];
    }),
  );
}

const gapPercent = (distance: number, best: number) => (100 * (distance - best)) / best;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
// `+ 0` turns -0 into 0: a gap of "-0.00 %" reads like a bug.
const round = (value: number, digits = 2) => Number(value.toFixed(digits)) + 0;
const formatted = (value: number, digits = 2) => round(value, digits).toFixed(digits);

function main(): void {
  const bestKnown = readBestKnown();
  const wanted = args.instances?.split(',').map((name) => name.trim().toUpperCase());
  const names = readdirSync(folder)
    .filter((file) => file.toLowerCase().endsWith('.txt'))
    .map((file) => file.slice(0, -4))
    .filter((name) => !wanted || wanted.includes(name.toUpperCase()))
    .sort();
  if (names.length === 0) throw new Error(`no instances in ${folder}`);
  const rows: { name: string; gap: number; baselineGap: number; feasible: boolean; extraVehicles: number }[] = [];
  log(`objective ${objective}, ${seconds} s per instance, seed ${args.seed}`);
  const plans: Record<string, number[][]> = {};
  for (const name of names) {
    const best = bestKnown.get(name);
    if (!best) throw new Error(`${name}: not in ${join(folder, 'bks.csv')}`);
    const problem = toDispatchProblem(parseSolomonInstance(readFileSync(join(folder, `${name}.txt`), 'utf8')));
    const started = performance.now();
    const { plan, iterations, fleetIterations } = solveDispatch(problem, {
      seed: Number(args.seed),
      objective,
      ...(args['fleet-share'] ? { fleetShare: Number(args['fleet-share']) } : {}),
      timeLimitMs: seconds * 1000,
      ...(args['cooling-iterations'] ? { coolingIterations: Number(args['cooling-iterations']) } : {}),
    });
    const elapsed = (performance.now() - started) / 1000;
    const check = checkPlan(problem, plan);
    // Nearest neighbour often needs more vehicles than the fleet has: give it as many as it wants,
    // so its distance covers every customer and stays comparable.
    const extraVehicles = problem.visits.map((_, index) => ({ ...problem.vehicles[0]!, id: `extra-${index + 1}` }));
    const unlimitedFleet = { ...problem, vehicles: [...problem.vehicles, ...extraVehicles] };
    const baseline = checkPlan(unlimitedFleet, planNearestNeighbour(unlimitedFleet));
    // Distances come from the checker's replay, not from the solver's own bookkeeping.
    const gap = gapPercent(check.totalCost, best.distance);
    const baselineGap = gapPercent(baseline.totalCost, best.distance);
    rows.push({ name, gap, baselineGap, feasible: check.feasible, extraVehicles: check.vehiclesUsed - best.vehicles });
    plans[name] = plan.routes.map((route) => route.visitIds.map(Number));
    const problems = check.feasible ? '' : `  INFEASIBLE: ${check.violations.slice(0, 3).map((violation) => `${violation.kind} ${violation.detail}`).join('; ')}`;
    const baselineNote = baseline.feasible ? (baseline.vehiclesUsed > problem.vehicles.length ? ' over fleet' : '') : ' INFEASIBLE';
    log(
      `${name.padEnd(6)} vehicles ${String(check.vehiclesUsed).padStart(2)} (best ${best.vehicles})  distance ${check.totalCost.toFixed(2).padStart(8)}` +
        `  gap ${formatted(gap).padStart(6)} %  baseline ${baseline.totalCost.toFixed(2).padStart(8)} (${baseline.vehiclesUsed} veh${baselineNote}, gap ${baselineGap.toFixed(1)} %)` +
        `  ${elapsed.toFixed(1)} s, ${iterations} iterations (${fleetIterations} on the fleet)${problems}`,
    );
    process.stdout.write(`${name}\t${check.vehiclesUsed}/${best.vehicles}\t${check.totalCost.toFixed(2)}\t${formatted(gap)}%\t${baseline.totalCost.toFixed(2)}\t${elapsed.toFixed(1)}s\n`);
  }
  for (const type of ['C1', 'R1', 'RC1']) {
    const ofType = rows.filter((row) => row.name.toUpperCase().replace(/\d{2}$/, '') === type);
    if (ofType.length === 0) continue;
    const extra = mean(ofType.map((row) => row.extraVehicles));
    const atBest = ofType.filter((row) => row.extraVehicles === 0);
    const atBestGap = atBest.length > 0 ? `${formatted(mean(atBest.map((row) => row.gap)))} %` : 'n/a';
    log(
      `${type}: mean gap ${formatted(mean(ofType.map((row) => row.gap)))} % over ${ofType.length}, ${extra.toFixed(2)} vehicles over best-known on average;` +
        ` ${atBest.length} at the best-known fleet, mean gap there ${atBestGap}`,
    );
  }
  if (args.out) writeFileSync(args.out, `${JSON.stringify(plans)}\n`);
  const meanGap = mean(rows.map((row) => row.gap));
  // Like for like: distance gaps only where the fleet matches the best-known's. With fewer vehicles
  // than the best-known a plan would be better outright; with more, its distance is not comparable.
  const atBestVehicles = rows.filter((row) => row.extraVehicles === 0);
  const meanBaselineGap = mean(rows.map((row) => row.baselineGap));
  // Shorter than the baseline, as a share of the baseline's length: (1+b - (1+g)) / (1+b).
  const improvement = mean(rows.map((row) => (100 * (row.baselineGap - row.gap)) / (100 + row.baselineGap)));
  const summary = {
    instances: rows.length,
    meanGapPercent: round(meanGap),
    meanGapSameVehiclesPercent: atBestVehicles.length > 0 ? round(mean(atBestVehicles.map((row) => row.gap))) : null,
    instancesAtBestVehicles: atBestVehicles.length,
    instancesBelowBestVehicles: rows.filter((row) => row.extraVehicles < 0).length,
    meanBaselineGapPercent: round(meanBaselineGap),
    improvementOverBaselinePercent: round(improvement),
    allFeasible: rows.every((row) => row.feasible),
    meanExtraVehicles: round(mean(rows.map((row) => row.extraVehicles))),
    secondsPerInstance: seconds,
    objective,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main();
