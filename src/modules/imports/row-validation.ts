// A raw draft judged by the CRM core's rules and reduced to stored forms: NIP as 10 digits, postal
// code NN-NNN, phones E.164, e-mails as normaliseEmail keeps them. Every problem names the column.
// What blocks a row: nothing to call the customer, a NIP or REGON the CRM would refuse (an import
// must not quietly drop the key that finds the customer again), a name longer than the CRM stores.
// What only warns and drops the value: a bad phone or e-mail (the others still reach the customer),
// an address that cannot make a site (the customer is still worth importing), a "0000000000" NIP
// (the usual stand-in for "none"), a role too long, contact points beyond the CRM's 10.
import type { CountryCode } from 'libphonenumber-js';
import { normaliseEmail, normalisePhone } from '../crm/contact-points.ts';
import { validatePolishId, type PolishIdRule } from '../crm/polish-ids.ts';
import type { PasjaField } from './presets.ts';
import type { DraftSource, RawDraft, SourceCell } from './row-mapping.ts';

export type ImportRule = PolishIdRule | 'required' | 'too-long' | 'too-many' | 'placeholder' | 'incomplete' | 'foreign-address';

export interface ImportProblem {
  column: string | null; // null: the problem is that no column holds the value
  field: PasjaField;
  rule: ImportRule;
  message: string;
}

export interface CustomerDraft {
  kind: 'company' | 'person';
  name: string;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  nip: string | null;
  regon: string | null;
  website: string | null;
}

export interface ContactDraft {
  // null when the row names no person but has contact points (a company's switchboard); the CRM
  // needs a first name for a contact, so the writer has to name it.
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  emails: Array<{ address: string; column: string }>;
  phones: Array<{ number: string; extension?: string; column: string }>;
}

export interface SiteDraft {
  street: string;
  building: string | null;
  flat: string | null;
  postalCode: string;
  city: string;
}

export interface ImportDraft {
  source: DraftSource;
  externalId: string | null;
  customer: CustomerDraft;
  contact: ContactDraft | null;
  site: SiteDraft | null;
  // Kept when the address is too incomplete for a site: the name + city dedup key still needs it.
  city: string | null;
  notes: string | null;
}

export type RowVerdict =
  | { status: 'accepted'; draft: ImportDraft; warnings: ImportProblem[] }
  | { status: 'rejected'; source: DraftSource; errors: ImportProblem[]; warnings: ImportProblem[] };

export interface ValidationOptions {
  defaultRegion?: CountryCode;
}

// The CRM's own limits (customers/contacts/sites schemas), so an accepted draft is one the CRM takes.
const limits = { companyName: 300, firstName: 100, lastName: 150, role: 100, street: 200, building: 50, flat: 50, city: 100 };
const maxContactPoints = 10;
// Folded spellings of Poland in a country column; any other country's addresses are not sites here.
const polandNames = new Set(['pl', 'pol', 'polska', 'poland', 'rzeczpospolita polska', 'republic of poland']);

