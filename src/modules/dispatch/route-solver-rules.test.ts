import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DispatchPlan, DispatchProblem, DispatchVisit } from './dispatch-model.ts';
import { checkPlan } from './plan-checker.ts';
import { solveDispatch } from './route-solver.ts';

// The dispatcher's rules on random technician days: each technician has a home base, a shift and
// skills; visits have windows, skills, priorities, sometimes a lock to one technician and sometimes
// a preferred one. Every returned plan is replayed by the independent checker, and what was left
// out is checked to be left out for the reason given and for want of room.

const skillNames = ['gas', 'refrigeration', 'electrical'] as const;
const skillsArbitrary = fc.subarray([...skillNames]);

const technicianArbitrary = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  shiftStart: fc.integer({ min: 0, max: 120 }),
  shiftLength: fc.integer({ min: 120, max: 480 }),
  skills: skillsArbitrary,
});

const visitArbitrary = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  ready: fc.integer({ min: 0, max: 400 }),
  width: fc.integer({ min: 0, max: 300 }),
  service: fc.integer({ min: 10, max: 90 }),
  demand: fc.integer({ min: 0, max: 3 }),
  skills: fc.subarray([...skillNames], { maxLength: 2 }),
  priority: fc.integer({ min: 0, max: 3 }),
  lockedTo: fc.option(fc.nat(), { freq: 6 }), // technician index modulo the fleet, about 1 in 7
  preferred: fc.option(fc.nat(), { freq: 4 }),
});

const dayArbitrary = fc.record({
  technicians: fc.array(technicianArbitrary, { minLength: 1, maxLength: 4 }),
  visits: fc.array(visitArbitrary, { minLength: 1, maxLength: 16 }),
  capacity: fc.integer({ min: 4, max: 20 }),
});
type Day = typeof dayArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toProblem(day: Day): DispatchProblem {
  const points = [...day.technicians, ...day.visits];
  const size = points.length;
  const distance = new Float64Array(size * size);
  points.forEach((from, i) => points.forEach((to, j) => (distance[i * size + j] = Math.hypot(from.x - to.x, from.y - to.y))));
  const technicianId = (index: number) => `tech-${index % day.technicians.length}`;
  return {
    vehicles: day.technicians.map((technician, index) => ({
      id: technicianId(index),
      startLocation: index,
      endLocation: index,
      shift: { start: technician.shiftStart, end: technician.shiftStart + technician.shiftLength },
      capacity: day.capacity,
      skills: technician.skills,
    })),
    visits: day.visits.map((visit, index): DispatchVisit => ({
      id: `job-${index}`,
      location: day.technicians.length + index,
      serviceTime: visit.service,
      demand: visit.demand,
      window: { start: visit.ready, end: visit.ready + visit.width },
      requiredSkills: visit.skills,
      priority: visit.priority,
      ...(visit.lockedTo === null ? {} : { lockedVehicleId: technicianId(visit.lockedTo) }),
      ...(visit.preferred === null ? {} : { preferredVehicleId: technicianId(visit.preferred) }),
    })),
    travel: { size, time: distance, cost: distance },
    preferenceCost: 15,
  };
}

// Locks outrank every priority.
const rankOf = (visit: DispatchVisit) => (visit.lockedVehicleId !== undefined ? Number.POSITIVE_INFINITY : (visit.priority ?? 0));

const isFeasible = (problem: DispatchProblem, plan: DispatchPlan) => checkPlan(problem, plan, { allowUnassigned: true }).feasible;

// The plan with `visitId` taken off the unassigned list and put into `vehicleId`'s route at `position`,
// optionally with another visit of that route (`giveWay`) moved to the unassigned list instead.
function withVisitAt(plan: DispatchPlan, visitId: string, vehicleId: string, position: number, giveWay?: string): DispatchPlan {
  const current = plan.routes.find((route) => route.vehicleId === vehicleId)?.visitIds ?? [];
  const visitIds = current.filter((id) => id !== giveWay);
  visitIds.splice(position, 0, visitId);
  const routes = [...plan.routes.filter((route) => route.vehicleId !== vehicleId), { vehicleId, visitIds }];
  const unassigned = plan.unassigned.filter((entry) => entry.visitId !== visitId);
  if (giveWay !== undefined) unassigned.push({ visitId: giveWay, reason: 'no_room' });
  return { routes, unassigned };
}

// Could the vehicle make this visit alone, on an otherwise empty day?
function couldServeAlone(problem: DispatchProblem, visit: DispatchVisit, vehicleId: string): boolean {
  const alone: DispatchProblem = { ...problem, visits: [visit] };
  return isFeasible(alone, { routes: [{ vehicleId, visitIds: [visit.id] }], unassigned: [] });
}

