import { describe, expect, it } from 'vitest';
import { fgasReasonText } from './fgas-reasons.ts';
import { createTranslator } from './i18n.ts';

describe('F-gas reasons', () => {
  const { t } = createTranslator('pl');

  it('translates the reason and keeps the article it rests on', () => {
    expect(fgasReasonText('periodic_check: Art. 5(3)(a)', t)).toBe('Okresowa kontrola szczelności (Art. 5(3)(a))');
    expect(fgasReasonText('no refrigerant recorded', t)).toBe('Nie podano czynnika chłodniczego');
  });

  it('shows a reason it does not know as the server wrote it', () => {
    expect(fgasReasonText('new_rule: Art. 9', t)).toBe('new_rule: Art. 9');
  });
});
