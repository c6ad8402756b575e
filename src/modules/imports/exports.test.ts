import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { exportCustomerPages } from '../crm/customer-export.ts';
import { addMember, createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { readCsv } from './csv-reader.ts';
import type { ExportContact, ExportCustomer, ExportSite } from './export-records.ts';
import { writeCustomers } from './export-writers.ts';
import { bytesOf, collect } from './fixtures.testing.ts';
import { pasjaExportColumns } from './presets.ts';
import type { TableRecord } from './table-records.ts';
import { readXlsx } from './xlsx-reader.ts';

type Method = 'GET' | 'POST' | 'DELETE';

// 23:30 UTC on 31 March is already 1 April in Warsaw: the file is named by the office's day.
const clock = { now: () => new Date('2026-03-31T23:30:00Z') };
const bom = [0xef, 0xbb, 0xbf];

const jan: ExportContact = { firstName: 'Jan', lastName: 'Kowalski', role: null, emails: [], phones: ['+48221234567'] };
const ewa: ExportContact = { firstName: 'Ewa', lastName: 'Nowak', role: 'Kierownik', emails: ['ewa@chlodnie.pl', 'ewa.nowak@poczta.pl'], phones: ['+48600100200'] };
const prosta: ExportSite = { street: 'ul. Prosta 1', building: null, flat: null, postalCode: '00-950', city: 'Warszawa' };
const dluga: ExportSite = { street: 'ul. Długa 5', building: 'B', flat: '12', postalCode: '31-000', city: 'Kraków' };

describeEachBackend('customer export: paged reads, every format, the download route', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let other: SignedUpTenant;
  let expected: ExportCustomer[];

  const call = (who: { cookie: string }, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: who.cookie, ...headers }, ...(payload === undefined ? {} : { payload }) });
  const create = async (who: { cookie: string }, url: string, payload: object): Promise<string> => {
    const response = await call(who, 'POST', url, payload);
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  const remove = async (who: { cookie: string }, url: string): Promise<void> => {
    const response = await call(who, 'DELETE', url, undefined, { 'if-match': '"1"' });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  const company = (id: string, companyName: string, nip: string | null = null): ExportCustomer => ({ id, kind: 'company', companyName, firstName: null, lastName: null, nip, regon: null, contacts: [], sites: [], notes: [] });
  const fileOf = async (format: Parameters<typeof writeCustomers>[0], tenantId = owner.tenantId) =>
    Buffer.concat(await collect(writeCustomers(format, exportCustomerPages(db, tenantId))));

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'eksport-a');
    other = await signUpTenant(sut, 'eksport-b');

    const chlodnie = await create(owner, '/api/customers', { kind: 'company', companyName: 'Chłodnie Mazowsze Sp. z o.o.', nip: '526-104-08-34', regon: '140000000' });
    await create(owner, `/api/customers/${chlodnie}/contacts`, { firstName: 'Ewa', lastName: 'Nowak', role: 'Kierownik', emails: [{ address: 'ewa@chlodnie.pl' }, { address: 'ewa.nowak@poczta.pl' }], phones: [{ number: '600 100 200' }] });
    await remove(owner, `/api/contacts/${await create(owner, `/api/customers/${chlodnie}/contacts`, { firstName: 'Usunięty', lastName: 'Kontakt' })}`);
    await create(owner, `/api/customers/${chlodnie}/contacts`, { firstName: 'Jan', lastName: 'Kowalski', phones: [{ number: '+48 22 123 45 67' }], isPrimary: true });
    await create(owner, `/api/customers/${chlodnie}/sites`, prosta);
    await remove(owner, `/api/sites/${await create(owner, `/api/customers/${chlodnie}/sites`, { street: 'ul. Zburzona 2', postalCode: '00-001', city: 'Warszawa' })}`);
    await create(owner, `/api/customers/${chlodnie}/sites`, dluga);
    await create(owner, `/api/customers/${chlodnie}/notes`, { body: 'Klient woli kontakt rano' });
    await remove(owner, `/api/notes/${await create(owner, `/api/customers/${chlodnie}/notes`, { body: 'Notatka usunięta' })}`);
    await create(owner, `/api/customers/${chlodnie}/notes`, { body: 'Umowa serwisowa nr 12/2024' });

    const jozef = await create(owner, '/api/customers', { kind: 'person', firstName: 'Józef', lastName: 'Wójcik' });
    await create(owner, `/api/customers/${jozef}/sites`, prosta);
    const klima = await create(owner, '/api/customers', { kind: 'company', companyName: 'Klima; Serwis "Północ"', nip: '7770001111' });
    const closed = await create(owner, '/api/customers', { kind: 'company', companyName: 'Zamknięta Firma' });
    await create(owner, `/api/customers/${closed}/contacts`, { firstName: 'Ktoś', lastName: 'Zamknięty' });
    await remove(owner, `/api/customers/${closed}`);
    const fifth = await create(owner, '/api/customers', { kind: 'company', companyName: 'Firma Piąta' });
    const sixth = await create(owner, '/api/customers', { kind: 'company', companyName: 'Firma Szósta' });

    const foreign = await create(other, '/api/customers', { kind: 'company', companyName: 'Obca Firma' });
    await create(other, `/api/customers/${foreign}/contacts`, { firstName: 'Obcy', lastName: 'Człowiek' });

    const seeded: ExportCustomer[] = [
      { ...company(chlodnie, 'Chłodnie Mazowsze Sp. z o.o.', '5261040834'), regon: '140000000', contacts: [jan, ewa], sites: [prosta, dluga], notes: ['Klient woli kontakt rano', 'Umowa serwisowa nr 12/2024'] },
      { id: jozef, kind: 'person', companyName: null, firstName: 'Józef', lastName: 'Wójcik', nip: null, regon: null, contacts: [], sites: [prosta], notes: [] },
      company(klima, 'Klima; Serwis "Północ"', '7770001111'),
      company(fifth, 'Firma Piąta'),
      company(sixth, 'Firma Szósta'),
    ];
    expected = seeded.sort((a, b) => a.id.localeCompare(b.id));
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('exports live customers in id order with their live contacts (primary first), sites and notes', async () => {
    expect(await collect(exportCustomerPages(db, owner.tenantId))).toEqual(expected);
  });

  it.each([1, 2, 5, 500])('reads pages of %i customers, one transaction each, every customer exactly once', async (pageSize) => {
    let transactions = 0;
    const counting: Database = { ...db, inTenant: (tenantId, work) => ((transactions += 1), db.inTenant(tenantId, work)) };
    expect(await collect(exportCustomerPages(counting, owner.tenantId, { pageSize }))).toEqual(expected);
    // A full last page needs one more read to learn that nothing follows.
    expect(transactions).toBe(Math.floor(expected.length / pageSize) + 1);
  });

  it('holds no transaction while the reader is between customers', async () => {
    const pages = exportCustomerPages(db, owner.tenantId, { pageSize: 2 });
    expect((await pages.next()).value).toEqual(expected[0]);
    // On PGlite a transaction left open would hold the only connection and this would never run.
    const count = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('customers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow());
    expect(Number(count.n)).toBe(expected.length + 1);
    await pages.return(undefined);
  });

  it("exports only the tenant's own customers", async () => {
    const foreign = await collect(exportCustomerPages(db, other.tenantId));
    expect(foreign.map((customer) => customer.companyName)).toEqual(['Obca Firma']);
    expect(foreign[0]?.contacts).toEqual([{ firstName: 'Obcy', lastName: 'Człowiek', role: null, emails: [], phones: [] }]);
    const ours = (await fileOf('json')).toString('utf8');
    expect(ours).not.toContain('Obc');
  });

  it("writes CSV with the BOM, Pasja's columns and each customer's rows, nothing deleted", async () => {
    const file = await fileOf('csv');
    expect([...file.subarray(0, 3)]).toEqual(bom);
    const records = await collect((await readCsv(bytesOf(file))).records);
    expect(records[0]).toMatchObject({ kind: 'header', cells: Object.keys(pasjaExportColumns) });
    const rowsPerId = countRowsPerId(records);
    // Chłodnie: Jan's phone, then Ewa's two e-mails; two sites and two notes fit beside them.
    expect(rowsPerId).toEqual(new Map(expected.map((customer) => [customer.id, customer.nip === '5261040834' ? 3 : 1])));
    for (const gone of ['Usunięty', 'Zburzona', 'Notatka usunięta', 'Zamknięta']) expect(file.toString('utf8')).not.toContain(gone);
  });

  it('writes a vCard per contact, and one for a customer without contacts', async () => {
    const text = (await fileOf('vcf')).toString('utf8');
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(expected.reduce((cards, customer) => cards + Math.max(customer.contacts.length, 1), 0));
    expect(text).toContain('FN:Jan Kowalski');
    expect(text).not.toContain('Usunięty');
  });

  it('writes NDJSON, one customer per line', async () => {
    const lines = (await fileOf('json')).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(expected);
  });

  it('sends the file for download with its type and a dated name, and audits the export', async () => {
    const response = await call(owner, 'GET', '/api/exports/customers?format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="pasja-customers-2026-04-01.csv"');
    expect(response.rawPayload.equals(await fileOf('csv'))).toBe(true);
    const audit = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'customers.exported').execute());
    expect(audit).toContainEqual({ actor_user_id: owner.userId, details: { format: 'csv' } });
  });

  it.each([
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['vcf', 'text/vcard; charset=utf-8', 'vcf'],
    ['json', 'application/x-ndjson', 'ndjson'],
  ])('sends format=%s as %s, named .%s', async (format, mediaType, extension) => {
    const response = await call(owner, 'GET', `/api/exports/customers?format=${format}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(mediaType);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="pasja-customers-2026-04-01.${extension}"`);
    if (format === 'xlsx') {
      const records = await collect(readXlsx(Readable.from([response.rawPayload])));
      expect(records[0]).toMatchObject({ kind: 'header', cells: Object.keys(pasjaExportColumns) });
      expect(countRowsPerId(records)).toEqual(countRowsPerId(await collect((await readCsv(bytesOf(await fileOf('csv')))).records)));
    }
  });

  it('sends CSV when no format is named, and refuses an unknown one', async () => {
    const response = await call(owner, 'GET', '/api/exports/customers');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual(bom);
    const refused = await call(owner, 'GET', '/api/exports/customers?format=pdf');
    expect(refused.statusCode).toBe(400);
  });

  it('refuses the export to a role below admin', async () => {
    const dispatcher = await addMember(sut, owner, 'Dyspozytor Eksportu', 'dispatcher');
    const response = await call(dispatcher, 'GET', '/api/exports/customers?format=csv');
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Chłodnie');
  });
});

function countRowsPerId(records: TableRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (record.kind !== 'row') continue;
    const id = record.cells[0] ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
