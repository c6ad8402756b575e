import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { addMember, createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

const clock: Clock = { now: () => new Date('2026-11-23T09:00:00Z') };

describeEachBackend('technicians: skills, certificates, hours and absences', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let janId: string;
  let ewaId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'serwis-klima');
    janId = (await addMember(sut, owner, 'Jan Chłodnik', 'technician')).userId;
    ewaId = (await addMember(sut, owner, 'Ewa Gazowa', 'technician')).userId;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('creates a technician with skills, an F-gas certificate, a home base and default hours', async () => {
    const response = await call('POST', '/api/technicians', {
      userId: janId,
      skills: ['refrigeration', 'heat_pumps'],
      fgasCertificate: { category: 'I', number: 'FGAZ-O/12/3456', expiresOn: '2026-12-10' },
      homeBase: { label: 'Piaseczno, ul. Puławska 20', lat: 52.0812, lng: 21.0236 },
      vehicle: 'Ford Transit WZ 12345',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toMatchObject({
      name: 'Jan Chłodnik',
      skills: ['refrigeration', 'heat_pumps'],
      fgasCertificate: { category: 'I', number: 'FGAZ-O/12/3456', expiresOn: '2026-12-10' },
      homeBase: { lat: 52.0812, lng: 21.0236 },
      workingHours: [{ start: '08:00', end: '16:00' }, { start: '08:00', end: '16:00' }, { start: '08:00', end: '16:00' }, { start: '08:00', end: '16:00' }, { start: '08:00', end: '16:00' }, null, null],
      active: true,
      version: 1,
    });
    expect((await call('POST', '/api/technicians', { userId: janId })).statusCode).toBe(409);
  });

  it('refuses refrigeration without an F-gas certificate, electrical without SEP, and a day ending before it starts', async () => {
    const response = await call('POST', '/api/technicians', {
      userId: ewaId,
      skills: ['refrigeration', 'electrical'],
      workingHours: [{ start: '16:00', end: '08:00' }, null, null, null, null, null, null],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ errors: Array<{ field: string; rule: string }> }>().errors).toEqual([
      expect.objectContaining({ field: '/body/fgasCertificate', rule: 'required_for_refrigeration' }),
      expect.objectContaining({ field: '/body/sepLicence', rule: 'required_for_electrical' }),
      expect.objectContaining({ field: '/body/workingHours/0', rule: 'end_after_start' }),
    ]);
    const notMember = await call('POST', '/api/technicians', { userId: '00000000-0000-4000-8000-000000000000' });
    expect(notMember.json()).toMatchObject({ errors: [{ field: '/body/userId', rule: 'member' }] });
    const count = await db.inTenant(owner.tenantId, (tx) => sql<{ n: number }>`select count(*)::int as n from technicians where user_id = ${ewaId}`.execute(tx));
    expect(count.rows[0]?.n).toBe(0);
  });

  it('changes a technician under its version and refuses a stale one', async () => {
    const created = (await call('POST', '/api/technicians', { userId: ewaId, skills: ['gas'] })).json<{ id: string }>();
    const changed = await call('PATCH', `/api/technicians/${created.id}`, { skills: ['gas', 'ventilation'], workingHours: [null, { start: '07:00', end: '15:00' }, null, null, null, null, null] }, { 'if-match': '"1"' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ skills: ['gas', 'ventilation'], version: 2, workingHours: [null, { start: '07:00', end: '15:00' }, null, null, null, null, null] });
    const stale = await call('PATCH', `/api/technicians/${created.id}`, { vehicle: 'Stary' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    const list = (await call('GET', '/api/technicians')).json<{ items: Array<{ name: string }> }>();
    expect(list.items.map((item) => item.name)).toEqual(['Ewa Gazowa', 'Jan Chłodnik']);
  });

  it('records absences, lists those overlapping a range and removes one with a trace', async () => {
    const jan = (await call('GET', '/api/technicians')).json<{ items: Array<{ id: string; userId: string }> }>().items.find((item) => item.userId === janId)!;
    const added = await call('POST', `/api/technicians/${jan.id}/absences`, { startsOn: '2026-12-21', endsOn: '2026-12-31', kind: 'vacation', note: 'Święta' });
    expect(added.statusCode, added.body).toBe(201);
    expect((await call('POST', `/api/technicians/${jan.id}/absences`, { startsOn: '2026-12-05', endsOn: '2026-12-04', kind: 'sick' })).json()).toMatchObject({ errors: [{ field: '/body/endsOn', rule: 'after_start' }] });
    expect((await call('GET', `/api/technicians/${jan.id}/absences?from=2026-12-30&to=2027-01-05`)).json()).toMatchObject({ items: [{ kind: 'vacation', note: 'Święta' }] });
    expect((await call('GET', `/api/technicians/${jan.id}/absences?from=2027-01-01`)).json()).toEqual({ items: [] });
    const absenceId = added.json<{ id: string }>().id;
    expect((await call('DELETE', `/api/technicians/${jan.id}/absences/${absenceId}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/technicians/${jan.id}/absences/${absenceId}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/technicians/${jan.id}/absences`)).json()).toEqual({ items: [] });
    const trace = await db.inTenant(owner.tenantId, (tx) => sql<{ n: number }>`select count(*)::int as n from technician_absences where id = ${absenceId} and deleted_at is not null`.execute(tx));
    expect(trace.rows[0]?.n).toBe(1);
  });

  it('tells once about a certificate expiring within a month, and again when it has expired', async () => {
    // Jan's F-gas certificate expires 2026-12-10: 17 days after "today" (2026-11-23).
    expect((await call('POST', '/api/technicians/certificate-check')).json()).toEqual({ noticesSent: 1, asOf: '2026-11-23' });
    expect((await call('POST', '/api/technicians/certificate-check')).json()).toEqual({ noticesSent: 0, asOf: '2026-11-23' });
    expect(await sut.technicians.checkCertificates('2026-12-11')).toBe(1);
    expect(await sut.technicians.checkCertificates('2026-12-12')).toBe(0);
    const events = await db.inTenant(owner.tenantId, (tx) =>
      sql<{ type: string; certificate: string }>`select event_type as type, payload->>'certificate' as certificate from outbox where event_type like 'technician.certificate_%' order by occurred_at, event_type`.execute(tx),
    );
    expect(events.rows).toEqual([
      { type: 'technician.certificate_expiring', certificate: 'fgas' },
      { type: 'technician.certificate_expired', certificate: 'fgas' },
    ]);
  });

  it('lets a technician read the roster but not change it', async () => {
    const technician = await addMember(sut, owner, 'Piotr Wentylacja', 'technician');
    const read = await sut.http.inject({ method: 'GET', url: '/api/technicians', headers: { cookie: technician.cookie } });
    expect(read.statusCode).toBe(200);
    const write = await sut.http.inject({ method: 'POST', url: '/api/technicians', headers: { cookie: technician.cookie }, payload: { userId: technician.userId } });
    expect(write.statusCode).toBe(403);
  });
});
