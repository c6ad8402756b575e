import type { EquipmentCategory } from '../core/db/schema.ts';
import { chooseDefaultVatRate } from '../modules/jobs/job-pricing.ts';
import type { JobPriority } from '../modules/jobs/job-sla.ts';
import { addWorkingDays, dayMs, hourMs, isHeatingSeason, minuteMs, warsawDate, warsawMinutes, warsawTime, weatherOn, workingDayFrom, type Weather } from './demo-calendar.ts';
import { cancelReasons, emergencySymptoms, holdReasons, repairCases, servicePrices } from './demo-hvac-catalogue.ts';
import type { CustomerRecords, DoneJob, PlacedUnit } from './demo-hvac-records.ts';
import { labelOf, maintenanceMinutes, skillsFor, windowAround } from './demo-hvac-units.ts';
import { maintenanceLines, repairLines } from './demo-job-lines.ts';
import { bookedAhead, nextDayVisit, officeTime, visitSlot } from './demo-visits.ts';

// The calls a unit brings over its life with the firm: faults (mostly heating in a frost, cooling
// in a heat wave, more on old units), emergencies, and the occasional service of a unit without an
// agreement.

// Weekly chance of a call about one unit in its busy season, before weather and age.
const weeklyRisk = { heatingRepair: 0.005, heatingEmergency: 0.002, coolingRepair: 0.004, businessCoolingEmergency: 0.001, ventilationRepair: 0.0015 };
const oldUnitYears = 8;
const oldUnitWear = 1.5;

export function serviceFaults(records: CustomerRecords, unit: PlacedUnit): void {
  const until = Math.min(records.activeUntil.getTime(), records.anchor.getTime());
  // Calls arrive as a process whose rate follows the season and the weather. Drawn by thinning:
  // candidates at the peak rate, each kept with the share of the peak that day's rate is.
  const peak = peakRisk(unit, records.market === 'business');
  const nextCandidate = (after: number) => after + (-Math.log(1 - records.random()) / peak) * 7 * dayMs;
  const faults: DoneJob[] = [];
  for (let at = nextCandidate(unit.serviceFrom.getTime()); at < until; at = nextCandidate(at)) {
    const day = warsawDate(new Date(at));
    const risk = riskOn(unit, day, records.market === 'business');
    const roll = records.random() * peak;
    const fault = roll < risk.emergency ? emergencyJob(records, unit, day) : roll < risk.emergency + risk.repair ? repairJob(records, unit, new Date(at)) : null;
    if (fault) faults.push(fault);
  }
  // A unit waiting for a part is marked faulty by the technician (one equipment update, after
  // the unit was recorded).
  const heldAt = faults.find((done) => done.job.status === 'on_hold')?.job.history.at(-1)?.at;
  if (heldAt) Object.assign(unit.equipment, { status: 'faulty', version: 2, updatedAt: new Date(heldAt.getTime() + 5 * minuteMs) });
}

function riskOn(unit: PlacedUnit, day: string, business: boolean): { repair: number; emergency: number } {
  const installedOn = unit.equipment.installedOn;
  const old = installedOn === null || Date.parse(day) - Date.parse(installedOn) > oldUnitYears * 365 * dayMs;
  return scaledRisk(unit.equipment.category, weatherOn(day), isHeatingSeason(day), business, old ? oldUnitWear : 1);
}

// The highest rate of the year: an old unit in the worst weather of its season.
function peakRisk(unit: PlacedUnit, business: boolean): number {
  const worst = [scaledRisk(unit.equipment.category, 'cold_snap', true, business, oldUnitWear), scaledRisk(unit.equipment.category, 'heat_wave', false, business, oldUnitWear)];
  return Math.max(...worst.map((risk) => risk.repair + risk.emergency));
}

function scaledRisk(category: EquipmentCategory, weather: Weather, heatingSeason: boolean, business: boolean, wear: number): { repair: number; emergency: number } {
  switch (category) {
    case 'gas_boiler':
    case 'oil_boiler':
    case 'heat_pump_air_water':
    case 'heat_pump_ground': {
      const cold = weather === 'cold_snap' ? 5 : 1;
      return { repair: wear * weeklyRisk.heatingRepair * (heatingSeason ? Math.min(cold, 2) : 0.4), emergency: wear * weeklyRisk.heatingEmergency * (heatingSeason ? cold : 0.2) };
    }
    case 'split_ac':
    case 'multi_split':
    case 'vrf':
    case 'chiller': {
      const hot = weather === 'heat_wave' ? 4 : 1;
      // At home a broken air conditioner is a repair; in a shop or a server room, an emergency.
      return { repair: wear * weeklyRisk.coolingRepair * (heatingSeason ? 0.15 : hot), emergency: business ? wear * weeklyRisk.businessCoolingEmergency * (heatingSeason ? 0.25 : hot * 2) : 0 };
    }
    default:
      return { repair: weeklyRisk.ventilationRepair, emergency: 0 };
  }
}

