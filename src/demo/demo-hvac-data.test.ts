import { describe, expect, it } from 'vitest';
import { addDays, businessDate, businessDayStart } from '../core/clock.ts';
import { assessFgasStatus, assessLeakCheckObligation, calculateCo2eTonnes, type RegisterEntry } from '../modules/equipment/fgas-rules.ts';
import { addMonths } from '../modules/equipment/fgas-dates.ts';
import { findRefrigerant } from '../modules/equipment/refrigerants.ts';
import { transition, type JobStatus, type JobTransitionRecord } from '../modules/jobs/job-lifecycle.ts';
import { defaultChecklists } from '../modules/jobs/job-checklists.ts';
import { checkLineItem } from '../modules/jobs/job-pricing.ts';
import { seasonRules } from '../modules/maintenance/maintenance-schedule.ts';
import { generateWarsawDemoRegions } from '../modules/regions/warsaw-demo-regions.ts';
import { warsawDate } from './demo-calendar.ts';
import { generateDemoCustomers } from './demo-crm-data.ts';
import { generateDemoHvac } from './demo-hvac-data.ts';
import { demoBrands, unitModels } from './demo-hvac-catalogue.ts';
import type { DemoEquipment, DemoHvac, DemoStaffMember } from './demo-hvac-records.ts';

