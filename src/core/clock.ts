// Services never read the system time directly: tests and simulations pass their own clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// Business rules and display use Polish time (ARCHITECTURE.md, "Conventions for data").
export const businessTimeZone = 'Europe/Warsaw';
const businessDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

// The calendar day (YYYY-MM-DD) an instant falls on in Warsaw: 23:30 UTC on 31 March is 1 April.
export function businessDate(at: Date): string {
  return businessDateFormat.format(at);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: businessTimeZone, timeZoneName: 'longOffset' });

// The calendar day `days` after (or before) a calendar day: dates are days, not instants, so no
// time zone and no daylight saving is involved.
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

// The instant a Warsaw calendar day (YYYY-MM-DD) begins: 2026-07-01 → 2026-06-30T22:00:00Z.
// Daylight-saving changes happen at 02:00–03:00, never at midnight, so the offset read at UTC
// midnight of that date is the one in force at its local midnight.
export function businessDayStart(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetFormat.format(utcMidnight));
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(utcMidnight.getTime() - minutes * 60_000);
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

// What a clock on the wall in timeZone shows at an instant (one formatter per zone, kept).
export function wallClockAt(instant: Date, timeZone: string = businessTimeZone): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const read = (type: keyof WallClock): number => {
    const value = parts[type];
    if (value === undefined || Number.isNaN(value)) throw new Error(`Intl did not return ${type} for ${timeZone}`);
    return value;
  };
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') };
}

// The instant a Warsaw wall clock shows `minutes` after midnight on a calendar day (08:00 = 480),
// also on the two days a year whose length is not 24 hours.
export function businessInstantAt(date: string, minutes: number): Date {
  const candidate = new Date(businessDayStart(date).getTime() + minutes * 60_000);
  const wall = wallClockAt(candidate);
  const shownDate = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  const shownMinutes = wall.hour * 60 + wall.minute + (shownDate > date ? 24 * 60 : 0);
  return new Date(candidate.getTime() - (shownMinutes - minutes) * 60_000);
}
