import { describe, expect, it } from 'vitest';
import {
  findMatch,
  formatDecimal,
  formatFileSize,
  formatMinutes,
  formatNip,
  formatPhone,
  formatPln,
  formatPostalCodeInput,
  formatShare,
  fromWarsawInput,
  normalizeNip,
  parseCoordinates,
  parseDecimal,
  parseZloty,
  toWarsawInput,
  zlotyInputOf,
} from './format.ts';
import { createTranslator } from './i18n.ts';

describe('format', () => {
  it('prints NIP the way invoices do and reads it back however it was typed', () => {
    expect(formatNip('5261040828')).toBe('526-104-08-28');
    expect(formatNip('123')).toBe('123');
    expect(normalizeNip('PL 526-104-08-28')).toBe('5261040828');
    expect(normalizeNip('  ')).toBeNull();
  });

  it('shows Polish phone numbers without the country code, others with it', () => {
    expect(formatPhone('+48600100200')).toBe('600 100 200');
    expect(formatPhone('+4930123456789')).toBe('+4930123456789');
    expect(formatPhone('600 100 200')).toBe('600 100 200');
  });

  it('inserts the postal code hyphen and parses coordinates pasted from a map', () => {
    expect(formatPostalCodeInput('00950')).toBe('00-950');
    expect(formatPostalCodeInput('00-950')).toBe('00-950');
    expect(parseCoordinates('52.2297, 21.0122')).toEqual({ lat: 52.2297, lng: 21.0122 });
    expect(parseCoordinates('52,2297; 21,0122')).toEqual({ lat: 52.2297, lng: 21.0122 });
    expect(parseCoordinates('')).toBeNull();
    expect(parseCoordinates('somewhere')).toBeUndefined();
  });

  it('converts datetime-local values as Warsaw wall-clock time in winter and summer', () => {
    expect(fromWarsawInput('2025-01-15T09:00')).toBe('2025-01-15T08:00:00.000Z');
    expect(fromWarsawInput('2025-07-01T00:10')).toBe('2025-06-30T22:10:00.000Z');
    expect(toWarsawInput(new Date('2025-06-30T22:10:00.000Z'))).toBe('2025-07-01T00:10');
    expect(fromWarsawInput('nonsense')).toBeNull();
  });

  it('finds what a search matched, ignoring case, Polish letters and separators', () => {
    const value = 'Chłodnictwo Żółkiewski';
    const match = findMatch(value, 'zolkiewski');
    expect(match && value.slice(match.start, match.end)).toBe('Żółkiewski');
    const phone = '600 100 200';
    const digits = findMatch(phone, '100200');
    expect(digits && phone.slice(digits.start, digits.end)).toBe('100 200');
    expect(findMatch('Kowalski', 'nowak')).toBeNull();
  });

  it('tells relative time in Polish and English', () => {
    const now = Date.parse('2025-03-10T12:00:00.000Z');
    const pl = createTranslator('pl');
    expect(pl.formatRelative('2025-03-10T10:00:00.000Z', now)).toBe('2 godz. temu');
    expect(pl.formatRelative('2025-03-10T11:59:50.000Z', now)).toBe('przed chwilą');
    expect(pl.formatRelative('2025-03-09T12:00:00.000Z', now)).toBe('wczoraj');
    expect(createTranslator('en').formatRelative('2025-03-10T11:55:00.000Z', now)).toBe('5 min ago');
  });

  // Intl separates thousands and the currency with no-break spaces; tests read them as spaces.
  const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('shows grosze as złote, exactly, in Polish and English', () => {
    expect(spaced(formatPln(123456))).toBe('1234,56 zł');
    expect(spaced(formatPln(1234567805))).toBe('12 345 678,05 zł');
    expect(spaced(formatPln(-2050))).toBe('-20,50 zł');
    expect(spaced(formatPln(5))).toBe('0,05 zł');
    expect(spaced(formatPln(123456, 'en'))).toBe('PLN 1,234.56');
  });

  it('reads złote as typed into grosze, and refuses what is not an amount', () => {
    expect(parseZloty('120')).toBe(12000);
    expect(parseZloty('120,5')).toBe(12050);
    expect(parseZloty('1 234,56 zł')).toBe(123456);
    expect(parseZloty('99.99')).toBe(9999);
    expect(parseZloty('-20')).toBe(-2000);
    expect(parseZloty('  ')).toBeNull();
    expect(parseZloty('12,345')).toBeUndefined();
    expect(parseZloty('dwanaście')).toBeUndefined();
    expect(zlotyInputOf(123450)).toBe('1234,50');
    expect(zlotyInputOf(-5, 'en')).toBe('-0.05');
  });

  it('shows decimals, shares, durations and file sizes the way the reader writes them', () => {
    expect(formatDecimal('1.5')).toBe('1,5');
    expect(formatDecimal('2', 'en')).toBe('2');
    expect(formatShare(0.875)).toBe('87,5%');
    expect(formatShare(null)).toBe('—');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(135)).toBe('2 godz. 15 min');
    expect(formatMinutes(3 * 1440 + 120)).toBe('3 dni 2 godz.');
    expect(formatMinutes(1440, 'en')).toBe('1 day');
    expect(spaced(formatFileSize(830_000))).toBe('830 kB');
    expect(spaced(formatFileSize(2_400_000))).toBe('2,4 MB');
  });

  it('reads kilograms to the gram', () => {
    expect(parseDecimal('1,25', 3)).toBe(1.25);
    expect(parseDecimal('0.350', 3)).toBe(0.35);
    expect(parseDecimal('', 3)).toBeNull();
    expect(parseDecimal('1,2345', 3)).toBeUndefined();
    expect(parseDecimal('-1', 3)).toBeUndefined();
  });
});
