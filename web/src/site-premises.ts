import { premisesKinds, type PremisesKind, type Site, type SiteInput } from './crm-api.ts';
import { formatDecimal, parseDecimal } from './format.ts';
import type { Locale, Translator } from './i18n.ts';

// A site's premises between the site form and the API: the kind, and the usable area for a house
// or a flat (the VAT rate of building works there depends on it; for other premises it means nothing).

// The server's limit on usable_area_m2 (numeric(8, 2)).
const maxAreaM2 = 999_999;

export function hasUsableArea(kind: PremisesKind | ''): kind is 'house' | 'flat' {
  return kind === 'house' || kind === 'flat';
}

// '' for the select's "—" (unknown).
export function premisesKindOf(value: string): PremisesKind | '' {
  return premisesKinds.find((kind) => kind === value) ?? '';
}

// "62.5" → "62,5" in Polish, for the area input when editing.
export function areaInputOf(area: number | null, locale: Locale): string {
  if (area === null) return '';
  return locale === 'pl' ? String(area).replace('.', ',') : String(area);
}

export type PremisesDraft = { ok: true; input: Pick<SiteInput, 'premisesKind' | 'usableAreaM2'> } | { ok: false; error: string };

// The form's kind and area as the API takes them. An area typed for a house or a flat must be a
// positive number with at most 2 decimals; a hidden area (other premises, or unknown) is cleared.
export function premisesInput(kind: PremisesKind | '', area: string, t: Translator['t']): PremisesDraft {
  if (!hasUsableArea(kind)) return { ok: true, input: { premisesKind: kind || null, usableAreaM2: null } };
  const parsed = parseDecimal(area, 2);
  if (parsed === undefined || parsed === 0 || (parsed !== null && parsed > maxAreaM2)) return { ok: false, error: t('validation.area') };
  return { ok: true, input: { premisesKind: kind, usableAreaM2: parsed } };
}

// "Mieszkanie · 62,5 m²" for the site card; null when the kind is unknown.
export function premisesText(site: Pick<Site, 'premisesKind' | 'usableAreaM2'>, t: Translator['t'], locale: Locale): string | null {
  if (!site.premisesKind) return null;
  const kind = t(`premises.${site.premisesKind}`);
  if (site.usableAreaM2 === null || !hasUsableArea(site.premisesKind)) return kind;
  return `${kind} · ${t('sites.areaValue', { area: formatDecimal(site.usableAreaM2, locale) })}`;
}
