import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../crm/contact-points.ts';
import { readCsv } from './csv-reader.ts';
import type { ExportContact, ExportCustomer } from './export-records.ts';
import { exportHeader, writeCustomersCsv, writeCustomersNdjson, writeCustomersVcard, writeCustomersXlsx } from './export-writers.ts';
import { bytesOf, collect } from './fixtures.testing.ts';
import { pasjaExportColumns, recogniseHeader } from './presets.ts';
import { compileMapping, mapTableRow, mapVcard, type CompiledMapping } from './row-mapping.ts';
import { validateDraft, type ImportDraft } from './row-validation.ts';
import type { TableRecord } from './table-records.ts';
import { readVcards } from './vcard-reader.ts';
import { readXlsx } from './xlsx-reader.ts';

// --- test data: ~50 customers that exercise quoting, diacritics and every list length --------

function withCheckDigit(digits: string, weights: number[], tenMeans: string | null): string | null {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0) % 11;
  if (sum === 10) return tenMeans === null ? null : digits + tenMeans;
  return digits + String(sum);
}

function nipFor(seed: number): string {
  for (let bump = 0; ; bump += 1) {
    const nip = withCheckDigit(String(525000000 + seed * 7919 + bump), [6, 5, 7, 2, 3, 4, 5, 6, 7], null);
    if (nip) return nip;
  }
}

function regonFor(seed: number): string {
  return withCheckDigit(String(14000000 + seed * 104729).padStart(8, '0'), [8, 9, 2, 3, 4, 5, 6, 7], '0') ?? '';
}

const mobile = (seed: number) => `+4860${String(1000000 + seed * 37).slice(-7)}`;
const landline = (seed: number) => `+48226${String(100000 + seed * 53).slice(-6)}`;

const firstNames = ['Łukasz', 'Żaneta', 'Grzegorz', 'Małgorzata', 'Józef', 'Ewa', 'Ścibor', 'Agnieszka', 'Jan'];
const lastNames = ['Wójcik', 'Brzęczyszczykiewicz', 'Kowalski', 'Źdźbło-Nowak', 'Ćwik', 'Dąbrowska', "O'Neill", 'Łęcka'];
const companyNames = [
  'Chłodnictwo "Mróz" Sp. z o.o.',
  'Klima; Serwis, s.c.',
  'Wentylacja Źdźbło i Syn',
  'HVAC-Pol S.A.',
  'Pompy Ciepła, Kotły; Instalacje "Ekspert"',
  'Zakład Usługowy Świętokrzyski',
];
const streets = ['ul. Świętokrzyska 12', 'al. Jerozolimskie 100', 'ul. Żółkiewskiego 5/7', 'os. Na Skarpie 3', 'ul. "Pod Dębem" 1'];
const cities = ['Łódź', 'Kraków', 'Gdańsk', 'Zielona Góra', 'Bielsko-Biała'];
const notes = [
  'Klient woli kontakt rano; nie dzwonić po 16',
  'Serwis klimatyzacji co pół roku,\nostatni: "marzec"',
  'Brama: kod 1234\r\nPies na posesji!',
  'Umowa serwisowa nr 12/2024, płatność 14 dni',
];

function contactFor(seed: number, points: { emails: number; phones: number }, role: string | null): ExportContact {
  const firstName = firstNames[seed % firstNames.length] ?? 'Jan';
  return {
    firstName,
    lastName: seed % 11 === 3 ? null : (lastNames[seed % lastNames.length] ?? null),
    role,
    emails: Array.from({ length: points.emails }, (_, index) => `kontakt${seed}.${index}@firma${seed % 7}.pl`),
    phones: Array.from({ length: points.phones }, (_, index) => (index % 2 === 0 ? mobile(seed * 3 + index) : landline(seed * 3 + index))),
  };
}

function companyFor(seed: number): ExportCustomer {
  const contactCount = seed % 4; // 0 to 3 contacts
  return {
    id: `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`,
    kind: 'company',
    companyName: `${companyNames[seed % companyNames.length] ?? 'Firma'} ${seed}`,
    firstName: null,
    lastName: null,
    nip: seed % 5 === 4 ? null : nipFor(seed),
    regon: seed % 3 === 0 ? regonFor(seed) : null,
    contacts: Array.from({ length: contactCount }, (_, index) =>
      contactFor(seed * 10 + index, { emails: (seed + index) % 3, phones: (seed + index * 2) % 3 }, index === 0 ? 'Kierownik serwisu; działu "B"' : null),
    ),
    sites: Array.from({ length: Math.floor(seed / 2) % 3 }, (_, index) => ({
      street: streets[(seed + index) % streets.length] ?? 'ul. Długa 1',
      building: index === 1 ? 'B' : null,
      flat: seed % 2 === 0 ? String(index + 1) : null,
      postalCode: `${String(10 + ((seed * 7 + index) % 89)).padStart(2, '0')}-${String(100 + seed * 13 + index).slice(-3)}`,
      city: cities[(seed + index) % cities.length] ?? 'Łódź',
    })),
    notes: Array.from({ length: seed % 3 === 1 ? 2 : seed % 2 }, (_, index) => notes[(seed + index) % notes.length] ?? ''),
  };
}

