import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

const clock: Clock = { now: () => new Date('2026-09-10T10:00:00Z') };

describeEachBackend('maintenance plans: jobs created ahead of each due date, exactly once', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let siteId: string;

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const newPlan = async (payload: object) => {
    const response = await call('POST', '/api/maintenance-plans', { siteId, title: 'Przegląd kotła', startsOn: '2026-01-01', ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>();
  };
  // Every job a plan made, and every occurrence: equal counts and no date twice means exactly once.
  const countsOf = async (planIds: string[]) =>
    db.inTenant(owner.tenantId, async (tx) => {
      const occurrences = await sql<{ n: number; dates: number }>`select count(*)::int as n, count(distinct (plan_id, due_on))::int as dates from maintenance_occurrences where plan_id = any(${planIds}::uuid[])`.execute(tx);
      const jobs = await sql<{ n: number }>`select count(*)::int as n from jobs where type = 'maintenance' and site_id = ${siteId}`.execute(tx);
      return { occurrences: occurrences.rows[0]?.n ?? 0, distinct: occurrences.rows[0]?.dates ?? 0, jobs: jobs.rows[0]?.n ?? 0 };
    });

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'przeglady');
    const customer = (await call('POST', '/api/customers', { kind: 'person', firstName: 'Anna', lastName: 'Kowalska' })).json<{ id: string }>();
    siteId = (await call('POST', `/api/customers/${customer.id}/sites`, { street: 'ul. Ogrodowa 5', postalCode: '05-500', city: 'Piaseczno' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('creates the heating service job within the lead days before 1 October, once however often it runs', async () => {
    const plan = await newPlan({ season: 'heating', leadDays: 30 });
    expect((await call('POST', '/api/maintenance-plans/run')).json()).toMatchObject({ jobsCreated: 1, asOf: '2026-09-10' });
    expect((await call('POST', '/api/maintenance-plans/run')).json()).toMatchObject({ jobsCreated: 0 });
    const read = (await call('GET', `/api/maintenance-plans/${plan.id}`)).json();
    expect(read).toMatchObject({ rrule: 'FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30', occurrences: [{ dueOn: '2026-09-30' }] });
    const job = (await call('GET', `/api/jobs/${read.occurrences[0].jobId}`)).json();
    expect(job).toMatchObject({ type: 'maintenance', status: 'new', siteId, windowStart: '2026-08-30T22:00:00.000Z', windowEnd: '2026-09-30T21:59:59.000Z' });
    // Covered up to today + lead days: later runs the same day skip the plan; an earlier day's run
    // does not move it back.
    const through = async () =>
      (await db.inTenant(owner.tenantId, (tx) => sql<{ d: string }>`select scheduled_through::text as d from maintenance_plans where id = ${plan.id}`.execute(tx))).rows[0]?.d;
    expect(await through()).toBe('2026-10-10');
    await sut.maintenance.runScheduler('2026-09-01');
    expect(await through()).toBe('2026-10-10');
    // Cooling is due before 1 May: nothing yet in September.
    await newPlan({ season: 'cooling', leadDays: 30 });
    expect((await call('POST', '/api/maintenance-plans/run')).json()).toMatchObject({ jobsCreated: 0 });
  });

  it('refuses a plan without a schedule, with a bad RRULE or with equipment of another site', async () => {
    const cases: Array<[object, string]> = [
      [{}, '/body/rrule'],
      [{ rrule: 'FREQ=SOMETIMES' }, '/body/rrule'],
      [{ season: 'heating', rrule: 'FREQ=YEARLY' }, '/body/rrule'],
      [{ season: 'heating', endsOn: '2025-01-01' }, '/body/endsOn'],
      [{ season: 'heating', siteId: '00000000-0000-4000-8000-000000000000' }, '/body/siteId'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/api/maintenance-plans', { siteId, title: 'X', startsOn: '2026-01-01', ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.body, JSON.stringify(payload)).toContain(field);
    }
  });

  it('creates each due job exactly once when two scheduler runs race', async () => {
    const plans = await Promise.all(Array.from({ length: 6 }, () => newPlan({ rrule: 'FREQ=WEEKLY;BYDAY=MO', leadDays: 28 })));
    const [first, second] = await Promise.all([sut.maintenance.runScheduler('2026-09-10'), sut.maintenance.runScheduler('2026-09-10')]);
    const counts = await countsOf(plans.map((plan) => plan.id));
    // Mondays from 2026-08-11 (30 days back) to 2026-10-08: 8 per plan.
    expect(counts.occurrences).toBe(6 * 8);
    expect(counts.distinct).toBe(counts.occurrences);
    expect(first + second).toBe(6 * 8);
  });

  it('pages through every plan by cursor, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/maintenance-plans?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call('GET', query)).json<{ items: Array<{ id: string }>; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((plan) => plan.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await call('GET', '/api/maintenance-plans?limit=500')).json<{ items: Array<{ id: string }> }>().items.map((plan) => plan.id);
    expect(all.length).toBeGreaterThan(4);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists plans with their customer and address, narrowed by words without Polish letters', async () => {
    await newPlan({ season: 'cooling', title: 'Serwis klimatyzacji – gabinet' });
    const found = (await call('GET', '/api/maintenance-plans?q=KLIMATYZ%20piaseczno')).json<{ items: Array<{ title: string; customerName: string; siteLabel: string }> }>();
    expect(found.items).toEqual([expect.objectContaining({ title: 'Serwis klimatyzacji – gabinet', customerName: 'Anna Kowalska', siteLabel: 'ul. Ogrodowa 5, Piaseczno' })]);
    expect((await call('GET', '/api/maintenance-plans?q=gabinet%20Krakow')).json().items).toEqual([]);
    expect((await call('GET', '/api/maintenance-plans?q=Przegl%C4%85d%20kot%C5%82a%20kowalska')).json().items.length).toBeGreaterThan(0);
  });

  // Needs a second process on the same database: PostgreSQL only (PGlite is one process by design).
  if (backend.name === 'postgres') it('creates each due job exactly once after a scheduler process is killed mid-run', async () => {
    const plans = await Promise.all(Array.from({ length: 40 }, () => newPlan({ rrule: 'FREQ=DAILY', leadDays: 20, startsOn: '2026-09-01' })));
    const planIds = plans.map((plan) => plan.id);
    const expected = 40 * 30; // every day from 2026-09-01 to 2026-09-30
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(db.kysely)).rows[0]?.name ?? '';
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${name}`;
    const script = fileURLToPath(new URL('./scheduler-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, url.toString(), '2026-09-10'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once it has committed some plans but not all.
    let partial = 0;
    for (let waited = 0; waited < 60_000; waited += 50) {
      partial = (await countsOf(planIds)).occurrences;
      if (partial >= 60) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = await countsOf(planIds);
    expect(afterKill.occurrences).toBeGreaterThan(0);
    expect(afterKill.occurrences).toBeLessThan(expected);

    await Promise.all([sut.maintenance.runScheduler('2026-09-10'), sut.maintenance.runScheduler('2026-09-10')]);
    const final = await countsOf(planIds);
    expect(final.occurrences).toBe(expected);
    expect(final.distinct).toBe(expected);
    // No job without its occurrence: a killed transaction took its job with it.
    const orphans = await db.inTenant(owner.tenantId, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from jobs j where j.type = 'maintenance' and not exists (select 1 from maintenance_occurrences o where o.job_id = j.id)`.execute(tx),
    );
    expect(orphans.rows[0]?.n).toBe(0);
  }, 120_000);
});
