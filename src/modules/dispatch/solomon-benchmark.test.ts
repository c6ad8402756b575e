import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './plan-checker.ts';
import { solveDispatch, type SolveObjective } from './route-solver.ts';
import { parseSolomonInstance, toDispatchProblem } from './solomon-instance.ts';

// Two real instances with a short budget: a regression guard on quality, not the benchmark
// (that is bench/solomon.ts). The data lives outside the repository and may be absent.
const solomonFolder = new URL('../../../../shared/data/solomon', import.meta.url).pathname;
const missing = !existsSync(join(solomonFolder, 'C101.txt'));
const title = missing ? `Solomon instances (skipped: no ${solomonFolder})` : 'Solomon instances';

function solveInstance(name: string, objective: SolveObjective = 'distance') {
  const problem = toDispatchProblem(parseSolomonInstance(readFileSync(join(solomonFolder, `${name}.txt`), 'utf8')));
  const { plan } = solveDispatch(problem, { seed: 1, maxIterations: 20_000, objective });
  return checkPlan(problem, plan);
}

describe.skipIf(missing)(title, () => {
  it('solves C101 feasibly to its best-known 828.94', () => {
    const sut = solveInstance('C101');
    expect(sut.violations).toEqual([]);
    expect(sut.totalCost).toBeLessThan(828.94 * 1.005);
    expect(sut.vehiclesUsed).toBe(10);
  });

  it('solves R101 feasibly within 3 % of its best-known distance 1650.80', () => {
    const sut = solveInstance('R101');
    expect(sut.violations).toEqual([]);
    expect(sut.totalCost).toBeLessThan(1650.8 * 1.03);
  });

  it('reaches the best-known fleet of 14 on RC101 with fewest vehicles first, where distance alone takes more', () => {
    const distanceOnly = solveInstance('RC101');
    const sut = solveInstance('RC101', 'vehicles_then_distance');
    expect(sut.violations).toEqual([]);
    expect(sut.vehiclesUsed).toBe(14);
    expect(distanceOnly.vehiclesUsed).toBeGreaterThan(14);
  });
});
