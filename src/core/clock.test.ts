import { describe, expect, it } from 'vitest';
import { businessDate, businessDayStart, businessInstantAt } from './clock.ts';

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

describe('businessInstantAt', () => {
  it('turns Warsaw wall-clock minutes into instants, also on the days clocks change', () => {
    expect(businessInstantAt('2026-07-01', 8 * 60).toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(businessInstantAt('2026-01-15', 8 * 60).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(businessInstantAt('2026-03-29', 8 * 60).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(businessInstantAt('2026-10-25', 8 * 60).toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(businessInstantAt('2026-10-25', 60).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });
});
