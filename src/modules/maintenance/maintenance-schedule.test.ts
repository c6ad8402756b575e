import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/clock.ts';
import { dueDatesBetween, seasonRules } from './maintenance-schedule.ts';

describe('maintenance schedule: when a plan falls due', () => {
  it('puts a heating service before 1 October and a cooling service before 1 May, every year', () => {
    const heating = { rule: seasonRules.heating, startsOn: '2025-01-15', endsOn: null };
    expect(dueDatesBetween(heating, '2025-01-01', '2027-12-31')).toEqual(['2025-09-30', '2026-09-30', '2027-09-30']);
    const cooling = { rule: seasonRules.cooling, startsOn: '2025-06-01', endsOn: '2027-05-01' };
    expect(dueDatesBetween(cooling, '2025-01-01', '2028-12-31')).toEqual(['2026-04-30', '2027-04-30']);
  });

  it('honours any RRULE and the window, both ends included', () => {
    const quarterly = { rule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15', startsOn: '2026-01-01', endsOn: null };
    expect(dueDatesBetween(quarterly, '2026-04-15', '2026-10-15')).toEqual(['2026-04-15', '2026-07-15', '2026-10-15']);
    expect(dueDatesBetween(quarterly, '2026-04-16', '2026-07-14')).toEqual([]);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
