// EU F-gas leak-check rules, Regulation (EU) 2024/573 Arts. 4-6, as pure functions over plain data:
// whether a piece of equipment must be leak-checked and how often, when its next check is due from
// its register, its status on a given day, and a compliance score for a set of equipment.
// Thresholds, intervals and follow-up periods are data (the tables below), so a rule change is a data change.
// Paragraph numbers follow the layout 2024/573 took over from Art. 4 of 517/2014; check them against
// the Official Journal text before they are shown to customers.
import { assertUnreachable, invalidInput } from '../../core/errors.ts';
import { addMonths, countDaysBetween, parseIsoDate, type IsoDate } from './fgas-dates.ts';
import type { LeakCheckBasis, Refrigerant } from './refrigerants.ts';

export interface FgasEquipment {
  refrigerant: Refrigerant;
  chargeKg: number;
  hermeticallySealed: boolean; // and labelled as such: Art. 5(1) exempts only labelled equipment
  leakDetectionSystem: boolean;
  installedOn: IsoDate | null; // null when not known (imported records)
}

export interface LeakCheckTier {
  basis: Exclude<LeakCheckBasis, 'none'>;
  from: number; // inclusive; tonnes of CO2e for 'co2e', kg of gas for 'mass'
  intervalMonths: number;
  intervalMonthsWithLeakDetection: number;
  leakDetectionRequired: boolean;
  rule: string;
}

// Art. 5(3): leak-check frequency by charge, the interval doubled where a leakage detection system is
// installed. Art. 6(1): from 500 t CO2e, or 100 kg of an Annex II Section 1 gas, a leakage detection
// system is compulsory (for the stationary refrigeration, air-conditioning, heat-pump and fire-protection
// equipment this product serves). Largest threshold first: the first row a charge reaches applies.
export const leakCheckTiers: readonly LeakCheckTier[] = [
  { basis: 'co2e', from: 500, intervalMonths: 3, intervalMonthsWithLeakDetection: 6, leakDetectionRequired: true, rule: 'Art. 5(3)(c)' },
  { basis: 'co2e', from: 50, intervalMonths: 6, intervalMonthsWithLeakDetection: 12, leakDetectionRequired: false, rule: 'Art. 5(3)(b)' },
  { basis: 'co2e', from: 5, intervalMonths: 12, intervalMonthsWithLeakDetection: 24, leakDetectionRequired: false, rule: 'Art. 5(3)(a)' },
  { basis: 'mass', from: 100, intervalMonths: 3, intervalMonthsWithLeakDetection: 6, leakDetectionRequired: true, rule: 'Art. 5(3)(c)' },
  { basis: 'mass', from: 10, intervalMonths: 6, intervalMonthsWithLeakDetection: 12, leakDetectionRequired: false, rule: 'Art. 5(3)(b)' },
  { basis: 'mass', from: 1, intervalMonths: 12, intervalMonthsWithLeakDetection: 24, leakDetectionRequired: false, rule: 'Art. 5(3)(a)' },
];

// Art. 5(1), second subparagraph: labelled hermetically sealed equipment below these charges is exempt.
export const hermeticExemptionBelow: Readonly<Record<LeakCheckTier['basis'], number>> = { co2e: 10, mass: 2 };

// Art. 4(4): a repaired leak is verified by a leak check within one month of the repair. The repair
// itself is due "without undue delay", which the regulation does not put in days; giving it one month
// from the finding is our policy, not the regulation's.
export const leakFollowUpMonths = { recheckAfterRepair: 1, repairAfterFinding: 1 } as const;

const gramsPerUnit: Readonly<Record<LeakCheckTier['basis'], number>> = { co2e: 1_000_000, mass: 1_000 };

// Charges are kept to the gram (labels give kg to three decimals), so charge × an integer GWP is a
// whole number of grams of CO2e and every threshold comparison is exact: 5 t is 5, not 4.9999999.
function toChargeGrams(chargeKg: number): number {
  if (!Number.isFinite(chargeKg) || chargeKg < 0) throw invalidInput('/chargeKg', 'minimum', 'must be a number of kg, 0 or more');
  return Math.round(chargeKg * 1_000);
}

function toCo2eGrams(chargeGrams: number, gwp: number): number {
  if (!Number.isInteger(gwp) || gwp < 0) throw invalidInput('/gwp', 'integer', 'must be a whole number, 0 or more');
  return chargeGrams * gwp;
}

// Tonnes of CO2 equivalent = charge (kg) × GWP / 1000, exact to the gram of charge.
export function calculateCo2eTonnes(chargeKg: number, gwp: number): number {
  return toCo2eGrams(toChargeGrams(chargeKg), gwp) / gramsPerUnit.co2e;
}

