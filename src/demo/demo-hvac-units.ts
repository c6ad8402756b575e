import type { EquipmentCategory } from '../core/db/schema.ts';
import { addMonths } from '../modules/equipment/fgas-dates.ts';
import { chooseDefaultVatRate, type VatPremises } from '../modules/jobs/job-pricing.ts';
import { dayMs, hourMs, minuteMs, warsawDate, warsawTime, workingDayFrom } from './demo-calendar.ts';
import { addDays } from '../core/clock.ts';
import { chooseChargeGrams, chooseModel, serialNumberFor } from './demo-equipment-data.ts';
import { cancelReasons, categoryNames, otherInstallers, servicePrices, siteNotes, type UnitModel } from './demo-hvac-catalogue.ts';
import type { CustomerRecords, DemoEquipment, PlacedUnit, Site } from './demo-hvac-records.ts';
import { installationLines } from './demo-job-lines.ts';
import { bookedAhead } from './demo-visits.ts';

// A unit at a customer's site: fitted by someone else before the customer came (recorded when the
// firm took the customer on), or installed by the firm (an installation job, then the unit recorded
// by the technician when it runs).

// What the firm writes as installer on the units it fits.
const ourInstaller = 'Chłodpol Serwis';

// Units per customer stay below 64: the unit's place in the demo (index × 64 + n) makes its serial.
const unitsPerCustomer = 64;
const earliestInstallation = Date.UTC(2008, 0, 1);

export function placeUnit(records: CustomerRecords, site: Site, category: EquipmentCategory, premises: VatPremises): PlacedUnit | null {
  const unitNo = records.nextNumber('unit');
  if (unitNo >= unitsPerCustomer) return null;
  const joined = records.bundle.customer.createdAt;
  // Many customers come for an installation; the rest bring equipment someone else fitted.
  if (records.chance(records.market === 'home' ? 0.3 : 0.2)) {
    const installDay = workingDayFrom(addDays(warsawDate(joined), records.between(3, 60)));
    if (!records.hasLeftBy(warsawTime(installDay, 0))) return installUnit(records, site, category, premises, installDay, unitNo);
  }
  // Fitted in the years before, more of them lately (a unit lasts about fifteen years).
  const latest = joined.getTime() - 30 * dayMs;
  const installedAt = latest - (latest - earliestInstallation) * records.random() ** 2;
  const installedOn = records.chance(0.05) ? null : warsawDate(new Date(installedAt));
  const model = chooseModel(category, records.market, new Date(installedAt).getUTCFullYear(), records.random);
  const createdAt = new Date(joined.getTime() + records.between(10, 240) * minuteMs);
  const equipment = recordEquipment(records, site, model, unitNo, installedOn, createdAt, records.chance(0.6) ? records.pick(otherInstallers) : null);
  return { equipment, model, site, premises, serviceFrom: createdAt, hasPlan: false };
}