const regions = generateWarsawDemoRegions().map((region, i) => ({ ...region, id: `r${i}` }));
// Wednesday 2 September 2026, noon in Warsaw: technicians are out, the heating season's services are being booked.
const anchor = new Date('2026-09-02T10:00:00Z');
const today = businessDate(anchor);
const staff: DemoStaffMember[] = (['owner', 'admin', 'dispatcher', 'dispatcher', 'technician', 'technician', 'technician', 'technician', 'technician', 'viewer'] as const).map((role, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Pracownik ${i}`,
  role,
}));
const bundles = [...generateDemoCustomers({ seed: 5, count: 1000, anchor, regions })];
const sut = generateDemoHvac(bundles, 0, { seed: 5, anchor, staff });
const dayMs = 86_400_000;

describe('demo HVAC history: equipment, F-gas register, jobs and plans for the demo customers', () => {
  it('is deterministic, and a customer gets the same history alone or in a batch', () => {
    expect(generateDemoHvac(bundles, 0, { seed: 5, anchor, staff })).toEqual(sut);
    const inTwo = [generateDemoHvac(bundles.slice(0, 400), 0, { seed: 5, anchor, staff }), generateDemoHvac(bundles.slice(400), 400, { seed: 5, anchor, staff })];
    expect(inTwo.flatMap((part) => part.jobs)).toEqual(sut.jobs);
    expect(inTwo.flatMap((part) => part.equipment)).toEqual(sut.equipment);
  });

  it('fits units of the seven brands, catalogue models, serials unique per brand, known refrigerants with plausible charges', () => {
    expect(new Set(sut.equipment.map((unit) => unit.brand))).toEqual(new Set(demoBrands));
    for (const unit of sut.equipment) {
      const model = unitModels.find((candidate) => candidate.brand === unit.brand && candidate.model === unit.model);
      expect(model, `${unit.brand} ${unit.model}`).toBeDefined();
      expect(unit.category).toBe(model?.category);
      expect(unit.refrigerant === null).toBe(unit.refrigerantChargeG === null);
      if (unit.refrigerant && unit.refrigerantChargeG && model?.chargeKg) {
        expect(findRefrigerant(unit.refrigerant)?.designation).toBe(unit.refrigerant);
        expect(unit.refrigerantChargeG).toBeGreaterThanOrEqual(model.chargeKg[0] * 1000);
        expect(unit.refrigerantChargeG).toBeLessThanOrEqual(model.chargeKg[1] * 1000);
      }
      if (unit.installedOn && unit.warrantyUntil) expect(unit.warrantyUntil > unit.installedOn).toBe(true);
      if (unit.installedOn) expect(unit.installedOn <= today).toBe(true);
    }
    const serials = sut.equipment.flatMap((unit) => (unit.serialNumber ? [`${unit.brand.toLowerCase()} ${unit.serialNumber}`] : []));
    expect(new Set(serials).size).toBe(serials.length);
    const splitsR32 = sut.equipment.filter((unit) => unit.category === 'split_ac' && unit.refrigerant === 'R-32' && unit.model?.includes('FTXM'));
    expect(splitsR32.length).toBeGreaterThan(0);
    for (const unit of splitsR32) expect((unit.refrigerantChargeG ?? 0) / 1000).toBeGreaterThanOrEqual(0.6);
    expect(sut.equipment.filter((unit) => unit.category === 'vrf').some((unit) => co2eOf(unit) >= 50)).toBe(true);
    expect(sut.equipment.some((unit) => unit.category === 'chiller')).toBe(true);
    expect(sut.equipment.some((unit) => unit.refrigerant === 'R-290' && unit.hermeticallySealed)).toBe(true);
    expect(sut.equipment.some((unit) => unit.leakDetection)).toBe(true);
    expect(sut.equipment.filter((unit) => unit.refrigerant === 'R-744').length).toBeLessThan(sut.equipment.length / 100);
  });

  it('keeps an F-gas register the rules can read: entries in the past, on units that hold refrigerant, checks only where they are due', () => {
    const units = new Map(sut.equipment.map((unit) => [unit.id, unit]));
    for (const entry of sut.register) {
      const unit = units.get(entry.equipmentId);
      expect(unit?.refrigerant).toBeTruthy();
      expect(entry.performedOn <= today).toBe(true);
      expect(entry.createdAt.getTime()).toBeLessThanOrEqual(anchor.getTime());
      expect(entry.certificateNumber).toMatch(/^FGAZ-O\/\d{2}\/\d{4}\/\d{2}$/);
      if (entry.kind === 'leak_check' && unit) expect(obligationOf(unit).inScope).toBe(true);
    }
  });

  it('leaves most in-scope units compliant today, some due soon and some overdue', () => {
    const statuses = sut.equipment.filter((unit) => unit.refrigerant).map((unit) => statusOf(unit, sut));
    const count = (status: string) => statuses.filter((s) => s.status === status).length;
    expect(count('ok')).toBeGreaterThan(count('overdue'));
    expect(count('overdue')).toBeGreaterThan(0);
    expect(count('due_soon')).toBeGreaterThan(0);
  });

  it('repairs each leak a check finds and checks the unit again within a month of the repair', () => {
    const found = sut.register.filter((entry) => entry.result === 'leak_found');
    expect(found.length).toBeGreaterThan(0);
    const completed = found.filter((leak) => sut.register.some((entry) => entry.equipmentId === leak.equipmentId && entry.kind === 'leak_repair' && entry.performedOn >= leak.performedOn));
    expect(completed.length).toBeGreaterThan(0);
    for (const leak of completed) {
      const repair = sut.register.find((entry) => entry.equipmentId === leak.equipmentId && entry.kind === 'leak_repair' && entry.performedOn >= leak.performedOn);
      expect(repair?.refrigerantAddedG).toBeGreaterThan(0);
      const recheck = sut.register.find((entry) => entry.equipmentId === leak.equipmentId && entry.kind === 'leak_check' && entry.result === 'no_leak' && repair && entry.performedOn >= repair.performedOn);
      if (recheck && repair) expect(recheck.performedOn <= addMonths(repair.performedOn, 1)).toBe(true);
    }
  });

  it('spreads jobs over the two years before the anchor, most closed or invoiced, the recent ones still open', () => {
    const created = sut.jobs.map((job) => job.row.createdAt.getTime());
    expect(Math.max(...created)).toBeLessThanOrEqual(anchor.getTime());
    expect(Math.min(...created)).toBeGreaterThan(anchor.getTime() - 731 * dayMs);
    expect(Math.min(...created)).toBeLessThan(anchor.getTime() - 600 * dayMs);
    const byStatus = countBy(sut.jobs.map((job) => job.row.status));
    expect(Object.keys(byStatus)).toEqual(expect.arrayContaining(['closed', 'invoiced', 'completed', 'cancelled', 'scheduled', 'on_hold']));
    expect(['new', 'dispatched', 'en_route', 'in_progress'].filter((status) => byStatus[status])).not.toEqual([]);
    expect((byStatus.closed ?? 0) + (byStatus.invoiced ?? 0)).toBeGreaterThan(sut.jobs.length * 0.8);
    expect((byStatus.cancelled ?? 0) / sut.jobs.length).toBeLessThan(0.06);
    const open = sut.jobs.filter((job) => !['closed', 'invoiced', 'cancelled', 'completed'].includes(job.row.status));
    for (const job of open) expect(job.row.createdAt.getTime()).toBeGreaterThan(anchor.getTime() - 45 * dayMs);
    expect(new Set(sut.jobs.map((job) => job.row.type))).toEqual(new Set(['installation', 'repair', 'maintenance', 'inspection', 'fgas_leak_check', 'emergency']));
  });

  it('moves every job only as the lifecycle allows, in time order, keeping the row as JobsService would', () => {
    for (const { row, history } of sut.jobs) {
      let job: { status: JobStatus; history: JobTransitionRecord[] } = { status: 'new', history: [] };
      for (const entry of history) {
        const outcome = transition(job, { to: entry.to, actor: entry.actor, at: entry.at, reason: entry.reason });
        if (!outcome.ok) throw new Error(`${row.id}: ${outcome.error.message}`);
        job = { status: outcome.job.status, history: [...outcome.job.history] };
        expect(entry.at.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
        expect(entry.at.getTime()).toBeLessThanOrEqual(anchor.getTime());
      }
      expect(job.status).toBe(row.status);
      expect(row.arrivedAt?.getTime() ?? null).toBe(history.find((entry) => entry.to === 'in_progress')?.at.getTime() ?? null);
      expect(row.version).toBeGreaterThanOrEqual(1 + history.length);
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(history.at(-1)?.at.getTime() ?? row.createdAt.getTime());
      if (row.windowStart && row.windowEnd) expect(row.windowEnd > row.windowStart).toBe(true);
    }
  });

  it('copies each job\'s checklist from its type\'s template and has the technician tick it off while working', () => {
    for (const { row, history, checklist } of sut.jobs) {
      expect(checklist.map((item) => item.label)).toEqual(defaultChecklists[row.type]);
      const completed = history.find((entry) => entry.to === 'completed');
      const arrived = history.find((entry) => entry.to === 'in_progress');
      if (completed) expect(checklist.every((item) => item.doneBy === completed.actor.id)).toBe(true);
      if (!arrived) expect(checklist.every((item) => item.doneAt === null)).toBe(true);
      for (const item of checklist) {
        if (!item.doneAt || !arrived) continue;
        expect(item.doneAt.getTime()).toBeGreaterThanOrEqual(arrived.at.getTime());
        expect(item.doneAt.getTime()).toBeLessThanOrEqual((completed?.at ?? anchor).getTime());
      }
    }
  });

  it('prices lines as the jobs service accepts them, at 8 % VAT in homes and 23 % at companies', () => {
    const kindOf = new Map(bundles.map((bundle) => [bundle.customer.id, bundle.customer.kind]));
    const priced = sut.jobs.filter((job) => job.lines.length > 0);
    expect(priced.length).toBeGreaterThan(sut.jobs.length / 2);
    for (const job of priced) {
      for (const line of job.lines) {
        expect(checkLineItem(line)).toEqual([]);
        expect(line.vatRate).toBe(kindOf.get(job.row.customerId) === 'company' ? 23 : 8);
      }
      // The technician enters them when the work is done.
      expect(job.history.some((entry) => entry.to === 'in_progress')).toBe(true);
    }
  });

  it('calls out for heating failures in the heating season and for cooling failures in summer', () => {
    const units = new Map(sut.equipment.map((unit) => [unit.id, unit]));
    const emergencies = sut.jobs.filter((job) => job.row.type === 'emergency');
    const month = (date: Date) => Number(warsawDate(date).slice(5, 7));
    const heating = emergencies.filter((job) => ['gas_boiler', 'heat_pump_air_water'].includes(units.get(job.row.equipmentId ?? '')?.category ?? ''));
    const cooling = emergencies.filter((job) => ['split_ac', 'multi_split', 'vrf', 'chiller'].includes(units.get(job.row.equipmentId ?? '')?.category ?? ''));
    expect(heating.length).toBeGreaterThan(0);
    expect(cooling.length).toBeGreaterThan(0);
    expect(heating.filter((job) => month(job.row.createdAt) >= 10 || month(job.row.createdAt) <= 4).length / heating.length).toBeGreaterThan(0.75);
    expect(cooling.filter((job) => month(job.row.createdAt) >= 5 && month(job.row.createdAt) <= 9).length / cooling.length).toBeGreaterThan(0.7);
  });

  it('agrees maintenance plans for the heating and cooling seasons, some renewing, their jobs made as the scheduler makes them', () => {
    expect(sut.plans.map((plan) => plan.rrule)).toEqual(expect.arrayContaining([seasonRules.heating, seasonRules.cooling]));
    expect(sut.plans.some((plan) => plan.autoRenew)).toBe(true);
    expect(sut.plans.some((plan) => !plan.autoRenew)).toBe(true);
    const jobs = new Map(sut.jobs.map((job) => [job.row.id, job.row]));
    const plans = new Map(sut.plans.map((plan) => [plan.id, plan]));
    expect(sut.occurrences.length).toBeGreaterThan(sut.plans.length / 2);
    for (const occurrence of sut.occurrences) {
      const job = jobs.get(occurrence.jobId);
      const plan = plans.get(occurrence.planId);
      expect(job).toMatchObject({ type: 'maintenance', priority: 'normal', createdBy: null, description: `${plan?.title} (termin ${occurrence.dueOn})` });
      expect(job?.windowEnd?.getTime()).toBe(businessDayStart(addDays(occurrence.dueOn, 1)).getTime() - 1000);
      expect(occurrence.dueOn >= (plan?.startsOn ?? '')).toBe(true);
    }
  });
});

function co2eOf(unit: DemoEquipment): number {
  const refrigerant = unit.refrigerant ? findRefrigerant(unit.refrigerant) : null;
  return refrigerant && unit.refrigerantChargeG ? calculateCo2eTonnes(unit.refrigerantChargeG / 1000, refrigerant.gwp) : 0;
}

function fgasUnitOf(unit: DemoEquipment) {
  const refrigerant = unit.refrigerant ? findRefrigerant(unit.refrigerant) : null;
  if (!refrigerant || unit.refrigerantChargeG === null) throw new Error(`${unit.id} holds no refrigerant`);
  return { refrigerant, chargeKg: unit.refrigerantChargeG / 1000, hermeticallySealed: unit.hermeticallySealed, leakDetectionSystem: unit.leakDetection, installedOn: unit.installedOn };
}

function obligationOf(unit: DemoEquipment) {
  return assessLeakCheckObligation(fgasUnitOf(unit));
}

function statusOf(unit: DemoEquipment, hvac: DemoHvac) {
  const entries: RegisterEntry[] = hvac.register
    .filter((entry) => entry.equipmentId === unit.id)
    .flatMap((entry): RegisterEntry[] => (entry.kind === 'leak_check' && entry.result ? [{ date: entry.performedOn, result: entry.result }] : entry.kind === 'leak_repair' ? [{ date: entry.performedOn, result: 'leak_repaired' }] : []));
  return assessFgasStatus(fgasUnitOf(unit), entries, { today, dueSoonDays: 30 });
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