// 'not_fluorinated_gas': natural refrigerants, and HCFCs (ozone regulation, not Art. 5).
export type LeakCheckExemption = 'not_fluorinated_gas' | 'below_threshold' | 'hermetically_sealed';

export type LeakCheckObligation =
  | { inScope: false; reason: LeakCheckExemption; rule: string; co2eTonnes: number }
  | {
      inScope: true;
      reason: 'threshold_reached';
      rule: string;
      co2eTonnes: number;
      tier: LeakCheckTier;
      intervalMonths: number;
      leakDetectionMissing: boolean; // a breach of Art. 6(1), whatever the check history
    };

export function assessLeakCheckObligation(equipment: FgasEquipment): LeakCheckObligation {
  const { refrigerant } = equipment;
  const chargeGrams = toChargeGrams(equipment.chargeKg);
  const co2eGrams = toCo2eGrams(chargeGrams, refrigerant.gwp);
  const co2eTonnes = co2eGrams / gramsPerUnit.co2e;
  const basis = refrigerant.leakCheckBasis;
  if (basis === 'none') return { inScope: false, reason: 'not_fluorinated_gas', rule: 'Art. 2, Annexes I and II', co2eTonnes };
  // Grams of CO2e for Annex I gases, grams of gas for Annex II Section 1 gases.
  const amount = basis === 'co2e' ? co2eGrams : chargeGrams;
  const reaches = (threshold: number) => amount >= Math.round(threshold * gramsPerUnit[basis]);
  const tier = leakCheckTiers.find((row) => row.basis === basis && reaches(row.from));
  if (!tier) return { inScope: false, reason: 'below_threshold', rule: 'Art. 5(1)', co2eTonnes };
  if (equipment.hermeticallySealed && !reaches(hermeticExemptionBelow[basis])) {
    return { inScope: false, reason: 'hermetically_sealed', rule: 'Art. 5(1)', co2eTonnes };
  }
  return {
    inScope: true,
    reason: 'threshold_reached',
    rule: tier.rule,
    co2eTonnes,
    tier,
    intervalMonths: equipment.leakDetectionSystem ? tier.intervalMonthsWithLeakDetection : tier.intervalMonths,
    leakDetectionMissing: tier.leakDetectionRequired && !equipment.leakDetectionSystem,
  };
}

// One line of the equipment's F-gas register (in Poland, the CRO equipment card). 'no_leak' and
// 'leak_found' are leak checks; 'leak_repaired' is a repair, which is not a check.
export type RegisterResult = 'no_leak' | 'leak_found' | 'leak_repaired';

export interface RegisterEntry {
  date: IsoDate;
  result: RegisterResult;
}

// 'first_check': nothing recorded yet, so the first interval runs from installation (our policy: the
// regulation sets a frequency, not a first date). 'no_record': neither a check nor an installation
// date is known, so a check is due now.
export type LeakCheckDueReason = 'first_check' | 'periodic_check' | 'recheck_after_repair' | 'repair_found_leak' | 'no_record';

export interface LeakCheckDue {
  dueDate: IsoDate | null; // null: due now, nothing to count from
  reason: LeakCheckDueReason;
  rule: string;
}

// The next check (or repair) due, from the register; null when the equipment needs no leak checks.
export function findNextLeakCheckDue(equipment: FgasEquipment, register: readonly RegisterEntry[]): LeakCheckDue | null {
  const obligation = assessLeakCheckObligation(equipment);
  return obligation.inScope ? findEarliestDue(obligation, equipment.installedOn, register) : null;
}

