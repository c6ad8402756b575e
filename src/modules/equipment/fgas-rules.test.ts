import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import {
  assessFgasStatus,
  assessLeakCheckObligation,
  calculateCo2eTonnes,
  findNextLeakCheckDue,
  scoreFgasCompliance,
  type FgasEquipment,
  type FgasStatusCode,
  type RegisterEntry,
} from './fgas-rules.ts';
import { findRefrigerant, type Refrigerant } from './refrigerants.ts';

function refrigerant(designation: string): Refrigerant {
  const found = findRefrigerant(designation);
  if (!found) throw new Error(`${designation} is not in the refrigerant table`);
  return found;
}

// A gas with GWP 1000 makes a charge in kg read as tonnes of CO2e, so a threshold can be hit exactly.
const gwp1000: Refrigerant = { ...refrigerant('R-134a'), designation: 'TEST-GWP-1000', gwp: 1000 };

// 10 kg of R-410A is 20.88 t CO2e: a leak check every 12 months.
function equipment(overrides: Partial<FgasEquipment> = {}): FgasEquipment {
  return { refrigerant: refrigerant('R-410A'), chargeKg: 10, hermeticallySealed: false, leakDetectionSystem: false, installedOn: '2024-01-15', ...overrides };
}

function tonnes(co2eTonnes: number, overrides: Partial<FgasEquipment> = {}): FgasEquipment {
  return equipment({ refrigerant: gwp1000, chargeKg: co2eTonnes, ...overrides });
}

describe('calculateCo2eTonnes', () => {
  // Plain floating point drifts on these: 2.395 × 2088 / 1000 gives 5.0007600000000005,
  // 1.1 × 3922 / 1000 gives 4.3142000000000005 and 1.001 × 1000 × 2088 / 1e6 gives 2.0900879999999997.
  it.each([
    [2.395, 2088, 5.00076],
    [2.394, 2088, 4.998672],
    [1.1, 3922, 4.3142],
    [1.001, 2088, 2.090088],
    [5, 1000, 5],
    [0, 2088, 0],
  ])('counts %s kg at GWP %i as %s t', (chargeKg, gwp, expected) => {
    expect(calculateCo2eTonnes(chargeKg, gwp)).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a charge of %s kg', (chargeKg) => {
    expect(() => calculateCo2eTonnes(chargeKg, 2088)).toThrow(AppError);
  });

  it('refuses a GWP that is not a whole number, which would break the exact arithmetic', () => {
    expect(() => calculateCo2eTonnes(2, 2087.5)).toThrow(AppError);
  });
});

