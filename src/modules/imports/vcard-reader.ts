// vCard files (2.1, 3.0, 4.0) as plain contact records, one card at a time. ical.js parses each
// card into jCard; vCard 2.1's quoted-printable values and bare type parameters ("TEL;WORK;VOICE:")
// are rewritten to 3.0 form first, as ical.js reads only 3.0/4.0. A broken card becomes a problem
// with its position and reason, and reading goes on with the next one.
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import { decodeText, type TextEncoding } from './encoding.ts';

export interface VcardTyped {
  value: string;
  types: string[]; // lower-case, as written: 'work', 'cell', 'pref', …
}

export interface VcardAddress {
  types: string[];
  poBox: string;
  extended: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface VcardContact {
  formattedName: string | null;
  givenName: string | null;
  familyName: string | null;
  organisation: string | null;
  title: string | null;
  emails: VcardTyped[];
  phones: VcardTyped[];
  addresses: VcardAddress[];
  note: string | null;
}

export type VcardProblemReason = 'unterminated' | 'unparsable' | 'no-name' | 'no-card';

export type VcardRecord =
  // index counts cards from 1 in file order (broken ones included); line is where BEGIN:VCARD is.
  | { kind: 'card'; index: number; line: number; contact: VcardContact }
  | { kind: 'problem'; index: number; line: number; reason: VcardProblemReason; message: string };

export async function* readVcards(source: AsyncIterable<Uint8Array>, encoding?: TextEncoding): AsyncGenerator<VcardRecord> {
  const { text } = await decodeText(source, encoding);
  let index = 0;
  let open: { line: number; lines: string[] } | null = null;
  for await (const { line, number } of splitLines(text)) {
    const marker = line.trim().toUpperCase();
    if (marker === 'BEGIN:VCARD') {
      if (open) {
        index += 1;
        yield unterminated(index, open.line);
      }
      open = { line: number, lines: [line] };
    } else if (open) {
      open.lines.push(line);
      if (marker === 'END:VCARD') {
        index += 1;
        yield readCard(index, open.line, open.lines);
        open = null;
      }
    }
  }
  if (open) {
    index += 1;
    yield unterminated(index, open.line);
  }
  if (index === 0) yield { kind: 'problem', index: 0, line: 1, reason: 'no-card', message: 'File contains no BEGIN:VCARD' };
}

function unterminated(index: number, line: number): VcardRecord {
  return { kind: 'problem', index, line, reason: 'unterminated', message: 'Card has BEGIN:VCARD but no END:VCARD' };
}

async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<{ line: string; number: number }> {
  let rest = '';
  let number = 0;
  for await (const chunk of text) {
    const parts = (rest + chunk).split(/\r\n|\n|\r(?!$)/);
    rest = parts.pop() ?? '';
    for (const line of parts) yield { line, number: (number += 1) };
  }
  if (rest !== '') yield { line: rest.replace(/\r$/, ''), number: number + 1 };
}

function readCard(index: number, line: number, lines: string[]): VcardRecord {
  let jcard: unknown;
  try {
    jcard = ICAL.parse(toVcard3(lines).join('\r\n'));
  } catch (error) {
    return { kind: 'problem', index, line, reason: 'unparsable', message: `Card cannot be parsed: ${(error as Error).message}` };
  }
  const properties = propertiesOf(Array.isArray(jcard) && Array.isArray(jcard[0]) ? jcard[0] : jcard);
  if (!properties) return { kind: 'problem', index, line, reason: 'unparsable', message: 'Card cannot be parsed: not a vCard' };
  const contact = toContact(properties);
  if (!contact.formattedName && !contact.givenName && !contact.familyName && !contact.organisation) {
    return { kind: 'problem', index, line, reason: 'no-name', message: 'Card has no name (FN, N) and no organisation (ORG)' };
  }
  return { kind: 'card', index, line, contact };
}

// --- vCard 2.1 → 3.0 -------------------------------------------------------------------------

// Rewrites what ical.js cannot read: quoted-printable values (decoded in their CHARSET, soft line
// breaks joined) and parameters without a name ("ADR;HOME:" means "ADR;TYPE=HOME:").
function toVcard3(physicalLines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < physicalLines.length; i += 1) {
    let line = physicalLines[i] ?? '';
    if (/^[^:]*;ENCODING=QUOTED-PRINTABLE[;:]/i.test(line) || /^[^:]*;QUOTED-PRINTABLE[;:]/i.test(line)) {
      // A quoted-printable line ending in "=" continues on the next physical line.
      while (line.endsWith('=') && i + 1 < physicalLines.length) line = line.slice(0, -1) + (physicalLines[(i += 1)] ?? '');
      out.push(decodeQuotedPrintableLine(line));
    } else {
      out.push(nameBareParameters(line));
    }
  }
  return out;
}

