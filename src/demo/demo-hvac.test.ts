import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/db/database.ts';
import type { Principal } from '../core/http/access.ts';
import { createTestApp, sessionCookieOf, type TestApp } from '../testing/test-app.ts';
import { describeEachBackend } from '../testing/test-database.ts';
import { generateDemoCustomerChunks } from './demo-crm.ts';
import { generateDemoHvac } from './demo-hvac-data.ts';
import type { DemoStaffMember } from './demo-hvac-records.ts';
import { seedDemoHvac } from './demo-hvac.ts';
import { demoTenantSlug, seedDemo, type DemoSeedResult } from './demo-seed.ts';

// Wednesday 2 September 2026, noon in Warsaw: the app's "now" and the demo's anchor. Heating-season
// services fall due on 30 September; those with 30 lead days were opened on 31 August, which the
// seed leaves to the real scheduler.
const anchor = new Date('2026-09-02T10:00:00Z');
const clock: Clock = { now: () => anchor };
const options = { seed: 2, customers: 300, anchor };

describeEachBackend('demo company: equipment, jobs, F-gas register and plans, read back through the services', (backend) => {
  let db: Database;
  let sut: TestApp;
  let seeded: DemoSeedResult;
  let cookie: string;
  let seeder: Principal;

  const call = (method: 'GET' | 'POST', url: string, payload?: object) => sut.http.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const countRows = async () =>
    db.inTenant(seeder.tenantId, async (tx) => {
      const result = await sql<{ equipment: number; jobs: number; transitions: number; register: number; plans: number; occurrences: number }>`
        select (select count(*)::int from equipment) as equipment, (select count(*)::int from jobs) as jobs,
          (select count(*)::int from job_transitions) as transitions, (select count(*)::int from fgas_register) as register,
          (select count(*)::int from maintenance_plans) as plans, (select count(*)::int from maintenance_occurrences) as occurrences`.execute(tx);
      return result.rows[0];
    });

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    seeded = await seedDemo(sut, { ...options, password: 'demo-password-123' });
    const login = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: seeded.ownerEmail, password: 'demo-password-123', tenantSlug: demoTenantSlug } });
    expect(login.statusCode, login.body).toBe(200);
    cookie = sessionCookieOf(login.headers['set-cookie']);
    const tenant = await sut.identity.findTenantBySlug(demoTenantSlug);
    if (!tenant) throw new Error('the demo tenant is missing');
    seeder = { tenantId: tenant.id, role: 'owner', userId: null, tokenId: null, sessionId: null };
  }, 120_000);
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('shows the F-gas compliance view units that are due, overdue and in order', async () => {
    const response = await call('GET', '/api/fgas/compliance?status=ok,due_soon,overdue,non_compliant');
    expect(response.statusCode, response.body).toBe(200);
    const compliance = response.json<{ asOf: string; score: number; counts: Record<string, number>; items: Array<{ equipment: { brand: string } }> }>();
    expect(compliance.asOf).toBe('2026-09-02');
    expect(compliance.counts.ok).toBeGreaterThan(compliance.counts.overdue ?? 0);
    expect(compliance.counts.overdue).toBeGreaterThan(0);
    expect(compliance.counts.dueSoon).toBeGreaterThan(0);
    expect(compliance.score).toBeGreaterThan(0.5);
    expect(compliance.score).toBeLessThan(1);
  });

  it('hands the jobs to the jobs service as it would have kept them: a scheduled one moves on, a closed one is final', async () => {
    const scheduled = (await call('GET', '/api/jobs?status=scheduled&limit=5')).json<{ items: Array<{ id: string; version: number }> }>().items;
    expect(scheduled.length).toBeGreaterThan(0);
    const [job] = scheduled;
    if (!job) throw new Error('no scheduled job');
    const moved = await call('POST', `/api/jobs/${job.id}/transitions`, { to: 'dispatched', version: job.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().history.map((entry: { to: string }) => entry.to).slice(-2)).toEqual(['scheduled', 'dispatched']);

    const [closed] = (await call('GET', '/api/jobs?status=closed&limit=1')).json<{ items: Array<{ id: string }> }>().items;
    const detail = (await call('GET', `/api/jobs/${closed?.id}`)).json();
    expect(detail.allowedTransitions).toEqual([]);
    expect(detail.checklist.length).toBeGreaterThan(0);
    expect(detail.checklist.every((item: { done: boolean }) => item.done)).toBe(true);
    expect(detail.history.at(-1)).toMatchObject({ to: 'closed' });
    expect(['met', 'breached']).toContain(detail.sla.resolution.state);
  });

  it('gives the KPIs figures a working service firm would show', async () => {
    const response = await call('GET', '/api/kpis');
    expect(response.statusCode, response.body).toBe(200);
    const kpis = response.json();
    expect(kpis.emergencyResponse.count).toBeGreaterThan(5);
    expect(kpis.emergencyResponse.p50Minutes).toBeGreaterThan(10);
    expect(kpis.emergencyResponse.p50Minutes).toBeLessThan(40);
    expect(kpis.firstTimeFix.rate).toBeGreaterThan(0.6);
    expect(kpis.firstTimeFix.rate).toBeLessThan(1);
    expect(kpis.maintenanceCompletion.due).toBeGreaterThan(0);
    expect(kpis.maintenanceCompletion.rate).toBeGreaterThan(0.8);
    // On 2 September the season's services are under way: some heating units are done already.
    expect(kpis.heatingReadiness.serviced).toBeGreaterThan(0);
    expect(kpis.heatingReadiness.serviced).toBeLessThan(kpis.heatingReadiness.total);
  });

  it('keeps plans whose jobs are there, the latest opened by the scheduler at seed time', async () => {
    const plans = (await call('GET', '/api/maintenance-plans?limit=500')).json<{ items: Array<{ rrule: string; autoRenew: boolean; occurrences: Array<{ dueOn: string; jobId: string }> }> }>().items;
    expect(plans.length).toBeGreaterThan(20);
    expect(plans.some((plan) => plan.autoRenew)).toBe(true);
    const heatingJobs = plans.flatMap((plan) => plan.occurrences).filter((occurrence) => occurrence.dueOn === '2026-09-30');
    expect(heatingJobs.length).toBeGreaterThan(0);
    const fromScheduler = await db.inTenant(seeder.tenantId, (tx) =>
      tx.selectFrom('jobs').select(['status', 'created_by', 'created_at']).where('type', '=', 'maintenance').where('created_at', '=', anchor).execute(),
    );
    expect(fromScheduler.length).toBeGreaterThan(0);
    expect(fromScheduler.every((job) => job.status === 'new' && job.created_by === null)).toBe(true);
  });

  it('does nothing when seeded again, and what it stored is the history the generator makes', async () => {
    const before = await countRows();
    const users = await db.asSystem((tx) => tx.selectFrom('users').select(['id', 'email']).where('email', 'in', seeded.users.map((user) => user.email)).execute());
    const staff: DemoStaffMember[] = seeded.users.map((user) => ({ id: users.find((row) => row.email === user.email)?.id ?? '', name: user.name, role: user.role }));
    const regions = await sut.regions.list(seeder);
    const again = await seedDemoHvac(sut.db, sut.maintenance, seeder, { ...options, regions, staff });
    expect(again).toEqual({ equipment: 0, jobs: 0, fgasEntries: 0, plans: 0, scheduledMaintenanceJobs: 0 });
    expect(await countRows()).toEqual(before);
    const generated = [...generateDemoCustomerChunks({ ...options, regions })].map(({ firstIndex, bundles }) => generateDemoHvac(bundles, firstIndex, { seed: options.seed, anchor, staff }));
    const jobIds = generated.flatMap((hvac) => hvac.jobs.map((job) => job.row.id));
    const equipmentIds = generated.flatMap((hvac) => hvac.equipment.map((unit) => unit.id));
    const stored = await db.inTenant(seeder.tenantId, async (tx) => ({
      jobs: await tx.selectFrom('jobs').select('id').where('id', 'in', jobIds).execute(),
      equipment: await tx.selectFrom('equipment').select('id').where('id', 'in', equipmentIds).execute(),
    }));
    expect(stored.jobs.length).toBe(jobIds.length);
    expect(stored.equipment.length).toBe(equipmentIds.length);
    // Everything else is the scheduler's: the maintenance jobs it opened at seed time.
    expect(before?.jobs).toBe(jobIds.length + (await db.inTenant(seeder.tenantId, (tx) => tx.selectFrom('jobs').select('id').where('created_at', '=', anchor).execute())).length);
  });
});
