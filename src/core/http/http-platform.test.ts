import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { testBackends } from '../../testing/test-database.ts';

const [pglite] = testBackends();

describe('HTTP platform: problem+json, correlation ids, health, metrics, OpenAPI', () => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;

  beforeAll(async () => {
    if (!pglite) throw new Error('PGlite backend missing');
    db = await pglite.open();
    sut = await createTestApp(db, { BODY_LIMIT_BYTES: '2048' });
    owner = await signUpTenant(sut, 'platform');
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  // Record ids get the value given; a :date parameter gets a valid date, so the body is what is tested.
  const withParams = (url: string, value: string) => url.replace(/:date\b/g, '2099-01-05').replace(/:[A-Za-z]+/g, value);
  const bodyRoutes = () => sut.http.routeCatalog.filter((r) => r.url.startsWith('/api/') && ['POST', 'PATCH', 'PUT'].includes(r.method));

  it('answers unknown routes with 404 problem+json', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found', type: 'urn:pasja:problem:not_found' });
  });

  it('answers malformed JSON on every body route with 400 problem+json, never 500', async () => {
    for (const route of bodyRoutes()) {
      const response = await sut.http.inject({
        method: route.method as 'POST',
        url: withParams(route.url, '0190a4f0-0000-7000-8000-000000000000'),
        headers: { cookie: owner.cookie, 'content-type': 'application/json' },
        payload: '{"broken": ',
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(response.json(), `${route.method} ${route.url}`).toMatchObject({ code: 'invalid_input', errors: [{ field: '/body' }] });
    }
  });

  it('names the field and the rule for wrong types and unknown fields on every body route', async () => {
    for (const route of bodyRoutes()) {
      // logout takes no body (and would end the session the other checks use)
      if (route.url === '/api/auth/logout') continue;
      const url = withParams(route.url, '0190a4f0-0000-7000-8000-000000000000');
      const headers = { cookie: owner.cookie };
      // Uploads take the file itself as the body, never JSON: a JSON body is the wrong media type.
      if (route.url.endsWith('/attachments')) {
        const json = await sut.http.inject({ method: 'POST', url: `${url}?fileName=a.png`, headers, payload: [1, 2, 3] });
        expect(json.statusCode, `${route.method} ${route.url}`).toBe(415);
        expect(json.json().errors[0], `${route.method} ${route.url}`).toMatchObject({ field: '/headers/content-type', rule: 'enum' });
        continue;
      }
      const wrongType = await sut.http.inject({ method: route.method as 'POST', url, headers, payload: [1, 2, 3] });
      expect(wrongType.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(wrongType.json().errors[0], `${route.method} ${route.url}`).toMatchObject({ field: '/body', rule: 'type' });
      const unknownField = await sut.http.inject({ method: route.method as 'POST', url, headers, payload: { surprise: true } });
      expect(unknownField.statusCode, `${route.method} ${route.url}`).toBe(400);
      const fields = (unknownField.json().errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields.length, `${route.method} ${route.url}`).toBeGreaterThan(0);
    }
  });

  it('names a wrong e-mail and a missing field precisely', async () => {
    const response = await sut.http.inject({ method: 'POST', url: '/api/auth/signup', payload: { tenantName: 'X', tenantSlug: 'Bad Slug', name: 'N', email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().errors as Array<{ field: string; rule: string }>).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['/body/email:format', '/body/password:required', '/body/tenantSlug:pattern']));
  });

  it('refuses a non-UUID id in the path with 400 naming the parameter', async () => {
    const response = await sut.http.inject({ method: 'DELETE', url: '/api/tokens/123', headers: { cookie: owner.cookie } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: '/params/id', rule: 'format' });
  });

  it('refuses an oversize body with 413 problem+json', async () => {
    const response = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.pl', password: 'x'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await sut.http.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('answers 401 problem+json without a session', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('echoes the caller\'s x-request-id and writes it on every log line of that request', async () => {
    const id = 'req-abc-123';
    const response = await sut.http.inject({ method: 'GET', url: '/api/users', headers: { cookie: owner.cookie, 'x-request-id': id } });
    expect(response.headers['x-request-id']).toBe(id);
    const lines = sut.logLines.filter((line) => line.correlationId === id);
    expect(lines.length).toBeGreaterThanOrEqual(2); // incoming request + request completed
    expect(lines.every((line) => line.correlationId === id)).toBe(true);
  });

  it('makes a correlation id when none (or an unsafe one) is given', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness with the database check', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('exports HTTP histograms by route and status and pool gauges to Prometheus', async () => {
    await sut.http.inject({ method: 'GET', url: '/api/users', headers: { cookie: owner.cookie } });
    const response = await sut.http.inject({ method: 'GET', url: '/metrics' });
    expect(response.body).toMatch(/pasja_http_request_duration_seconds_count\{method="GET",route="\/api\/users",status="200"\} \d+/);
    expect(response.body).toContain('pasja_db_pool_connections{state="total"}');
  });

  it('serves the OpenAPI document with every API route', async () => {
    const response = await sut.http.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/tokens/{id}']));
  });
});
