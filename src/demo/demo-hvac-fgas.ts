import { addMonths } from '../modules/equipment/fgas-dates.ts';
import { assessLeakCheckObligation } from '../modules/equipment/fgas-rules.ts';
import { findRefrigerant } from '../modules/equipment/refrigerants.ts';
import { chooseDefaultVatRate } from '../modules/jobs/job-pricing.ts';
import { addWorkingDays, minuteMs, warsawDate, workingDayFrom } from './demo-calendar.ts';
import { addDays } from '../core/clock.ts';
import { holdReasons } from './demo-hvac-catalogue.ts';
import type { CustomerRecords, DoneJob, PlacedUnit } from './demo-hvac-records.ts';
import { labelOf, notBefore, windowAround } from './demo-hvac-units.ts';
import { leakCheckLines, leakRepairLines } from './demo-job-lines.ts';
import { bookedAhead, nextDayVisit, visitSlot } from './demo-visits.ts';

// The leak checks of a unit the F-gas rules put in scope (EU 2024/573 Art. 5), at the interval
// they set, each a little before its due date. Some customers let a check slip (overdue today), and
// now and then a check finds a leak: repaired, then checked again within the month (Art. 4(4)).
// Every check, repair and re-check is a job whose completion writes the register entry.

const slipChance = 0.12;
const leakChance = 0.07;

export function leakCheckHistory(records: CustomerRecords, unit: PlacedUnit): void {
  const { equipment } = unit;
  const refrigerant = equipment.refrigerant ? findRefrigerant(equipment.refrigerant) : null;
  if (!refrigerant || equipment.refrigerantChargeG === null) return;
  const obligation = assessLeakCheckObligation({ refrigerant, chargeKg: equipment.refrigerantChargeG / 1000, hermeticallySealed: equipment.hermeticallySealed, leakDetectionSystem: equipment.leakDetection, installedOn: equipment.installedOn });
  if (!obligation.inScope) return;
  const takeover = warsawDate(unit.serviceFrom);
  const lastDay = warsawDate(records.activeUntil);
  const slips = records.chance(slipChance);
  let due = equipment.installedOn === null ? null : addMonths(equipment.installedOn, obligation.intervalMonths);
  for (let round = 0; round < 12; round++) {
    let checkDay: string;
    // Taken over with a check long overdue (or none on record): the firm checks it first thing.
    if (due === null || due < takeover) checkDay = workingDayFrom(addDays(takeover, records.between(3, 40)));
    else if (slips && due >= addDays(records.anchorDay, -150)) checkDay = workingDayFrom(addDays(due, records.between(30, 150)));
    else checkDay = workingDayFrom(addDays(due, -records.between(1, 25)));
    if (checkDay <= takeover) checkDay = addWorkingDays(takeover, 1);
    // A former customer's checks are someone else's now.
    if (checkDay > lastDay && lastDay < records.anchorDay) return;
    const check = leakCheckJob(records, unit, checkDay, 'periodic');
    if (!check?.completedAt) return;
    const leakFound = records.chance(leakChance);
    records.recordFgas(equipment, {
      kind: 'leak_check',
      result: leakFound ? 'leak_found' : 'no_leak',
      at: check.completedAt,
      technician: check.technician,
      notes: leakFound ? 'Wyciek na połączeniu kielichowym, zgłoszono naprawę' : null,
    });
    let lastCheck = check.completedAt;
    if (leakFound) {
      const repairedAt = leakRepairJob(records, unit, check.completedAt);
      if (!repairedAt) return;
      const recheck = leakCheckJob(records, unit, workingDayFrom(addDays(warsawDate(repairedAt), records.between(7, 25))), 'recheck');
      if (!recheck?.completedAt) return;
      records.recordFgas(equipment, { kind: 'leak_check', result: 'no_leak', at: recheck.completedAt, technician: recheck.technician, notes: 'Kontrola po naprawie: szczelne' });
      lastCheck = recheck.completedAt;
    }
    due = addMonths(warsawDate(lastCheck), obligation.intervalMonths);
  }
}

