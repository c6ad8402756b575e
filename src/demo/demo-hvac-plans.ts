import { addDays, businessDayStart } from '../core/clock.ts';
import type { EquipmentCategory } from '../core/db/schema.ts';
import { addMonths } from '../modules/equipment/fgas-dates.ts';
import { chooseDefaultVatRate } from '../modules/jobs/job-pricing.ts';
import { dueDatesBetween, parsePlanRule, seasonRules } from '../modules/maintenance/maintenance-schedule.ts';
import { addWorkingDays, dayMs, minuteMs, warsawDate, warsawTime, workingDayFrom } from './demo-calendar.ts';
import { servicePrices, type Market } from './demo-hvac-catalogue.ts';
import type { CustomerRecords, DemoPlan, DoneJob, PlacedUnit, Site } from './demo-hvac-records.ts';
import { maintenanceMinutes } from './demo-hvac-units.ts';
import { maintenanceLines } from './demo-job-lines.ts';
import { officeTime, visitSlot } from './demo-visits.ts';

// Service agreements (maintenance plans): before the heating season for heating, before the cooling
// season for air conditioning, twice a year for VRF and ventilation, quarterly for a chiller. Their
// jobs are made here as the scheduler made them, up to a few days before the anchor; the real
// scheduler, run by the seed, makes the rest (created at seed time, as new).

const schedulerHandOffDays = 7;

// A site's units under one service agreement per kind of service (the heating, the air
// conditioning, ...), agreed with the chance of the unit most likely to have one.
export function agreeSitePlans(records: CustomerRecords, units: readonly PlacedUnit[], site: Site): void {
  const groups = new Map<string, PlacedUnit[]>();
  for (const unit of units) {
    const { rrule } = planScheduleOf(unit.equipment.category);
    groups.set(rrule, [...(groups.get(rrule) ?? []), unit]);
  }
  for (const group of groups.values()) {
    const chance = Math.max(...group.map((unit) => planChance(unit.equipment.category, records.market)));
    if (records.chance(chance)) agreePlan(records, group, site);
  }
}

function planChance(category: EquipmentCategory, market: Market): number {
  const home: Partial<Record<EquipmentCategory, number>> = { gas_boiler: 0.3, heat_pump_air_water: 0.5, split_ac: 0.15, multi_split: 0.25, ventilation_heat_recovery: 0.2 };
  const business: Partial<Record<EquipmentCategory, number>> = { gas_boiler: 0.35, heat_pump_air_water: 0.5, split_ac: 0.35, multi_split: 0.4, vrf: 0.85, chiller: 1, ventilation_heat_recovery: 0.3 };
  return (market === 'home' ? home : business)[category] ?? 0;
}

// One plan for the units (one unit, or all of a kind at a site), agreed some weeks after the firm
// came to know them, for a year or two; most current customers renew automatically.
function agreePlan(records: CustomerRecords, units: PlacedUnit[], site: Site): void {
  const [first] = units;
  if (!first) return;
  const known = Math.max(...units.map((unit) => unit.serviceFrom.getTime()));
  const createdAt = officeTime(workingDayFrom(addDays(warsawDate(new Date(known)), records.between(0, 60))), records.random);
  if (createdAt.getTime() < known || createdAt > records.activeUntil || createdAt > records.anchor) return;
  const { category } = first.equipment;
  const schedule = planScheduleOf(category);
  const leadDays = schedule.seasonal ? records.pick([30, 30, 45, 21]) : records.pick([14, 21]);
  const startsOn = warsawDate(createdAt);
  const stillCustomer = !records.hasLeftBy(records.anchor);
  const termEnd = addDays(addMonths(startsOn, 12 * records.between(1, 2)), -1);
  const lastDay = warsawDate(records.activeUntil);
  const endsOn = stillCustomer || termEnd < lastDay ? termEnd : lastDay;
  const service = servicePrices[category]?.maintenance ?? { description: 'Przegląd okresowy', grosze: 30_000 };
  const planNo = records.nextNumber('plan');
  const plan: DemoPlan = {
    id: records.idFor('plan', planNo),
    customerId: records.bundle.customer.id,
    siteId: site.id,
    equipmentId: units.length === 1 ? first.equipment.id : null,
    title: units.length === 1 ? `${service.description} – ${first.equipment.brand} ${first.equipment.model ?? ''}`.trim() : `${schedule.group} – ${units.length} ${unitsWord(units.length)}`,
    description: `Umowa serwisowa: ${schedule.text}; 10 % rabatu na przegląd.`,
    rrule: schedule.rrule,
    leadDays,
    priceGrosze: units.reduce((sum, unit) => sum + (servicePrices[unit.equipment.category]?.maintenance.grosze ?? service.grosze), 0),
    startsOn,
    endsOn: endsOn >= startsOn ? endsOn : startsOn,
    autoRenew: stillCustomer && records.chance(0.6),
    createdAt,
  };
  records.addPlan(plan);
  for (const unit of units) unit.hasPlan = true;
  const calendar = { rule: plan.rrule, startsOn: plan.startsOn, endsOn: plan.autoRenew ? null : plan.endsOn };
  const handOff = addDays(records.anchorDay, -schedulerHandOffDays);
  let occurrenceNo = 0;
  for (const dueOn of dueDatesBetween(calendar, plan.startsOn, addDays(records.anchorDay, leadDays))) {
    // The scheduler runs every 15 minutes: a due date's job is made on the first day of its lead
    // period, or right after the plan is agreed when that day has passed.
    const jobAt = new Date(Math.max(createdAt.getTime() + records.between(1, 15) * minuteMs, warsawTime(addDays(dueOn, -leadDays), records.between(0, 15)).getTime()));
    if (warsawDate(jobAt) > handOff) break;
    const done = planJob(records, plan, units, dueOn, jobAt);
    if (done) records.addOccurrence({ id: records.idFor('occurrence', planNo * 4096 + occurrenceNo++), planId: plan.id, dueOn, jobId: done.id, createdAt: jobAt });
  }
}