describe('solveDispatch on technicians with skills, shifts, locks and priorities', () => {
  it('honours skills, shifts, windows and locks, and leaves out only what has no room, for the reason it gives', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 0, max: 1_000 }), (day, seed) => {
        const problem = toProblem(day);
        const { plan, cost } = solveDispatch(problem, { seed, maxIterations: 200 });
        const check = checkPlan(problem, plan, { allowUnassigned: true });
        expect(check.violations).toEqual([]);
        expect(check.totalCost).toBeCloseTo(cost, 6);

        const visitsById = new Map(problem.visits.map((visit) => [visit.id, visit]));
        for (const { visitId, reason } of plan.unassigned) {
          const visit = visitsById.get(visitId)!;
          const allowed = problem.vehicles.filter((vehicle) => visit.lockedVehicleId === undefined || vehicle.id === visit.lockedVehicleId);
          const servable = allowed.filter((vehicle) => couldServeAlone(problem, visit, vehicle.id));
          if (reason === 'no_room') expect(servable.length).toBeGreaterThan(0);
          else expect(servable).toEqual([]);
          if (reason === 'missing_skill') {
            expect(problem.vehicles.some((vehicle) => (visit.requiredSkills ?? []).every((skill) => vehicle.skills?.includes(skill)))).toBe(false);
          }
          if (reason === 'locked_vehicle_cannot') expect(visit.lockedVehicleId).toBeDefined();

          for (const vehicle of problem.vehicles) {
            const route = plan.routes.find((candidate) => candidate.vehicleId === vehicle.id)?.visitIds ?? [];
            // Nowhere to put it as the plan stands…
            for (let position = 0; position <= route.length; position++) {
              expect(isFeasible(problem, withVisitAt(plan, visitId, vehicle.id, position))).toBe(false);
            }
            // …nor by taking out a single visit of lower rank from a route to make room.
            for (const other of route) {
              if (rankOf(visitsById.get(other)!) >= rankOf(visit)) continue;
              for (let position = 0; position < route.length; position++) {
                expect(isFeasible(problem, withVisitAt(plan, visitId, vehicle.id, position, other))).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 0, max: 1_000 }), (day, seed) => {
        const problem = toProblem(day);
        expect(solveDispatch(problem, { seed, maxIterations: 100 })).toEqual(solveDispatch(problem, { seed, maxIterations: 100 }));
      }),
      { numRuns: 30 },
    );
  });
});

describe('solveDispatch rules on hand-made days', () => {
  // Two technicians, both at home in (0, 0) and (100, 0); jobs along the x axis.
  function twoTechnicians(jobs: Array<Partial<DispatchVisit> & { x: number }>, shiftEnd = 600): DispatchProblem {
    const xs = [0, 100, ...jobs.map((job) => job.x)];
    const size = xs.length;
    const distance = new Float64Array(size * size);
    xs.forEach((from, i) => xs.forEach((to, j) => (distance[i * size + j] = Math.abs(from - to))));
    return {
      vehicles: [
        { id: 'west', startLocation: 0, endLocation: 0, shift: { start: 0, end: shiftEnd }, capacity: 100 },
        { id: 'east', startLocation: 1, endLocation: 1, shift: { start: 0, end: shiftEnd }, capacity: 100 },
      ],
      visits: jobs.map(({ x, ...job }, index) => ({
        id: `job-${index}`,
        location: 2 + index,
        serviceTime: 60,
        demand: 0,
        window: { start: 0, end: shiftEnd },
        ...job,
      })),
      travel: { size, time: distance, cost: distance },
      preferenceCost: 15,
    };
  }
  const routeOf = (plan: DispatchPlan, visitId: string) => plan.routes.find((route) => route.visitIds.includes(visitId))?.vehicleId;

  it('keeps a locked visit on its technician although another is nearer', () => {
    const problem = twoTechnicians([{ x: 95, lockedVehicleId: 'west' }]);
    expect(routeOf(solveDispatch(problem, { seed: 1, maxIterations: 100 }).plan, 'job-0')).toBe('west');
  });

  it('follows a preference worth more than the detour, and not one worth less', () => {
    const nearWest = twoTechnicians([{ x: 48, preferredVehicleId: 'east' }]);
    expect(routeOf(solveDispatch(nearWest, { seed: 1, maxIterations: 100 }).plan, 'job-0')).toBe('east'); // 104 out and back instead of 96: 8 more < 15
    const farWest = twoTechnicians([{ x: 20, preferredVehicleId: 'east' }]);
    expect(routeOf(solveDispatch(farWest, { seed: 1, maxIterations: 100 }).plan, 'job-0')).toBe('west'); // 160 instead of 40: 120 more > 15
  });

  it('fills a short day with the emergency rather than two normal jobs that would fit instead', () => {
    // A 130-minute shift: west can do the two hour-long jobs next door (124 minutes) or the
    // emergency 20 km out (100 minutes), not both; east is too far from the emergency (220). The
    // emergency must be in, although two normal jobs then stay out.
    const problem = twoTechnicians(
      [
        { x: 1, priority: 1 },
        { x: 2, priority: 1 },
        { x: 99, priority: 1 },
        { x: 20, priority: 3 },
      ],
      130,
    );
    const { plan } = solveDispatch(problem, { seed: 4, maxIterations: 300 });
    expect(routeOf(plan, 'job-3')).toBeDefined();
    expect(plan.unassigned.map((entry) => entry.reason)).toEqual(['no_room', 'no_room']);
  });

  it('reports a visit locked to a technician who lacks its skill', () => {
    const problem = twoTechnicians([{ x: 10, lockedVehicleId: 'west', requiredSkills: ['gas'] }]);
    const withSkills: DispatchProblem = { ...problem, vehicles: [problem.vehicles[0]!, { ...problem.vehicles[1]!, skills: ['gas'] }] };
    expect(solveDispatch(withSkills, { seed: 1, maxIterations: 50 }).plan.unassigned).toEqual([{ visitId: 'job-0', reason: 'locked_vehicle_cannot' }]);
  });

  it('refuses a lock naming a technician not in the problem', () => {
    const problem = twoTechnicians([{ x: 10, lockedVehicleId: 'north' }]);
    expect(() => solveDispatch(problem, { seed: 1, maxIterations: 10 })).toThrow('vehicle north');
  });
});
