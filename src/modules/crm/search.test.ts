import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { newId } from '../../core/ids.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import type { SearchHit } from './search.schemas.ts';
import { rankHits, scoreOf, searchCriteriaOf } from './search.service.ts';

describe('search: what a query is taken for', () => {
  it('takes a phone in any format, an e-mail in any case, a NIP in any spelling and a postal code as identifiers', () => {
    for (const q of ['600 100 200', '+48600100200', '0048 600-100-200']) expect(searchCriteriaOf(q), q).toMatchObject({ phone: '+48600100200', text: null });
    expect(searchCriteriaOf('JAN.Kowalski@Klimat-Serwis.PL')).toMatchObject({ email: 'jan.kowalski@klimat-serwis.pl', text: null });
    for (const q of ['526-104-08-28', 'PL5261040828', 'PL 526 104 08 28']) expect(searchCriteriaOf(q), q).toMatchObject({ nip: '5261040828' });
    expect(searchCriteriaOf('00-590')).toMatchObject({ postalCode: '00-590', text: null });
    expect(searchCriteriaOf('00-5')).toMatchObject({ postalCodePrefix: '00-5', text: null });
  });

  it('splits text into the words a substring match needs and corrects only words of four letters or more', () => {
    expect(searchCriteriaOf('  ul.  Marszałkowska 10 ')).toMatchObject({ text: 'ul. Marszałkowska 10', words: ['Marszałkowska'], correctable: ['Marszałkowska'] });
    expect(searchCriteriaOf('Jan Kowalsky')).toMatchObject({ words: ['Jan', 'Kowalsky'], correctable: ['Kowalsky'] });
    expect(searchCriteriaOf('ko')).toMatchObject({ text: 'ko', words: [], correctable: [] });
    expect(searchCriteriaOf('kow')).toMatchObject({ words: ['kow'], correctable: [] });
    expect(searchCriteriaOf('5261040828')).toMatchObject({ nip: '5261040828', words: ['5261040828'], correctable: [] });
    expect(searchCriteriaOf(' ')).toBeNull();
  });

  it('ranks exact above word-prefix above substring above similar, whatever the similarity', () => {
    const [exact, prefix, substring, similar] = [3, 2, 1, 0].map((tier) => scoreOf({ tier, similarity: tier === 3 ? 0.2 : 1 }));
    expect(exact).toBeGreaterThan(prefix ?? 1);
    expect(prefix).toBeGreaterThan(substring ?? 1);
    expect(substring).toBeGreaterThan(similar ?? 1);
    const hit = (id: string, score: number, field: string): SearchHit => ({ type: 'customer', id, customerId: id, title: id, subtitle: null, score, matched: [{ field, value: id }] });
    const ranked = rankHits([hit('a', 0.4, 'name'), hit('b', 0.9, 'nip'), hit('a', 0.8, 'nip')], 10);
    expect(ranked.map((h) => [h.id, h.score, h.matched.map((m) => m.field)])).toEqual([
      ['b', 0.9, ['nip']],
      ['a', 0.8, ['name', 'nip']],
    ]);
  });
});

