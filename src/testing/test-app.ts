import type { Clock } from '../core/clock.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../app.ts';
import { loadConfig, type Config } from '../core/config.ts';
import { createLogger } from '../core/log/logger.ts';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/db/schema.ts';

export interface TestApp extends App {
  // Every log line the app wrote, parsed; for tests about logging and correlation ids.
  logLines: Array<Record<string, unknown>>;
}

const testFilesDir = join(tmpdir(), `pasja-test-files-${process.pid}`);

export function testConfig(overrides: Record<string, string> = {}): Config {
  // Uploaded files of tests go to a folder of their own under the system's temp, never ./data.
  return loadConfig({ LOG_LEVEL: 'info', DEMO_SEED: 'false', LOGIN_RATE_LIMIT_POINTS: '1000', OUTBOX_POLL_MS: '50', FILES_DIR: testFilesDir, ...overrides });
}

// An app on the given database, with logs captured in memory instead of printed.
export async function createTestApp(database: Database, overrides: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const logLines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const config = testConfig(overrides);
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const app = await buildApp({ config, database, logger, serveWeb: false, ...(options.clock && { clock: options.clock }) });
  return Object.assign(app, { logLines });
}

export interface SignedUpTenant {
  tenantId: string;
  userId: string;
  cookie: string;
  email: string;
  password: string;
}

// Signs up a tenant with its owner through the API and returns the owner's session cookie.
export async function signUpTenant(app: App, slug: string): Promise<SignedUpTenant> {
  const email = `owner@${slug}.test`;
  const password = 'correct horse battery';
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { tenantName: `Firma ${slug}`, tenantSlug: slug, name: `Owner ${slug}`, email, password },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const me = response.json<{ tenant: { id: string }; user: { id: string } }>();
  return { tenantId: me.tenant.id, userId: me.user.id, cookie: sessionCookieOf(response.headers['set-cookie']), email, password };
}

export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = header.match(/pasja_session=([^;]+)/);
  if (!match) throw new Error('no session cookie was set');
  return `pasja_session=${match[1]}`;
}

// Invites a member with the given role and accepts the invitation; returns their id and session.
export async function addMember(app: App, owner: SignedUpTenant, name: string, role: Role): Promise<{ userId: string; cookie: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@member.test`;
  const invited = await app.http.inject({ method: 'POST', url: '/api/users/invitations', headers: { cookie: owner.cookie }, payload: { email, role } });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.statusCode} ${invited.body}`);
  const accepted = await app.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invited.json<{ token: string }>().token, name, password: 'member-password-1' } });
  if (accepted.statusCode !== 200) throw new Error(`accepting failed: ${accepted.statusCode} ${accepted.body}`);
  return { userId: accepted.json<{ user: { id: string } }>().user.id, cookie: sessionCookieOf(accepted.headers['set-cookie']) };
}

// A member with the technician role and a technician profile (no skills, default hours).
export async function addTechnician(app: App, owner: SignedUpTenant, name: string): Promise<{ userId: string; cookie: string; technicianId: string }> {
  const member = await addMember(app, owner, name, 'technician');
  const created = await app.http.inject({ method: 'POST', url: '/api/technicians', headers: { cookie: owner.cookie }, payload: { userId: member.userId } });
  if (created.statusCode !== 201) throw new Error(`technician profile failed: ${created.statusCode} ${created.body}`);
  return { ...member, technicianId: created.json<{ id: string }>().id };
}
