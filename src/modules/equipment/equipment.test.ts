import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

// Noon in Warsaw on 15 June 2026: "today" for every F-gas status below.
const clock: Clock = { now: () => new Date('2026-06-15T10:00:00Z') };

describeEachBackend('equipment: units at sites, the F-gas register and compliance', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let customerId: string;
  let siteId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fieldsOf = (body: { errors?: Array<{ field: string; rule: string }> }) => (body.errors ?? []).map((e) => `${e.field} ${e.rule}`);
  const countEquipment = async () => Number((await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('equipment').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow())).n);
  const newUnit = async (payload: object) => {
    const response = await call('POST', '/api/equipment', { siteId, category: 'split_ac', brand: 'Daikin', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number; fgas: Record<string, unknown> }>();
  };
  const record = async (equipmentId: string, payload: object) => {
    const response = await call('POST', `/api/equipment/${equipmentId}/fgas-register`, { technicianName: 'Piotr Nowak', certificateNumber: 'FGAZ-P/123/2024', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>();
  };

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'klimatyzacja');
    customerId = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Biurowiec Prosta' })).json<{ id: string }>().id;
    siteId = (await call('POST', `/api/customers/${customerId}/sites`, { street: 'ul. Prosta 20', postalCode: '00-850', city: 'Warszawa' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('registers a unit at a site, under the site\'s customer, with the refrigerant named canonically and its F-gas duty', async () => {
    // R-410A (GWP 2088): 2.4 kg is 5.011 t CO2e, just over the 5 t line: a check every 12 months.
    const unit = await newUnit({ model: 'FTXM35R', serialNumber: 'J001234', refrigerant: 'r410a', refrigerantChargeKg: 2.4, installedOn: '2025-05-20' });
    expect(unit).toMatchObject({ customerId, siteId, refrigerant: 'R-410A', refrigerantChargeKg: 2.4, status: 'active', version: 1 });
    expect(unit.fgas).toMatchObject({ inScope: true, co2eTonnes: 5.0112, intervalMonths: 12, nextCheckDue: '2026-05-20', status: 'overdue' });
    const listed = await call('GET', `/api/customers/${customerId}/equipment`);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(unit.id);
  });

  it('refuses bad equipment naming the field and rule, and writes nothing', async () => {
    const before = await countEquipment();
    const cases: Array<[object, string]> = [
      [{ refrigerant: 'R-999X', refrigerantChargeKg: 1 }, '/body/refrigerant known_refrigerant'],
      [{ refrigerantChargeKg: 1 }, '/body/refrigerant required'],
      [{ refrigerant: 'R-32' }, '/body/refrigerantChargeKg required'],
      [{ installedOn: '2025-05-20', warrantyUntil: '2024-01-01' }, '/body/warrantyUntil after_installation'],
      [{ refrigerant: 'R-32', refrigerantChargeKg: 1.2345 }, '/body/refrigerantChargeKg grams'],
      [{ siteId: '00000000-0000-4000-8000-000000000000' }, '/body/siteId exists'],
    ];
    for (const [payload, expected] of cases) {
      const response = await call('POST', '/api/equipment', { siteId, category: 'split_ac', brand: 'Daikin', ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response.json()), JSON.stringify(payload)).toContain(expected);
    }
    const unknownField = await call('POST', '/api/equipment', { siteId, category: 'split_ac', brand: 'Daikin', colour: 'white' });
    expect(unknownField.statusCode).toBe(400);
    const badCategory = await call('POST', '/api/equipment', { siteId, category: 'toaster', brand: 'Daikin' });
    expect(badCategory.statusCode).toBe(400);
    expect(await countEquipment()).toBe(before);
  });

  it('keeps serial numbers unique per brand: the same number is fine for another maker', async () => {
    await newUnit({ brand: 'Vaillant', category: 'gas_boiler', serialNumber: 'SN-77' });
    const duplicate = await call('POST', '/api/equipment', { siteId, category: 'gas_boiler', brand: 'vaillant', serialNumber: 'SN-77' });
    expect(duplicate.statusCode).toBe(409);
    expect(fieldsOf(duplicate.json())).toEqual(['/body/serialNumber unique']);
    await newUnit({ brand: 'Viessmann', category: 'gas_boiler', serialNumber: 'SN-77' });
  });

  it('rejects a stale update with 409 and the current version', async () => {
    const unit = await newUnit({ brand: 'LG', serialNumber: 'LG-1' });
    expect((await call('PATCH', `/api/equipment/${unit.id}`, { status: 'faulty' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await call('PATCH', `/api/equipment/${unit.id}`, { status: 'active' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
  });

  it('moves the next check with the register: a check, a leak, its repair and the re-check within a month', async () => {
    const unit = await newUnit({ brand: 'Mitsubishi Electric', serialNumber: 'ME-5', refrigerant: 'R-410A', refrigerantChargeKg: 3, installedOn: '2024-03-01' });
    await record(unit.id, { performedOn: '2026-03-01', kind: 'leak_check', result: 'no_leak' });
    expect((await call('GET', `/api/equipment/${unit.id}`)).json().fgas).toMatchObject({ nextCheckDue: '2027-03-01', status: 'ok' });
    await record(unit.id, { performedOn: '2026-06-01', kind: 'leak_repair', refrigerantAddedKg: 0.35 });
    expect((await call('GET', `/api/equipment/${unit.id}`)).json().fgas).toMatchObject({ nextCheckDue: '2026-07-01', status: 'due_soon' });
    const recheck = await record(unit.id, { performedOn: '2026-06-10', kind: 'leak_check', result: 'no_leak' });
    expect((await call('GET', `/api/equipment/${unit.id}`)).json().fgas).toMatchObject({ nextCheckDue: '2027-06-10', status: 'ok' });

    // A mistaken entry is voided, not deleted: the register shows both, the rules ignore it.
    await record(unit.id, { performedOn: '2026-06-12', kind: 'void', voidsEntryId: recheck.id, notes: 'wpis pomyłkowy' });
    const register = (await call('GET', `/api/equipment/${unit.id}/fgas-register`)).json<{ items: Array<{ id: string; kind: string; voided: boolean; refrigerantAddedKg: number }> }>().items;
    expect(register.map((entry) => [entry.kind, entry.voided])).toEqual([['void', false], ['leak_check', true], ['leak_repair', false], ['leak_check', false]]);
    expect(register.find((entry) => entry.kind === 'leak_repair')?.refrigerantAddedKg).toBe(0.35);
    expect((await call('GET', `/api/equipment/${unit.id}`)).json().fgas).toMatchObject({ nextCheckDue: '2026-07-01', status: 'due_soon' });
    const again = await call('POST', `/api/equipment/${unit.id}/fgas-register`, { performedOn: '2026-06-12', kind: 'void', voidsEntryId: recheck.id, technicianName: 'X', certificateNumber: 'Y' });
    expect(fieldsOf(again.json())).toEqual(['/body/voidsEntryId voidable']);
  });

  it('refuses register entries without a result, from the future or voiding nothing; the app role cannot change entries', async () => {
    const unit = await newUnit({ brand: 'Panasonic', serialNumber: 'PA-1', refrigerant: 'R-32', refrigerantChargeKg: 8 });
    const noResult = await call('POST', `/api/equipment/${unit.id}/fgas-register`, { performedOn: '2026-06-01', kind: 'leak_check', technicianName: 'X', certificateNumber: 'Y' });
    expect(fieldsOf(noResult.json())).toEqual(['/body/result required']);
    const future = await call('POST', `/api/equipment/${unit.id}/fgas-register`, { performedOn: '2026-06-16', kind: 'leak_check', result: 'no_leak', technicianName: 'X', certificateNumber: 'Y' });
    expect(fieldsOf(future.json())).toEqual(['/body/performedOn not_in_future']);
    const entry = await record(unit.id, { performedOn: '2026-06-01', kind: 'leak_check', result: 'no_leak' });
    await expect(db.inTenant(owner.tenantId, (tx) => sql`update fgas_register set result = 'leak_found' where id = ${entry.id}`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(db.inTenant(owner.tenantId, (tx) => sql`delete from fgas_register where id = ${entry.id}`.execute(tx))).rejects.toThrow(/permission denied/);
  });

  it('lists due, overdue and non-compliant units with the compliance score, and leaves natural refrigerants out of scope', async () => {
    const other = await signUpTenant(sut, 'chlodnie');
    const as = (url: string) => sut.http.inject({ method: 'GET', url, headers: { cookie: other.cookie } });
    const post = async (url: string, payload: object) => (await sut.http.inject({ method: 'POST', url, headers: { cookie: other.cookie }, payload })).json<{ id: string }>();
    const customer = await post('/api/customers', { kind: 'company', companyName: 'Chłodnia Żerań' });
    const site = await post(`/api/customers/${customer.id}/sites`, { street: 'ul. Płochocińska 1', postalCode: '03-044', city: 'Warszawa' });
    const unit = (payload: object) => post('/api/equipment', { siteId: site.id, category: 'chiller', brand: 'Carrier', ...payload });
    const checked = await unit({ refrigerant: 'R-134a', refrigerantChargeKg: 10, installedOn: '2025-01-10' }); // 14.3 t: every 12 months
    await sut.http.inject({ method: 'POST', url: `/api/equipment/${checked.id}/fgas-register`, headers: { cookie: other.cookie }, payload: { performedOn: '2026-01-05', kind: 'leak_check', result: 'no_leak', technicianName: 'A', certificateNumber: 'B' } });
    const overdue = await unit({ refrigerant: 'R-404A', refrigerantChargeKg: 20, installedOn: '2025-01-10' }); // 78.4 t: every 6 months
    const noDetection = await unit({ refrigerant: 'R-404A', refrigerantChargeKg: 130, installedOn: '2026-06-01' }); // 509.9 t without leak detection
    await unit({ refrigerant: 'R-744', refrigerantChargeKg: 50 });
    await unit({ category: 'controller', brand: 'Tech' });

    const compliance = (await as('/api/fgas/compliance')).json();
    expect(compliance).toMatchObject({ asOf: '2026-06-15', counts: { inScope: 3, ok: 1, dueSoon: 0, overdue: 1, nonCompliant: 1, notInScope: 1 } });
    expect(compliance.score).toBeCloseTo(1 / 3, 5);
    expect(compliance.items.map((item: { equipment: { id: string } }) => item.equipment.id).sort()).toEqual([overdue.id, noDetection.id].sort());
    expect(compliance.items[0]).toMatchObject({ customerName: 'Chłodnia Żerań' });
  });

  it('shows equipment changes and F-gas entries on the customer timeline', async () => {
    const unit = await newUnit({ brand: 'Buderus', category: 'gas_boiler', serialNumber: 'BU-9' });
    await record(unit.id, { performedOn: '2026-06-14', kind: 'service' });
    const timeline = (await call('GET', `/api/customers/${customerId}/timeline`)).json<{ items: Array<{ kind: string; data: { action?: string } }> }>();
    const actions = timeline.items.filter((item) => item.kind === 'audit').map((item) => item.data.action);
    expect(actions).toEqual(expect.arrayContaining(['equipment.created', 'fgas.recorded']));
  });

  it('soft-deletes a unit and keeps its register', async () => {
    const unit = await newUnit({ brand: 'Daikin', serialNumber: 'DEL-1', refrigerant: 'R-32', refrigerantChargeKg: 1 });
    await record(unit.id, { performedOn: '2026-06-01', kind: 'installation' });
    const removed = await call('DELETE', `/api/equipment/${unit.id}`, undefined, { 'if-match': '"1"' });
    expect(removed.json()).toMatchObject({ deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect((await call('GET', `/api/equipment/${unit.id}/fgas-register`)).json().items).toHaveLength(1);
    const listed = (await call('GET', `/api/customers/${customerId}/equipment`)).json<{ items: Array<{ id: string }> }>().items;
    expect(listed.map((item) => item.id)).not.toContain(unit.id);
  });
});