// A person customer's contact, when there is one, is the person: the export's name columns are theirs.
function personFor(seed: number): ExportCustomer {
  const firstName = firstNames[(seed + 4) % firstNames.length] ?? 'Anna';
  const lastName = lastNames[(seed + 2) % lastNames.length] ?? 'Nowak';
  const self = contactFor(seed * 10, { emails: seed % 3, phones: 1 + (seed % 2) }, null);
  return {
    id: `00000000-0000-4000-9000-${String(seed).padStart(12, '0')}`,
    kind: 'person',
    companyName: null,
    firstName,
    lastName,
    nip: seed % 4 === 0 ? nipFor(seed + 500) : null, // a sole trader (JDG)
    regon: null,
    contacts: seed % 5 === 2 ? [] : [{ ...self, firstName, lastName }],
    sites: seed % 3 === 0 ? [] : [{ street: streets[seed % streets.length] ?? 'ul. Krótka 2', building: null, flat: '12', postalCode: '00-950', city: cities[seed % cities.length] ?? 'Kraków' }],
    notes: seed % 4 === 1 ? [notes[seed % notes.length] ?? ''] : [],
  };
}

const customers: ExportCustomer[] = Array.from({ length: 50 }, (_, seed) => (seed % 3 === 2 ? personFor(seed) : companyFor(seed)));

async function* streamOf<T>(items: ReadonlyArray<T>): AsyncGenerator<T> {
  yield* items;
}

async function bytesWritten(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  return Buffer.concat(await collect(chunks));
}

// --- reading an export back the way the import does ------------------------------------------

async function importDrafts(records: AsyncIterable<TableRecord>): Promise<ImportDraft[]> {
  let mapping: CompiledMapping | null = null;
  const drafts: ImportDraft[] = [];
  for await (const record of records) {
    if (record.kind === 'problem') throw new Error(`line ${record.line}: ${record.message}`);
    if (record.kind === 'header') {
      const recognised = recogniseHeader(record.cells);
      expect(recognised?.preset.id).toBe('pasja');
      mapping = compileMapping(recognised?.mapping ?? []);
      continue;
    }
    if (!mapping) throw new Error('row before header');
    const verdict = validateDraft(mapTableRow(mapping, record, record.cells));
    if (verdict.status === 'rejected') throw new Error(`row ${record.rowNumber}: ${JSON.stringify(verdict.errors)}`);
    expect(verdict.warnings).toEqual([]);
    drafts.push(verdict.draft);
  }
  return drafts;
}

// The linking the import has to do for Pasja's own export: rows sharing an id are one customer,
// consecutive lines naming one person one contact, each row's site and note one site and one note.
// On a person customer's rows the name is the customer's, so a line without contact points adds no contact.
function customersFromDrafts(drafts: ReadonlyArray<ImportDraft>): ExportCustomer[] {
  const rebuilt: ExportCustomer[] = [];
  for (const draft of drafts) {
    let customer = rebuilt.at(-1);
    if (!customer || customer.id !== draft.externalId) {
      const { kind, companyName, firstName, lastName, nip, regon } = draft.customer;
      customer = { id: draft.externalId ?? '', kind, companyName, firstName, lastName, nip, regon, contacts: [], sites: [], notes: [] };
      rebuilt.push(customer);
    }
    const contact = draft.contact;
    const emails = contact?.emails.map((email) => email.address) ?? [];
    const phones = contact?.phones.map((phone) => phone.number) ?? [];
    const hasPoints = emails.length > 0 || phones.length > 0 || contact?.role;
    if (contact?.firstName && (customer.kind === 'company' || hasPoints)) {
      const previous = customer.contacts.at(-1);
      if (previous && previous.firstName === contact.firstName && previous.lastName === contact.lastName && previous.role === contact.role) {
        previous.emails.push(...emails);
        previous.phones.push(...phones);
      } else {
        customer.contacts.push({ firstName: contact.firstName, lastName: contact.lastName, role: contact.role, emails, phones });
      }
    }
    if (draft.site) customer.sites.push({ ...draft.site });
    if (draft.notes) customer.notes.push(draft.notes);
  }
  return rebuilt;
}

