import type { Options } from 'rrule';
// rrule ships a UMD bundle as its CommonJS entry; Node's ESM loader sees no named exports in it.
import rrulePackage from 'rrule';
import { wallClockAt } from '../../core/clock.ts';

const { RRule } = rrulePackage;

// Repeating reminders: RFC 5545 RRULE strings without DTSTART (the reminder's dueAt starts the
// series). Pure functions, no I/O; the service stores the normalised rule and, when an occurrence
// is done, asks for the next one.

export type RecurrenceCheck = { ok: true; rule: string } | { ok: false; rule: 'rrule' | 'frequency'; message: string };

// Occurrences are computed on the Warsaw wall clock, so "every Monday at 9:00" stays at 9:00 local
// time across daylight-saving changes (in UTC it would drift by an hour twice a year).
export const recurrenceTimeZone = 'Europe/Warsaw';

const weekday = '(MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(,${item})*$`);
const signedInt = (max: number) => (value: string) => /^[+-]?\d{1,3}$/.test(value) && Math.abs(Number(value)) >= 1 && Math.abs(Number(value)) <= max;
const intRange = (min: number, max: number) => (value: string) => /^\d{1,2}$/.test(value) && Number(value) >= min && Number(value) <= max;
const positiveInt = (value: string) => /^\d{1,6}$/.test(value) && Number(value) >= 1;
const eachOf = (check: (value: string) => boolean) => (value: string) => value.split(',').every(check);

// rrule.js parses leniently ("COUNT=abc", an empty string, "BYHOUR=25" all pass), so the grammar
// of RFC 5545 section 3.3.10 is checked here first, part by part.
const partChecks: Record<string, (value: string) => boolean> = {
  FREQ: (value) => /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(value),
  UNTIL: (value) => /^\d{8}(T\d{6}Z?)?$/.test(value),
  COUNT: positiveInt,
  INTERVAL: positiveInt,
  BYSECOND: eachOf(intRange(0, 60)),
  BYMINUTE: eachOf(intRange(0, 59)),
  BYHOUR: eachOf(intRange(0, 23)),
  BYDAY: (value) => list(`[+-]?(\\d{1,2})?${weekday}`).test(value) && value.split(',').every((day) => Math.abs(Number(day.slice(0, -2) || '1')) <= 53 && day.slice(0, -2) !== '0'),
  BYMONTHDAY: eachOf(signedInt(31)),
  BYYEARDAY: eachOf(signedInt(366)),
  BYWEEKNO: eachOf(signedInt(53)),
  BYMONTH: eachOf(intRange(1, 12)),
  BYSETPOS: eachOf(signedInt(366)),
  WKST: (value) => new RegExp(`^${weekday}$`).test(value),
};

const subDaily = new Set([RRule.HOURLY, RRule.MINUTELY, RRule.SECONDLY]);

// Accepts "FREQ=WEEKLY;BYDAY=MO" or "RRULE:FREQ=WEEKLY;BYDAY=MO"; returns it normalised without
// the "RRULE:" prefix. Reminders repeat at most once a day: they are tasks for people, and the
// next one is computed by catching up from the previous due date.
export function parseRecurrence(text: string): RecurrenceCheck {
  const body = text.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (/DTSTART|[\r\n]/.test(body)) return invalid('must be a single RRULE without DTSTART (the due date starts the series)');
  if (body === '') return invalid('is empty');
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const [name = '', value, ...rest] = part.split('=');
    const check = partChecks[name];
    if (!check) return invalid(`has an unknown part "${name}"`);
    if (value === undefined || rest.length > 0 || !check(value)) return invalid(`has an invalid ${name} value "${value ?? ''}"`);
    if (seen.has(name)) return invalid(`repeats ${name}`);
    seen.add(name);
  }
  if (!seen.has('FREQ')) return invalid('needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)');
  if (seen.has('COUNT') && seen.has('UNTIL')) return invalid('may have COUNT or UNTIL, not both');
  let options: Partial<Options>;
  try {
    options = RRule.fromString(`RRULE:${body}`).origOptions;
  } catch (error) {
    return invalid(`is not a valid RRULE (${error instanceof Error ? error.message : String(error)})`);
  }
  if (options.freq !== undefined && subDaily.has(options.freq)) {
    return { ok: false, rule: 'frequency', message: 'reminders repeat at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)' };
  }
  for (const part of ['byhour', 'byminute', 'bysecond'] as const) {
    const value = options[part];
    if (Array.isArray(value) && value.length > 1) return { ok: false, rule: 'frequency', message: `reminders repeat at most daily (${part.toUpperCase()} takes one value)` };
  }
  return { ok: true, rule: toRuleText(options) };
}

export interface NextOccurrence {
  dueAt: Date;
  // COUNT counts the occurrences left including the reminder that carries it, so the next one's
  // rule has COUNT reduced by the occurrences consumed; other parts stay as they were.
  recurrence: string;
}

// Occurrences caught up at most this many steps (≈ 27 years of a daily rule) before giving up on
// reaching the present; the last one reached is returned then.
const maxCatchUpSteps = 10_000;

// The first occurrence after this one's due date that is still ahead of `now` (occurrences missed
// while the reminder was overdue are skipped, not created already overdue). Null when the series
// has ended (COUNT used up, UNTIL passed).
export function nextOccurrence(recurrence: string, dueAt: Date, now: Date): NextOccurrence | null {
  const options = RRule.parseString(recurrence);
  const count = typeof options.count === 'number' ? options.count : null;
  if (count !== null && count <= 1) return null;
  const start = toWallClock(dueAt);
  const rule = new RRule({ ...options, count: null, dtstart: start, until: options.until ? toWallClock(options.until) : null, tzid: null });
  const result: { found: { at: Date; step: number } | null } = { found: null };
  let step = 0;
  rule.all((occurrence) => {
    if (occurrence.getTime() <= start.getTime()) return true;
    step += 1;
    if (count !== null && step > count - 1) return false;
    const at = fromWallClock(occurrence);
    if (at.getTime() > now.getTime() || step >= maxCatchUpSteps) {
      result.found = { at, step };
      return false;
    }
    return true;
  });
  if (!result.found) return null;
  const { at, step: consumed } = result.found;
  return { dueAt: at, recurrence: toRuleText({ ...options, ...(count !== null ? { count: count - consumed } : {}) }) };
}

function toRuleText(options: Partial<Options>): string {
  const { dtstart: _dtstart, tzid: _tzid, ...rest } = options;
  return RRule.optionsToString(rest).replace(/^RRULE:/, '');
}

function invalid(message: string): RecurrenceCheck {
  return { ok: false, rule: 'rrule', message };
}


function zoneOffsetMs(instant: Date): number {
  const parts = wallClockAt(instant, recurrenceTimeZone);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

// rrule.js computes in UTC; a "floating" date whose UTC fields are the Warsaw wall-clock fields
// makes it compute in Warsaw time.
export function toWallClock(instant: Date): Date {
  return new Date(instant.getTime() + zoneOffsetMs(instant));
}

export function fromWallClock(wall: Date): Date {
  const guess = wall.getTime() - zoneOffsetMs(wall);
  return new Date(wall.getTime() - zoneOffsetMs(new Date(guess)));
}
