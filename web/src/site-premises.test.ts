import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n.ts';
import { areaInputOf, premisesInput, premisesText } from './site-premises.ts';

const { t } = createTranslator('pl');

describe('site premises', () => {
  it('sends a flat with its area as typed in Polish', () => {
    expect(premisesInput('flat', '62,5', t)).toEqual({ ok: true, input: { premisesKind: 'flat', usableAreaM2: 62.5 } });
    expect(premisesInput('house', ' ', t)).toEqual({ ok: true, input: { premisesKind: 'house', usableAreaM2: null } });
  });

  it('clears the area of premises that do not need one, and of unknown ones', () => {
    expect(premisesInput('non_residential', '120', t)).toEqual({ ok: true, input: { premisesKind: 'non_residential', usableAreaM2: null } });
    expect(premisesInput('', '62,5', t)).toEqual({ ok: true, input: { premisesKind: null, usableAreaM2: null } });
  });

  it('refuses an area that is zero, has more than 2 decimals, or is not a number', () => {
    for (const area of ['0', '62,555', 'sześćdziesiąt', '-5', '1000000']) expect(premisesInput('flat', area, t).ok).toBe(false);
  });

  it('describes the premises on the card, with the area in the reader’s notation', () => {
    expect(premisesText({ premisesKind: 'flat', usableAreaM2: 62.5 }, t, 'pl')).toBe('Mieszkanie · 62,5 m²');
    expect(premisesText({ premisesKind: 'house', usableAreaM2: 180 }, createTranslator('en').t, 'en')).toBe('House · 180 m²');
    expect(premisesText({ premisesKind: 'non_residential', usableAreaM2: null }, t, 'pl')).toBe('Lokal niemieszkalny');
    expect(premisesText({ premisesKind: null, usableAreaM2: null }, t, 'pl')).toBeNull();
  });

  it('shows a stored area for editing as the reader types it', () => {
    expect([areaInputOf(62.5, 'pl'), areaInputOf(62.5, 'en'), areaInputOf(null, 'pl')]).toEqual(['62,5', '62.5', '']);
  });
});