// What pasjaExportColumns can carry: a field without a column comes back empty. Adding the column to
// the preset makes this expect the field back, with no change to the writer.
const carried = new Set(Object.values(pasjaExportColumns));

function asCarriedByTable(customer: ExportCustomer): ExportCustomer {
  const contacts = customer.contacts
    .map((contact) => ({ ...contact, role: carried.has('jobTitle') ? contact.role : null }))
    .filter((contact) => customer.kind === 'company' || contact.emails.length > 0 || contact.phones.length > 0 || contact.role);
  return {
    ...customer,
    regon: carried.has('regon') ? customer.regon : null,
    contacts,
    sites: customer.sites.map((site) => ({
      ...site,
      building: carried.has('building') ? site.building : null,
      flat: carried.has('flat') ? site.flat : null,
    })),
    notes: customer.notes.map((note) => note.replace(/\r\n?/g, '\n')),
  };
}

describe('test data', () => {
  it('holds only values the CRM itself would store', () => {
    const phones = customers.flatMap((customer) => customer.contacts.flatMap((contact) => contact.phones));
    expect(phones.filter((phone) => !normalisePhone(phone).ok)).toEqual([]);
    expect(customers.some((customer) => customer.contacts.some((contact) => contact.emails.length === 2 && contact.phones.length === 2))).toBe(true);
    expect(customers.some((customer) => customer.kind === 'company' && customer.contacts.length > 1 && customer.sites.length > 1 && customer.nip)).toBe(true);
  });
});

// --- CSV ------------------------------------------------------------------------------------

