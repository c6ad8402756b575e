import { businessTimeZone, intlTagOf, type Locale } from './i18n.ts';

// Formatting and parsing helpers for Polish business data: NIP, phone numbers, postal codes,
// Warsaw wall-clock time for date inputs, highlighting what a search matched, and money (grosze
// shown as złote), quantities, shares, durations and file sizes in the reader's language.

// 5261040828 → 526-104-08-28 (the way NIP is printed on Polish invoices).
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  const digits = nip.replace(/\D/g, '');
  if (digits.length !== 10) return nip;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
}

// What the user typed ("PL 526-104-08-28") as the 10 digits the API stores; empty means none.
export function normalizeNip(input: string): string | null {
  const cleaned = input.trim().replace(/^pl/i, '').replace(/[\s-]/g, '');
  return cleaned === '' ? null : cleaned;
}

// E.164 as people read it: Polish numbers without the country code in groups of three
// (+48600100200 → 600 100 200). Foreign numbers stay in E.164: grouping them correctly needs
// per-country rules the browser bundle does not carry.
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const polish = /^\+48(\d{9})$/.exec(phone);
  if (polish?.[1]) return polish[1].replace(/(\d{3})(?=\d)/g, '$1 ');
  return phone;
}

export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

// 00950 → 00-950 while typing; anything else is left for the server to judge.
export function formatPostalCodeInput(input: string): string {
  const digits = input.replace(/\D/g, '');
  if (/^\d{5}$/.test(input.trim())) return `${digits.slice(0, 2)}-${digits.slice(2)}`;
  return input;
}

export function isPostalCode(value: string): boolean {
  return /^\d{2}-\d{3}$/.test(value);
}

export function siteAddressLine(site: { street: string; building: string | null; flat: string | null }): string {
  const number = site.building ? (site.flat ? `${site.building}/${site.flat}` : site.building) : '';
  return number ? `${site.street} ${number}` : site.street;
}

