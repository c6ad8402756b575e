import { describe, expect, it } from 'vitest';
import { businessDate } from '../core/clock.ts';
import { addWorkingDays, isWorkingDay, warsawDate, warsawMinutes, warsawTime } from './demo-calendar.ts';

describe('demo calendar: Warsaw wall-clock time and working days', () => {
  it('names the same Warsaw day as the business clock, across the summer-time switches', () => {
    const instants = [Date.UTC(2025, 2, 30, 0, 59), Date.UTC(2025, 2, 30, 1, 0), Date.UTC(2025, 9, 25, 22, 30), Date.UTC(2025, 9, 26, 0, 59), Date.UTC(2025, 9, 26, 1, 0), Date.UTC(2026, 11, 31, 23, 30)];
    for (let at = Date.UTC(2024, 10, 1); at < Date.UTC(2027, 0, 1); at += 7_919_000 * 7) instants.push(at);
    for (const at of instants) expect(warsawDate(new Date(at)), new Date(at).toISOString()).toBe(businessDate(new Date(at)));
  });

  it('turns a Warsaw clock time into the instant, in winter and in summer', () => {
    expect(warsawTime('2026-01-15', 8 * 60).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(warsawTime('2026-07-15', 8 * 60).toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(warsawMinutes(new Date('2026-07-15T06:30:00Z'))).toBe(8 * 60 + 30);
  });

  it('skips weekends and fixed public holidays, forwards and backwards', () => {
    expect(isWorkingDay('2026-11-11')).toBe(false);
    expect(isWorkingDay('2026-11-12')).toBe(true);
    expect(addWorkingDays('2026-11-06', 1)).toBe('2026-11-09');
    expect(addWorkingDays('2026-11-10', 1)).toBe('2026-11-12');
    expect(addWorkingDays('2026-11-12', -2)).toBe('2026-11-09');
  });
});
