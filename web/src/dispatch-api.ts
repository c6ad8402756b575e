import { ApiError, requestJson } from './api.ts';
import type { JobPriority } from './hvac-api.ts';

// Typed client for dispatch: a day's board (lanes of timed visits, unassigned jobs), proposals
// from the optimiser, moving and removing visits, emergency insertion, technicians' last known
// positions, and the technicians themselves. Shapes follow the server's response schemas
// (src/modules/dispatch/*.schemas.ts); dates "YYYY-MM-DD", instants ISO strings.

export interface LatLng {
  lat: number;
  lng: number;
}

export interface HomeBase extends LatLng {
  label: string;
}

export interface JobCard {
  id: string;
  type: string;
  priority: JobPriority;
  status: string;
  description: string;
  customerName: string;
  siteLabel: string;
  location: LatLng | null;
  windowStart: string | null;
  windowEnd: string | null;
  serviceMinutes: number;
  requiredSkills: string[];
}

export interface PlannedVisit {
  jobId: string;
  technicianId: string;
  sequence: number;
  plannedStart: string;
  plannedEnd: string;
  // Driving from the previous stop.
  travelMinutes: number;
  eta: string | null;
  locked: boolean;
  job: JobCard;
}

export interface Lane {
  technicianId: string;
  name: string;
  skills: string[];
  vehicle: string | null;
  homeBase: HomeBase | null;
  // null: not working that day.
  shift: { start: string; end: string } | null;
  off: { reason: 'day_off' | 'absent'; absenceKind: string | null } | null;
  visits: PlannedVisit[];
}

export interface ProposalVisit {
  jobId: string;
  start: string;
  end: string;
  travelMinutes: number;
}

export interface Proposal {
  id: string;
  date: string;
  status: 'proposed' | 'accepted' | 'superseded';
  createdAt: string;
  routes: Array<{ technicianId: string; travelMinutes: number; visits: ProposalVisit[] }>;
  unassigned: Array<{ jobId: string; reason: string }>;
  travelMinutes: number;
  travelSource: 'straight_line' | 'osrm';
  solver: { iterations: number; milliseconds: number; seed: number };
}

export interface DayBoard {
  date: string;
  // Midnight of the day in Warsaw, as an instant.
  dayStart: string;
  lanes: Lane[];
  unassigned: JobCard[];
  latestProposal: Proposal | null;
}

export interface EmergencyResult {
  technicianId: string;
  eta: string;
  plannedStart: string;
  addedTravelMinutes: number;
  board: DayBoard;
}

export interface LastKnownPosition extends LatLng {
  technicianId: string;
  recordedAt: string;
}

export const technicianSkills = ['gas', 'refrigeration', 'electrical', 'heat_pumps', 'ventilation'] as const;
export type TechnicianSkill = (typeof technicianSkills)[number];

export interface Technician {
  id: string;
  userId: string;
  name: string;
  email: string;
  skills: TechnicianSkill[];
  fgasCertificate: { category: 'I' | 'II' | 'III' | 'IV'; number: string; expiresOn: string } | null;
  sepLicence: { number: string; expiresOn: string | null } | null;
  homeBase: HomeBase | null;
  // Seven days, Monday first; null is a day off. "HH:MM", Warsaw time.
  workingHours: Array<{ start: string; end: string } | null>;
  vehicle: string | null;
  active: boolean;
  createdAt: string;
  version: number;
}

export interface MoveVisitInput {
  technicianId: string;
  date: string;
  position: number;
  locked?: boolean;
}

const enc = encodeURIComponent;

export const dispatchApi = {
  board: (date: string, signal?: AbortSignal): Promise<DayBoard> => requestJson('GET', `/api/dispatch/days/${enc(date)}`, undefined, { signal }),
  // Blocks for `seconds` while the optimiser runs on the server.
  propose: (date: string, seconds: number): Promise<Proposal> => requestJson('POST', `/api/dispatch/days/${enc(date)}/proposals`, { seconds }),
  accept: (proposalId: string): Promise<DayBoard> => requestJson('POST', `/api/dispatch/proposals/${enc(proposalId)}/accept`, {}),
  moveVisit: (jobId: string, input: MoveVisitInput): Promise<DayBoard> => requestJson('PUT', `/api/dispatch/visits/${enc(jobId)}`, input),
  removeVisit: (jobId: string): Promise<DayBoard> => requestJson('DELETE', `/api/dispatch/visits/${enc(jobId)}`),
  insertEmergency: (jobId: string): Promise<EmergencyResult> => requestJson('POST', '/api/dispatch/emergencies', { jobId }),
  listTechnicians: (): Promise<{ items: Technician[] }> => requestJson('GET', '/api/technicians'),
  // No positions (rather than an error) where the server has none to give: an older server
  // without the endpoint (404), or a role that may not see them (403).
  positions: async (): Promise<LastKnownPosition[]> => {
    try {
      return (await requestJson<{ items: LastKnownPosition[] }>('GET', '/api/dispatch/positions')).items;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return [];
      throw error;
    }
  },
};
