import { describe, expect, it } from 'vitest';
import { regionNameKey } from './region-names.ts';

describe('regionNameKey', () => {
  it('matches a district name however it is spelled, dashed, cased or spaced', () => {
    const spellings = ['Praga Poludnie', 'Praga-Południe', 'praga–południe', ' PRAGA  POŁUDNIE ', 'Praga — Południe', 'praga\u00a0poludnie', 'PRAGA−POŁUDNIE'];
    const keys = new Set(spellings.map(regionNameKey));
    expect([...keys]).toEqual(['praga poludnie']);
  });

  it('folds the Polish ł, which NFD does not decompose, and every other Polish diacritic', () => {
    expect(regionNameKey('Białołęka')).toBe('bialoleka');
    expect(regionNameKey('ŁÓDŹ')).toBe('lodz');
    expect(regionNameKey('Śródmieście')).toBe(regionNameKey('srodmiescie'));
    expect(regionNameKey('Żoliborz')).toBe('zoliborz');
    expect(regionNameKey('Zażółć gęślą jaźń')).toBe('zazolc gesla jazn');
  });

  it('matches names whether their diacritics are precomposed or combining', () => {
    expect(regionNameKey('Mokotów')).toBe(regionNameKey('Mokoto\u0301w'));
    expect(regionNameKey('Żoliborz')).toBe(regionNameKey('Z\u0307oliborz'));
  });

  it('keeps different districts apart', () => {
    expect(regionNameKey('Praga-Północ')).not.toBe(regionNameKey('Praga-Południe'));
    expect(regionNameKey('Ursus')).not.toBe(regionNameKey('Ursynów'));
    expect(regionNameKey('Wola')).not.toBe(regionNameKey('Wola Grzybowska'));
  });

  it('gives an empty key for a name made only of spaces and dashes', () => {
    expect(regionNameKey('  - – ')).toBe('');
  });
});
