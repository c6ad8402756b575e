import type { FieldProblem } from '../../core/errors.ts';

// Prices and VAT of a job's line items, exact to the grosz. Pure: no I/O. Amounts are integer
// grosze (PLN), quantities integer thousandths (1.5 h is 1500), discounts integer basis points
// (12.5 % is 1250); products are taken in BigInt, so no step ever holds a fraction of a grosz.
//
// Method, as on a Polish VAT invoice (ustawa o VAT, art. 106e ust. 1):
// - each line's net value (pkt 11) is quantity × net unit price less its discount (pkt 9, 10),
//   rounded once to the grosz;
// - the net values are summed per VAT rate (pkt 13), and the tax is computed once per rate on that
//   sum (pkt 14: "kwotę podatku od sumy wartości sprzedaży netto, z podziałem na kwoty dotyczące
//   poszczególnych stawek"), never line by line and added up;
// - gross per rate is net + VAT, and the invoice totals are the sums over the rates.
// Rounding (art. 106e ust. 11): to full grosze, fractions below half a grosz dropped, half a grosz
// and more rounded up; for negative amounts (rebate lines, corrections) the mirror image, i.e. half
// away from zero, so a correction cancels its original to the grosz. Net values use the same rule.
// Net-priced lines only: the gross method of art. 106e ust. 7–8 (retail) is not used.

export const vatRates = [23, 8, 5, 0] as const;
export type VatRate = (typeof vatRates)[number];

export const lineItemKinds = ['part', 'labour', 'other'] as const;
export type LineItemKind = (typeof lineItemKinds)[number];

export interface LineItem {
  kind: LineItemKind;
  description: string;
  // thousandths of a unit: 1.5 h is 1500, 2.25 m is 2250
  quantityThousandths: number;
  // net, may be negative for a rebate or a returned part
  unitPriceGrosze: number;
  vatRate: VatRate;
  // hundredths of a percent: 12.5 % is 1250; absent means none
  discountBasisPoints?: number;
}

export interface PricedLine extends LineItem {
  netGrosze: number;
  // what the discount took off the undiscounted line value (both rounded to the grosz)
  discountGrosze: number;
}

export interface VatRateTotal {
  rate: VatRate;
  netGrosze: number;
  vatGrosze: number;
  grossGrosze: number;
}

export interface JobTotals {
  // in the order given
  lines: PricedLine[];
  // rates present on the lines, highest first
  byRate: VatRateTotal[];
  netGrosze: number;
  vatGrosze: number;
  grossGrosze: number;
}

const maxQuantityThousandths = 1_000_000_000; // a million units
const maxUnitPriceGrosze = 1_000_000_000; // 10 million zł
const fullBasisPoints = 10_000;

export function priceLine(line: LineItem): PricedLine {
  assertLineValid(line);
  const value = BigInt(line.quantityThousandths) * BigInt(line.unitPriceGrosze);
  const kept = BigInt(fullBasisPoints - (line.discountBasisPoints ?? 0));
  const listGrosze = divideRounded(value, 1000n);
  const netGrosze = divideRounded(value * kept, 1000n * BigInt(fullBasisPoints));
  return { ...line, netGrosze: toSafeNumber(netGrosze), discountGrosze: toSafeNumber(listGrosze - netGrosze) };
}

// Throws RangeError on a line checkLineItem refuses: totals are never computed from unchecked input.
export function computeTotals(lines: readonly LineItem[]): JobTotals {
  const priced = lines.map(priceLine);
  const byRate = vatRates.flatMap((rate) => {
    const ofRate = priced.filter((line) => line.vatRate === rate);
    if (ofRate.length === 0) return [];
    const net = sum(ofRate.map((line) => BigInt(line.netGrosze)));
    const vat = divideRounded(net * BigInt(rate), 100n);
    return [{ rate, net, vat }];
  });
  const net = sum(byRate.map((group) => group.net));
  const vat = sum(byRate.map((group) => group.vat));
  return {
    lines: priced,
    byRate: byRate.map((group) => ({
      rate: group.rate,
      netGrosze: toSafeNumber(group.net),
      vatGrosze: toSafeNumber(group.vat),
      grossGrosze: toSafeNumber(group.net + group.vat),
    })),
    netGrosze: toSafeNumber(net),
    vatGrosze: toSafeNumber(vat),
    grossGrosze: toSafeNumber(net + vat),
  };
}

export type DecimalCheck = { ok: true; value: number } | { ok: false; rule: 'format' | 'range'; message: string };

// "1.5", "2,25" (as typed in Polish), 1.5 (JSON) or "1.500" (a numeric(12,3) column) to thousandths.
export function parseQuantity(value: string | number): DecimalCheck {
  const thousandths = parseScaledDecimal(value, 3);
  if (thousandths === null) return { ok: false, rule: 'format', message: 'must be a positive number with at most 3 decimals' };
  if (thousandths === 0 || thousandths > maxQuantityThousandths) return { ok: false, rule: 'range', message: 'must be more than 0 and at most 1000000' };
  return { ok: true, value: thousandths };
}

