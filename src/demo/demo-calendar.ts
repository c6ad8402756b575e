// The calendar of the demo firm's history: Warsaw wall-clock times turned into instants, working
// days, and the weather that fills an HVAC firm's phone lines (heating failures in cold snaps, air
// conditioning in heat waves). Pure: no clock is read; callers pass dates.
import { addDays } from '../core/clock.ts';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

// Central European Time, summer time from the last Sunday of March to the last Sunday of October,
// both switches at 01:00 UTC (Directive 2000/84/EC).
function warsawOffsetMinutes(at: number): number {
  const [start, end] = summerTimeOf(new Date(at).getUTCFullYear());
  return at >= start && at < end ? 120 : 60;
}

// The generator asks about the same few years hundreds of thousands of times: each is worked out once.
const summerTimes = new Map<number, readonly [number, number]>();

function summerTimeOf(year: number): readonly [number, number] {
  let bounds = summerTimes.get(year);
  if (!bounds) {
    bounds = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
    summerTimes.set(year, bounds);
  }
  return bounds;
}

function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * dayMs;
}

// The instant a Warsaw clock shows `minutes` after midnight of `date` (YYYY-MM-DD).
export function warsawTime(date: string, minutes: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * minuteMs;
  return new Date(wall - warsawOffsetMinutes(wall - hourMs) * minuteMs);
}

// The Warsaw calendar day of an instant, as core/clock.ts's businessDate says, without Intl: the
// demo generator asks hundreds of thousands of times, and Intl formatting took a second of that.
export function warsawDate(at: Date): string {
  return new Date(at.getTime() + warsawOffsetMinutes(at.getTime()) * minuteMs).toISOString().slice(0, 10);
}

// Minutes after Warsaw midnight that an instant shows.
export function warsawMinutes(at: Date): number {
  const wall = at.getTime() + warsawOffsetMinutes(at.getTime()) * minuteMs;
  return Math.floor((((wall % dayMs) + dayMs) % dayMs) / minuteMs);
}

// Fixed-date public holidays (ustawa o dniach wolnych od pracy; 24 December from 2025). Easter
// Monday and Corpus Christi move with Easter and are left out: the demo only needs offices closed
// on the days everybody knows.
const holidays = new Set(['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26']);

export function isWorkingDay(date: string): boolean {
  return dayFacts(date).working;
}

// This day when it is a working day, else the next one.
export function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = dayFacts(day).next;
  return day;
}

// Working days later (or earlier, for a negative count).
export function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let left = Math.abs(days); left > 0; left--) {
    do day = days < 0 ? dayFacts(day).previous : dayFacts(day).next;
    while (!isWorkingDay(day));
  }
  return day;
}

// Working-day arithmetic walks day by day over the same few thousand dates: each is looked at once.
const facts = new Map<string, { working: boolean; next: string; previous: string }>();

function dayFacts(date: string): { working: boolean; next: string; previous: string } {
  let known = facts.get(date);
  if (!known) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const monthDay = date.slice(5);
    const working = weekday !== 0 && weekday !== 6 && !holidays.has(monthDay) && !(monthDay === '12-24' && date >= '2025');
    known = { working, next: addDays(date, 1), previous: addDays(date, -1) };
    facts.set(date, known);
  }
  return known;
}

export type Weather = 'cold_snap' | 'heat_wave' | 'ordinary';

// The same spells every year, January's frost and the July heat: the demo needs the pattern a
// Warsaw service firm sees, not a forecast.
const spells: Array<{ from: string; to: string; weather: Weather }> = [
  { from: '01-08', to: '01-24', weather: 'cold_snap' },
  { from: '02-04', to: '02-12', weather: 'cold_snap' },
  { from: '12-09', to: '12-16', weather: 'cold_snap' },
  { from: '06-21', to: '07-03', weather: 'heat_wave' },
  { from: '07-25', to: '08-09', weather: 'heat_wave' },
];

export function weatherOn(date: string): Weather {
  const monthDay = date.slice(5);
  return spells.find((spell) => monthDay >= spell.from && monthDay <= spell.to)?.weather ?? 'ordinary';
}

// Heating season in Poland: October to April; the rest of the year is the cooling season.
export function isHeatingSeason(date: string): boolean {
  const month = Number(date.slice(5, 7));
  return month >= 10 || month <= 4;
}