// A fault the customer reports: by phone in office hours, or by the web form at any hour (seen the
// next working morning). A high-priority one is seen the same day, a normal one within a day
// (longer over a weekend), a low one within two working days. Some wait for a part.
function repairJob(records: CustomerRecords, unit: PlacedUnit, at: Date): DoneJob | null {
  const cases = repairCases[unit.equipment.category];
  if (!cases) return null;
  const repair = records.pick(cases);
  const byWebForm = records.chance(0.1);
  const callAt = byWebForm ? at : officeTime(workingDayFrom(warsawDate(at)), records.random);
  if (callAt < unit.serviceFrom) return null;
  const officeDay = workingDayFrom(warsawDate(callAt));
  const seenAt = byWebForm ? warsawTime(officeDay, 8 * 60 + records.between(0, 90)) : new Date(callAt.getTime() + records.between(5, 60) * minuteMs);
  const scheduledAt = seenAt < callAt ? new Date(callAt.getTime() + 5 * minuteMs) : seenAt;
  const spell = weatherOn(officeDay) !== 'ordinary';
  const priority: JobPriority = (spell && records.chance(0.6)) || (records.market === 'business' && records.chance(0.3)) ? 'high' : records.chance(0.15) ? 'low' : 'normal';
  const visitAt = repairVisit(records, priority, callAt, scheduledAt);
  const underWarranty = unit.equipment.warrantyUntil !== null && unit.equipment.warrantyUntil >= officeDay;
  // An expensive part is ordered from the maker (a week or two; out of warranty the customer first
  // approves the quote); a cheaper one comes from the wholesaler in a few days.
  const expensive = repair.part !== null && repair.part.grosze >= 80_000;
  const hold = !repair.part
    ? null
    : expensive && !underWarranty && records.chance(0.3)
      ? { reason: holdReasons.approval, days: records.between(2, 10) }
      : repair.part.grosze >= 30_000 && records.chance(0.45)
        ? { reason: holdReasons.parts(repair.part.description), days: expensive ? records.between(5, 15) : records.between(2, 6) }
        : records.chance(0.06)
          ? { reason: holdReasons.access, days: records.between(1, 4) }
          : null;
  return records.addVisitJob(
    {
      type: 'repair',
      priority,
      description: `${repair.symptom} – ${labelOf(unit.equipment)}`,
      site: unit.site,
      equipmentId: unit.equipment.id,
      requested: true,
      createdAt: callAt,
      createdBy: records.dispatcher(),
      window: windowAround(visitAt),
      estimatedMinutes: repair.hours * 60,
      skills: skillsFor(unit.equipment.category),
    },
    {
      scheduledAt,
      visitAt,
      workMinutes: Math.round(repair.hours * 60 * (0.7 + 0.6 * records.random())),
      emergency: false,
      hold: hold ? { reason: hold.reason, resumeAt: visitSlot(addWorkingDays(warsawDate(visitAt), hold.days), records.random) } : null,
      lines: repairLines(repair, chooseDefaultVatRate(unit.premises, 'maintenance'), { emergency: false, underWarranty }),
      billing: underWarranty ? 'no_charge' : 'invoice',
      cancel: records.chance(0.04) ? { at: new Date(callAt.getTime() + records.random() * Math.max(hourMs, visitAt.getTime() - callAt.getTime())), reason: records.pick(cancelReasons) } : null,
    },
  );
}

