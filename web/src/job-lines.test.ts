import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n.ts';
import { lineDraftOf, lineFieldErrors, linesInputOf, newLineDraft, nextVatRate } from './job-lines.ts';

const { t } = createTranslator('pl');

describe('job lines', () => {
  it('sends złote as grosze and decimals as typed', () => {
    const draft = { ...newLineDraft(8), description: ' Wymiana zaworu ', quantity: '1,5', unitPrice: '120,50', discount: '10' };
    expect(linesInputOf([draft], t)).toEqual({
      ok: true,
      lines: [{ kind: 'labour', description: 'Wymiana zaworu', quantity: '1,5', unitPriceGrosze: 12050, vatRate: 8, discountPercent: '10' }],
    });
  });

  it('names the fields of each line that cannot be sent, under the server paths', () => {
    const fine = { ...newLineDraft(23), description: 'Filtr', unitPrice: '40' };
    const wrong = { ...newLineDraft(23), description: '', quantity: 'dużo', unitPrice: '12,345' };
    const checked = linesInputOf([fine, wrong], t);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.fieldErrors).sort()).toEqual(['lines/1/description', 'lines/1/quantity', 'lines/1/unitPriceGrosze']);
  });

  it('edits a saved line in the reader notation and leaves a zero discount blank', () => {
    const draft = lineDraftOf({ kind: 'part', description: 'Czujnik', quantity: '2.25', unitPriceGrosze: 9900, vatRate: 23, discountPercent: '0', netGrosze: 22275 }, 'pl');
    expect([draft.quantity, draft.unitPrice, draft.discount]).toEqual(['2,25', '99,00', '']);
  });

  it('starts a new line at the rate of the one above it', () => {
    expect(nextVatRate([{ ...newLineDraft(8) }], 23)).toBe(8);
    expect(nextVatRate([], 23)).toBe(23);
  });

  it('shows the server’s unit errors on the decimal inputs', () => {
    expect(lineFieldErrors({ 'lines/0/quantityThousandths': 'za dużo', 'lines/0/discountBasisPoints': 'za dużo', lines: 'za dużo' })).toEqual({
      'lines/0/quantity': 'za dużo',
      'lines/0/discountPercent': 'za dużo',
      lines: 'za dużo',
    });
  });
});
