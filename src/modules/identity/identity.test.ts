import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, sessionCookieOf, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('identity: sign-up, login, tokens, invitations, roles', (backend) => {
  let db: Database;
  let sut: TestApp;
  let acme: SignedUpTenant;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    acme = await signUpTenant(sut, 'acme');
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const get = (url: string, cookie: string) => sut.http.inject({ method: 'GET', url, headers: { cookie } });

  it('logs the owner in with an httpOnly session cookie and says who they are', async () => {
    const login = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acme.email, password: acme.password } });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/pasja_session=.+HttpOnly/i);
    const me = await get('/api/auth/me', sessionCookieOf(login.headers['set-cookie']));
    expect(me.json()).toMatchObject({ user: { email: acme.email }, tenant: { slug: 'acme' }, role: 'owner' });
  });

  it('refuses a wrong password with 401 problem+json', async () => {
    const response = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acme.email, password: 'wrong password!' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('ends the session on logout', async () => {
    const login = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: acme.email, password: acme.password } });
    const cookie = sessionCookieOf(login.headers['set-cookie']);
    expect((await sut.http.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const row = await db.asSystem((tx) => tx.selectFrom('users').select('password_hash').where('id', '=', acme.userId).executeTakeFirstOrThrow());
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(acme.password);
  });

  it('shows an API token once, stores only its hash, and stops accepting it once revoked', async () => {
    const created = await sut.http.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: acme.cookie }, payload: { name: 'integration', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await sut.http.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(200);
    const listed = await get('/api/tokens', acme.cookie);
    expect(listed.body).not.toContain(token);
    const stored = await db.asSystem((tx) => tx.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow());
    expect(stored.token_hash.toString('utf8')).not.toContain(token);
    // a viewer token cannot do admin work
    expect((await sut.http.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode).toBe(403);
    expect((await sut.http.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: { cookie: acme.cookie } })).statusCode).toBe(200);
    expect((await sut.http.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(401);
  });

  it('lets an invited technician join, see members and be refused admin routes', async () => {
    const invited = await sut.http.inject({
      method: 'POST',
      url: '/api/users/invitations',
      headers: { cookie: acme.cookie },
      payload: { email: 'jan.technik@acme.test', role: 'technician' },
    });
    expect(invited.statusCode).toBe(201);
    const accepted = await sut.http.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: invited.json<{ token: string }>().token, name: 'Jan Technik', password: 'technik-haslo-1' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'technician', tenant: { slug: 'acme' } });
    const cookie = sessionCookieOf(accepted.headers['set-cookie']);
    const members = await get('/api/users', cookie);
    expect(members.json<{ items: Array<{ email: string }> }>().items.map((m) => m.email)).toContain('jan.technik@acme.test');
    const forbidden = await sut.http.inject({ method: 'POST', url: '/api/users/invitations', headers: { cookie }, payload: { email: 'x@acme.test', role: 'viewer' } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
  });

  it('refuses to use an invitation twice', async () => {
    const invited = await sut.http.inject({ method: 'POST', url: '/api/users/invitations', headers: { cookie: acme.cookie }, payload: { email: 'once@acme.test', role: 'viewer' } });
    const token = invited.json<{ token: string }>().token;
    const payload = { token, name: 'Once', password: 'once-password-1' };
    expect((await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload })).statusCode).toBe(200);
    expect((await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload })).statusCode).toBe(404);
  });

  it('keeps at least one owner', async () => {
    const response = await sut.http.inject({ method: 'PATCH', url: `/api/users/${acme.userId}`, headers: { cookie: acme.cookie }, payload: { role: 'admin' } });
    expect(response.statusCode).toBe(409);
  });

  it('lets a member of two tenants switch between them', async () => {
    const other = await signUpTenant(sut, 'other-co');
    const invited = await sut.http.inject({ method: 'POST', url: '/api/users/invitations', headers: { cookie: other.cookie }, payload: { email: acme.email, role: 'dispatcher' } });
    const accepted = await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invited.json<{ token: string }>().token, name: 'x', password: acme.password } });
    expect(accepted.statusCode).toBe(200);
    const cookie = sessionCookieOf(accepted.headers['set-cookie']);
    const me = await get('/api/auth/me', cookie);
    expect(me.json<{ memberships: unknown[] }>().memberships).toHaveLength(2);
    const switched = await sut.http.inject({ method: 'POST', url: '/api/auth/switch-tenant', headers: { cookie }, payload: { tenantId: acme.tenantId } });
    expect(switched.json()).toMatchObject({ tenant: { slug: 'acme' }, role: 'owner' });
  });

  it('records every mutation in the audit log with the correlation id', async () => {
    await sut.http.inject({ method: 'PATCH', url: '/api/tenant', headers: { cookie: acme.cookie, 'x-request-id': 'audit-check-1' }, payload: { name: 'Acme Klima' } });
    const rows = await db.inTenant(acme.tenantId, (tx) => tx.selectFrom('audit_log').selectAll().where('action', '=', 'tenant.renamed').execute());
    expect(rows.map((r) => r.correlation_id)).toContain('audit-check-1');
  });

  it('rate-limits login attempts per e-mail with 429 and Retry-After', async () => {
    const limited = await createTestApp(db, { LOGIN_RATE_LIMIT_POINTS: '3' });
    try {
      const attempt = () => limited.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@acme.test', password: 'whatever-1' } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await attempt();
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