describe('writeCustomersCsv', () => {
  it('starts with the UTF-8 BOM and the columns of Pasja’s export preset', async () => {
    const sut = await bytesWritten(writeCustomersCsv(streamOf(customers)));
    expect([...sut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sut.subarray(3).toString('utf8').split('\r\n')[0]).toBe(Object.keys(pasjaExportColumns).join(';'));
    expect(exportHeader).toEqual(Object.keys(pasjaExportColumns));
  });

  it.each([';', ','] as const)('reads back with delimiter %j as the same customers, every row accepted without warnings', async (delimiter) => {
    const file = await bytesWritten(writeCustomersCsv(streamOf(customers), { delimiter }));
    const reading = await readCsv(bytesOf(file));
    expect(reading.encoding).toEqual({ encoding: 'utf-8', reason: 'bom' });
    expect(reading.delimiter).toBe(delimiter);
    expect(customersFromDrafts(await importDrafts(reading.records))).toEqual(customers.map(asCarriedByTable));
  });

  it('writes the re-imported customers as the same bytes again (export, import, export)', async () => {
    const first = await bytesWritten(writeCustomersCsv(streamOf(customers)));
    const reimported = customersFromDrafts(await importDrafts((await readCsv(bytesOf(first))).records));
    expect((await bytesWritten(writeCustomersCsv(streamOf(reimported)))).equals(first)).toBe(true);
  });

  it('quotes quotes, delimiters and newlines as RFC 4180 says', async () => {
    const customer: ExportCustomer = {
      id: 'c1', kind: 'company', companyName: 'A "B"; C, D', firstName: null, lastName: null, nip: null, regon: null,
      contacts: [], sites: [], notes: ['line 1\nline 2'],
    };
    const text = (await bytesWritten(writeCustomersCsv(streamOf([customer])))).toString('utf8');
    const cells: Record<string, string> = { id: 'c1', companyName: '"A ""B""; C, D"', notes: '"line 1\nline 2"' };
    expect(text.split('\r\n')[1]).toBe(Object.keys(pasjaExportColumns).map((column) => cells[column] ?? '').join(';'));
  });

  it('pulls customers only as fast as the reader takes the file', async () => {
    const total = 20_000;
    let produced = 0;
    async function* generated(): AsyncGenerator<ExportCustomer> {
      for (let seed = 0; seed < total; seed += 1) {
        produced += 1;
        yield { id: `c${seed}`, kind: 'company', companyName: `Firma ${seed}`, firstName: null, lastName: null, nip: null, regon: null, contacts: [], sites: [], notes: [] };
      }
    }
    let rowsRead = -1; // the header line is not a customer
    let largestLead = 0;
    for await (const chunk of writeCustomersCsv(generated())) {
      rowsRead += Buffer.from(chunk).toString('utf8').split('\r\n').length - 1;
      largestLead = Math.max(largestLead, produced - rowsRead);
    }
    expect(rowsRead).toBe(total);
    expect(largestLead).toBeLessThan(2_000);
  });
});

// --- XLSX -----------------------------------------------------------------------------------

describe('writeCustomersXlsx', () => {
  it('reads back as the same customers, with text cells kept as text', async () => {
    const file = await bytesWritten(writeCustomersXlsx(streamOf(customers)));
    const drafts = await importDrafts(readXlsx(Readable.from([file])));
    expect(customersFromDrafts(drafts)).toEqual(customers.map(asCarriedByTable));
  });

  it('stops pulling customers when the reader stops', async () => {
    let produced = 0;
    async function* generated(): AsyncGenerator<ExportCustomer> {
      for (let seed = 0; seed < 20_000; seed += 1) {
        produced += 1;
        yield companyFor(seed);
      }
    }
    const chunks = writeCustomersXlsx(generated());
    await chunks.next();
    await chunks.return(undefined);
    expect(produced).toBeLessThan(20_000);
  });
});

// --- vCard ----------------------------------------------------------------------------------

interface CardExpectation {
  organisation: string | null;
  person: { firstName: string | null; lastName: string | null } | null;
  emails: string[];
  phones: string[];
}

function expectedCards(customer: ExportCustomer): CardExpectation[] {
  const organisation = customer.kind === 'company' ? customer.companyName : null;
  if (customer.contacts.length === 0) {
    const person = customer.kind === 'person' ? { firstName: customer.firstName, lastName: customer.lastName } : null;
    return [{ organisation, person, emails: [], phones: [] }];
  }
  return customer.contacts.map((contact) => ({
    organisation,
    person: { firstName: contact.firstName, lastName: contact.lastName },
    emails: contact.emails,
    phones: contact.phones,
  }));
}

describe('writeCustomersVcard', () => {
  it('reads back one card per contact with its names, organisation, e-mails and phones', async () => {
    const file = await bytesWritten(writeCustomersVcard(streamOf(customers)));
    const read: CardExpectation[] = [];
    for await (const record of readVcards(bytesOf(file))) {
      if (record.kind === 'problem') throw new Error(`card ${record.index}: ${record.message}`);
      const verdict = validateDraft(mapVcard({ rowNumber: record.index, line: record.line }, record.contact));
      if (verdict.status === 'rejected') throw new Error(`card ${record.index}: ${JSON.stringify(verdict.errors)}`);
      const { customer, contact } = verdict.draft;
      const isOrgCard = record.contact.givenName === null && record.contact.familyName === null;
      read.push({
        organisation: customer.companyName,
        // An organisation's card has FN = the company: the import reads a person out of it (see report).
        person: isOrgCard ? null : { firstName: contact?.firstName ?? null, lastName: contact?.lastName ?? null },
        emails: contact?.emails.map((email) => email.address) ?? [],
        phones: contact?.phones.map((phone) => phone.number) ?? [],
      });
    }
    expect(read).toEqual(customers.flatMap(expectedCards));
  });

  it('folds lines at 75 octets without splitting a character, and escapes text', async () => {
    const customer: ExportCustomer = {
      id: 'c1', kind: 'company', companyName: 'Przedsiębiorstwo Źdźbło, Łęcki; Wójcik \\ Syn — chłodnictwo, wentylacja i pompy ciepła', firstName: null, lastName: null,
      nip: null, regon: null, contacts: [{ firstName: 'Żaneta', lastName: 'Ćwik', role: 'Szefowa; "wszystko"', emails: ['z@x.pl'], phones: [] }], sites: [], notes: [],
    };
    const text = (await bytesWritten(writeCustomersVcard(streamOf([customer])))).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual']);
    const [card] = await collect(readVcards(bytesOf(text)));
    expect(card).toMatchObject({ kind: 'card', contact: { organisation: customer.companyName, title: 'Szefowa; "wszystko"', givenName: 'Żaneta', familyName: 'Ćwik' } });
  });
});

// --- NDJSON ---------------------------------------------------------------------------------

describe('writeCustomersNdjson', () => {
  it('writes one customer per line, read back equal, without fields the record type does not name', async () => {
    const wider = customers.map((customer) => ({ ...customer, tenantId: 'secret', version: 3 }));
    const text = (await bytesWritten(writeCustomersNdjson(streamOf(wider)))).toString('utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(customers);
  });
});
