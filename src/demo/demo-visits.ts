import type { JobActor } from '../modules/jobs/job-lifecycle.ts';
import type { LineItem } from '../modules/jobs/job-pricing.ts';
import { addWorkingDays, isWorkingDay, minuteMs, warsawDate, warsawMinutes, warsawTime } from './demo-calendar.ts';
import type { Random } from './demo-equipment-data.ts';
import type { JobStep } from './demo-job-replay.ts';

// How one demo job goes, as the firm works: the dispatcher plans it and hands it to a technician
// on the morning of the visit, the technician drives, works (perhaps waiting days for a part),
// enters the lines and completes it, the office invoices it and closes it once paid. The steps come
// out in time order; each is at least a minute after the one before.

export interface VisitCrew {
  dispatcher: JobActor;
  technician: JobActor;
  office: JobActor;
}

export interface VisitPlan {
  scheduledAt: Date;
  visitAt: Date; // the technician arrives: the response SLA stops here
  workMinutes: number;
  emergency: boolean; // dispatched and driven to at once, whatever the hour
  hold: { reason: string; resumeAt: Date } | null;
  lines: LineItem[];
  billing: 'invoice' | 'no_charge'; // no charge (warranty, free survey): closed without an invoice
  cancel: { at: Date; reason: string } | null; // called off instead of visited
}

export function visitSteps(createdAt: Date, plan: VisitPlan, crew: VisitCrew, random: Random): JobStep[] {
  const steps: JobStep[] = [];
  let last = createdAt.getTime();
  const at = (candidate: Date | number): Date => {
    last = Math.max(typeof candidate === 'number' ? candidate : candidate.getTime(), last + minuteMs);
    return new Date(last);
  };
  const move = (to: Extract<JobStep, { kind: 'move' }>['to'], actor: JobActor, when: Date | number, reason?: string) => {
    steps.push({ kind: 'move', at: at(when), to, actor, ...(reason && { reason }) });
  };
  const minutes = (min: number, max: number) => (min + Math.floor(random() * (max - min + 1))) * minuteMs;

  const visit = plan.visitAt.getTime();
  // The office records a call-off in its hours, at the latest half an hour before the technician would arrive.
  const cancelAt = plan.cancel && Math.min(inOfficeHours(plan.cancel.at, random).getTime(), visit - 30 * minuteMs);
  if (plan.cancel && cancelAt !== null && cancelAt <= plan.scheduledAt.getTime()) {
    move('cancelled', crew.dispatcher, cancelAt, plan.cancel.reason);
    return steps;
  }
  move('scheduled', crew.dispatcher, plan.scheduledAt);
  if (plan.cancel && cancelAt !== null) {
    move('cancelled', crew.dispatcher, cancelAt, plan.cancel.reason);
    return steps;
  }
  // The morning briefing hands out the day's jobs; an emergency goes out as soon as it is planned.
  const visitDay = warsawDate(plan.visitAt);
  const briefing = warsawMinutes(plan.visitAt) >= 8 * 60 ? warsawTime(visitDay, 7 * 60 + Math.floor(random() * 40)).getTime() : visit - minutes(45, 60);
  move('dispatched', crew.dispatcher, plan.emergency ? plan.scheduledAt.getTime() + minutes(1, 3) : briefing);
  move('en_route', crew.technician, visit - minutes(10, 40));
  move('in_progress', crew.technician, visit);
  let workFrom = visit;
  if (plan.hold) {
    move('on_hold', crew.technician, visit + minutes(20, 60), plan.hold.reason);
    move('in_progress', crew.technician, plan.hold.resumeAt);
    workFrom = Math.max(plan.hold.resumeAt.getTime(), last);
  }
  const doneAt = workFrom + plan.workMinutes * minuteMs;
  if (plan.lines.length > 0) steps.push({ kind: 'lines', at: at(doneAt - minutes(2, 5)), lines: plan.lines });
  move('completed', crew.technician, doneAt);
  const doneDay = warsawDate(new Date(last));
  if (plan.billing === 'invoice') {
    const invoicedAt = officeTime(addWorkingDays(doneDay, 1 + Math.floor(random() * 3)), random);
    move('invoiced', crew.office, invoicedAt);
    // Paid within the 14-day term mostly, some late.
    move('closed', crew.office, officeTime(addWorkingDays(warsawDate(invoicedAt), 4 + Math.floor(random() * 18)), random));
  } else {
    move('closed', crew.office, officeTime(addWorkingDays(doneDay, 1 + Math.floor(random() * 2)), random));
  }
  return steps;
}

// A moment of office hours (8:00-16:00 in Warsaw) on a day.
export function officeTime(date: string, random: Random): Date {
  return warsawTime(date, 8 * 60 + Math.floor(random() * 8 * 60));
}

// The moment itself when the office is open then, else the next working morning.
function inOfficeHours(at: Date, random: Random): Date {
  const day = warsawDate(at);
  const minutes = warsawMinutes(at);
  if (isWorkingDay(day) && minutes >= 8 * 60 && minutes < 16 * 60) return at;
  const nextDay = isWorkingDay(day) && minutes < 8 * 60 ? day : addWorkingDays(day, 1);
  return warsawTime(nextDay, 8 * 60 + Math.floor(random() * 60));
}

// A visit slot agreed with the customer: on the half hour, 8:00-15:30.
export function visitSlot(date: string, random: Random): Date {
  return warsawTime(date, 8 * 60 + 30 * Math.floor(random() * 16));
}

// The next working day, no later in the day than `at` (within the 24-hour response target, unless a
// weekend or holiday is in between); 8:00-15:30.
export function nextDayVisit(at: Date, random: Random): Date {
  const latest = warsawMinutes(at) - 30 * Math.floor(random() * 7);
  return warsawTime(addWorkingDays(warsawDate(at), 1), Math.max(8 * 60, Math.min(15 * 60 + 30, latest)));
}

// When the office books a planned visit: a working day or two ahead, and (the SLA response clock
// runs from the booking, around the clock) mostly late enough for the visit to fall within the
// response target; now and then not.
export function bookedAhead(visitAt: Date, workingDays: number, targetHours: number, random: Random): Date {
  const booked = officeTime(addWorkingDays(warsawDate(visitAt), -workingDays), random);
  const latestStart = visitAt.getTime() - (targetHours - 1) * 60 * minuteMs;
  return random() < 0.9 && booked.getTime() < latestStart ? new Date(latestStart + Math.floor(random() * 30) * minuteMs) : booked;
}
