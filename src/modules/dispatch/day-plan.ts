import type { DispatchPlan, DispatchProblem, DispatchVisit, TravelMatrix, UnassignedReason } from './dispatch-model.ts';
import type { GeoPoint } from './travel-times.ts';

// One technician day as the route solver sees it, built from the company's records: pure, so the
// planning service only gathers facts and stores results. Times are minutes elapsed since the
// Warsaw midnight that starts the day (not wall-clock minutes: they differ on DST days).

export interface PlanningTechnician {
  id: string;
  skills: readonly string[];
  home: GeoPoint;
  shift: { start: number; end: number };
  // Visits already under way or done stay as they are: the technician goes on from the last one's
  // place when it is expected to end (never before `now`).
  continueFrom?: { place: GeoPoint; at: number };
}

export const jobPriorityRank = { low: 0, normal: 1, high: 2, emergency: 3 } as const;
export type JobPriorityName = keyof typeof jobPriorityRank;

export interface PlanningJob {
  id: string;
  place: GeoPoint;
  serviceMinutes: number;
  window: { start: number; end: number }; // service must start inside it
  skills: readonly string[];
  priority: JobPriorityName;
  lockedTo?: { technicianId: string; start: number }; // a dispatcher's pin: this technician, this time
  preferredTechnicianId?: string;
}

export interface DayProblem {
  problem: DispatchProblem;
  points: GeoPoint[]; // by location index, for the travel source
}

// Where each location index comes from: technicians' starts, then their homes, then the jobs.
export function dayPoints(technicians: readonly PlanningTechnician[], jobs: readonly PlanningJob[]): GeoPoint[] {
  return [...technicians.map((technician) => technician.continueFrom?.place ?? technician.home), ...technicians.map((technician) => technician.home), ...jobs.map((job) => job.place)];
}

// Driving time decides the plan; a preferred technician is worth a quarter of an hour of it.
const preferenceMinutes = 15;

export function buildDayProblem(technicians: readonly PlanningTechnician[], jobs: readonly PlanningJob[], travel: TravelMatrix): DispatchProblem {
  const count = technicians.length;
  return {
    vehicles: technicians.map((technician, index) => ({
      id: technician.id,
      startLocation: index,
      endLocation: count + index,
      shift: { start: Math.max(technician.shift.start, technician.continueFrom?.at ?? technician.shift.start), end: technician.shift.end },
      capacity: 1,
      skills: technician.skills,
    })),
    visits: jobs.map((job, index): DispatchVisit => ({
      id: job.id,
      location: 2 * count + index,
      serviceTime: job.serviceMinutes,
      demand: 0,
      window: job.lockedTo ? { start: job.lockedTo.start, end: job.lockedTo.start } : job.window,
      requiredSkills: job.skills,
      priority: jobPriorityRank[job.priority],
      ...(job.lockedTo && { lockedVehicleId: job.lockedTo.technicianId }),
      ...(job.preferredTechnicianId && { preferredVehicleId: job.preferredTechnicianId }),
    })),
    travel,
    preferenceCost: preferenceMinutes,
  };
}

export interface TimedVisit {
  jobId: string;
  start: number; // service start
  end: number;
  travelMinutes: number; // driving to it from the previous stop
}

export interface TimedRoute {
  technicianId: string;
  visits: TimedVisit[];
  backHomeAt: number;
  travelMinutes: number; // the whole day's driving, home included
}

// The routes with their times, replayed as the checker does: leave at shift start, drive, wait
// for the window, serve.
export function timeRoutes(problem: DispatchProblem, plan: DispatchPlan): TimedRoute[] {
  const visits = new Map(problem.visits.map((visit) => [visit.id, visit]));
  const vehicles = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]));
  const { size, time } = problem.travel;
  return plan.routes.map((route) => {
    const vehicle = vehicles.get(route.vehicleId);
    if (!vehicle) throw new Error(`route of unknown technician ${route.vehicleId}`);
    let place = vehicle.startLocation;
    let clock = vehicle.shift.start;
    let total = 0;
    const timed = route.visitIds.map((jobId) => {
      const visit = visits.get(jobId);
      if (!visit) throw new Error(`route visits unknown job ${jobId}`);
      const drive = time[place * size + visit.location] ?? 0;
      const start = Math.max(clock + drive, visit.window.start);
      total += drive;
      clock = start + visit.serviceTime;
      place = visit.location;
      return { jobId, start, end: clock, travelMinutes: drive };
    });
    const home = time[place * size + vehicle.endLocation] ?? 0;
    return { technicianId: vehicle.id, visits: timed, backHomeAt: clock + home, travelMinutes: total + home };
  });
}

export type PlanningUnassignedReason = UnassignedReason | 'no_location' | 'no_technician';
