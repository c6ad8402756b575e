import { addDays } from '../../core/clock.ts';

// When a technician works on a given date, and which of their certificates need a reminder: pure
// rules on plain data, used by planning, the dispatch board and the daily certificate check.

export type WorkingDay = { start: string; end: string } | null; // HH:MM Warsaw time; null = day off
export type WorkingHours = readonly WorkingDay[]; // Monday first

export const defaultWorkingHours: WorkingHours = [
  { start: '08:00', end: '16:00' },
  { start: '08:00', end: '16:00' },
  { start: '08:00', end: '16:00' },
  { start: '08:00', end: '16:00' },
  { start: '08:00', end: '16:00' },
  null,
  null,
];

export interface AbsenceSpan {
  startsOn: string;
  endsOn: string;
  kind: string;
}

// Minutes after local midnight, the clock the planner uses for a day.
export interface Shift {
  start: number;
  end: number;
}

export type ShiftOnDate = { working: true; shift: Shift } | { working: false; reason: 'day_off' | 'absent'; absenceKind?: string };

export function minutesOfClockTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

// ISO weekday of a calendar date, Monday = 0 (the date is a day, not an instant: no time zone).
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export function shiftOn(hours: WorkingHours, absences: readonly AbsenceSpan[], date: string): ShiftOnDate {
  const absence = absences.find((span) => span.startsOn <= date && date <= span.endsOn);
  if (absence) return { working: false, reason: 'absent', absenceKind: absence.kind };
  const day = hours[weekdayIndex(date)];
  if (!day) return { working: false, reason: 'day_off' };
  return { working: true, shift: { start: minutesOfClockTime(day.start), end: minutesOfClockTime(day.end) } };
}

// Working days must end after they start; reported per weekday so the form can point at the day.
export function invalidWorkingDays(hours: WorkingHours): number[] {
  return hours.flatMap((day, index) => (day && minutesOfClockTime(day.end) <= minutesOfClockTime(day.start) ? [index] : []));
}

export type CertificateKind = 'fgas' | 'sep';
export type CertificateNotice = 'expires_soon' | 'expired';

export interface CertificateNoticeDue {
  certificate: CertificateKind;
  expiresOn: string;
  notice: CertificateNotice;
}

// A month's warning leaves time to book the re-examination; the expiry itself is told once more.
export const certificateWarningDays = 30;

export function certificateNoticesDue(
  certificates: ReadonlyArray<{ certificate: CertificateKind; expiresOn: string | null }>,
  today: string,
  warningDays: number = certificateWarningDays,
): CertificateNoticeDue[] {
  return certificates.flatMap(({ certificate, expiresOn }): CertificateNoticeDue[] => {
    if (expiresOn === null) return [];
    if (expiresOn < today) return [{ certificate, expiresOn, notice: 'expired' }];
    if (addDays(expiresOn, -warningDays) <= today) return [{ certificate, expiresOn, notice: 'expires_soon' }];
    return [];
  });
}
