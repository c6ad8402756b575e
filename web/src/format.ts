import { businessTimeZone } from './i18n.ts';

// Formatting and parsing helpers for Polish business data: NIP, phone numbers, postal codes,
// Warsaw wall-clock time for date inputs, and highlighting what a search matched.

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
