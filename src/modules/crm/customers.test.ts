import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('customers: create, read, optimistic locking, lists, batch', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'klienci');
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const countCustomers = async () => Number((await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('customers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow())).n);

  it('creates a company with its NIP stored normalised and returns it with an ETag', async () => {
    const response = await call('POST', '/api/customers', { kind: 'company', companyName: 'Klimat-Serwis Sp. z o.o.', nip: 'PL 526-104-08-28', tags: ['vip'] });
    expect(response.statusCode).toBe(201);
    const customer = response.json();
    expect(customer).toMatchObject({ kind: 'company', name: 'Klimat-Serwis Sp. z o.o.', nip: '5261040828', status: 'active', tags: ['vip'], version: 1 });
    expect(response.headers.etag).toBe('"1"');
    const read = await call('GET', `/api/customers/${customer.id}`);
    expect(read.json()).toEqual(customer);
  });

  it('creates a person from first and last name', async () => {
    const response = await call('POST', '/api/customers', { kind: 'person', firstName: 'Józef', lastName: 'Wiśniewski', pesel: '44051401359' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Józef Wiśniewski', pesel: '44051401359', companyName: null });
  });

  it('refuses bad data naming the field and the rule, and writes nothing', async () => {
    const before = await countCustomers();
    const cases: Array<[object, string, string]> = [
      [{ kind: 'company', companyName: 'X', nip: '5261040829' }, '/body/nip', 'checksum'],
      [{ kind: 'company', companyName: 'X', regon: '123' }, '/body/regon', 'format'],
      [{ kind: 'person', firstName: 'A', lastName: 'B', pesel: '44051401358' }, '/body/pesel', 'checksum'],
      [{ kind: 'company' }, '/body/companyName', 'required'],
      [{ kind: 'company', companyName: 'X', colour: 'red' }, '/body/colour', 'additionalProperties'],
      [{ kind: 'company', companyName: 'X', status: 'vip' }, '/body/status', 'anyOf'],
      [{ kind: 'company', companyName: 'X', customFields: { floor: 3 } }, '/body/customFields/floor', 'unknown'],
    ];
    for (const [payload, field, rule] of cases) {
      const response = await call('POST', '/api/customers', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const fields = (response.json().errors as Array<{ field: string; rule: string }>).map((e) => `${e.field} ${e.rule}`);
      expect(fields, JSON.stringify(payload)).toContain(`${field} ${rule}`);
    }
    expect(await countCustomers()).toBe(before);
  });

  it('refuses a second customer with the same NIP with 409 naming the field', async () => {
    await call('POST', '/api/customers', { kind: 'company', companyName: 'Pierwsza', nip: '7680002466' });
    const response = await call('POST', '/api/customers', { kind: 'company', companyName: 'Druga', nip: '768-000-24-66' });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0]).toMatchObject({ field: '/body/nip', rule: 'unique' });
  });

  it('applies an update with the right If-Match and refuses a stale one with 409 and the current version', async () => {
    const created = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Wersja' })).json();
    const first = await call('PATCH', `/api/customers/${created.id}`, { status: 'inactive' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'inactive', version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const stale = await call('PATCH', `/api/customers/${created.id}`, { status: 'active' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect((await call('GET', `/api/customers/${created.id}`)).json()).toMatchObject({ status: 'inactive', version: 2 });
    const missing = await call('PATCH', `/api/customers/${created.id}`, { status: 'active' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: '/headers/if-match', rule: 'required' });
  });

  it('never serves the old value from the cache after an update', async () => {
    const created = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Cache Test' })).json();
    await call('GET', `/api/customers/${created.id}`); // cached now
    await call('PATCH', `/api/customers/${created.id}`, { companyName: 'Cache Test 2' }, { 'if-match': '"1"' });
    expect((await call('GET', `/api/customers/${created.id}`)).json()).toMatchObject({ name: 'Cache Test 2', version: 2 });
  });

  it('soft-deletes and restores, hiding deleted customers from lists unless asked', async () => {
    const created = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Do Usunięcia' })).json();
    const deleted = await call('DELETE', `/api/customers/${created.id}`, undefined, { 'if-match': '"1"' });
    expect(deleted.json().deletedAt).not.toBeNull();
    const names = async (query: string) => (await call('GET', `/api/customers?q=usuniecia${query}`)).json().items.map((c: { name: string }) => c.name);
    expect(await names('')).toEqual([]);
    expect(await names('&includeDeleted=true')).toEqual(['Do Usunięcia']);
    const restored = await call('POST', `/api/customers/${created.id}/restore`, {}, { 'if-match': '"2"' });
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    const audit = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).orderBy('occurred_at').execute());
    expect(audit.map((a) => a.action)).toEqual(['customer.created', 'customer.deleted', 'customer.restored']);
  });

  it('pages with a stable cursor under inserts, selects fields and counts only when asked', async () => {
    const created = await call('POST', '/api/customers/batch', {
      mode: 'atomic',
      items: Array.from({ length: 7 }, (_, i) => ({ op: 'create', data: { kind: 'company', companyName: `Stronicowanie ${i}`, tags: ['page'] } })),
    });
    expect(created.json().results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const first = (await call('GET', '/api/customers?tag=page&limit=3&fields=name&withTotal=true')).json();
    expect(first.items).toEqual([{ id: expect.any(String), name: 'Stronicowanie 0' }, expect.objectContaining({ name: 'Stronicowanie 1' }), expect.objectContaining({ name: 'Stronicowanie 2' })]);
    expect(first.total).toBe(7);
    await call('POST', '/api/customers', { kind: 'company', companyName: 'Stronicowanie 0a', tags: ['page'] }); // sorts before the cursor
    const second = (await call('GET', `/api/customers?tag=page&limit=3&fields=name&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['Stronicowanie 3', 'Stronicowanie 4', 'Stronicowanie 5']);
    expect(second.total).toBeUndefined();
    const bad = await call('GET', '/api/customers?fields=name,secret');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: '/querystring/fields' });
  });

  it('shows the primary contact and the city of the first site in list rows', async () => {
    const customer = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Lista Kolumny' })).json();
    await call('POST', `/api/customers/${customer.id}/contacts`, { firstName: 'Ola', lastName: 'Zając', phones: [{ number: '600 100 200' }], emails: [{ address: 'ola@lista.pl' }], isPrimary: true });
    await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Puławska 1', postalCode: '02-515', city: 'Warszawa' });
    const row = (await call('GET', '/api/customers?q=lista%20kolumny')).json().items[0];
    expect(row).toMatchObject({ name: 'Lista Kolumny', city: 'Warszawa', primaryContact: { name: 'Ola Zając', phone: '+48600100200', email: 'ola@lista.pl' } });
    const narrow = (await call('GET', '/api/customers?q=lista%20kolumny&fields=name')).json().items[0];
    expect(narrow).toEqual({ id: customer.id, name: 'Lista Kolumny' });
  });

  it('filters contacts by name ignoring diacritics, hiding deleted ones unless asked', async () => {
    const customer = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Kontakty Filtr' })).json();
    const kept = (await call('POST', `/api/customers/${customer.id}/contacts`, { firstName: 'Łucja', lastName: 'Świątek' })).json();
    const gone = (await call('POST', `/api/customers/${customer.id}/contacts`, { firstName: 'Łucja', lastName: 'Świątkowska' })).json();
    await call('DELETE', `/api/contacts/${gone.id}`, undefined, { 'if-match': '"1"' });
    const names = async (query: string) => (await call('GET', `/api/contacts?q=lucja%20swiat${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await names('')).toEqual([kept.id]);
    expect((await names('&includeDeleted=true')).sort()).toEqual([kept.id, gone.id].sort());
  });

  it('finds customers by name ignoring diacritics and small misspellings', async () => {
    await call('POST', '/api/customers', { kind: 'person', firstName: 'Grzegorz', lastName: 'Brzęczyszczykiewicz' });
    const found = (await call('GET', '/api/customers?q=brzeczyszczykiewicz')).json();
    expect(found.items.map((c: { name: string }) => c.name)).toContain('Grzegorz Brzęczyszczykiewicz');
  });

  it('batch atomic: one bad item saves nothing; partial: saves the good ones and reports the bad', async () => {
    const before = await countCustomers();
    const items = [
      { op: 'create', data: { kind: 'company', companyName: 'Batch OK' } },
      { op: 'create', data: { kind: 'company', companyName: 'Batch Bad', nip: '1111111112' } },
    ];
    const atomic = await call('POST', '/api/customers/batch', { mode: 'atomic', items });
    expect(atomic.statusCode).toBe(400);
    expect(atomic.json()).toMatchObject({ failedIndex: 1, errors: [{ field: '/body/items/1/data/nip' }] });
    expect(await countCustomers()).toBe(before);
    const partial = (await call('POST', '/api/customers/batch', { mode: 'partial', items })).json();
    expect(partial.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect(partial.results[1].error.errors[0]).toMatchObject({ field: '/body/items/1/data/nip', rule: 'checksum' });
    expect(await countCustomers()).toBe(before + 1);
  });

  it('validates custom field values against the tenant definitions', async () => {
    const defined = await call('POST', '/api/custom-fields', { entity: 'customer', key: 'contract_tier', label: 'Pakiet', type: 'select', options: ['basic', 'gold'] });
    expect(defined.statusCode).toBe(201);
    const ok = await call('POST', '/api/customers', { kind: 'company', companyName: 'Gold', customFields: { contract_tier: 'gold' } });
    expect(ok.json().customFields).toEqual({ contract_tier: 'gold' });
    const bad = await call('POST', '/api/customers', { kind: 'company', companyName: 'Platinum', customFields: { contract_tier: 'platinum' } });
    expect(bad.json().errors[0]).toMatchObject({ field: '/body/customFields/contract_tier', rule: 'enum' });
  });

  it('keeps number and yes/no custom fields as numbers and booleans', async () => {
    await call('POST', '/api/custom-fields', { entity: 'customer', key: 'floors', label: 'Piętra', type: 'number' });
    await call('POST', '/api/custom-fields', { entity: 'customer', key: 'has_lift', label: 'Winda', type: 'boolean' });
    const created = await call('POST', '/api/customers', { kind: 'company', companyName: 'Wieżowiec', customFields: { floors: 4, has_lift: true } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().customFields).toEqual({ floors: 4, has_lift: true });
    const text = await call('POST', '/api/customers', { kind: 'company', companyName: 'Kamienica', customFields: { floors: 'cztery' } });
    expect(text.json().errors[0]).toMatchObject({ field: '/body/customFields/floors' });
  });

  it('keeps a value whose field was removed, and still lets the other fields be edited', async () => {
    const defined = await call('POST', '/api/custom-fields', { entity: 'customer', key: 'old_code', label: 'Stary kod', type: 'text' });
    await call('POST', '/api/custom-fields', { entity: 'customer', key: 'new_code', label: 'Nowy kod', type: 'text' });
    const created = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Przenosiny', customFields: { old_code: 'A1' } })).json();
    expect((await call('DELETE', `/api/custom-fields/${defined.json().id}`)).statusCode).toBe(204);
    const updated = await call('PATCH', `/api/customers/${created.id}`, { customFields: { new_code: 'B2' } }, { 'if-match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().customFields).toEqual({ old_code: 'A1', new_code: 'B2' });
  });

  it('lets a viewer read but not write', async () => {
    const invite = await call('POST', '/api/users/invitations', { email: 'viewer@klienci.test', role: 'viewer' });
    const accepted = await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invite.json().token, name: 'V', password: 'viewer-password' } });
    const cookie = String(accepted.headers['set-cookie']).match(/pasja_session=[^;]+/)?.[0] ?? '';
    expect((await sut.http.inject({ method: 'GET', url: '/api/customers', headers: { cookie } })).statusCode).toBe(200);
    expect((await sut.http.inject({ method: 'POST', url: '/api/customers', headers: { cookie }, payload: { kind: 'company', companyName: 'Nope' } })).statusCode).toBe(403);
  });
});
