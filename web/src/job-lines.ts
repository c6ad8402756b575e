import { formatDecimal, parseZloty, zlotyInputOf } from './format.ts';
import type { JobLine, JobLineInput, LineKind, VatRate } from './hvac-api.ts';
import type { Locale, Translator } from './i18n.ts';

// What the priced-lines editor edits: each line as the user types it (złote, "1,5"), and the
// API's lines (grosze, decimals as text) made of it. The server prices the lines and sums them
// per VAT rate; the editor never computes a total of its own, so the two cannot disagree.

export interface LineDraft {
  // Stable React key for a row; not sent.
  key: string;
  kind: LineKind;
  description: string;
  quantity: string;
  // złote as typed: "120,50"
  unitPrice: string;
  vatRate: VatRate;
  // percent as typed: "10" or "12,5"; blank for none
  discount: string;
}

let nextKey = 0;
const newKey = () => `line-${(nextKey += 1)}`;

export function newLineDraft(vatRate: VatRate): LineDraft {
  return { key: newKey(), kind: 'labour', description: '', quantity: '1', unitPrice: '', vatRate, discount: '' };
}

export function lineDraftOf(line: JobLine, locale: Locale): LineDraft {
  const discount = Number(line.discountPercent) === 0 ? '' : formatDecimal(line.discountPercent, locale);
  return {
    key: newKey(),
    kind: line.kind,
    description: line.description,
    quantity: formatDecimal(line.quantity, locale).replace(/\s|\u00a0/g, ''),
    unitPrice: zlotyInputOf(line.unitPriceGrosze, locale),
    vatRate: line.vatRate,
    discount,
  };
}

// A new line takes the rate of the line above it: a job's lines usually share one.
export function nextVatRate(drafts: readonly LineDraft[], fallback: VatRate): VatRate {
  return drafts.at(-1)?.vatRate ?? fallback;
}

// Field errors use the server's paths ("lines/2/unitPriceGrosze"), so the editor shows the
// browser's findings and the server's in the same place.
export type LinesCheck = { ok: true; lines: JobLineInput[] } | { ok: false; fieldErrors: Record<string, string> };

export function linesInputOf(drafts: readonly LineDraft[], t: Translator['t']): LinesCheck {
  const fieldErrors: Record<string, string> = {};
  const lines = drafts.map((draft, index): JobLineInput => {
    const path = `lines/${index}`;
    const unitPrice = parseZloty(draft.unitPrice);
    if (!draft.description.trim()) fieldErrors[`${path}/description`] = t('validation.required');
    if (!/^\d+([.,]\d{1,3})?$/.test(draft.quantity.trim())) fieldErrors[`${path}/quantity`] = t('validation.number');
    if (unitPrice === null) fieldErrors[`${path}/unitPriceGrosze`] = t('validation.required');
    else if (unitPrice === undefined) fieldErrors[`${path}/unitPriceGrosze`] = t('validation.amount');
    const discount = draft.discount.trim();
    if (discount && !/^\d+([.,]\d{1,2})?$/.test(discount)) fieldErrors[`${path}/discountPercent`] = t('validation.number');
    return {
      kind: draft.kind,
      description: draft.description.trim(),
      quantity: draft.quantity.trim(),
      unitPriceGrosze: unitPrice ?? 0,
      vatRate: draft.vatRate,
      ...(discount && { discountPercent: discount }),
    };
  });
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, lines };
}

// The server checks priced lines in its own units ("lines/0/quantityThousandths"); the editor's
// inputs are the decimals ("quantity", "discountPercent").
export function lineFieldErrors(byField: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(byField)) {
    const key = field.replace(/\/quantityThousandths$/, '/quantity').replace(/\/discountBasisPoints$/, '/discountPercent');
    mapped[key] ??= message;
  }
  return mapped;
}
