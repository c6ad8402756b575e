import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { heatingSeasonStart, yearBefore } from './kpi-definitions.ts';

it('picks the heating season a readiness figure is about', () => {
  expect(heatingSeasonStart('2026-09-10')).toBe('2026-10-01'); // coming
  expect(heatingSeasonStart('2026-11-22')).toBe('2026-10-01'); // under way
  expect(heatingSeasonStart('2026-03-01')).toBe('2025-10-01'); // still under way
  expect(heatingSeasonStart('2026-05-01')).toBe('2026-10-01');
  expect(yearBefore('2028-02-29')).toBe('2027-02-28');
});

// A small company whose year is known job by job; every expected figure below is worked out by
// hand in the comments beside the fixture, not by running the code.
describeEachBackend('KPIs on a hand-checked fixture', (backend) => {
  let now = new Date('2025-01-01T09:00:00Z');
  const clock: Clock = { now: () => now };
  const at = (iso: string) => {
    now = new Date(iso);
  };
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let customerId: string;
  let siteId: string;
  let otherSiteId: string;

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await sut.http.inject({ method, url, headers: { cookie: owner.cookie }, ...(payload && { payload }) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; version: number }>();
  };
  const unit = async (payload: object) => (await call('POST', '/api/equipment', { siteId, brand: 'Vaillant', ...payload })).id;
  const job = async (openedAt: string, payload: object) => {
    at(openedAt);
    return (await call('POST', '/api/jobs', { siteId, description: 'Zlecenie', ...payload })).id;
  };
  // Moves a job through the given statuses, each at its own time.
  const move = async (jobId: string, steps: Array<[string, string, string?]>) => {
    for (const [to, when, reason] of steps) {
      at(when);
      const current = await call('GET', `/api/jobs/${jobId}`);
      await call('POST', `/api/jobs/${jobId}/transitions`, { to, version: current.version, ...(reason && { reason }) });
    }
  };
  // new → … → in_progress (arrival) → completed.
  const visit = (arrivedAt: string, completedAt: string): Array<[string, string]> => [
    ['scheduled', arrivedAt],
    ['dispatched', arrivedAt],
    ['en_route', arrivedAt],
    ['in_progress', arrivedAt],
    ['completed', completedAt],
  ];

  beforeAll(async () => {
    db = await backend.open();
    // The fixture's clock walks two years back and forth: one session must live through it.
    sut = await createTestApp(db, { SESSION_TTL_HOURS: '100000' }, { clock });
    owner = await signUpTenant(sut, 'kpi');
    customerId = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Spółdzielnia Mieszkaniowa Zacisze' })).id;
    siteId = (await call('POST', `/api/customers/${customerId}/sites`, { street: 'ul. Zacisze 1', postalCode: '03-000', city: 'Warszawa' })).id;
    otherSiteId = (await call('POST', `/api/customers/${customerId}/sites`, { street: 'ul. Zacisze 2', postalCode: '03-000', city: 'Warszawa' })).id;

    // Heating readiness, as of 2026-11-22: season 2026-10-01, window [2025-10-01, 2026-10-01).
    const e1 = await unit({ category: 'gas_boiler', installedOn: '2020-05-01' }); // maintenance completed 2026-06-15: serviced
    const e2 = await unit({ category: 'heat_pump_air_water', installedOn: '2021-05-01' }); // completed 2025-09-20: before the window
    const e3 = await unit({ category: 'gas_boiler', installedOn: '2019-05-01' }); // completed 2026-10-05: after the season started
    await unit({ category: 'oil_boiler', status: 'decommissioned' }); // not counted
    const e6 = await unit({ category: 'heat_pump_ground', installedOn: '2022-05-01' }); // inspection completed 2026-09-30 22:30 UTC = 1 October in Warsaw: too late
    const e8 = await unit({ category: 'gas_boiler', installedOn: '2023-05-01' }); // inspection completed 2026-09-30 20:00 UTC (22:00 Warsaw): serviced
    await unit({ category: 'gas_boiler', installedOn: '2026-10-15' }); // installed after the season started: not counted
    // → total 5 (e1, e2, e3, e6, e8), serviced 2 (e1, e8): share 0.4.
    await move(await job('2026-06-01T08:00:00Z', { type: 'maintenance', equipmentId: e1 }), visit('2026-06-15T08:00:00Z', '2026-06-15T10:00:00Z'));
    await move(await job('2025-09-01T08:00:00Z', { type: 'maintenance', equipmentId: e2 }), visit('2025-09-20T08:00:00Z', '2025-09-20T10:00:00Z'));
    await move(await job('2026-09-20T08:00:00Z', { type: 'maintenance', equipmentId: e3 }), visit('2026-10-05T08:00:00Z', '2026-10-05T10:00:00Z'));
    await move(await job('2026-09-20T08:00:00Z', { type: 'inspection', equipmentId: e6 }), visit('2026-09-30T21:00:00Z', '2026-09-30T22:30:00Z'));
    await move(await job('2026-09-20T08:00:00Z', { type: 'inspection', equipmentId: e8 }), visit('2026-09-30T18:00:00Z', '2026-09-30T20:00:00Z'));

    // F-gas: a split AC with 8 kg R-32 (5.4 t CO2e, check every 12 months) never checked since
    // 2024 — overdue; a VRF with 20 kg R-410A (41.76 t, every 12 months) checked 2026-05-01 — ok.
    // → inScope 2, overdue 1: score 0.5.
    const split = await unit({ category: 'split_ac', brand: 'Daikin', installedOn: '2024-01-01', refrigerant: 'R-32', refrigerantChargeKg: 8 });
    const vrf = await unit({ category: 'vrf', brand: 'Daikin', installedOn: '2024-01-01', refrigerant: 'R-410A', refrigerantChargeKg: 20 });
    at('2026-05-01T12:00:00Z');
    await call('POST', `/api/equipment/${vrf}/fgas-register`, { performedOn: '2026-05-01', kind: 'leak_check', result: 'no_leak', technicianName: 'Jan Kowalski', certificateNumber: 'FGAZ-P/1/2024' });

    // Emergency response, period [2025-11-22, 2026-11-22]: arrivals after 20, 45 and 30 minutes
    // (em1, em2, em3); em4 still waiting; em5 opened before the period.
    // → count 3; p50 = 30; p90 = 30 + 0.8 × (45 − 30) = 42 (interpolated); awaiting 1.
    // First-time fix, same period: em1 (one visit, no repeat) fixed; em2 followed by r1 on the same
    // boiler 9 days later: not fixed; r1 itself fixed; em3 needed two visits (on hold for parts):
    // not fixed; r2 completed before the period. → total 4, fixed 2: rate 0.5.
    const em1 = await job('2026-03-01T08:00:00Z', { type: 'emergency', equipmentId: split });
    await move(em1, visit('2026-03-01T08:20:00Z', '2026-03-01T10:00:00Z'));
    const em2 = await job('2026-06-01T10:00:00Z', { type: 'emergency', equipmentId: e1 });
    await move(em2, visit('2026-06-01T10:45:00Z', '2026-06-01T12:00:00Z'));
    const r1 = await job('2026-06-10T09:00:00Z', { type: 'repair', equipmentId: e1 });
    await move(r1, visit('2026-06-11T09:00:00Z', '2026-06-11T11:00:00Z'));
    const em3 = await job('2026-11-20T07:00:00Z', { type: 'emergency', siteId: otherSiteId });
    await move(em3, [
      ...visit('2026-11-20T07:30:00Z', '2026-11-20T07:30:00Z').slice(0, 4),
      ['on_hold', '2026-11-20T08:00:00Z', 'Czekamy na wymiennik'],
      ['in_progress', '2026-11-21T09:00:00Z'],
      ['completed', '2026-11-21T11:00:00Z'],
    ]);
    await job('2026-11-21T22:00:00Z', { type: 'emergency', siteId: otherSiteId }); // em4: waiting
    const em5 = await job('2025-01-10T08:00:00Z', { type: 'emergency', siteId: otherSiteId });
    await move(em5, visit('2025-01-10T08:10:00Z', '2025-01-10T09:00:00Z'));
    const r2 = await job('2025-04-30T08:00:00Z', { type: 'repair', siteId: otherSiteId });
    await move(r2, visit('2025-05-01T08:00:00Z', '2025-05-01T09:00:00Z'));

    // Maintenance completion: a plan due every Monday from 2026-10-26; the scheduler runs on
    // 20 Oct (makes 26 Oct), 1 Nov (2 Nov) and 22 Nov (9, 16, 23 Nov). Due by 22 Nov: 26 Oct,
    // 2 Nov, 9 Nov, 16 Nov = 4. Completed: 26 Oct's (on 26 Oct, on time) and 2 Nov's (on 4 Nov,
    // late); 9 Nov's cancelled; 16 Nov's open. → due 4, completed 2, on time 1: rate 0.5.
    at('2026-10-01T08:00:00Z');
    const plan = (await call('POST', '/api/maintenance-plans', { siteId: otherSiteId, title: 'Przegląd tygodniowy', rrule: 'FREQ=WEEKLY;BYDAY=MO', leadDays: 7, startsOn: '2026-10-26' })).id;
    const jobOfDue = async (dueOn: string) => {
      const read = await sut.http.inject({ method: 'GET', url: `/api/maintenance-plans/${plan}`, headers: { cookie: owner.cookie } });
      const occurrence = read.json<{ occurrences: Array<{ dueOn: string; jobId: string }> }>().occurrences.find((o) => o.dueOn === dueOn);
      if (!occurrence) throw new Error(`no job for ${dueOn}`);
      return occurrence.jobId;
    };
    at('2026-10-20T06:00:00Z');
    await call('POST', '/api/maintenance-plans/run', {});
    await move(await jobOfDue('2026-10-26'), visit('2026-10-26T08:00:00Z', '2026-10-26T10:00:00Z'));
    at('2026-11-01T06:00:00Z');
    await call('POST', '/api/maintenance-plans/run', {});
    await move(await jobOfDue('2026-11-02'), visit('2026-11-04T08:00:00Z', '2026-11-04T10:00:00Z'));
    at('2026-11-22T06:00:00Z');
    await call('POST', '/api/maintenance-plans/run', {});
    await move(await jobOfDue('2026-11-09'), [['cancelled', '2026-11-22T07:00:00Z', 'Klient zrezygnował']]);
    at('2026-11-22T10:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('computes every KPI as worked out by hand', async () => {
    const kpis = await sut.http.inject({ method: 'GET', url: '/api/kpis', headers: { cookie: owner.cookie } });
    expect(kpis.statusCode, kpis.body).toBe(200);
    expect(kpis.json()).toEqual({
      asOf: '2026-11-22',
      from: '2025-11-22',
      heatingReadiness: { share: 0.4, serviced: 2, total: 5, seasonStart: '2026-10-01' },
      maintenanceCompletion: { rate: 0.5, completed: 2, onTime: 1, due: 4, from: '2025-11-22', to: '2026-11-22' },
      emergencyResponse: { p50Minutes: 30, p90Minutes: 42, count: 3, awaitingArrival: 1 },
      firstTimeFix: { rate: 0.5, fixed: 2, total: 4 },
      fgasCompliance: { score: 0.5, inScope: 2, overdue: 1, asOf: '2026-11-22' },
    });
  });

  it('measures another period when asked: the heating season ahead on 10 September', async () => {
    const kpis = (await sut.http.inject({ method: 'GET', url: '/api/kpis?asOf=2026-09-10', headers: { cookie: owner.cookie } })).json();
    // e1 serviced (2026-06-15); e8's inspection of 30 September has not happened by 10 September.
    // e2 (2025-09-20) is before the window starting 2025-10-01; e3, e6 later. The unit installed
    // 2026-10-15 is not in service yet for this season either way.
    expect(kpis.heatingReadiness).toEqual({ share: 0.2, serviced: 1, total: 5, seasonStart: '2026-10-01' });
    // em1 and em2 (20 and 45 minutes) fall in [2025-09-10, 2026-09-10]: p50 32.5, p90 42.5.
    expect(kpis.emergencyResponse).toEqual({ p50Minutes: 32.5, p90Minutes: 42.5, count: 2, awaitingArrival: 0 });
  });

  it('exports the KPIs on /metrics, labelled by company', async () => {
    const metrics = await sut.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('pasja_kpi_heating_readiness_ratio{tenant="kpi"} 0.4');
    expect(metrics.body).toContain('pasja_kpi_maintenance_completion_ratio{tenant="kpi"} 0.5');
    expect(metrics.body).toContain('pasja_kpi_emergency_response_minutes{tenant="kpi",quantile="0.5"} 30');
    expect(metrics.body).toContain('pasja_kpi_emergency_response_minutes{tenant="kpi",quantile="0.9"} 42');
    expect(metrics.body).toContain('pasja_kpi_first_time_fix_ratio{tenant="kpi"} 0.5');
    expect(metrics.body).toContain('pasja_kpi_fgas_compliance_ratio{tenant="kpi"} 0.5');
  });

  it('refuses a malformed date with the field named', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/api/kpis?asOf=2026-13-01', headers: { cookie: owner.cookie } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('asOf');
  });
});
