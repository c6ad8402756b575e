import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import type { RoutePerformance as RouteRow } from './performance.ts';

describeEachBackend('performance API: per-route statistics and Prometheus series', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let customerId: string;
  let customerBytes: number;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'perf');
    const created = await sut.http.inject({ method: 'POST', url: '/api/customers', headers: { cookie: owner.cookie }, payload: { kind: 'company', companyName: 'Klima Perf' } });
    customerId = created.json<{ id: string }>().id;
    // The first read loads the customer (a cache miss), the second is served from the cache.
    for (let i = 0; i < 2; i++) {
      const response = await sut.http.inject({ method: 'GET', url: `/api/customers/${customerId}`, headers: { cookie: owner.cookie } });
      expect(response.statusCode).toBe(200);
      customerBytes = Number(response.headers['content-length']);
    }
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const performanceOf = async (query: string, headers: Record<string, string> = { cookie: owner.cookie }) =>
    sut.http.inject({ method: 'GET', url: `/api/performance${query}`, headers });

  it('reports a route: two reads, one cache miss that queried the database and one hit that did not', async () => {
    const response = await performanceOf('?route=/api/customers/:id');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ window: string; generatedAt: string; routes: RouteRow[] }>();
    expect(body.window).toBe('5m');
    expect(Number.isNaN(Date.parse(body.generatedAt))).toBe(false);
    // The miss sends BEGIN, set_config (tenant), SELECT, COMMIT; the hit sends nothing.
    // Authentication's credential lookup is left out of the hit rate (it is made on every route).
    expect(body.routes).toEqual([
      expect.objectContaining({ method: 'GET', route: '/api/customers/:id', count: 2, cacheHitRate: 0.5, dbQueriesPerRequest: 2, errorRate: 0, clientErrorRate: 0, responseBytesAvg: customerBytes }),
    ]);
    const row = body.routes[0];
    expect(row && row.p50Ms > 0 && row.p50Ms <= row.p95Ms && row.p95Ms <= row.p99Ms).toBe(true);
  });

  it('lists every route with traffic, busiest first, and filters by method', async () => {
    const all = (await performanceOf('?window=1h')).json<{ routes: RouteRow[] }>().routes;
    expect(all.map((r) => `${r.method} ${r.route}`)).toEqual(expect.arrayContaining(['POST /api/auth/signup', 'POST /api/customers', 'GET /api/customers/:id']));
    const counts = all.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const creates = (await performanceOf('?route=/api/customers&method=POST')).json<{ routes: RouteRow[] }>().routes;
    expect(creates).toEqual([expect.objectContaining({ method: 'POST', route: '/api/customers', count: 1, cacheHitRate: null })]);
    expect(creates[0]?.dbQueriesPerRequest).toBeGreaterThan(2);
    expect((await performanceOf('?route=/api/customers&method=DELETE')).json<{ routes: RouteRow[] }>().routes).toEqual([]);
  });

  it('refuses a viewer with 403, and counts that refusal (with its token lookup in the database) as a client error', async () => {
    const created = await sut.http.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: owner.cookie }, payload: { name: 'perf-viewer', role: 'viewer' } });
    const viewer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    const refused = await performanceOf('', viewer);
    expect(refused.statusCode).toBe(403);
    const rows = (await performanceOf('?route=/api/performance')).json<{ routes: RouteRow[] }>().routes;
    const row = rows.find((r) => r.method === 'GET');
    expect(row?.clientErrorRate).toBeGreaterThan(0);
    // An unknown token is looked up in the database (as system, before the tenant is known).
    expect(row?.dbQueriesPerRequest).toBeGreaterThan(0);
  });

  it('answers a window it does not know with 400 naming /querystring/window', async () => {
    const response = await performanceOf('?window=2h');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain('/querystring/window');
  });

  it('exports statements per request, response sizes and cache lookups by route to /metrics', async () => {
    const body = (await sut.http.inject({ method: 'GET', url: '/metrics' })).body;
    const labels = 'method="GET",route="/api/customers/:id"';
    expect(body).toContain('# TYPE pasja_http_db_queries_per_request histogram');
    // one request (the hit) with no statement; 4 statements in all
    expect(body).toContain(`pasja_http_db_queries_per_request_bucket{le="0",${labels}} 1`);
    expect(body).toContain(`pasja_http_db_queries_per_request_bucket{le="+Inf",${labels}} 2`);
    expect(body).toContain(`pasja_http_db_queries_per_request_sum{${labels}} 4`);
    expect(body).toContain('# TYPE pasja_http_response_bytes histogram');
    expect(body).toContain(`pasja_http_response_bytes_sum{${labels}} ${2 * customerBytes}`);
    expect(body).toContain(`pasja_http_response_bytes_count{${labels}} 2`);
    expect(body).toContain(`pasja_http_cache_requests_total{${labels},result="hit"} 1`);
    expect(body).toContain(`pasja_http_cache_requests_total{${labels},result="miss"} 1`);
  });

  it('also gives the new series through the registry as JSON', async () => {
    const metrics = await sut.metrics.registry.getMetricsAsJSON();
    const histogram = metrics.find((m) => m.name === 'pasja_http_response_bytes');
    const series = histogram?.values.find((v) => v.labels.route === '/api/customers/:id' && v.labels.le === '+Inf');
    expect(series?.value).toBe(2);
  });

  it('shows process-wide numbers only to the operator: the only tenant, or the tenants named in OPERATOR_TENANT_SLUGS', async () => {
    const other = await signUpTenant(sut, 'perf-other');
    // Two tenants now: with no operator named, nobody may read process-wide numbers.
    expect((await performanceOf('')).statusCode).toBe(403);
    expect((await performanceOf('', { cookie: other.cookie })).statusCode).toBe(403);
    const configured = await createTestApp(db, { OPERATOR_TENANT_SLUGS: 'perf' });
    try {
      expect((await configured.http.inject({ method: 'GET', url: '/api/performance', headers: { cookie: owner.cookie } })).statusCode).toBe(200);
      const refused = await configured.http.inject({ method: 'GET', url: '/api/performance', headers: { cookie: other.cookie } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'forbidden' });
    } finally {
      await configured.close();
    }
  });
});