describe('assessLeakCheckObligation', () => {
  it.each([
    [5, false, 12],
    [5, true, 24],
    [49.99, false, 12],
    [49.99, true, 24],
    [50, false, 6],
    [50, true, 12],
    [499.99, false, 6],
    [499.99, true, 12],
    [500, false, 3],
    [500, true, 6],
  ])('at %s t CO2e (leak detection: %s) requires a check every %i months', (co2eTonnes, leakDetectionSystem, intervalMonths) => {
    expect(assessLeakCheckObligation(tonnes(co2eTonnes, { leakDetectionSystem }))).toMatchObject({ inScope: true, reason: 'threshold_reached', intervalMonths, co2eTonnes });
  });

  it.each([false, true])('requires no check at 4.99 t CO2e (leak detection: %s)', (leakDetectionSystem) => {
    expect(assessLeakCheckObligation(tonnes(4.99, { leakDetectionSystem }))).toEqual({ inScope: false, reason: 'below_threshold', rule: 'Art. 5(1)', co2eTonnes: 4.99 });
  });

  it('reports a missing leakage detection system from 500 t CO2e', () => {
    expect(assessLeakCheckObligation(tonnes(500))).toMatchObject({ leakDetectionMissing: true, rule: 'Art. 5(3)(c)' });
    expect(assessLeakCheckObligation(tonnes(500, { leakDetectionSystem: true }))).toMatchObject({ leakDetectionMissing: false });
    expect(assessLeakCheckObligation(tonnes(499.99))).toMatchObject({ leakDetectionMissing: false });
  });

  it('exempts labelled hermetically sealed equipment below 10 t CO2e only', () => {
    expect(assessLeakCheckObligation(tonnes(9.99, { hermeticallySealed: true }))).toMatchObject({ inScope: false, reason: 'hermetically_sealed' });
    expect(assessLeakCheckObligation(tonnes(10, { hermeticallySealed: true }))).toMatchObject({ inScope: true, intervalMonths: 12 });
    expect(assessLeakCheckObligation(tonnes(9.99))).toMatchObject({ inScope: true, intervalMonths: 12 });
    expect(assessLeakCheckObligation(tonnes(4.99, { hermeticallySealed: true }))).toMatchObject({ inScope: false, reason: 'below_threshold' });
  });

  it('puts the 5 t line between 2.394 and 2.395 kg of R-410A', () => {
    expect(assessLeakCheckObligation(equipment({ chargeKg: 2.394 }))).toMatchObject({ inScope: false, reason: 'below_threshold', co2eTonnes: 4.998672 });
    expect(assessLeakCheckObligation(equipment({ chargeKg: 2.395 }))).toMatchObject({ inScope: true, intervalMonths: 12, co2eTonnes: 5.00076 });
  });

  it.each([
    ['R-290', 50],
    ['R-600a', 10],
    ['R-744', 5000],
    ['R-717', 500],
    ['R-22', 100],
  ])('leaves %s (%i kg) outside the F-gas leak checks', (designation, chargeKg) => {
    expect(assessLeakCheckObligation(equipment({ refrigerant: refrigerant(designation), chargeKg }))).toMatchObject({ inScope: false, reason: 'not_fluorinated_gas' });
  });

  it.each([
    [1, false, 12],
    [1, true, 24],
    [9.999, false, 12],
    [10, false, 6],
    [99.999, false, 6],
    [100, false, 3],
    [100, true, 6],
  ])('counts pure HFO R-1234yf in kg: %s kg (leak detection: %s) every %i months', (chargeKg, leakDetectionSystem, intervalMonths) => {
    expect(assessLeakCheckObligation(equipment({ refrigerant: refrigerant('R-1234yf'), chargeKg, leakDetectionSystem }))).toMatchObject({ inScope: true, intervalMonths });
  });

  it('applies the HFO thresholds of 1 kg, 2 kg hermetic and 100 kg leak detection', () => {
    const r1234yf = refrigerant('R-1234yf');
    expect(assessLeakCheckObligation(equipment({ refrigerant: r1234yf, chargeKg: 0.999 }))).toMatchObject({ inScope: false, reason: 'below_threshold' });
    expect(assessLeakCheckObligation(equipment({ refrigerant: r1234yf, chargeKg: 1.999, hermeticallySealed: true }))).toMatchObject({ inScope: false, reason: 'hermetically_sealed' });
    expect(assessLeakCheckObligation(equipment({ refrigerant: r1234yf, chargeKg: 2, hermeticallySealed: true }))).toMatchObject({ inScope: true, intervalMonths: 12 });
    expect(assessLeakCheckObligation(equipment({ refrigerant: r1234yf, chargeKg: 100 }))).toMatchObject({ leakDetectionMissing: true });
  });

  it('measures an HFC/HFO blend such as R-454B in CO2e as a whole, not by the kg of its HFO share', () => {
    const r454b = refrigerant('R-454B');
    expect(assessLeakCheckObligation(equipment({ refrigerant: r454b, chargeKg: 10.72 }))).toMatchObject({ inScope: false, reason: 'below_threshold', co2eTonnes: 4.99552 });
    expect(assessLeakCheckObligation(equipment({ refrigerant: r454b, chargeKg: 10.73 }))).toMatchObject({ inScope: true, intervalMonths: 12 });
  });
});

