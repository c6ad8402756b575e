// Travel between places for dispatch: what a technician spends from one door to the next.
// Two sources answer the same question: a straight-line estimate that needs nothing (the default,
// and the fallback) and OSRM road times (osrm-travel-times.ts). Both add the same per-leg overhead
// and rush-hour slowdown, so switching between them (OSRM down, then back) shifts plans little.

import { wallClockAt } from '../../core/clock.ts';
import { invalidInput } from '../../core/errors.ts';
import type { TravelMatrix } from './dispatch-model.ts';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export type TravelTimeSourceName = 'straight_line' | 'osrm';

// Row-major square matrices like TravelMatrix: entry [from * size + to].
export interface TravelMatrixResult {
  size: number;
  minutes: Float64Array;
  kilometres: Float64Array;
  source: TravelTimeSourceName;
}

export interface TravelTimeSource {
  matrix(points: readonly GeoPoint[], departAt?: Date): Promise<TravelMatrixResult>;
}

// We optimise driving time, so cost is the time. A copy, so the solver's two arrays never alias.
export function toTravelMatrix(result: TravelMatrixResult): TravelMatrix {
  return { size: result.size, time: result.minutes, cost: result.minutes.slice() };
}

// ---- Per-leg timing shared by every source ----

export interface LegTimingOptions {
  // Finding a parking spot and walking to the door with tools, paid on every leg between two
  // distinct places; 4 min is a conservative figure for Warsaw residential streets.
  overheadMinutes?: number;
  // Weekday peak traffic in Warsaw; TomTom's traffic index has put its congestion level around
  // +30–40 % over free flow, most of it in the peaks, so 1.3 on driving time.
  rushHourFactor?: number;
}

export const defaultLegTiming = { overheadMinutes: 4, rushHourFactor: 1.3 } as const;

export interface LegTiming {
  slowdown: number;
  overheadMinutes: number;
}

export function legTimingAt(departAt: Date | undefined, options: LegTimingOptions = {}): LegTiming {
  const rushHourFactor = options.rushHourFactor ?? defaultLegTiming.rushHourFactor;
  return {
    slowdown: departAt !== undefined && isWarsawRushHour(departAt) ? rushHourFactor : 1,
    overheadMinutes: options.overheadMinutes ?? defaultLegTiming.overheadMinutes,
  };
}

export function doorToDoorMinutes(drivingMinutes: number, timing: LegTiming): number {
  return drivingMinutes * timing.slowdown + timing.overheadMinutes;
}

export function isSamePlace(a: GeoPoint, b: GeoPoint): boolean {
  return a.lat === b.lat && a.lng === b.lng;
}

// Local wall-clock minutes, end exclusive. Public holidays are not known here and count as weekdays.
const warsawRushHours = [
  { from: 7 * 60, to: 9 * 60 + 30 },
  { from: 15 * 60 + 30, to: 18 * 60 + 30 },
] as const;

export function isWarsawRushHour(at: Date): boolean {
  const wall = wallClockAt(at);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const minuteOfDay = wall.hour * 60 + wall.minute;
  return warsawRushHours.some((peak) => minuteOfDay >= peak.from && minuteOfDay < peak.to);
}

export function assertGeoPoints(points: readonly GeoPoint[]): void {
  points.forEach((point, index) => {
    const valid = Number.isFinite(point.lat) && Number.isFinite(point.lng) && Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180;
    if (!valid) throw invalidInput(`/points/${index}`, 'range', 'A point needs latitude within ±90 and longitude within ±180.');
  });
}

// ---- Straight-line estimate ----

const earthMeanRadiusKm = 6371.0088; // IUGG mean radius

export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const toRadians = Math.PI / 180;
  const halfDLat = ((b.lat - a.lat) * toRadians) / 2;
  const halfDLng = ((b.lng - a.lng) * toRadians) / 2;
  const h = Math.sin(halfDLat) ** 2 + Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(halfDLng) ** 2;
  // min(1, …) guards asin against rounding just above 1 for antipodal points.
  return 2 * earthMeanRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Speed of the road kilometres that fall in each band, like tax brackets: every trip starts and ends
