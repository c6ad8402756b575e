// Polish business and personal identifiers: parse what people type, keep one canonical form.
// Pure functions; the API turns a failed check into a FieldProblem ({ field, rule, message }).

export type PolishIdKind = 'nip' | 'regon' | 'pesel' | 'krs' | 'postal_code';

// 'format': wrong shape or length; 'checksum': a check digit disagrees (usually a typo);
// 'date': a PESEL whose checksum is right but whose birth date does not exist.
export type PolishIdRule = 'format' | 'checksum' | 'date';

export type PolishIdCheck = { ok: true; value: string } | { ok: false; rule: PolishIdRule; message: string };

const validators: Record<PolishIdKind, (input: string) => PolishIdCheck> = {
  nip: checkNip,
  regon: checkRegon,
  pesel: checkPesel,
  krs: checkKrs,
  postal_code: checkPostalCode,
};

export function validatePolishId(kind: PolishIdKind, input: string): PolishIdCheck {
  return validators[kind](input);
}

export function normaliseNip(input: string): string | null {
  return valueOrNull(checkNip(input));
}

export function isValidNip(input: string): boolean {
  return checkNip(input).ok;
}

export function normaliseRegon(input: string): string | null {
  return valueOrNull(checkRegon(input));
}

export function normalisePesel(input: string): string | null {
  return valueOrNull(checkPesel(input));
}

// The birth date a valid PESEL encodes, as YYYY-MM-DD; null when the input is not a valid PESEL.
export function peselBirthDate(input: string): string | null {
  const pesel = normalisePesel(input);
  return pesel === null ? null : formatDate(decodePeselDate(pesel));
}

export function normaliseKrs(input: string): string | null {
  return valueOrNull(checkKrs(input));
}

export function normalisePostalCode(input: string): string | null {
  return valueOrNull(checkPostalCode(input));
}

// NIP check digit (Ministry of Finance NIP rule): weights 6,5,7,2,3,4,5,6,7 on the first nine digits,
// sum mod 11 must equal the tenth digit. A remainder of 10 matches no digit: such numbers are never issued.
const nipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7];

function checkNip(input: string): PolishIdCheck {
  // People paste the EU VAT form ("PL 123-456-32-18") as often as the bare NIP.
  const digits = stripSeparators(input).replace(/^pl/i, '');
  if (!/^\d{10}$/.test(digits)) return fail('format', 'NIP must have 10 digits');
  // "0000000000" passes the checksum but is the importer's usual stand-in for "no NIP".
  if (/^0+$/.test(digits)) return fail('format', 'NIP cannot be all zeros');
  const remainder = weightedSum(digits, nipWeights) % 11;
  if (remainder !== digitAt(digits, 9)) return fail('checksum', 'NIP checksum is wrong');
  return { ok: true, value: digits };
}

// REGON check digits (GUS rule): 9-digit weights 8,9,2,3,4,5,6,7; 14-digit (local unit) weights
// 2,4,8,5,0,9,7,3,6,1,2,4,8; both sum mod 11, where a remainder of 10 gives check digit 0.
// A 14-digit REGON starts with the 9-digit REGON of its parent entity, which must be valid too.
const regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7];
const regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

function checkRegon(input: string): PolishIdCheck {
  const digits = stripSeparators(input);
  if (!/^(\d{9}|\d{14})$/.test(digits)) return fail('format', 'REGON must have 9 or 14 digits');
  if (/^0+$/.test(digits)) return fail('format', 'REGON cannot be all zeros');
  if (!hasRegonCheckDigit(digits.slice(0, 9), regon9Weights)) return fail('checksum', 'REGON checksum is wrong');
  if (digits.length === 14 && !hasRegonCheckDigit(digits, regon14Weights)) return fail('checksum', 'REGON checksum is wrong');
  return { ok: true, value: digits };
}

function hasRegonCheckDigit(digits: string, weights: number[]): boolean {
  return (weightedSum(digits, weights) % 11) % 10 === digitAt(digits, weights.length);
}

// PESEL (ustawa o ewidencji ludności, art. 15): YYMMDD + serial + check digit, where the check digit is
// (10 - sum mod 10) mod 10 with weights 1,3,7,9,1,3,7,9,1,3, and the century is added to the month.
const peselWeights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const peselCenturyByMonthOffset = new Map([
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
]);

function checkPesel(input: string): PolishIdCheck {
  const digits = stripSeparators(input);
  if (!/^\d{11}$/.test(digits)) return fail('format', 'PESEL must have 11 digits');
  // Checksum before date: a one-digit typo anywhere then always reads "checksum is wrong".
  const check = (10 - (weightedSum(digits, peselWeights) % 10)) % 10;
  if (check !== digitAt(digits, 10)) return fail('checksum', 'PESEL checksum is wrong');
  if (!isRealDate(decodePeselDate(digits))) return fail('date', 'PESEL encodes a birth date that does not exist');
  return { ok: true, value: digits };
}

interface CalendarDate {
  year: number;
  month: number; // 1-12 when real; out of range when the PESEL month field is not a known encoding
  day: number;
}

function decodePeselDate(pesel: string): CalendarDate {
  const yy = Number(pesel.slice(0, 2));
  const encodedMonth = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const offset = encodedMonth - (encodedMonth % 20);
  const century = peselCenturyByMonthOffset.get(offset);
  // Month fields 00, 20, 40… and 13-19, 33-39… decode to month 0 or > 12 and fail isRealDate.
  return { year: (century ?? 0) + yy, month: century === undefined ? 0 : encodedMonth - offset, day };
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years (1900 is not one).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function formatDate({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// KRS numbers are 10 digits with leading zeros ("0000123456"), but are often written without them.
function checkKrs(input: string): PolishIdCheck {
  const digits = input.trim();
  if (!/^\d{1,10}$/.test(digits)) return fail('format', 'KRS must be a number of up to 10 digits');
  if (/^0+$/.test(digits)) return fail('format', 'KRS cannot be zero');
  return { ok: true, value: digits.padStart(10, '0') };
}

// Polish postal codes are NN-NNN; "00-000" is not assigned to any address. Old records also write
// them without the dash or with a space, which is unambiguous, so both are accepted.
function checkPostalCode(input: string): PolishIdCheck {
  const match = /^(\d{2})[\s\-\u2010-\u2015]?(\d{3})$/.exec(input.trim());
  if (!match) return fail('format', 'Postal code must look like 00-950');
  const canonical = `${match[1]}-${match[2]}`;
  if (canonical === '00-000') return fail('format', 'Postal code 00-000 does not exist');
  return { ok: true, value: canonical };
}

// Spaces and any kind of dash are grouping only; copy-paste from documents brings en dashes and NBSPs.
function stripSeparators(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015]/g, '');
}

function weightedSum(digits: string, weights: number[]): number {
  return weights.reduce((sum, weight, index) => sum + weight * digitAt(digits, index), 0);
}

function digitAt(digits: string, index: number): number {
  return Number(digits.charAt(index));
}

function fail(rule: PolishIdRule, message: string): PolishIdCheck {
  return { ok: false, rule, message };
}

function valueOrNull(check: PolishIdCheck): string | null {
  return check.ok ? check.value : null;
}