export function validateDraft(raw: RawDraft, options: ValidationOptions = {}): RowVerdict {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const region = options.defaultRegion ?? 'PL';

  const nip = identifier(raw.company.nip, 'nip', errors, warnings);
  const regon = identifier(raw.company.regon, 'regon', errors, warnings);
  const companyName = nameText(raw.company.name, 'companyName', limits.companyName, errors);
  const person = personName(raw, errors);
  const role = optionalText(raw.person.role, 'jobTitle', limits.role, warnings);
  const emails = contactEmails(raw.emails, warnings);
  const phones = contactPhones(raw.phones, region, warnings);

  let customer: CustomerDraft | null = null;
  if (companyName) {
    customer = { kind: 'company', name: companyName, companyName, firstName: null, lastName: null, nip, regon, website: text(raw.company.website) };
  } else if (person.firstName && person.lastName) {
    // A person with a NIP is a sole trader (JDG) and stays a person customer, as the CRM allows.
    const name = `${person.firstName} ${person.lastName}`;
    customer = { kind: 'person', name, companyName: null, firstName: person.firstName, lastName: person.lastName, nip, regon, website: text(raw.company.website) };
  } else if (person.firstName || person.lastName) {
    const missing = person.firstName ? 'lastName' : 'firstName';
    errors.push({
      column: raw.columns[missing] ?? null,
      field: missing,
      rule: 'required',
      message: `A person customer needs a first and a last name; this row has only "${person.firstName ?? person.lastName}" and no company`,
    });
  } else if (!raw.company.name && !raw.person.firstName && !raw.person.lastName && !raw.person.fullName) {
    // A name that was there but refused (too long) has its own error already.
    const column = raw.columns.companyName ?? raw.columns.lastName ?? raw.columns.fullName ?? null;
    errors.push({ column, field: 'companyName', rule: 'required', message: 'The row has no company name and no person name' });
  }

  const hasPerson = person.firstName !== null || person.lastName !== null;
  const contact: ContactDraft | null =
    hasPerson || emails.length > 0 || phones.length > 0
      ? { firstName: person.firstName, lastName: person.lastName, role, emails, phones }
      : null;
  const site = siteOf(raw, warnings);
  const city = text(raw.address.city);

  if (errors.length > 0 || !customer) return { status: 'rejected', source: raw.source, errors, warnings };
  const notes = raw.notes.map((note) => note.value).join('\n\n');
  return {
    status: 'accepted',
    draft: { source: raw.source, externalId: raw.externalId?.value ?? null, customer, contact, site, city, notes: notes || null },
    warnings,
  };
}

function identifier(cell: SourceCell | null, field: 'nip' | 'regon', errors: ImportProblem[], warnings: ImportProblem[]): string | null {
  if (!cell) return null;
  const check = validatePolishId(field, cell.value);
  if (check.ok) return check.value;
  // "0000000000" is how many systems fill a required NIP they do not know: it means "none".
  if (/^[0\s-]+$/.test(cell.value)) {
    warnings.push({ column: cell.column, field, rule: 'placeholder', message: `"${cell.value}" read as no ${field.toUpperCase()}` });
    return null;
  }
  errors.push({ column: cell.column, field, rule: check.rule, message: `${check.message}: "${cell.value}"` });
  return null;
}

interface PersonName {
  firstName: string | null;
  lastName: string | null;
}

// First and last name columns win; a full name ("Łukasz Kowalski", Pipedrive's "Person - Name",
// a vCard FN) is split at its last space only when neither is given.
function personName(raw: RawDraft, errors: ImportProblem[]): PersonName {
  const { firstName, lastName, fullName } = raw.person;
  if (firstName || lastName) {
    return { firstName: nameText(firstName, 'firstName', limits.firstName, errors), lastName: nameText(lastName, 'lastName', limits.lastName, errors) };
  }
  if (!fullName) return { firstName: null, lastName: null };
  const words = cleanText(fullName.value).split(' ');
  const last = words.length > 1 ? words.pop() ?? null : null;
  const first = words.join(' ');
  return {
    firstName: nameText({ column: fullName.column, value: first }, 'fullName', limits.firstName, errors),
    lastName: last === null ? null : nameText({ column: fullName.column, value: last }, 'fullName', limits.lastName, errors),
  };
}

function nameText(cell: SourceCell | null, field: PasjaField, max: number, errors: ImportProblem[]): string | null {
  const value = text(cell);
  if (cell && value && value.length > max) {
    errors.push({ column: cell.column, field, rule: 'too-long', message: `Longer than ${max} characters` });
    return null;
  }
  return value;
}

function optionalText(cell: SourceCell | null, field: PasjaField, max: number, warnings: ImportProblem[]): string | null {
  const value = text(cell);
  if (cell && value && value.length > max) {
    warnings.push({ column: cell.column, field, rule: 'too-long', message: `Longer than ${max} characters; left out` });
    return null;
  }
  return value;
}

