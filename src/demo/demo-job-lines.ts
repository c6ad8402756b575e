import type { EquipmentCategory } from '../core/db/schema.ts';
import type { LineItem, VatRate } from '../modules/jobs/job-pricing.ts';
import { prices, servicePrices, type RepairCase, type UnitModel } from './demo-hvac-catalogue.ts';

// The priced lines a technician enters on a demo job, from the firm's price list (net grosze,
// quantities in thousandths); the VAT rate comes from the caller (job-pricing.ts's default rate).

const hours = (value: number) => Math.round(value * 4) * 250;
const line = (kind: LineItem['kind'], description: string, quantityThousandths: number, unitPriceGrosze: number, vatRate: VatRate): LineItem => ({
  kind,
  description,
  quantityThousandths,
  unitPriceGrosze,
  vatRate,
});

export function maintenanceLines(category: EquipmentCategory, vatRate: VatRate, contractDiscount: boolean): LineItem[] {
  const service = servicePrices[category]?.maintenance ?? { description: 'Przegląd okresowy', grosze: 30_000 };
  const lines = [line('labour', service.description, 1000, service.grosze, vatRate), line('other', 'Dojazd na terenie Warszawy', 1000, prices.travel, vatRate)];
  if (category === 'gas_boiler') lines.push(line('part', 'Uszczelka komory spalania', 1000, 3_800, vatRate));
  if (category === 'ventilation_heat_recovery') lines.push(line('part', 'Komplet filtrów G4 + F7', 1000, 12_000, vatRate));
  if (category === 'split_ac' || category === 'multi_split') lines.push(line('part', 'Preparat do dezynfekcji parownika', 1000, 3_000, vatRate));
  // Customers with a service agreement get 10 % off the service itself.
  if (contractDiscount && lines[0]) lines[0] = { ...lines[0], discountBasisPoints: 1000 };
  return lines;
}

// Under warranty the maker pays: the lines show what was done at no charge.
export function repairLines(repair: RepairCase, vatRate: VatRate, options: { emergency: boolean; underWarranty: boolean; extraHours?: number }): LineItem[] {
  const charge = (grosze: number) => (options.underWarranty ? 0 : grosze);
  const suffix = options.underWarranty ? ' (gwarancja)' : '';
  const lines = [line('labour', `Diagnostyka i naprawa${suffix}`, hours(repair.hours + (options.extraHours ?? 0)), charge(prices.labourPerHour), vatRate)];
  if (repair.part) lines.push(line('part', `${repair.part.description}${suffix}`, 1000, charge(repair.part.grosze), vatRate));
  // An emergency call-out is charged even under warranty: the maker pays for the repair, not for the night.
  lines.push(options.emergency ? line('other', 'Wyjazd awaryjny', 1000, prices.emergencyCallOut, vatRate) : line('other', `Dojazd na terenie Warszawy${suffix}`, 1000, charge(prices.travel), vatRate));
  return lines;
}

export function installationLines(unit: UnitModel, devicePriceGrosze: number, extraPipeMetres: number, vatRate: VatRate): LineItem[] {
  const labour = servicePrices[unit.category]?.installationLabour ?? 150_000;
  const lines = [
    line('part', `${unit.brand} ${unit.model}`, 1000, devicePriceGrosze, vatRate),
    line('labour', 'Montaż i uruchomienie', 1000, labour, vatRate),
    line('part', 'Materiały instalacyjne (wsporniki, izolacja, przewody)', 1000, Math.round(labour * 0.15), vatRate),
  ];
  if (unit.refrigerant && extraPipeMetres > 0) lines.push(line('part', 'Instalacja chłodnicza – dodatkowy metr', extraPipeMetres * 1000, 12_000, vatRate));
  return lines;
}

export function leakCheckLines(category: EquipmentCategory, vatRate: VatRate): LineItem[] {
  const price = servicePrices[category]?.leakCheck || 25_000;
  return [line('labour', 'Kontrola szczelności z wpisem do karty urządzenia (CRO)', 1000, price, vatRate), line('other', 'Dojazd na terenie Warszawy', 1000, prices.travel, vatRate)];
}

export function leakRepairLines(refrigerant: string, addedGrams: number, vatRate: VatRate): LineItem[] {
  return [
    line('labour', 'Lokalizacja i usunięcie nieszczelności (lutowanie)', 1000, prices.leakRepairLabour, vatRate),
    line('labour', 'Próba ciśnieniowa azotem i próżniowanie', 1000, prices.pressureTestAndVacuum, vatRate),
    line('part', `Czynnik ${refrigerant} (kg)`, addedGrams, prices.refrigerantPerKg[refrigerant] ?? 30_000, vatRate),
    line('other', 'Dojazd na terenie Warszawy', 1000, prices.travel, vatRate),
  ];
}
