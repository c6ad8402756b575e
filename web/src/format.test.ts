import { describe, expect, it } from 'vitest';
import { findMatch, formatNip, formatPhone, formatPostalCodeInput, fromWarsawInput, normalizeNip, parseCoordinates, toWarsawInput } from './format.ts';
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
});
