import { describe, expect, it } from 'vitest';
import { createTranslator, isLocale } from './i18n.ts';

describe('i18n', () => {
  it('picks the Polish plural form the way Polish grammar does', () => {
    const sut = createTranslator('pl');
    const counts = [0, 1, 2, 4, 5, 12, 22, 25, 101];
    expect(counts.map((count) => sut.plural('users.count', count))).toEqual([
      '0 użytkowników',
      '1 użytkownik',
      '2 użytkowników',
      '4 użytkowników',
      '5 użytkowników',
      '12 użytkowników',
      '22 użytkowników',
      '25 użytkowników',
      '101 użytkowników',
    ]);
  });

  it('uses singular and plural in English', () => {
    const sut = createTranslator('en');
    expect([sut.plural('users.count', 1), sut.plural('users.count', 3)]).toEqual(['1 user', '3 users']);
  });

  it('names roles in the chosen language', () => {
    expect(createTranslator('pl').roleName('dispatcher')).toBe('Dyspozytor');
    expect(createTranslator('en').roleName('viewer')).toBe('Viewer');
  });

  it('formats dates in the Warsaw time zone, not the machine one', () => {
    // 23:30 UTC on 14 January is already 15 January in Warsaw (UTC+1).
    expect(createTranslator('pl').formatDate('2025-01-14T23:30:00.000Z')).toBe('15 sty 2025');
    // 22:10 UTC on 30 June is 00:10 on 1 July in Warsaw (UTC+2, summer time).
    expect(createTranslator('en').formatDateTime('2025-06-30T22:10:00.000Z')).toBe('1 Jul 2025, 00:10');
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    const sut = createTranslator('en');
    expect(sut.t('invite.expires', { date: 'tomorrow' })).toBe('Valid until tomorrow');
    expect(sut.t('invite.expires')).toBe('Valid until {date}');
  });

  it('accepts only known locales from storage', () => {
    expect([isLocale('pl'), isLocale('en'), isLocale('de'), isLocale(null)]).toEqual([true, true, false, false]);
  });
});