function installUnit(records: CustomerRecords, site: Site, category: EquipmentCategory, premises: VatPremises, installDay: string, unitNo: number): PlacedUnit | null {
  const model = chooseModel(category, records.market, Number(installDay.slice(0, 4)), records.random);
  const [minPrice, maxPrice] = servicePrices[category]?.device ?? [500_000, 900_000];
  const devicePrice = Math.round((minPrice + records.random() * (maxPrice - minPrice)) / 1000) * 1000;
  const days = category === 'vrf' || category === 'chiller' ? records.between(3, 5) : category === 'heat_pump_air_water' || category === 'ventilation_heat_recovery' ? 2 : 1;
  const workMinutes = days === 1 ? records.between(4, 8) * 60 : (days - 1) * 24 * 60 + records.between(5, 8) * 60;
  const visitAt = warsawTime(installDay, 8 * 60 + 30 * records.between(0, 2));
  const joinedPlus = records.bundle.customer.createdAt.getTime() + 30 * minuteMs;
  const createdAt = notBefore(bookedAhead(visitAt, records.between(1, 2), 72, records.random), joinedPlus);
  const done = records.addVisitJob(
    {
      type: 'installation',
      priority: 'low',
      description: `Montaż: ${categoryNames[category]} ${model.brand} ${model.model}`,
      site,
      equipmentId: null,
      requested: true,
      createdAt,
      createdBy: records.dispatcher(),
      window: [warsawTime(installDay, 8 * 60), warsawTime(installDay, 16 * 60)],
      estimatedMinutes: workMinutes,
      skills: skillsFor(category),
    },
    {
      scheduledAt: new Date(createdAt.getTime() + records.between(5, 60) * minuteMs),
      visitAt,
      workMinutes,
      emergency: false,
      hold: null,
      lines: installationLines(model, devicePrice, model.refrigerant ? records.between(0, 6) : 0, chooseDefaultVatRate(premises, 'works')),
      billing: 'invoice',
      cancel: records.chance(0.03) ? { at: new Date(createdAt.getTime() + records.between(1, 48) * hourMs), reason: records.pick(cancelReasons) } : null,
    },
  );
  if (!done?.completedAt) return null;
  const recordedAt = new Date(done.completedAt.getTime() + records.between(5, 30) * minuteMs);
  const equipment = recordEquipment(records, site, model, unitNo, warsawDate(done.completedAt), recordedAt, ourInstaller);
  if (equipment.refrigerantChargeG) {
    // Split systems get refrigerant on site for the pipe run; monoblocs come filled and sealed.
    const addedG = model.hermeticallySealed ? 0 : Math.round((equipment.refrigerantChargeG * (0.05 + 0.25 * records.random())) / 10) * 10;
    records.recordFgas(equipment, { kind: 'installation', result: null, at: done.completedAt, technician: done.technician, addedG, notes: 'Uruchomienie: próba szczelności azotem, próżnia, napełnienie' });
  }
  return { equipment, model, site, premises, serviceFrom: recordedAt, hasPlan: false };
}

// As EquipmentService.create stores a unit (no audit entry or event: seeded records were never changed by anyone).
function recordEquipment(records: CustomerRecords, site: Site, model: UnitModel, unitNo: number, installedOn: string | null, createdAt: Date, installer: string | null): DemoEquipment {
  const ordinal = records.index * unitsPerCustomer + unitNo;
  const equipment: DemoEquipment = {
    id: records.idFor('equipment', unitNo),
    customerId: records.bundle.customer.id,
    siteId: site.id,
    category: model.category,
    brand: model.brand,
    model: model.model,
    // Old units often have an unreadable rating plate.
    serialNumber: installedOn === null && records.chance(0.5) ? null : serialNumberFor(model.brand, ordinal, installedOn, records.random),
    installedOn,
    warrantyUntil: installedOn === null ? null : addMonths(installedOn, 12 * model.warrantyYears),
    status: 'active',
    refrigerant: model.refrigerant,
    refrigerantChargeG: chooseChargeGrams(model, records.random),
    hermeticallySealed: model.hermeticallySealed,
    leakDetection: model.category === 'chiller' ? records.chance(0.7) : model.category === 'vrf' ? records.chance(0.3) : false,
    installer,
    notes: records.chance(0.15) ? records.pick(siteNotes) : null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  records.addEquipment(equipment);
  return equipment;
}

export function notBefore(at: Date, floor: number): Date {
  return at.getTime() < floor ? new Date(floor) : at;
}

// The agreed visit: two hours from the arrival's full hour.
export function windowAround(visitAt: Date): [Date, Date] {
  const start = Math.floor(visitAt.getTime() / hourMs) * hourMs;
  return [new Date(start), new Date(start + 2 * hourMs)];
}

export function labelOf(equipment: DemoEquipment): string {
  return [equipment.brand, equipment.model].filter(Boolean).join(' ');
}

export function skillsFor(category: EquipmentCategory): string[] {
  switch (category) {
    case 'gas_boiler':
    case 'oil_boiler':
      return ['gaz'];
    case 'vrf':
    case 'chiller':
      return ['F-gaz', 'VRF / chłodnictwo'];
    case 'ventilation_heat_recovery':
    case 'controller':
      return [];
    default:
      return ['F-gaz'];
  }
}

export function maintenanceMinutes(category: EquipmentCategory): number {
  switch (category) {
    case 'vrf':
      return 360;
    case 'chiller':
      return 480;
    case 'heat_pump_air_water':
    case 'multi_split':
      return 120;
    default:
      return 60;
  }
}