function repairVisit(records: CustomerRecords, priority: JobPriority, callAt: Date, scheduledAt: Date): Date {
  const day = warsawDate(scheduledAt);
  if (priority === 'high') {
    if (warsawMinutes(scheduledAt) >= 16 * 60) return warsawTime(addWorkingDays(day, 1), 8 * 60);
    return new Date(Math.max(callAt.getTime() + records.between(90, 225) * minuteMs, scheduledAt.getTime() + 30 * minuteMs));
  }
  if (priority === 'low') return visitSlot(addWorkingDays(day, records.between(1, 2)), records.random);
  // Normal: the next working day (a Friday call waits until Monday), now and then a day later.
  return records.chance(0.12) ? visitSlot(addWorkingDays(day, 2), records.random) : nextDayVisit(callAt, records.random);
}

// No heating in a frost, no cooling in a server room in July: any hour, on site within about half
// an hour (the SLA target), later when the traffic is against the technician.
function emergencyJob(records: CustomerRecords, unit: PlacedUnit, day: string): DoneJob | null {
  const symptoms = emergencySymptoms[unit.equipment.category];
  const cases = repairCases[unit.equipment.category];
  if (!symptoms || !cases) return null;
  const callAt = warsawTime(day, 6 * 60 + Math.floor(records.random() * 17 * 60));
  if (callAt < unit.serviceFrom) return null;
  const repair = records.pick(cases);
  const drive = records.between(10, 29) + (records.chance(0.25) ? records.between(5, 30) : 0);
  const visitAt = new Date(callAt.getTime() + drive * minuteMs);
  const underWarranty = unit.equipment.warrantyUntil !== null && unit.equipment.warrantyUntil >= day;
  const part = repair.part && records.chance(0.15) ? repair.part : null;
  return records.addVisitJob(
    {
      type: 'emergency',
      priority: 'emergency',
      description: `${records.pick(symptoms)} – ${labelOf(unit.equipment)}`,
      site: unit.site,
      equipmentId: unit.equipment.id,
      requested: true,
      createdAt: callAt,
      createdBy: records.dispatcher(),
      window: null,
      estimatedMinutes: null,
      skills: skillsFor(unit.equipment.category),
    },
    {
      scheduledAt: new Date(callAt.getTime() + records.between(1, 4) * minuteMs),
      visitAt,
      workMinutes: records.between(40, 200),
      emergency: true,
      hold: part ? { reason: `${holdReasons.parts(part.description)}; uruchomiono tymczasowo`, resumeAt: visitSlot(addWorkingDays(day, records.between(1, 3)), records.random) } : null,
      lines: repairLines(repair, chooseDefaultVatRate(unit.premises, 'maintenance'), { emergency: true, underWarranty }),
      billing: 'invoice',
      cancel: null,
    },
  );
}

// Customers without an agreement still call for a service now and then, before the season.
export function occasionalMaintenance(records: CustomerRecords, unit: PlacedUnit): void {
  const { category } = unit.equipment;
  const until = Math.min(records.activeUntil.getTime(), records.anchor.getTime());
  const month = String(category === 'gas_boiler' || category === 'heat_pump_air_water' ? 9 : category === 'ventilation_heat_recovery' ? 10 : 4).padStart(2, '0');
  for (let year = unit.serviceFrom.getUTCFullYear(); year <= new Date(until).getUTCFullYear(); year++) {
    const visitAt = visitSlot(workingDayFrom(`${year}-${month}-${String(records.between(1, 28)).padStart(2, '0')}`), records.random);
    const callAt = bookedAhead(visitAt, records.between(1, 2), 72, records.random);
    if (callAt < unit.serviceFrom || callAt.getTime() > until || !records.chance(0.35)) continue;
    records.addVisitJob(
      {
        type: 'maintenance',
        priority: 'low',
        description: `${servicePrices[category]?.maintenance.description ?? 'Przegląd okresowy'} – ${labelOf(unit.equipment)}`,
        site: unit.site,
        equipmentId: unit.equipment.id,
        requested: true,
        createdAt: callAt,
        createdBy: records.dispatcher(),
        window: windowAround(visitAt),
        estimatedMinutes: maintenanceMinutes(category),
        skills: skillsFor(category),
      },
      {
        scheduledAt: new Date(callAt.getTime() + records.between(5, 90) * minuteMs),
        visitAt,
        workMinutes: maintenanceMinutes(category),
        emergency: false,
        hold: null,
        lines: maintenanceLines(category, chooseDefaultVatRate(unit.premises, 'maintenance'), false),
        billing: 'invoice',
        cancel: records.chance(0.04) ? { at: new Date(callAt.getTime() + records.between(2, 72) * hourMs), reason: records.pick(cancelReasons) } : null,
      },
    );
  }
}