// "52.2297, 21.0122" (as copied from a map app) → coordinates; null when blank, undefined when invalid.
export function parseCoordinates(input: string): { lat: number; lng: number } | null | undefined {
  const text = input.trim();
  if (text === '') return null;
  const match = /^(-?\d{1,2}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const lat = Number(match[1].replace(',', '.'));
  const lng = Number(match[2].replace(',', '.'));
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}

// ---------- Warsaw wall-clock time for <input type="datetime-local"> ----------

const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: businessTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function warsawFields(date: Date): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of warsawParts.formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

// Minutes Warsaw is ahead of UTC at the given instant (60 in winter, 120 in summer).
function warsawOffsetMinutes(date: Date): number {
  const f = warsawFields(date);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

// An instant as the "YYYY-MM-DDTHH:mm" a datetime-local input shows, in Warsaw time whatever
// the browser's own zone is.
export function toWarsawInput(date: Date): string {
  const f = warsawFields(date);
  const pad = (value: number | undefined) => String(value ?? 0).padStart(2, '0');
  return `${f.year ?? 0}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

// The reverse: a datetime-local value read as Warsaw wall-clock time → ISO instant (UTC).
export function fromWarsawInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wallAsUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // The offset depends on the instant itself; a second pass settles DST boundaries.
  let instant = wallAsUtc - warsawOffsetMinutes(new Date(wallAsUtc)) * 60_000;
  instant = wallAsUtc - warsawOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

// ---------- Search highlighting ----------

const extraFolds: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', ø: 'o', đ: 'd' };

function foldChar(char: string): string {
  const mapped = extraFolds[char];
  if (mapped) return mapped;
  return char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

// Separators that people type or leave out at will ("600 100 200", "526-104-08-28").
const ignorable = /[\s\-./()+]/;

// Where the query occurs in the value, ignoring case, Polish diacritics and separators; null if
// it does not (the server's search is fuzzy, so a hit need not contain the query literally).
export function findMatch(value: string, query: string): { start: number; end: number } | null {
  const needle = Array.from(query)
    .filter((char) => !ignorable.test(char))
    .map(foldChar)
    .join('');
  if (needle === '') return null;
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of value) {
    if (!ignorable.test(char)) {
      const f = foldChar(char);
      for (let k = 0; k < f.length; k += 1) origins.push(index);
      folded += f;
    }
    index += char.length;
  }
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  const start = origins[at] ?? 0;
  const lastOrigin = origins[at + needle.length - 1] ?? start;
  const lastChar = value.codePointAt(lastOrigin) ?? 0;
  return { start, end: lastOrigin + (lastChar > 0xffff ? 2 : 1) };
}

// ---------- Money, quantities and durations ----------

// Amounts travel as integer grosze; they are shown and typed as złote ("1 234,50 zł").
export function formatPln(grosze: number, locale: Locale = 'pl'): string {
  const format = new Intl.NumberFormat(intlTagOf(locale), { style: 'currency', currency: 'PLN' });
  // Formatted from a decimal string, so no amount passes through a binary fraction.
  return format.format(groszeAsDecimal(grosze));
}

// 12345 → "123.45": exact, whatever the size of the amount.
function groszeAsDecimal(grosze: number): `${number}` {
  const sign = grosze < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(grosze))).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}` as `${number}`;
}

// What the user typed as złote ("1 234,5", "99.99 zł", "-20") → grosze; null when blank,
// undefined when it is not an amount (more than two decimals, letters).
export function parseZloty(input: string): number | null | undefined {
  const text = input.trim().replace(/\s|\u00a0/g, '').replace(/zł$/i, '');
  if (text === '') return null;
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  const grosze = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(grosze)) return undefined;
  return sign ? -grosze : grosze;
}

// Grosze as an input shows them for editing: "1234,50" in Polish, "1234.50" in English.
export function zlotyInputOf(grosze: number, locale: Locale = 'pl'): string {
  const decimal = groszeAsDecimal(grosze);
  return locale === 'pl' ? decimal.replace('.', ',') : decimal;
}

// A decimal the server sends as text ("1.5", "12.5") in the reader's notation ("1,5").
export function formatDecimal(value: string | number, locale: Locale = 'pl'): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  return new Intl.NumberFormat(intlTagOf(locale), { maximumFractionDigits: 3 }).format(text as `${number}`);
}

// A share (0..1) as "87,5%"; null (nothing to measure) as a dash.
export function formatShare(share: number | null, locale: Locale = 'pl'): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(intlTagOf(locale), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

// Minutes as the two largest units: "2 dni 4 godz.", "45 min", "1 day 3 hrs".
export function formatMinutes(minutes: number, locale: Locale = 'pl'): string {
  const tag = intlTagOf(locale);
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return rest > 0 ? `${unit(hours, 'hour')} ${unit(rest, 'minute')}` : unit(hours, 'hour');
  return unit(rest, 'minute');
}

// File sizes as people read them: "830 kB", "2,4 MB".
export function formatFileSize(bytes: number, locale: Locale = 'pl'): string {
  const tag = intlTagOf(locale);
  const size = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'megabyte' ? 1 : 0 }).format(value);
  if (bytes < 1000) return size(bytes, 'byte');
  if (bytes < 1_000_000) return size(bytes / 1000, 'kilobyte');
  return size(bytes / 1_000_000, 'megabyte');
}

// A decimal as typed ("1,25", "0.4") → number; null when blank, undefined when it is not a
// non-negative number with at most `decimals` places (kilograms to the gram: 3).
export function parseDecimal(input: string, decimals: number): number | null | undefined {
  const text = input.trim().replace(/\s|\u00a0/g, '');
  if (text === '') return null;
  const match = new RegExp(`^\\d+(?:[.,]\\d{1,${decimals}})?$`).exec(text);
  if (!match) return undefined;
  return Number(text.replace(',', '.'));
}