// on slow local streets, and only its middle reaches arterials and expressways. Unlike one speed
// per trip length this keeps time continuous, and with speeds rising band to band concave in
// distance, so estimated legs never break the triangle inequality (a detour through a third
// place is never faster), which the solver's local moves rely on. The last band reaches Infinity.
export interface SpeedBand {
  untilKm: number;
  kmPerHour: number;
}

// First 2 km: residential streets, lights, finding the address. Up to 10 km: city arterials with
// lights (TomTom puts 10 km in central Warsaw at roughly 20–30 min). Beyond: ring roads and
// expressways (S2, S8, S7) where a van averages well below their limits once merging is counted.
export const warsawSpeedBands: readonly SpeedBand[] = [
  { untilKm: 2, kmPerHour: 18 },
  { untilKm: 10, kmPerHour: 28 },
  { untilKm: Infinity, kmPerHour: 45 },
];

export function drivingMinutes(roadKm: number, bands: readonly SpeedBand[] = warsawSpeedBands): number {
  let minutes = 0;
  let bandStartKm = 0;
  for (const band of bands) {
    if (roadKm <= bandStartKm) break;
    minutes += ((Math.min(roadKm, band.untilKm) - bandStartKm) / band.kmPerHour) * 60;
    bandStartKm = band.untilKm;
  }
  return minutes;
}

export interface StraightLineOptions extends LegTimingOptions {
  // Road distance over great-circle distance. Measured circuity of road networks is 1.2–1.4
  // (Ballou, Rahardja & Sakai 2002, country factors; Boeing 2019, urban drive networks), higher
  // for short hops; 1.35 because Warsaw legs are short and the Vistula is crossed on few bridges.
  detourFactor?: number;
  speedBands?: readonly SpeedBand[];
}

export const defaultDetourFactor = 1.35;

export function straightLineTravelTimes(options: StraightLineOptions = {}): TravelTimeSource {
  assertSpeedBands(options.speedBands ?? warsawSpeedBands);
  return { matrix: async (points, departAt) => straightLineMatrix(points, departAt, options) };
}

function straightLineMatrix(points: readonly GeoPoint[], departAt: Date | undefined, options: StraightLineOptions = {}): TravelMatrixResult {
  assertGeoPoints(points);
  const size = points.length;
  const minutes = new Float64Array(size * size);
  const kilometres = new Float64Array(size * size);
  const timing = legTimingAt(departAt, options);
  const detourFactor = options.detourFactor ?? defaultDetourFactor;
  // Computed once per pair and mirrored: the estimate is symmetric by construction.
  for (let from = 0; from < size; from++) {
    for (let to = from + 1; to < size; to++) {
      const a = points[from] as GeoPoint;
      const b = points[to] as GeoPoint;
      if (isSamePlace(a, b)) continue;
      const roadKm = greatCircleKm(a, b) * detourFactor;
      const legMinutes = doorToDoorMinutes(drivingMinutes(roadKm, options.speedBands), timing);
      setPair(minutes, size, from, to, legMinutes);
      setPair(kilometres, size, from, to, roadKm);
    }
  }
  return { size, minutes, kilometres, source: 'straight_line' };
}

function setPair(matrix: Float64Array, size: number, from: number, to: number, value: number): void {
  matrix[from * size + to] = value;
  matrix[to * size + from] = value;
}

function assertSpeedBands(bands: readonly SpeedBand[]): void {
  const rising = bands.every((band, index) => {
    const previous = index === 0 ? { untilKm: 0, kmPerHour: 0 } : (bands[index - 1] as SpeedBand);
    return band.untilKm > previous.untilKm && band.kmPerHour > 0 && band.kmPerHour >= previous.kmPerHour;
  });
  if (!rising || bands.at(-1)?.untilKm !== Infinity) {
    throw new RangeError('Speed bands need increasing bounds, positive speeds that never fall, and a last band reaching Infinity.');
  }
}
