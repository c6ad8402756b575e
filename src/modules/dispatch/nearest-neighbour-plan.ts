import type { DispatchPlan, DispatchProblem, DispatchRoute, DispatchVisit } from './dispatch-model.ts';

// The yardstick a dispatcher's whiteboard reaches: fill one vehicle at a time, always driving to
// the cheapest-to-reach visit that still fits (capacity, its window, and getting back in the shift),
// and send the vehicle home when none does. Benchmarks print it beside the solver.
export function planNearestNeighbour(problem: DispatchProblem): DispatchPlan {
  const { size, time, cost } = problem.travel;
  const timeBetween = (from: number, to: number) => time[from * size + to] ?? Number.POSITIVE_INFINITY;
  const costBetween = (from: number, to: number) => cost[from * size + to] ?? Number.POSITIVE_INFINITY;
  const waiting = new Set<DispatchVisit>(problem.visits);
  const routes: DispatchRoute[] = [];
  for (const vehicle of problem.vehicles) {
    if (waiting.size === 0) break;
    const skills = new Set(vehicle.skills ?? []);
    const route: DispatchRoute = { vehicleId: vehicle.id, visitIds: [] };
    let place = vehicle.startLocation;
    let clock = vehicle.shift.start;
    let load = 0;
    for (;;) {
      let nearest: { visit: DispatchVisit; done: number } | null = null;
      let nearestCost = Number.POSITIVE_INFINITY;
      for (const visit of waiting) {
        if (load + visit.demand > vehicle.capacity) continue;
        if (!(visit.requiredSkills ?? []).every((skill) => skills.has(skill))) continue;
        const start = Math.max(clock + timeBetween(place, visit.location), visit.window.start);
        if (start > visit.window.end) continue;
        const done = start + visit.serviceTime;
        if (done + timeBetween(visit.location, vehicle.endLocation) > vehicle.shift.end) continue;
        const legCost = costBetween(place, visit.location);
        if (legCost < nearestCost) {
          nearestCost = legCost;
          nearest = { visit, done };
        }
      }
      if (!nearest) break;
      route.visitIds.push(nearest.visit.id);
      waiting.delete(nearest.visit);
      place = nearest.visit.location;
      clock = nearest.done;
      load += nearest.visit.demand;
    }
    if (route.visitIds.length > 0) routes.push(route);
  }
  // The whiteboard has no reasons to give: whatever is left simply did not fit.
  return { routes, unassigned: [...waiting].map((visit) => ({ visitId: visit.id, reason: 'no_room' })) };
}
