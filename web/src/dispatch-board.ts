import type { DayBoard, HomeBase, JobCard, Lane, LatLng, PlannedVisit } from './dispatch-api.ts';
import { businessTimeZone, type MessageKey } from './i18n.ts';

// The dispatch board's rules without React: the day's time axis and where blocks sit on it,
// which position in a lane a drop at some x means, the routes drawn on the map, and the server's
// reason codes in words. Times are milliseconds since the epoch; boxes are percentages of the axis.

const minute = 60_000;
const hour = 60 * minute;

// "2026-11-23" for the instant, on the Warsaw calendar.
export function warsawDateOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

// Minutes Warsaw is ahead of UTC at the instant (60 in winter, 120 in summer).
function warsawOffsetMinutes(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: businessTimeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  const wall = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
  return Math.round((wall - Math.floor(ms / minute) * minute) / minute);
}

// The instant a Warsaw wall clock shows `hours` o'clock on the date.
export function warsawInstant(date: string, hours: number): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`) + hours * hour;
  const guess = asUtc - warsawOffsetMinutes(asUtc) * minute;
  // Once more from the guess: right on the days the clocks change.
  return asUtc - warsawOffsetMinutes(guess) * minute;
}

export interface TimeAxis {
  start: number;
  end: number;
}

export const defaultDayHours = { from: 6, to: 20 } as const;

// 06:00–20:00 Warsaw, widened to whole hours that cover every shift and every visit with its drive.
export function dayAxis(board: Pick<DayBoard, 'date' | 'lanes'>): TimeAxis {
  let start = warsawInstant(board.date, defaultDayHours.from);
  let end = warsawInstant(board.date, defaultDayHours.to);
  for (const lane of board.lanes) {
    const spans: Array<[number, number]> = lane.visits.map((visit) => [Date.parse(visit.plannedStart) - visit.travelMinutes * minute, Date.parse(visit.plannedEnd)]);
    if (lane.shift) spans.push([Date.parse(lane.shift.start), Date.parse(lane.shift.end)]);
    for (const [from, to] of spans) {
      if (Number.isFinite(from)) start = Math.min(start, from);
      if (Number.isFinite(to)) end = Math.max(end, to);
    }
  }
  return { start: Math.floor(start / hour) * hour, end: Math.ceil(end / hour) * hour };
}

export interface Box {
  // Percentages of the axis width.
  left: number;
  width: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function fractionOf(axis: TimeAxis, ms: number): number {
  return clamp((ms - axis.start) / (axis.end - axis.start), 0, 1);
}

export function spanBox(axis: TimeAxis, from: number, to: number): Box {
  const left = fractionOf(axis, from) * 100;
  return { left, width: Math.max(0, fractionOf(axis, to) * 100 - left) };
}

// The visit's block (start to end) and the drive before it, ending where the block starts.
export function visitBoxes(axis: TimeAxis, visit: Pick<PlannedVisit, 'plannedStart' | 'plannedEnd' | 'travelMinutes'>): { block: Box; travel: Box | null } {
  const start = Date.parse(visit.plannedStart);
  const block = spanBox(axis, start, Date.parse(visit.plannedEnd));
  const travel = visit.travelMinutes > 0 ? spanBox(axis, start - visit.travelMinutes * minute, start) : null;
  return { block, travel };
}

// The full hours on the axis, for the scale above the lanes.
export function hourTicks(axis: TimeAxis): Array<{ at: number; left: number }> {
  const ticks: Array<{ at: number; left: number }> = [];
  for (let at = Math.ceil(axis.start / hour) * hour; at <= axis.end; at += hour) ticks.push({ at, left: fractionOf(axis, at) * 100 });
  return ticks;
}

// The time under a pointer `x` pixels from the left of a track `width` pixels wide.
export function timeAtX(axis: TimeAxis, x: number, width: number): number {
  return axis.start + clamp(width > 0 ? x / width : 0, 0, 1) * (axis.end - axis.start);
}

const movableStatuses = new Set(['new', 'scheduled', 'dispatched']);

// Where a job dropped at `at` goes in the lane: after every other visit whose middle lies before
// the pointer, and never before the visits already under way (the server refuses that). The
// dragged job itself does not count: the server places it among the others.
export function dropPosition(visits: readonly PlannedVisit[], at: number, draggedJobId: string): number {
  const others = [...visits].filter((visit) => visit.jobId !== draggedJobId).sort((a, b) => a.sequence - b.sequence);
  const before = others.filter((visit) => (Date.parse(visit.plannedStart) + Date.parse(visit.plannedEnd)) / 2 < at).length;
  const fixed = others.filter((visit) => !movableStatuses.has(visit.job.status)).length;
  return Math.max(before, fixed);
}

// The visits of a lane in driving order.
export function visitsInOrder(lane: Pick<Lane, 'visits'>): PlannedVisit[] {
  return [...lane.visits].sort((a, b) => a.sequence - b.sequence);
}

// A technician's day on the map: from home, through each visit with a known place, back home;
// nothing for a day without such visits.
export function routePoints(lane: Pick<Lane, 'homeBase' | 'visits'>): LatLng[] {
  const stops = visitsInOrder(lane)
    .map((visit) => visit.job.location)
    .filter((location): location is LatLng => location !== null);
  const home: HomeBase | null = lane.homeBase;
  if (stops.length === 0) return [];
  return home ? [home, ...stops, home] : stops;
}

// Distinct hues by the golden angle, so technicians next to each other get clearly different colours.
export function technicianColor(index: number): string {
  return `hsl(${Math.round((index * 137.508 + 20) % 360)} 70% 40%)`;
}

// Every job the board knows, by id: for naming the jobs a proposal mentions.
export function jobsById(board: Pick<DayBoard, 'lanes' | 'unassigned'>): Map<string, JobCard> {
  const jobs = new Map<string, JobCard>();
  for (const job of board.unassigned) jobs.set(job.id, job);
  for (const lane of board.lanes) for (const visit of lane.visits) jobs.set(visit.jobId, visit.job);
  return jobs;
}

// The server's rule and reason codes (a refused drop, a job the optimiser left out, a refused
// emergency) in words; an unknown code falls back to the server's own message.
const reasonKeys: Record<string, MessageKey> = {
  missing_skill: 'dispatch.reason.missing_skill',
  late_at_visit: 'dispatch.reason.late_at_visit',
  late_back_at_end: 'dispatch.reason.late_back_at_end',
  over_capacity: 'dispatch.reason.over_capacity',
  locked_elsewhere: 'dispatch.reason.locked_elsewhere',
  locked_vehicle_cannot: 'dispatch.reason.locked_vehicle_cannot',
  unreachable_in_shift: 'dispatch.reason.unreachable_in_shift',
  no_room: 'dispatch.reason.no_room',
  no_location: 'dispatch.reason.no_location',
  no_technician: 'dispatch.reason.no_technician',
  not_working: 'dispatch.reason.not_working',
  no_home_base: 'dispatch.reason.no_home_base',
  range: 'dispatch.reason.range',
  no_qualified_technician: 'dispatch.reason.no_qualified_technician',
  outside_window: 'dispatch.reason.outside_window',
  would_break_windows: 'dispatch.reason.would_break_windows',
  past_shift_end: 'dispatch.reason.past_shift_end',
};

export function dispatchReasonText(code: string, t: (key: MessageKey) => string, fallback?: string): string {
  const key = reasonKeys[code];
  if (key) return t(key);
  return fallback ?? code;
}

const skillKeys: Record<string, MessageKey> = {
  gas: 'skill.gas',
  refrigeration: 'skill.refrigeration',
  electrical: 'skill.electrical',
  heat_pumps: 'skill.heat_pumps',
  ventilation: 'skill.ventilation',
};

// A skill in words; one the server adds later is shown as it comes.
export function skillText(skill: string, t: (key: MessageKey) => string): string {
  const key = skillKeys[skill];
  return key ? t(key) : skill;
}

export interface DropRefusal {
  rule: string;
  text: string;
  // The server's own words, kept for the record.
  detail: string;
}

// One line per broken rule from a refused move's field errors; without any, the reason in the
// problem's details or its message.
export function refusalsOf(problem: { fieldErrors: ReadonlyArray<{ rule: string; message: string }>; code?: string | undefined; detail?: string | undefined; reason?: string | undefined }, t: (key: MessageKey) => string): DropRefusal[] {
  if (problem.fieldErrors.length > 0) {
    return problem.fieldErrors.map((fieldError) => ({ rule: fieldError.rule, text: dispatchReasonText(fieldError.rule, t, fieldError.message), detail: fieldError.message }));
  }
  const rule = problem.reason ?? problem.code ?? 'unknown';
  return [{ rule, text: dispatchReasonText(rule, t, problem.detail ?? rule), detail: problem.detail ?? '' }];
}

export type ExpiryState = 'expired' | 'soon' | 'ok';

// A certificate is flagged from 30 days before it expires.
export function expiryState(expiresOn: string, today: string): ExpiryState {
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, 30) ? 'soon' : 'ok';
}