function contactEmails(cells: ReadonlyArray<SourceCell>, warnings: ImportProblem[]): ContactDraft['emails'] {
  const emails: ContactDraft['emails'] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const check = normaliseEmail(cell.value);
    if (!check.ok) {
      warnings.push({ column: cell.column, field: 'email', rule: check.rule, message: `${check.message}: "${cell.value}"; left out` });
      continue;
    }
    const key = check.address.toLowerCase();
    if (seen.has(key)) continue; // the same address in "Email" and "Work email" is one address
    seen.add(key);
    if (emails.length === maxContactPoints) {
      warnings.push({ column: cell.column, field: 'email', rule: 'too-many', message: `More than ${maxContactPoints} e-mail addresses; "${cell.value}" left out` });
      continue;
    }
    emails.push({ address: check.address, column: cell.column });
  }
  return emails;
}

function contactPhones(cells: ReadonlyArray<SourceCell>, region: CountryCode, warnings: ImportProblem[]): ContactDraft['phones'] {
  const phones: ContactDraft['phones'] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const check = normalisePhone(cell.value, region);
    if (!check.ok) {
      warnings.push({ column: cell.column, field: 'phone', rule: check.rule, message: `${check.message}: "${cell.value}"; left out` });
      continue;
    }
    const key = `${check.e164};${check.extension ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (phones.length === maxContactPoints) {
      warnings.push({ column: cell.column, field: 'phone', rule: 'too-many', message: `More than ${maxContactPoints} phone numbers; "${cell.value}" left out` });
      continue;
    }
    phones.push({ number: check.e164, ...(check.extension ? { extension: check.extension } : {}), column: cell.column });
  }
  return phones;
}

// A site needs street, postal code and city (sites schema) and a Polish postal code (sites service).
// Anything short of that warns and leaves the customer without a site rather than refusing the row.
function siteOf(raw: RawDraft, warnings: ImportProblem[]): SiteDraft | null {
  const { street, building, flat, postalCode, city, country } = raw.address;
  if (!street && !postalCode && !building && !flat) return null; // a bare city is not an address, only a dedup hint
  if (country && !polandNames.has(foldCountry(country.value))) {
    warnings.push({ column: country.column, field: 'country', rule: 'foreign-address', message: `Address in "${country.value}" is not a Polish address; no site created` });
    return null;
  }
  const missing: Array<[PasjaField, SourceCell | null]> = [['street', street], ['postalCode', postalCode], ['city', city]];
  const absent = missing.filter(([, cell]) => !cell).map(([field]) => field);
  if (absent.length > 0) {
    const present = [street, postalCode, city, building, flat].find((cell) => cell !== null);
    warnings.push({ column: present?.column ?? null, field: absent[0] ?? 'street', rule: 'incomplete', message: `Address has no ${absent.join(', ')}; no site created` });
    return null;
  }
  const postal = validatePolishId('postal_code', postalCode?.value ?? '');
  if (!postal.ok) {
    warnings.push({ column: postalCode?.column ?? null, field: 'postalCode', rule: postal.rule, message: `${postal.message}: "${postalCode?.value ?? ''}"; no site created` });
    return null;
  }
  const parts = { street: text(street) ?? '', building: text(building), flat: text(flat), city: text(city) ?? '' };
  for (const [field, value] of Object.entries(parts) as Array<[keyof typeof parts, string | null]>) {
    if (value && value.length > limits[field]) {
      const cell = raw.address[field];
      warnings.push({ column: cell?.column ?? null, field, rule: 'too-long', message: `Longer than ${limits[field]} characters; no site created` });
      return null;
    }
  }
  return { ...parts, postalCode: postal.value };
}

function foldCountry(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function text(cell: SourceCell | null): string | null {
  if (!cell) return null;
  const value = cleanText(cell.value);
  return value || null;
}

// NFC: macOS and some exports write "ł"/"ś" decomposed, which would not equal the typed form.
function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}
