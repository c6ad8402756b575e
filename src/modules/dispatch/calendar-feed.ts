import ical, { ICalEventStatus, escape, type ICalLuxonDateTimeStub } from 'ical-generator';
import { assertUnreachable } from '../../core/errors.ts';
import { wallClockAt } from '../../core/clock.ts';

// Pure ICS builder for a technician's calendar subscription (Google Calendar, Outlook, Thunderbird).
// The route serving it behind a secret, revocable URL lives elsewhere.

export const CALENDAR_TIME_ZONE = 'Europe/Warsaw';
export const CALENDAR_UID_DOMAIN = 'pasja.app';
// Subscribed calendars poll; 15 minutes is the shortest interval clients honour.
export const CALENDAR_REFRESH_SECONDS = 15 * 60;

export type CalendarVisitStatus = 'scheduled' | 'confirmed' | 'in_progress' | 'completed' | 'cancelled';

export interface CalendarVisit {
  id: string;
  start: Date;
  end: Date;
  title: string;
  address: string;
  customerName: string;
  eta?: Date;
  jobUrl?: string;
  status: CalendarVisitStatus;
}

export interface TechnicianCalendarInput {
  technician: { id: string; name: string };
  visits: readonly CalendarVisit[];
  generatedAt: Date;
  productId?: string;
}

export function buildTechnicianCalendar(input: TechnicianCalendarInput): string {
  const { technician, visits, generatedAt } = input;
  // ical-generator writes NAME/X-WR-CALNAME unescaped, so TEXT escaping is ours to do.
  const calendar = ical({
    name: escape(`Pasja – ${technician.name}`, false),
    prodId: input.productId ?? '//Pasja//Technician calendar//PL',
    timezone: { name: CALENDAR_TIME_ZONE, generator: generateVtimezone },
    ttl: CALENDAR_REFRESH_SECONDS,
  });

  for (const visit of visits) {
    calendar.createEvent({
      id: visitUid(visit.id),
      start: toWallClock(visit.start),
      end: toWallClock(visit.end),
      timezone: CALENDAR_TIME_ZONE,
      stamp: generatedAt,
      summary: `${visit.title} – ${visit.customerName}`,
      location: visit.address,
      description: describeVisit(visit),
      status: eventStatus(visit.status),
      ...(visit.jobUrl === undefined ? {} : { url: visit.jobUrl }),
    });
  }
  return calendar.toString();
}

export function visitUid(visitId: string): string {
  return `visit-${visitId}@${CALENDAR_UID_DOMAIN}`;
}

function describeVisit(visit: CalendarVisit): string {
  const lines = [`Klient: ${visit.customerName}`, `Adres: ${visit.address}`];
  if (visit.eta !== undefined) lines.push(`ETA: ${formatWarsawTime(visit.eta)}`);
  if (visit.jobUrl !== undefined) lines.push(`Zlecenie: ${visit.jobUrl}`);
  return lines.join('\n');
}

function eventStatus(status: CalendarVisitStatus): ICalEventStatus {
  switch (status) {
    case 'cancelled':
      return ICalEventStatus.CANCELLED;
    case 'scheduled':
    case 'confirmed':
    case 'in_progress':
    case 'completed':
      return ICalEventStatus.CONFIRMED;
    default:
      return assertUnreachable(status);
  }
}

// Europe/Warsaw follows the EU rule since 1996: last Sunday of March 02:00 → CEST,
// last Sunday of October 03:00 → CET. Shipping our own block avoids an extra tz-data package.
const WARSAW_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'X-LIC-LOCATION:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

function generateVtimezone(timeZone: string): string | null {
  return timeZone === CALENDAR_TIME_ZONE ? WARSAW_VTIMEZONE : null;
}

// ical-generator renders a plain Date in a TZID using the *process* time zone's getters,
// so a server running in UTC would write 07:00 for an 08:00 Warsaw visit. Its Luxon-shaped
// stub is converted with setZone(), which we answer from Intl without pulling in Luxon.
function toWallClock(instant: Date, timeZone: string = 'UTC'): ICalLuxonDateTimeStub {
  return {
    isValid: !Number.isNaN(instant.getTime()),
    zone: { type: 'iana' },
    setZone: (zone?: string) => toWallClock(instant, zone ?? 'UTC'),
    toJSDate: () => new Date(instant.getTime()),
    toJSON: () => instant.toISOString(),
    toFormat: (format: string) => {
      const p = wallClockParts(instant, timeZone);
      if (format === 'yyyyLLdd') return `${p.year}${p.month}${p.day}`;
      if (format === 'HHmmss') return `${p.hour}${p.minute}${p.second}`;
      throw new Error(`Unsupported calendar date format: ${format}`);
    },
  };
}

interface WallClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

// The wall clock as the fixed-width text fields ICS dates are written with.
function wallClockParts(instant: Date, timeZone: string): WallClockParts {
  const wall = wallClockAt(instant, timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  return { year: String(wall.year).padStart(4, '0'), month: two(wall.month), day: two(wall.day), hour: two(wall.hour), minute: two(wall.minute), second: two(wall.second) };
}

function formatWarsawTime(instant: Date): string {
  const p = wallClockParts(instant, CALENDAR_TIME_ZONE);
  return `${p.hour}:${p.minute}`;
}