describe('findNextLeakCheckDue', () => {
  it('counts the first check from installation when the register is empty', () => {
    expect(findNextLeakCheckDue(equipment(), [])).toEqual({ dueDate: '2025-01-15', reason: 'first_check', rule: 'Art. 5(3)(a)' });
  });

  it('makes a check due now when neither a check nor an installation date is known', () => {
    expect(findNextLeakCheckDue(equipment({ installedOn: null }), [])).toEqual({ dueDate: null, reason: 'no_record', rule: 'Art. 5(3)(a)' });
  });

  it('counts from the latest check, whatever the order of the register', () => {
    const register: RegisterEntry[] = [
      { date: '2024-06-10', result: 'no_leak' },
      { date: '2025-05-20', result: 'no_leak' },
      { date: '2024-11-02', result: 'no_leak' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toEqual({ dueDate: '2026-05-20', reason: 'periodic_check', rule: 'Art. 5(3)(a)' });
  });

  it('doubles the interval with a leakage detection system', () => {
    expect(findNextLeakCheckDue(equipment({ leakDetectionSystem: true }), [{ date: '2024-06-10', result: 'no_leak' }])?.dueDate).toBe('2026-06-10');
  });

  it('ends a 6-month interval from 31 August on the last day of February', () => {
    // 20 kg of R-404A is 78.44 t CO2e.
    const coldRoom = equipment({ refrigerant: refrigerant('R-404A'), chargeKg: 20 });
    expect(findNextLeakCheckDue(coldRoom, [{ date: '2024-08-31', result: 'no_leak' }])).toMatchObject({ dueDate: '2025-02-28', rule: 'Art. 5(3)(b)' });
  });

  it('makes the repair of a found leak due within one month of the finding', () => {
    expect(findNextLeakCheckDue(equipment(), [{ date: '2024-06-10', result: 'leak_found' }])).toEqual({ dueDate: '2024-07-10', reason: 'repair_found_leak', rule: 'Art. 4(4)' });
  });

  it('requires a re-check within one month of a repair', () => {
    const register: RegisterEntry[] = [
      { date: '2024-06-10', result: 'leak_found' },
      { date: '2024-06-20', result: 'leak_repaired' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toEqual({ dueDate: '2024-07-20', reason: 'recheck_after_repair', rule: 'Art. 4(4)' });
  });

  it.each([
    ['2025-01-20', '2025-01-31', '2025-02-28'],
    ['2024-01-20', '2024-01-31', '2024-02-29'],
  ])('after a leak found on %s and repaired on %s, ends the re-check month on %s', (foundOn, repairedOn, dueDate) => {
    const register: RegisterEntry[] = [
      { date: foundOn, result: 'leak_found' },
      { date: repairedOn, result: 'leak_repaired' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toMatchObject({ dueDate, reason: 'recheck_after_repair' });
  });

  it('returns to the periodic schedule from the re-check', () => {
    const register: RegisterEntry[] = [
      { date: '2024-06-10', result: 'leak_found' },
      { date: '2024-06-20', result: 'leak_repaired' },
      { date: '2024-07-05', result: 'no_leak' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toEqual({ dueDate: '2025-07-05', reason: 'periodic_check', rule: 'Art. 5(3)(a)' });
  });

  it('keeps a re-check that finds the leak again open for repair', () => {
    const register: RegisterEntry[] = [
      { date: '2024-06-10', result: 'leak_found' },
      { date: '2024-06-20', result: 'leak_repaired' },
      { date: '2024-07-01', result: 'leak_found' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toMatchObject({ dueDate: '2024-08-01', reason: 'repair_found_leak' });
  });

  it('reports the periodic check when it falls before the post-repair re-check', () => {
    const register: RegisterEntry[] = [
      { date: '2024-01-10', result: 'no_leak' },
      { date: '2024-12-28', result: 'leak_repaired' },
    ];
    expect(findNextLeakCheckDue(equipment(), register)).toMatchObject({ dueDate: '2025-01-10', reason: 'periodic_check' });
  });

  it('takes same-day entries in register order', () => {
    const repairedThenChecked: RegisterEntry[] = [
      { date: '2024-06-20', result: 'leak_repaired' },
      { date: '2024-06-20', result: 'no_leak' },
    ];
    const checkedThenRepaired = [...repairedThenChecked].reverse();
    expect(findNextLeakCheckDue(equipment(), repairedThenChecked)).toMatchObject({ dueDate: '2025-06-20', reason: 'periodic_check' });
    expect(findNextLeakCheckDue(equipment(), checkedThenRepaired)).toMatchObject({ dueDate: '2024-07-20', reason: 'recheck_after_repair' });
  });

  it('returns null for equipment outside the leak-check rules', () => {
    expect(findNextLeakCheckDue(equipment({ refrigerant: refrigerant('R-290'), chargeKg: 50 }), [])).toBeNull();
  });

  it('refuses a register entry that is not a calendar date', () => {
    expect(() => findNextLeakCheckDue(equipment(), [{ date: '2024-02-30', result: 'no_leak' }])).toThrow(AppError);
  });
});

describe('assessFgasStatus', () => {
  const onJune1st = { today: '2025-06-01', dueSoonDays: 30 };

  function checkedOn(date: string): RegisterEntry[] {
    return [{ date, result: 'no_leak' }];
  }

  it('reports equipment outside the rules with the reason and no due date', () => {
    expect(assessFgasStatus(equipment({ refrigerant: refrigerant('R-744'), chargeKg: 8 }), [], onJune1st)).toEqual({
      status: 'not_in_scope',
      reason: 'not_fluorinated_gas',
      rule: 'Art. 2, Annexes I and II',
      dueDate: null,
    });
    expect(assessFgasStatus(tonnes(9.99, { hermeticallySealed: true }), [], onJune1st)).toMatchObject({ status: 'not_in_scope', reason: 'hermetically_sealed' });
  });

  it.each([
    ['2024-07-16', '2025-07-16', 'ok'],
    ['2024-07-02', '2025-07-02', 'ok'],
    ['2024-07-01', '2025-07-01', 'due_soon'],
    ['2024-06-01', '2025-06-01', 'due_soon'],
    ['2024-05-31', '2025-05-31', 'overdue'],
  ])('after a check on %s (next due %s) is %s on 1 June 2025 with a 30-day window', (lastCheck, dueDate, status) => {
    expect(assessFgasStatus(equipment(), checkedOn(lastCheck), onJune1st)).toEqual({ status, reason: 'periodic_check', rule: 'Art. 5(3)(a)', dueDate });
  });

  it('reads a zero-day window as "due soon" on the due date only', () => {
    const window = { today: '2025-06-01', dueSoonDays: 0 };
    expect(assessFgasStatus(equipment(), checkedOn('2024-06-01'), window)).toMatchObject({ status: 'due_soon' });
    expect(assessFgasStatus(equipment(), checkedOn('2024-06-02'), window)).toMatchObject({ status: 'ok' });
  });

  it('reports equipment with no check and no installation date as overdue', () => {
    expect(assessFgasStatus(equipment({ installedOn: null }), [], onJune1st)).toEqual({ status: 'overdue', reason: 'no_record', rule: 'Art. 5(3)(a)', dueDate: null });
  });

  it('reports 500 t CO2e without leak detection as non-compliant even with checks on time', () => {
    expect(assessFgasStatus(tonnes(500), checkedOn('2025-05-01'), onJune1st)).toEqual({
      status: 'non_compliant',
      reason: 'leak_detection_missing',
      rule: 'Art. 6(1)',
      dueDate: '2025-08-01',
    });
    expect(assessFgasStatus(tonnes(500, { leakDetectionSystem: true }), checkedOn('2025-05-01'), onJune1st)).toMatchObject({ status: 'ok', dueDate: '2025-11-01' });
  });

  it('turns overdue the day after the post-repair re-check month ends', () => {
    const register: RegisterEntry[] = [
      { date: '2025-03-01', result: 'leak_found' },
      { date: '2025-03-10', result: 'leak_repaired' },
    ];
    expect(assessFgasStatus(equipment(), register, { today: '2025-04-10', dueSoonDays: 7 })).toMatchObject({ status: 'due_soon', reason: 'recheck_after_repair', dueDate: '2025-04-10' });
    expect(assessFgasStatus(equipment(), register, { today: '2025-04-11', dueSoonDays: 7 })).toMatchObject({ status: 'overdue', reason: 'recheck_after_repair' });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a due-soon window of %s days', (dueSoonDays) => {
    expect(() => assessFgasStatus(equipment(), [], { today: '2025-06-01', dueSoonDays })).toThrow(AppError);
  });

  it('refuses a "today" that is not a calendar date', () => {
    expect(() => assessFgasStatus(equipment(), [], { today: '01.06.2025', dueSoonDays: 30 })).toThrow(AppError);
  });
});

describe('scoreFgasCompliance', () => {
  const statuses = (...codes: FgasStatusCode[]) => codes.map((status) => ({ status }));

  it('scores the share of in-scope equipment that is neither overdue nor non-compliant', () => {
    expect(scoreFgasCompliance(statuses('ok', 'due_soon', 'overdue', 'non_compliant', 'not_in_scope'))).toEqual({ inScope: 4, compliant: 2, share: 0.5 });
  });

  it.each<[FgasStatusCode[], number]>([
    [['ok', 'ok', 'ok'], 1],
    [['overdue'], 0],
    [['ok', 'overdue', 'overdue'], 1 / 3],
  ])('scores %j as %s', (codes, share) => {
    expect(scoreFgasCompliance(statuses(...codes)).share).toBe(share);
  });

  it('has no share when nothing is in scope', () => {
    expect(scoreFgasCompliance([])).toEqual({ inScope: 0, compliant: 0, share: null });
    expect(scoreFgasCompliance(statuses('not_in_scope', 'not_in_scope'))).toEqual({ inScope: 0, compliant: 0, share: null });
  });

  it('scores a fleet from its statuses on a given day', () => {
    const options = { today: '2025-06-01', dueSoonDays: 30 };
    const fleet = [
      assessFgasStatus(equipment({ refrigerant: refrigerant('R-290'), chargeKg: 0.3 }), [], options),
      assessFgasStatus(equipment(), [{ date: '2025-01-10', result: 'no_leak' }], options),
      assessFgasStatus(equipment({ refrigerant: refrigerant('R-404A'), chargeKg: 20 }), [{ date: '2024-10-01', result: 'no_leak' }], options),
    ];
    expect(fleet.map((status) => status.status)).toEqual(['not_in_scope', 'ok', 'overdue']);
    expect(scoreFgasCompliance(fleet)).toEqual({ inScope: 2, compliant: 1, share: 0.5 });
  });
});
