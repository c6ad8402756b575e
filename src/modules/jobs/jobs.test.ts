import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('jobs: work orders, their lifecycle, history and priced lines', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let siteId: string;
  let customerId: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const newJob = async (payload: object = {}) => {
    const response = await call('POST', '/api/jobs', { siteId, type: 'repair', description: 'Klimatyzator nie chłodzi', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number; status: string; priority: string }>();
  };
  const move = (id: string, version: number, to: string, reason?: string) => call('POST', `/api/jobs/${id}/transitions`, { to, version, ...(reason && { reason }) });
  const historyOf = async (id: string) => (await call('GET', `/api/jobs/${id}`)).json<{ history: Array<{ from: string; to: string; reason: string | null }> }>().history;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'serwis');
    customerId = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Hotel Bristol' })).json<{ id: string }>().id;
    siteId = (await call('POST', `/api/customers/${customerId}/sites`, { street: 'Krakowskie Przedmieście 42/44', postalCode: '00-325', city: 'Warszawa' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('opens a job at a site under the site\'s customer; an emergency gets emergency priority and a 30-minute response clock', async () => {
    const response = await call('POST', '/api/jobs', { siteId, type: 'emergency', description: 'Awaria chłodzenia serwerowni' });
    expect(response.statusCode, response.body).toBe(201);
    const job = response.json();
    expect(job).toMatchObject({ customerId, siteId, status: 'new', priority: 'emergency', history: [], lines: [], totals: { grossGrosze: 0, currency: 'PLN' } });
    expect(job.sla.response).toMatchObject({ state: 'running' });
    expect(new Date(job.sla.response.deadline).getTime() - new Date(job.createdAt).getTime()).toBe(30 * 60_000);
    expect(job.allowedTransitions.map((t: { to: string }) => t.to)).toEqual(expect.arrayContaining(['scheduled', 'cancelled']));
  });

  it('records every legal move of the whole lifecycle, with who, when, from, to and why', async () => {
    let job = await newJob();
    const path: Array<[string, string?]> = [['scheduled'], ['dispatched'], ['en_route'], ['in_progress'], ['on_hold', 'Czekamy na sprężarkę'], ['in_progress'], ['completed'], ['invoiced'], ['closed']];
    for (const [to, reason] of path) {
      const response = await move(job.id, job.version, to, reason);
      expect(response.statusCode, `${to}: ${response.body}`).toBe(200);
      job = response.json();
      expect(job.status).toBe(to);
    }
    const history = await historyOf(job.id);
    expect(history.map((entry) => [entry.from, entry.to])).toEqual([
      ['new', 'scheduled'], ['scheduled', 'dispatched'], ['dispatched', 'en_route'], ['en_route', 'in_progress'], ['in_progress', 'on_hold'],
      ['on_hold', 'in_progress'], ['in_progress', 'completed'], ['completed', 'invoiced'], ['invoiced', 'closed'],
    ]);
    expect(history[4]).toMatchObject({ reason: 'Czekamy na sprężarkę', actor: { id: owner.userId, role: 'owner' } });
    const detail = (await call('GET', `/api/jobs/${job.id}`)).json();
    expect(detail.sla.response.state).toBe('met');
    expect(detail.allowedTransitions).toEqual([]);
  });

  it('refuses illegal moves with a clear 4xx and leaves the job and its history unchanged', async () => {
    const job = await newJob();
    const done = (await move(job.id, 1, 'scheduled')).json<{ version: number }>();
    const before = await historyOf(job.id);
    const cases: Array<[string, string | undefined, number, string]> = [
      ['completed', undefined, 409, 'illegal_transition'],
      ['scheduled', undefined, 409, 'already_in_status'],
      ['on_hold', undefined, 400, '/body/reason'],
      ['cancelled', '   ', 400, '/body/reason'],
    ];
    for (const [to, reason, status, rule] of cases) {
      const response = await move(job.id, done.version, to, reason);
      expect(response.statusCode, `${to}: ${response.body}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toContain(rule);
    }
    const stale = await move(job.id, 1, 'dispatched');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: done.version });
    expect(await historyOf(job.id)).toEqual(before);
    expect((await call('GET', `/api/jobs/${job.id}`)).json()).toMatchObject({ status: 'scheduled', version: done.version });
    const cancelled = await move(job.id, done.version, 'cancelled', 'Klient zrezygnował');
    expect(cancelled.statusCode).toBe(200);
    const afterFinal = await move(job.id, cancelled.json().version, 'scheduled');
    expect(afterFinal.statusCode).toBe(409);
    expect(afterFinal.json().detail).toMatch(/cancel/i);
  });

  it('prices lines exactly to the grosz, VAT per rate, and refuses bad lines naming them', async () => {
    const job = await newJob();
    const lines = [
      { kind: 'labour', description: 'Diagnostyka i naprawa', quantity: '1,5', unitPriceGrosze: 15_000, vatRate: 8 },
      { kind: 'part', description: 'Kondensator 35 µF', quantity: 2, unitPriceGrosze: 8_999, vatRate: 23, discountPercent: '10' },
    ];
    const response = await call('PUT', `/api/jobs/${job.id}/lines`, { lines, version: job.version });
    expect(response.statusCode, response.body).toBe(200);
    const priced = response.json();
    // 1.5 × 150.00 = 225.00 net at 8 % (18.00); 2 × 89.99 − 10 % = 161.98 net at 23 % (37.2554 → 37.26).
    expect(priced.lines.map((line: { quantity: string; netGrosze: number }) => [line.quantity, line.netGrosze])).toEqual([['1.5', 22_500], ['2', 16_198]]);
    expect(priced.totals).toMatchObject({ netGrosze: 38_698, vatGrosze: 1_800 + 3_726, grossGrosze: 38_698 + 5_526 });
    expect(priced.totals.byRate).toEqual(expect.arrayContaining([{ rate: 8, netGrosze: 22_500, vatGrosze: 1_800, grossGrosze: 24_300 }]));

    const bad = await call('PUT', `/api/jobs/${job.id}/lines`, { lines: [{ ...lines[0], quantity: '1.2345' }, { ...lines[1], vatRate: 7 }], version: priced.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('/body/lines/');
    expect((await call('GET', `/api/jobs/${job.id}`)).json().lines).toHaveLength(2);
  });

  it('records each SLA breach once and announces it through the outbox', async () => {
    const job = (await call('POST', '/api/jobs', { siteId, type: 'emergency', description: 'Brak ogrzewania w szpitalu' })).json<{ id: string; createdAt: string }>();
    const createdAt = new Date(job.createdAt).getTime();
    const breachesOf = async () =>
      db.inTenant(owner.tenantId, (tx) => tx.selectFrom('job_sla_breaches').select(['clock']).where('job_id', '=', job.id).orderBy('clock').execute());
    const announced = async () =>
      db.asSystem((tx) => tx.selectFrom('outbox').select(['payload']).where('event_type', '=', 'job.sla_breached').execute()).then((rows) => rows.filter((row) => JSON.stringify(row.payload).includes(job.id)).length);

    await sut.jobs.checkSlaBreaches(new Date(createdAt + 29 * 60_000));
    expect(await breachesOf()).toEqual([]);
    await Promise.all([sut.jobs.checkSlaBreaches(new Date(createdAt + 31 * 60_000)), sut.jobs.checkSlaBreaches(new Date(createdAt + 31 * 60_000))]);
    await sut.jobs.checkSlaBreaches(new Date(createdAt + 40 * 60_000));
    expect(await breachesOf()).toEqual([{ clock: 'response' }]);
    await sut.jobs.checkSlaBreaches(new Date(createdAt + 5 * 60 * 60_000));
    expect(await breachesOf()).toEqual([{ clock: 'resolution' }, { clock: 'response' }]);
    expect(await announced()).toBe(2);
  });

  it('refuses a job at a site that does not exist, and unknown fields', async () => {
    const noSite = await call('POST', '/api/jobs', { siteId: '00000000-0000-4000-8000-000000000000', type: 'repair', description: 'x' });
    expect(noSite.statusCode).toBe(400);
    expect(noSite.json().errors).toEqual([expect.objectContaining({ field: '/body/siteId', rule: 'exists' })]);
    const unknown = await call('POST', '/api/jobs', { siteId, type: 'repair', description: 'x', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const board = (await call('GET', '/api/jobs?status=new,scheduled')).json<{ items: Array<{ status: string }> }>();
    expect(board.items.every((item) => ['new', 'scheduled'].includes(item.status))).toBe(true);
  });
});
