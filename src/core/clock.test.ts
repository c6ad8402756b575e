import { describe, expect, it } from 'vitest';
import { businessDate, businessDayStart } from './clock.ts';

describe('business calendar (Europe/Warsaw)', () => {
  it('tells the Warsaw day of an instant', () => {
    expect(businessDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(businessDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
  });

  it('finds the instant a Warsaw day begins, in winter, in summer and on both change days', () => {
    expect(businessDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(businessDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // Clocks go forward on 29 March 2026 at 02:00 and back on 25 October at 03:00.
    expect(businessDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(businessDayStart('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(businessDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(businessDayStart('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    for (const day of ['2026-03-29', '2026-10-25', '2026-06-01']) expect(businessDate(businessDayStart(day))).toBe(day);
  });
});
