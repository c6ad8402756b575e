import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

const address = { street: 'ul. Marszałkowska 10', postalCode: '00-950', city: 'Warszawa' };

describeEachBackend('sites: addresses of customers, validation, optimistic locking, soft delete, regions', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let customerId: string;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'adresy');
    customerId = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Chłodnie Mazowsze' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fieldsOf = (body: { errors?: Array<{ field: string; rule: string }> }) => (body.errors ?? []).map((e) => `${e.field} ${e.rule}`);
  const countSites = async () => Number((await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('sites').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow())).n);

  it('adds a site to a customer with its postal code normalised and returns it with an ETag', async () => {
    const response = await call('POST', `/api/customers/${customerId}/sites`, { ...address, postalCode: '00950', label: ' Biuro ', flat: '', accessNotes: 'Kod do bramy 1234' });
    expect(response.statusCode, response.body).toBe(201);
    const site = response.json();
    expect(site).toMatchObject({ customerId, label: 'Biuro', street: 'ul. Marszałkowska 10', building: null, flat: null, postalCode: '00-950', city: 'Warszawa', lat: null, lng: null, region: null, deletedAt: null, version: 1 });
    expect(response.headers.etag).toBe('"1"');
    const read = await call('GET', `/api/sites/${site.id}`);
    expect(read.json()).toEqual(site);
    expect(read.headers.etag).toBe('"1"');
  });

  it('refuses a bad postal code and half a position naming the field, and writes nothing', async () => {
    const before = await countSites();
    const cases: Array<[object, string]> = [
      [{ ...address, postalCode: '00000' }, '/body/postalCode format'],
      [{ ...address, postalCode: '00-000' }, '/body/postalCode format'],
      [{ ...address, postalCode: '0O-950' }, '/body/postalCode format'],
      [{ ...address, lat: 52.23 }, '/body/lng required'],
      [{ ...address, lng: 21.01 }, '/body/lat required'],
      [{ ...address, lat: 52.23, lng: null }, '/body/lng required'],
      [{ ...address, lat: 152, lng: 21 }, '/body/lat maximum'],
      [{ ...address, street: '   ' }, '/body/street required'],
      [{ street: 'Prosta 1', city: 'Warszawa' }, '/body/postalCode required'],
      [{ ...address, floor: 3 }, '/body/floor additionalProperties'],
    ];
    for (const [payload, expected] of cases) {
      const response = await call('POST', `/api/customers/${customerId}/sites`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response.json()), JSON.stringify(payload)).toContain(expected);
    }
    expect(await countSites()).toBe(before);
  });

  it('answers 404 for a customer that does not exist or is deleted', async () => {
    const missing = await call('POST', '/api/customers/0190a4f0-0000-7000-8000-000000000000/sites', address);
    expect(missing.statusCode).toBe(404);
    const gone = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Zamknięta' })).json<{ id: string }>();
    await call('DELETE', `/api/customers/${gone.id}`, undefined, { 'if-match': '"1"' });
    const refused = await call('POST', `/api/customers/${gone.id}/sites`, address);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'not_found', detail: 'Customer not found' });
    expect((await call('GET', '/api/sites/0190a4f0-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('applies an update with the right If-Match and refuses a stale one with 409 and the current version', async () => {
    const site = (await call('POST', `/api/customers/${customerId}/sites`, address)).json<{ id: string }>();
    const first = await call('PATCH', `/api/sites/${site.id}`, { flat: '12', lat: 52.2297, lng: 21.0122 }, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ flat: '12', lat: 52.2297, lng: 21.0122, version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const stale = await call('PATCH', `/api/sites/${site.id}`, { flat: '13' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    const missing = await call('PATCH', `/api/sites/${site.id}`, { flat: '13' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: '/headers/if-match', rule: 'required' });
    // Clearing one coordinate of a placed site leaves half a position.
    const half = await call('PATCH', `/api/sites/${site.id}`, { lat: null }, { 'if-match': '"2"' });
    expect(fieldsOf(half.json())).toEqual(['/body/lat required']);
    const badCode = await call('PATCH', `/api/sites/${site.id}`, { postalCode: '00000' }, { 'if-match': '"2"' });
    expect(fieldsOf(badCode.json())).toEqual(['/body/postalCode format']);
    const cleared = await call('PATCH', `/api/sites/${site.id}`, { lat: null, lng: null, version: 2 });
    expect(cleared.json()).toMatchObject({ lat: null, lng: null, flat: '12', version: 3 });
  });

  it('soft-deletes a site, hiding it from lists unless asked, with audit and events in order', async () => {
    const site = (await call('POST', `/api/customers/${customerId}/sites`, { ...address, street: 'ul. Do Usunięcia 1' })).json<{ id: string }>();
    await call('PATCH', `/api/sites/${site.id}`, { building: 'B' }, { 'if-match': '"1"' });
    const stale = await call('DELETE', `/api/sites/${site.id}`, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    const deleted = await call('DELETE', `/api/sites/${site.id}`, undefined, { 'if-match': '"2"' });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().deletedAt).not.toBeNull();
    const streets = async (query: string) => (await call('GET', `/api/customers/${customerId}/sites?fields=street${query}`)).json().items.map((s: { street: string }) => s.street);
    expect(await streets('')).not.toContain('ul. Do Usunięcia 1');
    expect(await streets('&includeDeleted=true')).toContain('ul. Do Usunięcia 1');
    expect((await call('GET', `/api/sites/${site.id}`)).json().deletedAt).not.toBeNull();
    const audit = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('audit_log').select('action').where('entity_id', '=', site.id).orderBy('occurred_at').execute());
    expect(audit.map((a) => a.action)).toEqual(['site.created', 'site.updated', 'site.deleted']);
    const events = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('outbox').select(['event_type', 'payload']).where('event_type', 'like', 'site.%').execute());
    const ofSite = events.filter((e) => (e.payload as { siteId?: string }).siteId === site.id);
    expect(ofSite.map((e) => e.event_type).sort()).toEqual(['site.created', 'site.deleted', 'site.updated']);
  });

  it('pages sites by address with a stable cursor, filtered by customer, and counts only when asked', async () => {
    const other = (await call('POST', '/api/customers', { kind: 'person', firstName: 'Jan', lastName: 'Stronicowy' })).json<{ id: string }>().id;
    for (const street of ['Ulica E', 'Ulica A', 'Ulica D', 'Ulica B', 'Ulica C']) await call('POST', `/api/customers/${other}/sites`, { ...address, street, city: 'Piaseczno' });
    const first = (await call('GET', `/api/sites?customerId=${other}&limit=2&withTotal=true`)).json();
    expect(first.items.map((s: { street: string }) => s.street)).toEqual(['Ulica A', 'Ulica B']);
    expect(first.total).toBe(5);
    const second = (await call('GET', `/api/sites?customerId=${other}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((s: { street: string }) => s.street)).toEqual(['Ulica C', 'Ulica D']);
    const last = (await call('GET', `/api/customers/${other}/sites?limit=2&cursor=${second.nextCursor}`)).json();
    expect(last).toMatchObject({ items: [{ street: 'Ulica E' }], nextCursor: null });
    expect((await call('GET', `/api/sites?customerId=${other}&fields=city`)).json().items[0]).toEqual({ id: expect.any(String), city: 'Piaseczno' });
  });

  it('places sites in regions on create and update, and lists the sites of a region', async () => {
    const square = (minLng: number) => [[[minLng, 52.2], [minLng + 0.01, 52.2], [minLng + 0.01, 52.21], [minLng, 52.21], [minLng, 52.2]]];
    const imported = await call('POST', '/api/regions/import', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Śródmieście' }, geometry: { type: 'Polygon', coordinates: square(21.0) } },
        { type: 'Feature', properties: { name: 'Mokotów' }, geometry: { type: 'Polygon', coordinates: square(21.01) } },
      ],
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const site = (await call('POST', `/api/customers/${customerId}/sites`, { ...address, lat: 52.205, lng: 21.005 })).json();
    expect(site.region).toMatchObject({ name: 'Śródmieście' });
    const moved = (await call('PATCH', `/api/sites/${site.id}`, { lng: 21.015 }, { 'if-match': '"1"' })).json();
    expect(moved.region).toMatchObject({ name: 'Mokotów' });
    const inMokotow = (await call('GET', `/api/sites?regionId=${moved.region.id}`)).json();
    expect(inMokotow.items.map((s: { id: string }) => s.id)).toEqual([site.id]);
    const away = (await call('PATCH', `/api/sites/${site.id}`, { lat: null, lng: null }, { 'if-match': '"2"' })).json();
    expect(away.region).toBeNull();
    expect((await call('GET', `/api/sites?regionId=${moved.region.id}`)).json().items).toEqual([]);
  });
});
