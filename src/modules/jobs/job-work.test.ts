import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { onePixelPng, onePixelPngDataUrl } from '../../testing/sample-files.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { defaultChecklists } from './job-checklists.ts';

describeEachBackend('work on a job: checklist, notes, sign-off, company settings', (backend) => {
  let now = new Date('2026-11-22T08:00:00Z');
  const clock: Clock = { now: () => now };
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let siteId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie }, ...(payload && { payload }) });
  const openJob = async (type: string, priority?: string) => {
    const response = await call('POST', '/api/jobs', { siteId, type, description: 'Kocioł nie grzeje', ...(priority && { priority }) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number; checklist: Array<{ id: string; label: string; done: boolean }> }>();
  };
  const moveTo = async (jobId: string, statuses: string[]) => {
    for (const to of statuses) {
      const version = (await call('GET', `/api/jobs/${jobId}`)).json<{ version: number }>().version;
      const moved = await call('POST', `/api/jobs/${jobId}/transitions`, { to, version });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  };

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'praca');
    const customer = (await call('POST', '/api/customers', { kind: 'person', firstName: 'Jan', lastName: 'Wiśniewski' })).json<{ id: string }>();
    siteId = (await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Lipowa 3', postalCode: '05-500', city: 'Piaseczno' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it("opens a job with its type's checklist; ticks record who and when without changing the job's version", async () => {
    const job = await openJob('maintenance');
    expect(job.checklist.map((item) => item.label)).toEqual(defaultChecklists.maintenance);
    const [first] = job.checklist;
    now = new Date('2026-11-22T09:15:00Z');
    const ticked = await call('PATCH', `/api/jobs/${job.id}/checklist/${first?.id}`, { done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().checklist[0]).toEqual({ id: first?.id, label: first?.label, done: true, doneAt: '2026-11-22T09:15:00.000Z', doneBy: { id: owner.userId, name: 'Owner praca' } });
    expect(ticked.json().version).toBe(job.version);
    const unticked = await call('PATCH', `/api/jobs/${job.id}/checklist/${first?.id}`, { done: false });
    expect(unticked.json().checklist[0]).toMatchObject({ done: false, doneAt: null, doneBy: null });

    const added = await call('POST', `/api/jobs/${job.id}/checklist`, { label: 'Wymienić anodę' });
    expect(added.json().checklist.at(-1)).toMatchObject({ label: 'Wymienić anodę', done: false });
    const unknown = await call('PATCH', `/api/jobs/${job.id}/checklist/00000000-0000-4000-8000-000000000000`, { done: true });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps technician notes oldest first with their author, and on the customer timeline', async () => {
    const job = await openJob('repair');
    now = new Date('2026-11-22T10:00:00Z');
    expect((await call('POST', `/api/jobs/${job.id}/notes`, { body: 'Wymiennik zakamieniony' })).statusCode).toBe(201);
    now = new Date('2026-11-22T10:30:00Z');
    const second = await call('POST', `/api/jobs/${job.id}/notes`, { body: 'Zamówiono część' });
    expect(second.json().notes).toMatchObject([
      { body: 'Wymiennik zakamieniony', author: { id: owner.userId }, createdAt: '2026-11-22T10:00:00.000Z' },
      { body: 'Zamówiono część', createdAt: '2026-11-22T10:30:00.000Z' },
    ]);
    const empty = await call('POST', `/api/jobs/${job.id}/notes`, { body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('/body/body');
  });

  it('takes the customer sign-off once, only while the work is in progress or done', async () => {
    const job = await openJob('repair');
    const early = await call('POST', `/api/jobs/${job.id}/sign-off`, { signerName: 'Jan Wiśniewski', signature: onePixelPngDataUrl });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/in progress or completed/);
    await moveTo(job.id, ['scheduled', 'dispatched', 'en_route', 'in_progress']);

    const notPng = await call('POST', `/api/jobs/${job.id}/sign-off`, { signerName: 'Jan', signature: 'data:image/png;base64,aGVsbG8=' });
    expect(notPng.statusCode).toBe(400);
    expect(notPng.body).toContain('/body');
    const notDataUrl = await call('POST', `/api/jobs/${job.id}/sign-off`, { signerName: 'Jan', signature: 'podpis' });
    expect(notDataUrl.statusCode).toBe(400);
    expect(notDataUrl.body).toContain('/body/signature');

    now = new Date('2026-11-22T12:00:00Z');
    const signed = await call('POST', `/api/jobs/${job.id}/sign-off`, { signerName: ' Jan Wiśniewski ', signature: onePixelPngDataUrl });
    expect(signed.statusCode, signed.body).toBe(200);
    const signOff = signed.json<{ signOff: { signerName: string; signedAt: string; signatureUrl: string } }>().signOff;
    expect(signOff).toMatchObject({ signerName: 'Jan Wiśniewski', signedAt: '2026-11-22T12:00:00.000Z' });
    const image = await call('GET', signOff.signatureUrl);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(onePixelPng)).toBe(true);

    const again = await call('POST', `/api/jobs/${job.id}/sign-off`, { signerName: 'Ktoś inny', signature: onePixelPngDataUrl });
    expect(again.statusCode).toBe(409);
    expect((await call('GET', `/api/jobs/${job.id}`)).json().signOff.signerName).toBe('Jan Wiśniewski');
  });

  it("applies the company's SLA targets, VAT rate and checklists, and keeps the defaults it did not change", async () => {
    const defaults = (await call('GET', '/api/settings/jobs')).json();
    expect(defaults).toMatchObject({ slaTargets: { emergency: { responseMinutes: 30 } }, pauseOnHold: true, defaultVatRate: null, version: 0 });
    expect(defaults.checklists.repair).toEqual(defaultChecklists.repair);

    const changed = await call('PUT', '/api/settings/jobs', { slaTargets: { emergency: { responseMinutes: 45 } }, defaultVatRate: 23, checklists: { emergency: ['Zabezpieczyć gaz', 'Zdiagnozować'] }, version: 0 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ slaTargets: { emergency: { responseMinutes: 45, resolutionMinutes: 240 }, high: { responseMinutes: 240 } }, defaultVatRate: 23, version: 1 });
    const stale = await call('PUT', '/api/settings/jobs', { pauseOnHold: false, version: 0 });
    expect(stale.statusCode).toBe(409);

    now = new Date('2026-11-22T14:00:00Z');
    const emergency = await openJob('emergency');
    expect(emergency.checklist.map((item) => item.label)).toEqual(['Zabezpieczyć gaz', 'Zdiagnozować']);
    const read = (await call('GET', `/api/jobs/${emergency.id}`)).json();
    expect(read.sla.response).toMatchObject({ state: 'running', deadline: '2026-11-22T14:45:00.000Z' });
    expect(read.defaultVatRate).toBe(23);

    const bad = await call('PUT', '/api/settings/jobs', { slaTargets: { emergency: { responseMinutes: 0 } }, defaultVatRate: 7 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('/body/slaTargets/emergency/responseMinutes');
    expect(bad.body).toContain('/body/defaultVatRate');
  });

  it('suggests the VAT rate of new lines from what the site is, unless the company set its own', async () => {
    const customer = (await call('POST', '/api/customers', { kind: 'person', firstName: 'Ewa', lastName: 'Zielińska' })).json<{ id: string }>();
    const siteOf = async (premises: object) =>
      (await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Polna 1', postalCode: '05-500', city: 'Piaseczno', ...premises })).json<{ id: string; premisesKind: string | null; usableAreaM2: number | null }>();
    const smallFlat = await siteOf({ premisesKind: 'flat', usableAreaM2: 62.5 });
    expect(smallFlat).toMatchObject({ premisesKind: 'flat', usableAreaM2: 62.5 });
    const largeFlat = await siteOf({ premisesKind: 'flat', usableAreaM2: 150.01 });
    const shop = await siteOf({ premisesKind: 'non_residential' });
    const rateAt = async (site: { id: string }, type: string) =>
      (await call('POST', '/api/jobs', { siteId: site.id, type, description: 'Prace' })).json<{ defaultVatRate: number }>().defaultVatRate;
    const cleared = await call('PUT', '/api/settings/jobs', { defaultVatRate: null });
    expect(cleared.json().defaultVatRate).toBeNull();
    expect(await rateAt(smallFlat, 'repair')).toBe(8); // works in a flat within 150 m²
    expect(await rateAt(largeFlat, 'repair')).toBe(23); // above the limit
    expect(await rateAt(largeFlat, 'maintenance')).toBe(8); // maintenance of any home
    expect(await rateAt(shop, 'maintenance')).toBe(23);
    const wrong = await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Polna 2', postalCode: '05-500', city: 'Piaseczno', premisesKind: 'castle', usableAreaM2: -1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('/body/premisesKind');
    expect(wrong.body).toContain('/body/usableAreaM2');
  });

  it('lists jobs with the customer and address a board card shows', async () => {
    const list = (await call('GET', '/api/jobs?limit=200&status=new')).json<{ items: Array<{ customerName: string; siteLabel: string }> }>();
    // Where a card may be dragged, as on the job itself (a new job: scheduled, on hold, cancelled).
    expect(list.items.find((job) => job.customerName === 'Jan Wiśniewski')).toMatchObject({
      siteLabel: 'ul. Lipowa 3, Piaseczno',
      allowedTransitions: [{ to: 'scheduled', reasonRequired: false }, { to: 'on_hold', reasonRequired: true }, { to: 'cancelled', reasonRequired: true }],
    });
  });
});
