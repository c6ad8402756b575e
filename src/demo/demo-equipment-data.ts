import type { EquipmentCategory } from '../core/db/schema.ts';
import { unitModels, type DemoBrand, type Market, type UnitModel } from './demo-hvac-catalogue.ts';

// What stands at a demo site: categories by who the customer is and what the site is, a model
// sold in the year of installation, its charge and a serial number in its maker's style.

export type Random = () => number;

export function chooseSiteCategories(market: Market, isFlat: boolean, random: Random): EquipmentCategory[] {
  const chance = (p: number) => random() < p;
  const categories: EquipmentCategory[] = [];
  if (market === 'home') {
    const heating = random();
    // A flat in a block is heated by a combi boiler or by the city's district heating.
    if (isFlat ? heating < 0.55 : heating < 0.5) categories.push('gas_boiler');
    else if (!isFlat && heating < 0.88) categories.push('heat_pump_air_water');
    if (chance(isFlat ? 0.45 : 0.4)) categories.push(...(chance(0.12) ? ['multi_split' as const] : chance(0.25) ? (['split_ac', 'split_ac'] as const) : ['split_ac' as const]));
    if (chance(isFlat ? 0.05 : 0.3)) categories.push('ventilation_heat_recovery');
    return categories;
  }
  if (chance(0.35)) categories.push('gas_boiler');
  else if (chance(0.08)) categories.push('heat_pump_air_water');
  const cooling = random();
  if (cooling < 0.1) categories.push('vrf');
  else if (cooling < 0.13) categories.push('chiller');
  else if (cooling < 0.33) categories.push('multi_split');
  else if (cooling < 0.85) categories.push(...Array.from({ length: 1 + Math.floor(random() * 4) }, () => 'split_ac' as const));
  if (chance(0.25)) categories.push('ventilation_heat_recovery');
  return categories;
}

// A model of the category sold in that year to that market (R-410A units before the changeover,
// R-290 monoblocs only lately), chosen by how common it is.
export function chooseModel(category: EquipmentCategory, market: Market, year: number, random: Random): UnitModel {
  const ofCategory = unitModels.filter((unit) => unit.category === category);
  const ofMarket = ofCategory.filter((unit) => unit.market === market);
  const sold = (ofMarket.length > 0 ? ofMarket : ofCategory).filter((unit) => unit.soldFrom <= year && year <= unit.soldUntil);
  const pool = sold.length > 0 ? sold : ofMarket.length > 0 ? ofMarket : ofCategory;
  let ticket = random() * pool.reduce((sum, unit) => sum + unit.weight, 0);
  for (const unit of pool) {
    ticket -= unit.weight;
    if (ticket < 0) return unit;
  }
  const last = pool.at(-1);
  if (!last) throw new Error(`the demo catalogue has no ${category}`);
  return last;
}

// Grams, to 10 g: labels give charges in kg with two decimals.
export function chooseChargeGrams(unit: UnitModel, random: Random): number | null {
  if (!unit.chargeKg) return null;
  const [min, max] = unit.chargeKg;
  return Math.round((min + random() * (max - min)) * 100) * 10;
}

// Serial numbers in each maker's style. The running part is a permutation of the unit's ordinal in
// the demo (7,919,993 is coprime to 10^7), so two units of one brand never share a serial while
// the numbers still look scattered.
export function serialNumberFor(brand: DemoBrand, ordinal: number, installedOn: string | null, random: Random): string {
  const running = String((ordinal * 7_919_993) % 10_000_000).padStart(7, '0');
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const year = installedOn ? installedOn.slice(2, 4) : '00';
  const month = installedOn ? Number(installedOn.slice(5, 7)) : 1;
  const week = String(Math.min(52, Math.ceil((month - 0.5) * 4.33))).padStart(2, '0');
  switch (brand) {
    case 'Vaillant':
      return `21${year}${week}0010${digits(6)}${running}N${digits(1)}`;
    case 'Viessmann':
      return `7${digits(6)}${running}${digits(2)}`;
    case 'Buderus':
      return `7736${digits(6)}-${running}`;
    case 'Daikin':
      return `${'EFGHJKLMNPRS'[month - 1] ?? 'E'}${running}`;
    case 'Mitsubishi Electric':
      return `${year.slice(1)}${'ABCDEFGHJKLM'[month - 1] ?? 'A'}U${running}`;
    case 'LG':
      return `${year.slice(1)}${String(month).padStart(2, '0')}KA${'ABCDEFGH'[Math.floor(random() * 8)] ?? 'A'}${running}`;
    case 'Panasonic':
      return `${year}${running}${digits(1)}`;
  }
}
