import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { addMonths, countDaysBetween, parseIsoDate } from './fgas-dates.ts';

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-31', 3, '2025-06-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-05-15', 24, '2027-05-15'],
    ['1900-01-31', 1, '1900-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('countDaysBetween', () => {
  it.each([
    ['2025-02-28', '2025-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-03-30', '2025-03-31', 1],
    ['2025-10-26', '2025-10-27', 1],
    ['2025-06-10', '2025-06-01', -9],
    ['2025-06-10', '2025-06-10', 0],
  ])('counts from %s to %s as %i days', (from, to, days) => {
    expect(countDaysBetween(from, to)).toBe(days);
  });
});

describe('parseIsoDate', () => {
  it('reads a calendar date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each(['2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-5', '05.01.2025', '2025-01-05T10:00:00Z', '0099-01-01', ''])(
    'refuses %j',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow(AppError);
    },
  );
});
