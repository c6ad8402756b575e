// A mapped row (preset or user mapping) or a vCard as one raw import draft: the customer, the person
// the row names, contact points and address, each value still as typed and tagged with the column it
// came from, so validation can name the column in every problem. Nothing is judged here.
import type { ColumnMapping, PasjaField } from './presets.ts';
import type { VcardAddress, VcardContact, VcardTyped } from './vcard-reader.ts';

export interface SourceCell {
  column: string;
  value: string; // trimmed, never empty
}

// rowNumber: the data row (1-based, as in a preview) or, for a vCard file, the card's index.
export interface DraftSource {
  rowNumber: number;
  line: number;
}

export interface RawDraft {
  source: DraftSource;
  // The first column mapped to each field, shared by all rows: names the column of a value that is missing.
  columns: Readonly<Partial<Record<PasjaField, string>>>;
  externalId: SourceCell | null;
  // One row may name a company and a person working there (HubSpot, Outlook: "Company" + "First Name").
  company: { name: SourceCell | null; nip: SourceCell | null; regon: SourceCell | null; website: SourceCell | null };
  person: { fullName: SourceCell | null; firstName: SourceCell | null; lastName: SourceCell | null; role: SourceCell | null };
  emails: SourceCell[];
  phones: SourceCell[];
  address: {
    street: SourceCell | null;
    building: SourceCell | null;
    flat: SourceCell | null;
    postalCode: SourceCell | null;
    city: SourceCell | null;
    region: SourceCell | null;
    country: SourceCell | null;
  };
  notes: SourceCell[];
}

type ListField = 'email' | 'phone' | 'notes';
type SingleField = Exclude<PasjaField, ListField>;

const listFields = new Set<PasjaField>(['email', 'phone', 'notes']);

// A mapping resolved against one header once, so each row costs one pass over the mapped cells.
export interface CompiledMapping {
  columns: ReadonlyArray<ColumnMapping>;
  firstColumnOf: Readonly<Partial<Record<PasjaField, string>>>;
}

export function compileMapping(mapping: ReadonlyArray<ColumnMapping>): CompiledMapping {
  // Column order decides which of two columns mapped to one single field wins: the first non-empty.
  const columns = [...mapping].sort((a, b) => a.index - b.index);
  const firstColumnOf: Partial<Record<PasjaField, string>> = {};
  for (const { column, field } of columns) firstColumnOf[field] ??= column;
  return { columns, firstColumnOf };
}

// A user's mapping as the UI sends it: header name → field (null or absent: skip the column).
// Matching is on the trimmed, NFC header name, like recogniseHeader; a repeated header name maps every copy.
export function mappingFromColumns(header: ReadonlyArray<string>, fields: Readonly<Record<string, PasjaField | null>>): ColumnMapping[] {
  return header.flatMap((raw, index) => {
    const column = raw.replace(/^\uFEFF/, '').trim().normalize('NFC');
    const field = fields[column];
    return field ? [{ index, column, field }] : [];
  });
}

export function mapTableRow(mapping: CompiledMapping, source: DraftSource, cells: ReadonlyArray<string>): RawDraft {
  const single: Partial<Record<SingleField, SourceCell>> = {};
  const lists: Record<ListField, SourceCell[]> = { email: [], phone: [], notes: [] };
  for (const { index, column, field } of mapping.columns) {
    const value = cells[index]?.trim();
    if (!value) continue;
    if (listFields.has(field)) lists[field as ListField].push({ column, value });
    else single[field as SingleField] ??= { column, value };
  }
  return {
    source,
    columns: mapping.firstColumnOf,
    externalId: single.externalId ?? null,
    company: { name: single.companyName ?? null, nip: single.nip ?? null, regon: single.regon ?? null, website: single.website ?? null },
    person: { fullName: single.fullName ?? null, firstName: single.firstName ?? null, lastName: single.lastName ?? null, role: single.jobTitle ?? null },
    emails: lists.email,
    phones: lists.phone,
    address: {
      street: single.street ?? null,
      building: single.building ?? null,
      flat: single.flat ?? null,
      postalCode: single.postalCode ?? null,
      city: single.city ?? null,
      region: single.region ?? null,
      country: single.country ?? null,
    },
    notes: lists.notes,
  };
}

// vCard properties stand in for columns ("TEL", "TEL #2", "ADR street"), so problems point at them.
export function mapVcard(source: DraftSource, contact: VcardContact): RawDraft {
  const address = pickAddress(contact.addresses);
  const street = address ? [address.street, address.extended].map((part) => part.trim()).filter(Boolean).join(', ') : '';
  return {
    source,
    columns: vcardColumns,
    externalId: null,
    company: { name: cell('ORG', contact.organisation), nip: null, regon: null, website: null },
    person: {
      fullName: cell('FN', contact.formattedName),
      firstName: cell('N given', contact.givenName),
      lastName: cell('N family', contact.familyName),
      role: cell('TITLE', contact.title),
    },
    emails: typedCells('EMAIL', contact.emails),
    phones: typedCells('TEL', contact.phones),
    address: {
      street: cell('ADR street', street),
      building: null,
      flat: null,
      postalCode: cell('ADR postal code', address?.postalCode),
      city: cell('ADR city', address?.city),
      region: cell('ADR region', address?.region),
      country: cell('ADR country', address?.country),
    },
    notes: [cell('NOTE', contact.note)].filter((note): note is SourceCell => note !== null),
  };
}

const vcardColumns: Partial<Record<PasjaField, string>> = {
  companyName: 'ORG', fullName: 'FN', firstName: 'N given', lastName: 'N family', jobTitle: 'TITLE', email: 'EMAIL', phone: 'TEL',
  street: 'ADR street', postalCode: 'ADR postal code', city: 'ADR city', region: 'ADR region', country: 'ADR country', notes: 'NOTE',
};

// A service site is where the work is: the work address when the card has one, else the first.
function pickAddress(addresses: ReadonlyArray<VcardAddress>): VcardAddress | undefined {
  return addresses.find((address) => address.types.includes('work')) ?? addresses[0];
}

function typedCells(property: string, values: ReadonlyArray<VcardTyped>): SourceCell[] {
  return values.flatMap((typed, index) => {
    const value = typed.value.trim();
    return value ? [{ column: index === 0 ? property : `${property} #${index + 1}`, value }] : [];
  });
}

function cell(column: string, value: string | null | undefined): SourceCell | null {
  const trimmed = value?.trim();
  return trimmed ? { column, value: trimmed } : null;
}