function decodeQuotedPrintableLine(line: string): string {
  const colon = line.indexOf(':');
  const params = line.slice(0, colon).split(';');
  const charset = params.find((param) => /^CHARSET=/i.test(param))?.slice('CHARSET='.length) ?? 'utf-8';
  const kept = params.filter((param) => !/^(ENCODING=)?QUOTED-PRINTABLE$/i.test(param) && !/^CHARSET=/i.test(param));
  const bytes = Buffer.from(line.slice(colon + 1).replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  const value = iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
  // Decoded text can hold newlines; in 3.0 they are written "\n". Structure (";") is kept as it was.
  return nameBareParameters(`${kept.join(';')}:${value.replace(/\r\n|\n|\r/g, '\\n')}`);
}

function nameBareParameters(line: string): string {
  if (/^[ \t]/.test(line)) return line; // a folded continuation, not a property
  const colon = line.indexOf(':');
  if (colon < 0) return line;
  const [name = '', ...params] = line.slice(0, colon).split(';');
  if (!params.some((param) => !param.includes('='))) return line;
  const named = params.map((param) => (param.includes('=') ? param : `TYPE=${param}`));
  return `${[name, ...named].join(';')}${line.slice(colon)}`;
}

// --- jCard → contact -------------------------------------------------------------------------

// One jCard property: [name, parameters, value type, ...values].
type JcardProperty = [string, Record<string, unknown>, string, ...unknown[]];

function propertiesOf(jcard: unknown): JcardProperty[] | null {
  if (!Array.isArray(jcard) || jcard[0] !== 'vcard' || !Array.isArray(jcard[1])) return null;
  return (jcard[1] as unknown[]).filter(
    (property): property is JcardProperty =>
      Array.isArray(property) && typeof property[0] === 'string' && typeof property[1] === 'object' && property[1] !== null,
  );
}

function toContact(properties: JcardProperty[]): VcardContact {
  const first = (name: string) => properties.find((property) => property[0] === name);
  const all = (name: string) => properties.filter((property) => property[0] === name);
  const n = structuredValue(first('n'));
  const org = structuredValue(first('org'));
  return {
    formattedName: textOrNull(textValue(first('fn'))),
    familyName: textOrNull(n[0]),
    givenName: textOrNull(n[1]),
    organisation: textOrNull(org.filter((part) => part.trim() !== '').join(', ')),
    title: textOrNull(textValue(first('title'))),
    emails: all('email').map(typedValue).filter((email) => email.value !== ''),
    phones: all('tel').map(typedValue).filter((phone) => phone.value !== ''),
    addresses: all('adr').map(toAddress),
    note: textOrNull(all('note').map(textValue).join('\n')),
  };
}

function toAddress(property: JcardProperty): VcardAddress {
  const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = structuredValue(property);
  return { types: typesOf(property), poBox, extended, street, city, region, postalCode, country };
}

function typedValue(property: JcardProperty): VcardTyped {
  // TEL;VALUE=uri holds "tel:+48…": the number is what follows the scheme.
  return { value: textValue(property).replace(/^tel:/i, '').trim(), types: typesOf(property) };
}

function typesOf(property: JcardProperty): string[] {
  const type = property[1].type;
  const list = Array.isArray(type) ? type : type === undefined ? [] : [type];
  return list.flatMap((item) => String(item).split(',')).map((item) => item.trim().toLowerCase()).filter(Boolean);
}

// Several values (NICKNAME:a,b) are joined; a structured value (N, ADR) is read with structuredValue.
function textValue(property: JcardProperty | undefined): string {
  if (!property) return '';
  return property
    .slice(3)
    .map((value) => (Array.isArray(value) ? value.flat().join(' ') : String(value)))
    .join(', ');
}

// N, ORG, ADR as their parts; a component with several values ("Philip,Paul") is joined with spaces.
function structuredValue(property: JcardProperty | undefined): string[] {
  const value = property?.[3];
  if (value === undefined) return [];
  const parts = Array.isArray(value) ? value : [value];
  return parts.map((part) => (Array.isArray(part) ? part.join(' ') : String(part)));
}

function textOrNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