// Planned with the customer a working day or two ahead; a re-check the day before.
function leakCheckJob(records: CustomerRecords, unit: PlacedUnit, day: string, kind: 'periodic' | 'recheck'): DoneJob | null {
  const { equipment } = unit;
  const visitAt = visitSlot(day, records.random);
  const booked = kind === 'periodic' ? bookedAhead(visitAt, records.between(1, 2), 72, records.random) : bookedAhead(visitAt, 1, 24, records.random);
  const createdAt = notBefore(booked, unit.serviceFrom.getTime() + 30 * minuteMs);
  const minutes = equipment.category === 'chiller' ? 240 : equipment.category === 'vrf' ? 180 : 60;
  return records.addVisitJob(
    {
      type: 'fgas_leak_check',
      priority: kind === 'periodic' ? 'low' : 'normal',
      description: kind === 'periodic' ? `Okresowa kontrola szczelności (F-gaz) – ${labelOf(equipment)}` : `Ponowna kontrola szczelności po usunięciu wycieku – ${labelOf(equipment)}`,
      site: unit.site,
      equipmentId: equipment.id,
      requested: false,
      createdAt,
      createdBy: records.dispatcher(),
      window: windowAround(visitAt),
      estimatedMinutes: minutes,
      skills: ['F-gaz'],
    },
    {
      scheduledAt: new Date(createdAt.getTime() + records.between(5, 60) * minuteMs),
      visitAt,
      workMinutes: Math.round(minutes * (0.7 + 0.5 * records.random())),
      emergency: false,
      hold: null,
      lines: leakCheckLines(equipment.category, chooseDefaultVatRate(unit.premises, 'maintenance')),
      billing: 'invoice',
      cancel: null,
    },
  );
}

// The repair of a leak a check found: when it was done (and entered in the register), or null.
function leakRepairJob(records: CustomerRecords, unit: PlacedUnit, foundAt: Date): Date | null {
  const { equipment } = unit;
  if (!equipment.refrigerant || !equipment.refrigerantChargeG) return null;
  const createdAt = new Date(foundAt.getTime() + records.between(10, 40) * minuteMs);
  const visitAt = nextDayVisit(createdAt, records.random);
  // What leaked out: topped up after the repair.
  const addedG = Math.max(10, Math.round((equipment.refrigerantChargeG * (0.1 + 0.25 * records.random())) / 10) * 10);
  const done = records.addVisitJob(
    {
      type: 'repair',
      priority: 'normal',
      description: `Usunięcie wycieku czynnika ${equipment.refrigerant} wykrytego przy kontroli – ${labelOf(equipment)}`,
      site: unit.site,
      equipmentId: equipment.id,
      requested: false,
      createdAt,
      createdBy: records.dispatcher(),
      window: windowAround(visitAt),
      estimatedMinutes: 180,
      skills: ['F-gaz'],
    },
    {
      scheduledAt: new Date(createdAt.getTime() + records.between(5, 30) * minuteMs),
      visitAt,
      workMinutes: records.between(120, 240),
      emergency: false,
      hold: records.chance(0.25) ? { reason: holdReasons.parts('zawór serwisowy i złączki'), resumeAt: visitSlot(addWorkingDays(warsawDate(visitAt), records.between(2, 5)), records.random) } : null,
      lines: leakRepairLines(equipment.refrigerant, addedG, chooseDefaultVatRate(unit.premises, 'maintenance')),
      billing: 'invoice',
      cancel: null,
    },
  );
  if (!done?.completedAt) return null;
  records.recordFgas(equipment, { kind: 'leak_repair', result: 'leak_repaired', at: done.completedAt, technician: done.technician, addedG, notes: 'Polutowano nieszczelność, próba azotem, próżnia, uzupełniono czynnik' });
  return done.completedAt;
}