// "12.5" or 12.5 (percent) to basis points.
export function parseDiscountPercent(value: string | number): DecimalCheck {
  const basisPoints = parseScaledDecimal(value, 2);
  if (basisPoints === null) return { ok: false, rule: 'format', message: 'must be a percentage with at most 2 decimals' };
  if (basisPoints > fullBasisPoints) return { ok: false, rule: 'range', message: 'must be between 0 and 100' };
  return { ok: true, value: basisPoints };
}

// Field problems of one line; `path` prefixes the field names (e.g. "/body/lines/2").
export function checkLineItem(line: LineItem, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (field: keyof LineItem, rule: string, message: string): void => {
    problems.push({ field: `${path}/${field}`, rule, message });
  };
  if (!lineItemKinds.includes(line.kind)) refuse('kind', 'enum', `must be one of ${lineItemKinds.join(', ')}`);
  if (line.description.trim() === '') refuse('description', 'required', 'must not be blank');
  if (!isIntegerWithin(line.quantityThousandths, 1, maxQuantityThousandths)) {
    refuse('quantityThousandths', 'range', `must be a whole number of thousandths from 1 to ${maxQuantityThousandths}`);
  }
  if (!isIntegerWithin(line.unitPriceGrosze, -maxUnitPriceGrosze, maxUnitPriceGrosze)) {
    refuse('unitPriceGrosze', 'range', `must be a whole number of grosze from -${maxUnitPriceGrosze} to ${maxUnitPriceGrosze}`);
  }
  if (!vatRates.includes(line.vatRate)) refuse('vatRate', 'enum', `must be one of ${vatRates.join(', ')}`);
  if (line.discountBasisPoints !== undefined && !isIntegerWithin(line.discountBasisPoints, 0, fullBasisPoints)) {
    refuse('discountBasisPoints', 'range', `must be a whole number of basis points from 0 to ${fullBasisPoints}`);
  }
  return problems;
}

// --- default VAT rate --------------------------------------------------------------------------

// Where the work is done, as art. 41 ust. 12–12c of the VAT act sees it: a single-family house
// (PKOB 111), a flat (a dwelling in a block, PKOB 112, or in a non-residential building, PKOB
// division 12), or anything else (offices, shops, factories, holiday homes, a flat's commercial unit).
export type PremisesKind = 'house' | 'flat' | 'non_residential';

export interface VatPremises {
  kind: PremisesKind;
  // null when nobody has recorded it
  usableAreaM2: number | null;
}

// 'maintenance': roboty konserwacyjne, keeping an installation working (servicing, cleaning,
// inspections, small repairs); 'works': installing, replacing, rebuilding or modernising it
// (budowa, remont, modernizacja, termomodernizacja, przebudowa).
export type VatWorkKind = 'maintenance' | 'works';

// Social-housing limits (art. 41 ust. 12b): a house above 300 m² or a flat above 150 m² is outside.
const socialHousingLimitM2: Record<Exclude<PremisesKind, 'non_residential'>, number> = { house: 300, flat: 150 };

// The rate a new job's lines start with. The reduced rate is 8 % (art. 41 ust. 2, set at 8 % by the
// transitional art. 146ef ust. 1 pkt 2), and applies:
// - to works on housing within the social-housing programme (art. 41 ust. 12 pkt 1, 12a, 12b);
// - to maintenance of any residential building or flat, whatever its area (art. 41 ust. 12 pkt 2).
// 23 % otherwise. Above the area limits only the share of the area within them is at 8 %
// (art. 41 ust. 12c): the default is 23 % and the office splits the line. An unrecorded area gets
// 23 % too: VAT charged too low is the company's debt to the tax office, too high the office can correct.
// Parts fitted as part of the service share its rate; parts sold on their own are at 23 %.
// A tenant whose accountant decides otherwise sets its own rate, which wins.
export function chooseDefaultVatRate(premises: VatPremises, work: VatWorkKind, tenantOverride?: VatRate | null): VatRate {
  return tenantOverride ?? rateByLaw(premises, work);
}

function rateByLaw(premises: VatPremises, work: VatWorkKind): VatRate {
  if (premises.kind === 'non_residential') return 23;
  if (work === 'maintenance') return 8;
  return premises.usableAreaM2 !== null && premises.usableAreaM2 <= socialHousingLimitM2[premises.kind] ? 8 : 23;
}

// --- integer arithmetic ------------------------------------------------------------------------

// numerator / denominator rounded half away from zero (denominator > 0).
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator; // truncates towards zero
  const remainder = numerator % denominator; // has the sign of the numerator
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} grosze is beyond the amounts this module computes exactly`);
  return result;
}

function isIntegerWithin(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function assertLineValid(line: LineItem): void {
  const [problem] = checkLineItem(line);
  if (problem) throw new RangeError(`Line item "${line.description}": ${problem.field.slice(1)} ${problem.message}`);
}

function parseScaledDecimal(value: string | number, decimals: number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) return null;
  const scaled = Number(whole + significant.padEnd(decimals, '0'));
  return Number.isSafeInteger(scaled) ? scaled : null;
}
