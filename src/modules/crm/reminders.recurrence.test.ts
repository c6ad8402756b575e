import { describe, expect, it } from 'vitest';
import { fromWallClock, nextOccurrence, parseRecurrence, toWallClock } from './reminders.recurrence.ts';

describe('parseRecurrence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO'],
    ['RRULE:freq=monthly;interval=6', 'FREQ=MONTHLY;INTERVAL=6'],
    [' FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31 ', 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31'],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=12', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12'],
    ['FREQ=DAILY;UNTIL=20301231T230000Z', 'FREQ=DAILY;UNTIL=20301231T230000Z'],
    ['FREQ=DAILY;BYHOUR=9', 'FREQ=DAILY;BYHOUR=9'],
  ])('accepts %j as %j', (text, rule) => {
    expect(parseRecurrence(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ['', 'rrule'],
    ['FREQ=SOMETIMES', 'rrule'],
    ['COUNT=3', 'rrule'],
    ['FREQ=DAILY;COUNT=abc', 'rrule'],
    ['FREQ=DAILY;COUNT=0', 'rrule'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20300101T000000Z', 'rrule'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'rrule'],
    ['FREQ=WEEKLY;BYDAY=XX', 'rrule'],
    ['FREQ=MONTHLY;BYDAY=0FR', 'rrule'],
    ['FREQ=YEARLY;BYMONTH=13', 'rrule'],
    ['FREQ=DAILY;;', 'rrule'],
    ['DTSTART:20250101T090000Z\nRRULE:FREQ=DAILY', 'rrule'],
    ['FREQ=HOURLY', 'frequency'],
    ['FREQ=MINUTELY;COUNT=5', 'frequency'],
    ['FREQ=DAILY;BYHOUR=8,16', 'frequency'],
  ])('refuses %j (rule %s)', (text, rule) => {
    expect(parseRecurrence(text)).toMatchObject({ ok: false, rule });
  });
});

describe('nextOccurrence', () => {
  const monday9 = new Date('2025-03-24T08:00:00Z'); // Monday 9:00 in Warsaw (CET)

  it('keeps the Warsaw wall-clock time across the change to summer time', () => {
    expect(nextOccurrence('FREQ=WEEKLY', monday9, monday9)).toEqual({ dueAt: new Date('2025-03-31T07:00:00Z'), recurrence: 'FREQ=WEEKLY' });
  });

  it('skips occurrences missed while overdue and counts them against COUNT', () => {
    expect(nextOccurrence('FREQ=WEEKLY;COUNT=4', monday9, new Date('2025-04-05T10:00:00Z'))).toEqual({ dueAt: new Date('2025-04-07T07:00:00Z'), recurrence: 'FREQ=WEEKLY;COUNT=2' });
  });

  it('ends the series when COUNT is used up or UNTIL has passed', () => {
    expect(nextOccurrence('FREQ=WEEKLY;COUNT=1', monday9, monday9)).toBeNull();
    expect(nextOccurrence('FREQ=WEEKLY;COUNT=3', monday9, new Date('2025-04-20T00:00:00Z'))).toBeNull();
    expect(nextOccurrence('FREQ=DAILY;UNTIL=20250325T230000Z', monday9, new Date('2025-03-26T00:00:00Z'))).toBeNull();
  });

  it('follows BYDAY and month ends', () => {
    expect(nextOccurrence('FREQ=WEEKLY;BYDAY=MO,TH', monday9, monday9)?.dueAt).toEqual(new Date('2025-03-27T08:00:00Z'));
    expect(nextOccurrence('FREQ=MONTHLY;BYMONTHDAY=-1', new Date('2025-01-31T08:00:00Z'), new Date('2025-01-31T08:00:00Z'))?.dueAt).toEqual(new Date('2025-02-28T08:00:00Z'));
  });

  it('converts between instants and the Warsaw wall clock', () => {
    expect(toWallClock(new Date('2025-07-01T07:00:00Z'))).toEqual(new Date('2025-07-01T09:00:00Z'));
    expect(fromWallClock(new Date('2025-07-01T09:00:00Z'))).toEqual(new Date('2025-07-01T07:00:00Z'));
    expect(fromWallClock(new Date('2025-12-01T09:00:00Z'))).toEqual(new Date('2025-12-01T08:00:00Z'));
  });
});
