// Phones and e-mails as customers type them, reduced to one stored form (E.164, trimmed address)
// and to exact-match search keys. Pure functions; the API turns a failure into a FieldProblem.
// The `max` metadata is needed: the default `min` set checks only the length of a number, not its
// digits, and cannot tell mobile from fixed line.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber, type PhoneNumberType } from 'libphonenumber-js/max';
import { normaliseNip } from './polish-ids.ts';

export type PhoneType = PhoneNumberType;

export type PhoneCheck =
  | { ok: true; e164: string; type?: PhoneType; extension?: string }
  | { ok: false; rule: 'format'; message: string };

export type EmailCheck = { ok: true; address: string } | { ok: false; rule: 'format'; message: string };

export function normalisePhone(input: string, defaultRegion: CountryCode = 'PL'): PhoneCheck {
  const phone = parsePhone(input, defaultRegion);
  if (!phone) return { ok: false, rule: 'format', message: 'Phone number is not valid' };
  const type = phone.getType();
  return {
    ok: true,
    e164: phone.number,
    ...(type ? { type } : {}),
    ...(phone.ext ? { extension: phone.ext } : {}),
  };
}

// For exact search on a phone typed "in any format": the E.164 form to compare with stored numbers.
export function phoneSearchKey(input: string, defaultRegion: CountryCode = 'PL'): string | null {
  return parsePhone(input, defaultRegion)?.number ?? null;
}

function parsePhone(input: string, defaultRegion: CountryCode): PhoneNumber | undefined {
  // extract: false makes the whole string the number, so "call 600 100 200 now" is refused rather
  // than mined; it also refuses surrounding whitespace, hence the trim.
  const phone = parsePhoneNumberFromString(input.trim(), { defaultCountry: defaultRegion, extract: false });
  if (!phone) return undefined;
  if (phone.isValid()) return phone;
  // Poland dropped the trunk 0 with its closed numbering plan (2000s), but old records still say
  // "022 123 45 67" or "+48 (0) 22…".
  if (phone.countryCallingCode === '48' && /^0\d{9}$/.test(phone.nationalNumber)) {
    const extension = phone.ext ? ` ext. ${phone.ext}` : '';
    const retried = parsePhoneNumberFromString(`+48${phone.nationalNumber.slice(1)}${extension}`, { extract: false });
    if (retried?.isValid()) return retried;
  }
  return undefined;
}

// RFC 5321 §4.5.3.1: 64 octets of local part; 254 for the whole address (the 256-octet path less
// its angle brackets, RFC 3696 erratum 1690). RFC 1035: 63 per domain label.
const maxAddressLength = 254;
const maxLocalPartLength = 64;
const maxLabelLength = 63;

// Practical, not RFC 5322: no quoted local parts or comments, which real customers never have, and
// which would let "Jan <jan@firma.pl>" or "mailto:" junk through. Unicode (RFC 6531) is allowed.
const localPartPattern = /^[^\s"(),:;<>@[\\\]\p{Cc}]+$/u;
const labelPattern = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

export function normaliseEmail(input: string): EmailCheck {
  const trimmed = input.trim().normalize('NFC');
  const fail = (message: string): EmailCheck => ({ ok: false, rule: 'format', message });
  if (trimmed.length === 0) return fail('E-mail address is empty');
  if (/\s/.test(trimmed)) return fail('E-mail address cannot contain spaces');
  if (utf8Length(trimmed) > maxAddressLength) return fail('E-mail address is too long');
  const parts = trimmed.split('@');
  if (parts.length !== 2) return fail('E-mail address must contain exactly one @');
  const [localPart = '', typedDomain = ''] = parts;
  if (localPart.length === 0 || utf8Length(localPart) > maxLocalPartLength || !localPartPattern.test(localPart)) {
    return fail('E-mail address has an invalid part before the @');
  }
  if (localPart.startsWith('.') || localPart.endsWith('.') || localPart.includes('..')) {
    return fail('E-mail address has an invalid part before the @');
  }
  // Domains are case-insensitive, so the stored form lower-cases them; the local part is kept as
  // typed (a few servers distinguish case there) and compared case-insensitively via emailSearchKey.
  const domain = typedDomain.toLowerCase();
  const labels = domain.split('.');
  const topLevel = labels.at(-1) ?? '';
  const labelsOk = labels.every((label) => utf8Length(label) <= maxLabelLength && labelPattern.test(label));
  if (labels.length < 2 || !labelsOk || topLevel.length < 2 || /^\d+$/.test(topLevel)) {
    return fail('E-mail address must end in a domain such as firma.pl');
  }
  return { ok: true, address: `${localPart}@${domain}` };
}

// The RFC limits count octets, and Polish letters take two in UTF-8. (For an internationalised
// domain the label limit really applies to its punycode form; UTF-8 length is close enough here.)
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

// Exact e-mail search compares lower-cased addresses (stored rows must be compared via lower(email)).
export function emailSearchKey(input: string): string | null {
  const email = normaliseEmail(input);
  return email.ok ? email.address.toLowerCase() : null;
}

// Which exact lookups a free-text search query can drive. Several may apply: "4864017105" is a valid
// NIP and, read as +48 64 017 10 5, a valid Polish number, so search should run both.
export interface ExactSearchKeys {
  phone: string | null;
  email: string | null;
  nip: string | null;
}

export function exactSearchKeys(query: string, defaultRegion: CountryCode = 'PL'): ExactSearchKeys {
  return { phone: phoneSearchKey(query, defaultRegion), email: emailSearchKey(query), nip: normaliseNip(query) };
}

export function looksLikePhone(query: string, defaultRegion: CountryCode = 'PL'): boolean {
  return phoneSearchKey(query, defaultRegion) !== null;
}

export function looksLikeEmail(query: string): boolean {
  return emailSearchKey(query) !== null;
}

export function looksLikeNip(query: string): boolean {
  return normaliseNip(query) !== null;
}