function findEarliestDue(obligation: Extract<LeakCheckObligation, { inScope: true }>, installedOn: IsoDate | null, register: readonly RegisterEntry[]): LeakCheckDue {
  for (const entry of register) parseIsoDate(entry.date);
  let lastCheck: IsoDate | null = null;
  let unrepairedLeakFound: IsoDate | null = null;
  let repairAwaitingRecheck: IsoDate | null = null;
  // Stable sort: same-day entries keep the register's order, so "repaired, then re-checked" on one day counts.
  for (const entry of [...register].sort((a, b) => compareDates(a.date, b.date))) {
    switch (entry.result) {
      case 'no_leak':
        // A clean check also closes a leak whose repair was never recorded.
        lastCheck = entry.date;
        unrepairedLeakFound = null;
        repairAwaitingRecheck = null;
        break;
      case 'leak_found':
        lastCheck = entry.date;
        unrepairedLeakFound = entry.date;
        repairAwaitingRecheck = null;
        break;
      case 'leak_repaired':
        unrepairedLeakFound = null;
        repairAwaitingRecheck = entry.date;
        break;
      default:
        return assertUnreachable(entry.result);
    }
  }
  const periodicFrom = lastCheck ?? installedOn;
  const candidates: LeakCheckDue[] = [
    periodicFrom === null
      ? { dueDate: null, reason: 'no_record', rule: obligation.rule }
      : { dueDate: addMonths(periodicFrom, obligation.intervalMonths), reason: lastCheck !== null ? 'periodic_check' : 'first_check', rule: obligation.rule },
  ];
  if (repairAwaitingRecheck !== null) {
    candidates.push({ dueDate: addMonths(repairAwaitingRecheck, leakFollowUpMonths.recheckAfterRepair), reason: 'recheck_after_repair', rule: 'Art. 4(4)' });
  }
  if (unrepairedLeakFound !== null) {
    candidates.push({ dueDate: addMonths(unrepairedLeakFound, leakFollowUpMonths.repairAfterFinding), reason: 'repair_found_leak', rule: 'Art. 4(4)' });
  }
  return candidates.reduce((earliest, candidate) => (compareDue(candidate, earliest) < 0 ? candidate : earliest));
}

// A missing due date means "due now", so it sorts first.
function compareDue(a: LeakCheckDue, b: LeakCheckDue): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return -1;
  if (b.dueDate === null) return 1;
  return compareDates(a.dueDate, b.dueDate);
}

// Valid ISO dates order as strings.
function compareDates(a: IsoDate, b: IsoDate): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export type FgasStatusCode = 'not_in_scope' | 'ok' | 'due_soon' | 'overdue' | 'non_compliant';

export type FgasStatusReason = LeakCheckExemption | LeakCheckDueReason | 'leak_detection_missing';

export interface FgasStatus {
  status: FgasStatusCode;
  reason: FgasStatusReason;
  rule: string;
  dueDate: IsoDate | null;
}

export interface FgasStatusOptions {
  today: IsoDate;
  dueSoonDays: number; // 'due_soon' from this many days before the due date, the due date included
}

// Status on `today`. A missing leakage detection system outranks the check schedule: the equipment
// breaches Art. 6(1) even with every check on time (its due date is still reported).
export function assessFgasStatus(equipment: FgasEquipment, register: readonly RegisterEntry[], options: FgasStatusOptions): FgasStatus {
  const { today, dueSoonDays } = options;
  parseIsoDate(today);
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw invalidInput('/dueSoonDays', 'minimum', 'must be a whole number of days, 0 or more');
  const obligation = assessLeakCheckObligation(equipment);
  if (!obligation.inScope) return { status: 'not_in_scope', reason: obligation.reason, rule: obligation.rule, dueDate: null };
  const due = findEarliestDue(obligation, equipment.installedOn, register);
  if (obligation.leakDetectionMissing) return { status: 'non_compliant', reason: 'leak_detection_missing', rule: 'Art. 6(1)', dueDate: due.dueDate };
  return { status: classifyTiming(due.dueDate, today, dueSoonDays), reason: due.reason, rule: due.rule, dueDate: due.dueDate };
}

function classifyTiming(dueDate: IsoDate | null, today: IsoDate, dueSoonDays: number): 'ok' | 'due_soon' | 'overdue' {
  if (dueDate === null) return 'overdue';
  const daysLeft = countDaysBetween(today, dueDate);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= dueSoonDays ? 'due_soon' : 'ok';
}

export interface FgasComplianceScore {
  inScope: number;
  compliant: number; // in scope and 'ok' or 'due_soon'
  share: number | null; // compliant / inScope, 0-1; null when nothing is in scope
}

// Share of in-scope equipment that is compliant today: no overdue check and no missing leakage
// detection system ('non_compliant' counts against the score). With nothing in scope the share is
// null, not 100 %: a firm with no F-gas equipment has no compliance to show, and a dashboard should
// say so rather than print a perfect score.
export function scoreFgasCompliance(statuses: readonly Pick<FgasStatus, 'status'>[]): FgasComplianceScore {
  let inScope = 0;
  let compliant = 0;
  for (const { status } of statuses) {
    switch (status) {
      case 'not_in_scope':
        break;
      case 'ok':
      case 'due_soon':
        inScope += 1;
        compliant += 1;
        break;
      case 'overdue':
      case 'non_compliant':
        inScope += 1;
        break;
      default:
        return assertUnreachable(status);
    }
  }
  return { inScope, compliant, share: inScope === 0 ? null : compliant / inScope };
}
