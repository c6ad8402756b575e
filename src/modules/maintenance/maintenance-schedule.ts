import rrulePackage from 'rrule';
import { parseRecurrence, type RecurrenceCheck } from '../crm/reminders.recurrence.ts';

const { RRule } = rrulePackage;

// When maintenance falls due: pure calendar arithmetic on 'YYYY-MM-DD' dates, no I/O.

// Season presets as RRULEs: a heating service is due before the heating season (1 October), a
// cooling service before the cooling season (1 May); the job is created lead days ahead.
export const seasonRules = {
  heating: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30',
  cooling: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=30',
} as const;
export type Season = keyof typeof seasonRules;

export function parsePlanRule(rule: string): RecurrenceCheck {
  return parseRecurrence(rule);
}

export interface PlanCalendar {
  rule: string; // a normalised RRULE (parsePlanRule)
  startsOn: string;
  endsOn: string | null; // null: open-ended (or renewed automatically)
}

// Due dates of a plan within [from, to], both inclusive, oldest first. Dates are computed at UTC
// midnight: only the calendar day matters, so no time zone can move a due date.
export function dueDatesBetween(plan: PlanCalendar, from: string, to: string): string[] {
  const start = plan.startsOn > from ? plan.startsOn : from;
  const end = plan.endsOn !== null && plan.endsOn < to ? plan.endsOn : to;
  if (start > end) return [];
  const rule = new RRule({ ...RRule.parseString(plan.rule), dtstart: utcMidnight(plan.startsOn) });
  return rule.between(utcMidnight(start), utcMidnight(end), true).map((date) => date.toISOString().slice(0, 10));
}

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