describeEachBackend('search: customers, contacts and sites in one box', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let other: SignedUpTenant;
  const ids: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}, as: SignedUpTenant = owner) =>
    sut.http.inject({ method, url, headers: { cookie: as.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const search = async (query: string, as: SignedUpTenant = owner): Promise<SearchHit[]> => {
    const response = await call('GET', `/api/search?${query}`, undefined, {}, as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: SearchHit[] }>().items;
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);

  const newCustomer = async (payload: object, as: SignedUpTenant = owner): Promise<string> => {
    const response = await call('POST', '/api/customers', payload, {}, as);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const newContact = async (customerId: string, payload: object): Promise<string> => {
    const response = await call('POST', `/api/customers/${customerId}/contacts`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  // Sites are written straight to the table, as a fixture.
  const newSite = async (customerId: string, site: { street: string; building?: string; flat?: string; postalCode: string; city: string }): Promise<string> => {
    const id = newId();
    await db.inTenant(owner.tenantId, (tx) =>
      tx
        .insertInto('sites')
        .values({
          id,
          tenant_id: owner.tenantId,
          customer_id: customerId,
          label: null,
          street: site.street,
          building: site.building ?? null,
          flat: site.flat ?? null,
          postal_code: site.postalCode,
          city: site.city,
          lat: null,
          lng: null,
          access_notes: null,
          region_id: null,
          deleted_at: null,
        })
        .execute(),
    );
    return id;
  };

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'szukajka');
    other = await signUpTenant(sut, 'konkurencja');

    ids.klimat = await newCustomer({ kind: 'company', companyName: 'Klimat-Serwis Sp. z o.o.', nip: '526-104-08-28' });
    ids.jan = await newContact(ids.klimat, { firstName: 'Jan', lastName: 'Kowalski', phones: [{ number: '600 100 200' }], emails: [{ address: 'Jan.Kowalski@Klimat-Serwis.pl' }] });
    ids.marszalkowska = await newSite(ids.klimat, { street: 'ul. Marszałkowska', building: '10', flat: '5', postalCode: '00-590', city: 'Warszawa' });
    ids.grzegorz = await newCustomer({ kind: 'person', firstName: 'Grzegorz', lastName: 'Brzęczyszczykiewicz' });
    ids.srodmiescie = await newCustomer({ kind: 'company', companyName: 'Chłodnictwo Śródmieście' });
    ids.hoza = await newSite(ids.srodmiescie, { street: 'ul. Hoża 5', postalCode: '00-528', city: 'Warszawa' });
    ids.kowalski = await newCustomer({ kind: 'company', companyName: 'Kowalski' });
    ids.adam = await newCustomer({ kind: 'person', firstName: 'Adam', lastName: 'Kowalski' });
    ids.kowalsky = await newCustomer({ kind: 'person', firstName: 'Piotr', lastName: 'Kowalsky' });
    // An old import that kept the NIP in the name: found by the digits, below the real NIP owner.
    ids.oldImport = await newCustomer({ kind: 'company', companyName: 'Stary wpis 5261040828' });
    for (let i = 1; i <= 5; i += 1) await newCustomer({ kind: 'company', companyName: `Limitowana Firma ${i}` });

    ids.deleted = await newCustomer({ kind: 'company', companyName: 'Usunięta Klimatyzacja', nip: '7680002466' });
    await newContact(ids.deleted, { firstName: 'Marek', lastName: 'Zapomniany', phones: [{ number: '22 123 45 67' }] });
    await newSite(ids.deleted, { street: 'ul. Zapomniana', building: '1', postalCode: '02-222', city: 'Warszawa' });
    const deleted = await call('DELETE', `/api/customers/${ids.deleted}`, undefined, { 'if-match': '"1"' });
    expect(deleted.statusCode, deleted.body).toBe(200);

    ids.foreign = await newCustomer({ kind: 'company', companyName: 'Klimat-Serwis Konkurencja', nip: '5261040828' }, other);
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('finds names ignoring diacritics: "Srodmiescie", "brzeczyszczykiewicz"', async () => {
    const srodmiescie = await search(q('Srodmiescie'));
    expect(srodmiescie[0]).toMatchObject({ type: 'customer', id: ids.srodmiescie, customerId: ids.srodmiescie, title: 'Chłodnictwo Śródmieście', matched: [{ field: 'name', value: 'Chłodnictwo Śródmieście' }] });
    const grzegorz = await search(q('brzeczyszczykiewicz'));
    expect(grzegorz[0]).toMatchObject({ type: 'customer', id: ids.grzegorz, title: 'Grzegorz Brzęczyszczykiewicz', subtitle: null });
  });

  it('finds names despite a typo: "Kowalsky" finds the Kowalskis', async () => {
    const hits = await search(q('Kowalsky'));
    expect(hits[0]).toMatchObject({ id: ids.kowalsky, title: 'Piotr Kowalsky' });
    expect(titles(hits)).toEqual(expect.arrayContaining(['Kowalski', 'Adam Kowalski', 'Jan Kowalski']));
    const contact = hits.find((hit) => hit.id === ids.jan);
    expect(contact).toMatchObject({ type: 'contact', customerId: ids.klimat, title: 'Jan Kowalski', subtitle: 'Klimat-Serwis Sp. z o.o. · +48600100200', matched: [{ field: 'name', value: 'Jan Kowalski' }] });
  });

  it('corrects a typo in any word of four letters or more, in names and addresses', async () => {
    expect(titles(await search(q('Jan Kowalsky')))).toContain('Jan Kowalski');
    // A letter left out of a short name leaves few trigrams in common, and is still found.
    const mazur = await newCustomer({ kind: 'person', firstName: 'Ewa', lastName: 'Mazur' });
    expect((await search(q('Maur')))[0]).toMatchObject({ id: mazur, title: 'Ewa Mazur' });
    expect((await search(q('Marszalkowsa')))[0]).toMatchObject({ type: 'site', id: ids.marszalkowska });
    expect((await search(q('Brzeczyszczykiwicz')))[0]).toMatchObject({ id: ids.grzegorz });
  });

  it('completes words as they are typed, in any word of the query', async () => {
    expect(titles(await search(q('Jan Kowa')))).toContain('Jan Kowalski');
    expect(titles(await search(q('kowalski ja')))).toContain('Jan Kowalski');
    expect((await search(q('brzeczysz')))[0]).toMatchObject({ id: ids.grzegorz });
    expect((await search(q('czyszczykiewicz')))[0]).toMatchObject({ id: ids.grzegorz });
  });

  it('corrects towards renamed records, and only towards the words of the searching tenant', async () => {
    const renamed = await newCustomer({ kind: 'company', companyName: 'Stara Nazwa' });
    const update = await call('PATCH', `/api/customers/${renamed}`, { companyName: 'Wentylacja Żoliborska' }, { 'if-match': '"1"' });
    expect(update.statusCode, update.body).toBe(200);
    expect((await search(q('Zoliborka')))[0]).toMatchObject({ id: renamed, title: 'Wentylacja Żoliborska' });
    // "Konkurencja" is a word of the other tenant only: no correction leads there, nor a hit.
    expect(titles(await search(q('Konkurncja'), other))).toEqual(['Klimat-Serwis Konkurencja']);
    expect(await search(q('Konkurncja'))).toEqual([]);
  });

  it('ranks an exact name above names starting with the word above merely similar ones', async () => {
    const hits = await search(q('kowalski'));
    expect(hits[0]).toMatchObject({ id: ids.kowalski, score: 1 });
    const prefix = hits.filter((hit) => ['Adam Kowalski', 'Jan Kowalski'].includes(hit.title));
    const similar = hits.find((hit) => hit.id === ids.kowalsky);
    expect(prefix).toHaveLength(2);
    expect(similar).toBeDefined();
    for (const hit of prefix) expect(hit.score).toBeGreaterThan(similar?.score ?? 1);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('finds a contact by phone in any format', async () => {
    for (const phone of ['600 100 200', '+48600100200', '0048 600-100-200']) {
      const hits = await search(q(phone));
      expect(hits, phone).toHaveLength(1);
      expect(hits[0], phone).toMatchObject({ type: 'contact', id: ids.jan, customerId: ids.klimat, score: 1, matched: [{ field: 'phone', value: '+48600100200' }] });
    }
  });

  it('finds a contact by e-mail in any case', async () => {
    const hits = await search(q('JAN.KOWALSKI@klimat-serwis.PL'));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'contact', id: ids.jan, matched: [{ field: 'email', value: 'Jan.Kowalski@klimat-serwis.pl' }] });
  });

  it('finds a customer by NIP with dashes or a PL prefix', async () => {
    for (const nip of ['526-104-08-28', 'PL5261040828', 'PL 526 104 08 28']) {
      const hits = await search(q(nip));
      expect(hits[0], nip).toMatchObject({ type: 'customer', id: ids.klimat, title: 'Klimat-Serwis Sp. z o.o.', subtitle: 'NIP 526-104-08-28', score: 1, matched: [{ field: 'nip', value: '5261040828' }] });
    }
  });

  it('ranks an exact NIP hit above a name that merely contains the digits', async () => {
    const hits = await search(q('5261040828'));
    expect(hits.map((hit) => [hit.id, hit.matched[0]?.field])).toEqual([
      [ids.klimat, 'nip'],
      [ids.oldImport, 'name'],
    ]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 1);
  });

  it('finds a site by street, city or postal code and shows it as an address', async () => {
    const expected = { type: 'site', id: ids.marszalkowska, customerId: ids.klimat, title: 'ul. Marszałkowska 10/5', subtitle: '00-590 Warszawa · Klimat-Serwis Sp. z o.o.' };
    expect((await search(q('marszalkowska')))[0]).toMatchObject({ ...expected, matched: [{ field: 'address', value: 'ul. Marszałkowska 10/5' }] });
    for (const postal of ['00-590', '00590']) expect(await search(q(postal)), postal).toEqual([expect.objectContaining({ ...expected, score: 1, matched: [{ field: 'postalCode', value: '00-590' }] })]);
    const prefix = await search(q('00-5'));
    expect(prefix.map((hit) => hit.id).sort()).toEqual([ids.marszalkowska, ids.hoza].sort());
    const city = await search(`${q('WARSZAWA')}&types=site`);
    expect(city.map((hit) => hit.id).sort()).toEqual([ids.marszalkowska, ids.hoza].sort());
    expect(city[0]?.matched).toEqual([{ field: 'city', value: 'Warszawa' }]);
  });

  it('searches only the types asked for', async () => {
    expect(new Set((await search(`${q('kowalski')}&types=contact`)).map((hit) => hit.type))).toEqual(new Set(['contact']));
    const customersAndSites = await search(`${q('klimat')}&types=customer,site`);
    expect(customersAndSites.length).toBeGreaterThan(0);
    expect(customersAndSites.every((hit) => hit.type === 'customer' || hit.type === 'site')).toBe(true);
    const bad = await call('GET', `/api/search?${q('klimat')}&types=customer,invoice`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: '/querystring/types', rule: 'pattern' });
  });

  it('leaves out deleted customers with their contacts and sites', async () => {
    expect(await search(q('Usunięta'))).toEqual([]);
    expect(await search(q('7680002466'))).toEqual([]);
    expect(await search(q('Zapomniany'))).toEqual([]);
    expect(await search(q('22 123 45 67'))).toEqual([]);
    expect(await search(q('02-222'))).toEqual([]);
    expect(await search(q('Zapomniana'))).toEqual([]);
  });

  it('returns at most limit hits', async () => {
    expect(await search(`${q('Limitowana Firma')}&limit=3`)).toHaveLength(3);
    expect(await search(q('Limitowana Firma'))).toHaveLength(5);
  });

  it('never returns another tenant\'s records', async () => {
    const mine = await search(q('Klimat-Serwis'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((hit) => hit.id)).not.toContain(ids.foreign);
    expect((await search(q('5261040828'))).map((hit) => hit.id)).not.toContain(ids.foreign);
    const theirs = await search(q('Klimat-Serwis'), other);
    expect(theirs.map((hit) => hit.id)).toEqual([ids.foreign]);
  });

  it('shows nothing through the search views outside a tenant transaction', async () => {
    const rows = await db.asSystem((tx) => sql<{ n: number }>`select (select count(*) from search_customers)::int + (select count(*) from search_contacts)::int + (select count(*) from search_sites)::int as n`.execute(tx));
    expect(rows.rows[0]?.n).toBe(0);
  });

  it('refuses a query shorter than two characters naming the parameter and the rule', async () => {
    for (const text of ['a', '  ']) {
      const response = await call('GET', `/api/search?${q(text)}`);
      expect(response.statusCode, text).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0], text).toMatchObject({ field: '/querystring/q', rule: 'minLength' });
    }
  });

  it('lets a viewer search', async () => {
    const invite = await call('POST', '/api/users/invitations', { email: 'viewer@szukajka.test', role: 'viewer' });
    const accepted = await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invite.json().token, name: 'V', password: 'viewer-password' } });
    const cookie = String(accepted.headers['set-cookie']).match(/pasja_session=[^;]+/)?.[0] ?? '';
    const response = await sut.http.inject({ method: 'GET', url: `/api/search?${q('kowalski')}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect((await sut.http.inject({ method: 'GET', url: `/api/search?${q('kowalski')}` })).statusCode).toBe(401);
  });
});
