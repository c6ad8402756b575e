// Calendar dates for the F-gas register: ISO 'YYYY-MM-DD' strings and the month arithmetic that
// leak-check intervals need. Nothing here reads the clock; callers pass "today".
import { invalidInput } from '../../core/errors.ts';

export type IsoDate = string;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

// Refuses what is not a real date ('2025-02-30'); years before 1000 are refused too, which also keeps
// Date.UTC away from its 0-99 → 1900-1999 mapping.
export function parseIsoDate(value: IsoDate): CalendarDate {
  const match = isoDatePattern.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) {
    throw invalidInput('/date', 'format', `"${value}" is not a calendar date in the form YYYY-MM-DD`);
  }
  return { year, month, day };
}

// A period in months ends on the same day of the last month, or on that month's last day when the
// month is shorter: 31 Jan + 1 month = 28 Feb (29 in a leap year). This is how EU law counts periods,
// Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c), so "within one month" means what the regulation means.
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, countDaysInMonth(targetYear, targetMonth)) });
}

// Whole days from `from` to `to`; negative when `to` is earlier.
export function countDaysBetween(from: IsoDate, to: IsoDate): number {
  return (toUtcMilliseconds(parseIsoDate(to)) - toUtcMilliseconds(parseIsoDate(from))) / millisecondsPerDay;
}

function toUtcMilliseconds({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day);
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