// As MaintenanceService.schedulePlan opens it: a maintenance job at the service's default priority,
// by nobody, titled with the due date, the lead period in Warsaw days as its window. The office
// then books a visit within the window (a few slip past the due date, a few customers skip a year).
function planJob(records: CustomerRecords, plan: DemoPlan, units: PlacedUnit[], dueOn: string, createdAt: Date): DoneJob | null {
  const [first] = units;
  if (!first) return null;
  const { category } = first.equipment;
  const windowStartDay = addDays(dueOn, -plan.leadDays);
  const scheduledAt = officeTime(workingDayFrom(addDays(warsawDate(createdAt), records.between(1, 10))), records.random);
  const bookedFrom = workingDayFrom(addDays(warsawDate(scheduledAt) > windowStartDay ? warsawDate(scheduledAt) : windowStartDay, 1));
  const span = Math.max(0, Math.round((Date.parse(dueOn) - Date.parse(bookedFrom)) / dayMs));
  const visitDay = records.chance(0.08) ? addWorkingDays(dueOn, records.between(1, 8)) : workingDayFrom(addDays(bookedFrom, records.between(0, span)));
  const visitAt = visitSlot(visitDay, records.random);
  const lines = maintenanceLines(category, chooseDefaultVatRate(first.premises, 'maintenance'), true).map((line, i) => (i === 0 ? { ...line, quantityThousandths: 1000 * units.length } : line));
  const skipped = records.chance(0.03) ? { at: new Date(scheduledAt.getTime() + records.between(1, 10) * dayMs), reason: 'Klient rezygnuje z przeglądu w tym roku' } : null;
  return records.addVisitJob(
    {
      type: 'maintenance',
      priority: 'normal',
      description: `${plan.title} (termin ${dueOn})`,
      site: first.site,
      equipmentId: plan.equipmentId,
      requested: false,
      createdAt,
      createdBy: null,
      window: [businessDayStart(windowStartDay), new Date(businessDayStart(addDays(dueOn, 1)).getTime() - 1000)],
      estimatedMinutes: null,
      skills: [],
    },
    {
      scheduledAt,
      visitAt,
      workMinutes: maintenanceMinutes(category) * units.length,
      emergency: false,
      hold: null,
      lines,
      billing: 'invoice',
      cancel: records.hasLeftBy(visitAt) ? { at: records.activeUntil, reason: 'Klient wypowiedział umowę serwisową' } : skipped,
    },
  );
}

interface PlanSchedule {
  rrule: string;
  seasonal: boolean;
  group: string; // the title of a plan for several units
  text: string;
}

// A season preset is stored as its RRULE, any other rule normalised, as MaintenanceService does.
const schedules: Record<'heating' | 'cooling' | 'vrf' | 'chiller' | 'ventilation', PlanSchedule> = {
  heating: { rrule: seasonRules.heating, seasonal: true, group: 'Przegląd urządzeń grzewczych', text: 'przegląd raz w roku przed sezonem grzewczym' },
  cooling: { rrule: seasonRules.cooling, seasonal: true, group: 'Przegląd klimatyzacji', text: 'przegląd raz w roku przed sezonem chłodniczym' },
  vrf: { rrule: normalisedRule('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15'), seasonal: false, group: 'Przegląd systemów VRF', text: 'przegląd co pół roku' },
  chiller: { rrule: normalisedRule('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1'), seasonal: false, group: 'Przegląd agregatów wody lodowej', text: 'przegląd co kwartał' },
  ventilation: { rrule: normalisedRule('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=10'), seasonal: false, group: 'Przegląd rekuperacji', text: 'wymiana filtrów i przegląd co pół roku' },
};

function planScheduleOf(category: EquipmentCategory): PlanSchedule {
  switch (category) {
    case 'gas_boiler':
    case 'oil_boiler':
    case 'heat_pump_air_water':
    case 'heat_pump_ground':
      return schedules.heating;
    case 'vrf':
      return schedules.vrf;
    case 'chiller':
      return schedules.chiller;
    case 'ventilation_heat_recovery':
      return schedules.ventilation;
    default:
      return schedules.cooling;
  }
}

// 2-4 jednostki, 5-21 jednostek, 22-24 jednostki…
function unitsWord(count: number): string {
  const lastDigit = count % 10;
  const teen = count % 100 >= 12 && count % 100 <= 14;
  return lastDigit >= 2 && lastDigit <= 4 && !teen ? 'jednostki' : 'jednostek';
}

function normalisedRule(rule: string): string {
  const check = parsePlanRule(rule);
  if (!check.ok) throw new Error(`demo plan rule ${rule} refused: ${check.message}`);
  return check.rule;
}
