import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { testDatabaseUrl } from '../../testing/backends.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('database transactions', (backend) => {
  let sut: Database;
  beforeAll(async () => {
    sut = await backend.open();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('runs tenant transactions as the non-superuser role with the tenant pinned', async () => {
    const tenantId = '0190a4f0-0000-7000-8000-000000000001';
    const row = await sut.inTenant(tenantId, async (tx) => {
      const result = await sql<{ who: string; tenant: string; superuser: boolean }>`
        select current_user as who, current_tenant_id()::text as tenant,
          (select rolsuper from pg_roles where rolname = current_user) as superuser`.execute(tx);
      return result.rows[0];
    });
    expect(row).toEqual({ who: 'pasja_app', tenant: tenantId, superuser: false });
  });

  it('forgets the tenant and role when the transaction ends', async () => {
    await sut.inTenant('0190a4f0-0000-7000-8000-000000000001', async () => {});
    const result = await sql<{ tenant: string | null; who: string }>`select current_tenant_id()::text as tenant, current_user as who`.execute(sut.kysely);
    expect(result.rows[0]?.tenant).toBeNull();
    expect(result.rows[0]?.who).not.toBe('pasja_app');
  });

  it('reuses the open transaction for nested work instead of deadlocking on one connection', async () => {
    const tenantId = '0190a4f0-0000-7000-8000-000000000002';
    const inner = await sut.inTenant(tenantId, async (outer) => sut.inTenant(tenantId, async (nested) => nested === outer));
    expect(inner).toBe(true);
  });

  it('refuses nested work for another tenant instead of mixing scopes', async () => {
    await expect(
      sut.inTenant('0190a4f0-0000-7000-8000-000000000003', () => sut.inTenant('0190a4f0-0000-7000-8000-000000000004', async () => 1)),
    ).rejects.toThrow(/cannot start inside/);
  });

  it('serves many concurrent transactions without deadlock', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sut.inTenant(`0190a4f0-0000-7000-8000-${String(i).padStart(12, '0')}`, async (tx) => (await sql<{ n: number }>`select ${i}::int as n`.execute(tx)).rows[0]?.n)),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  // A server restart or failover closes idle connections; the pool must drop them quietly (an
  // unheard 'error' event would end the process) and open new ones.
  if (backend.name === 'postgres') it('survives the server closing its idle connections', async () => {
    await Promise.all(Array.from({ length: 3 }, () => sut.ping()));
    expect(sut.poolStats().idle).toBeGreaterThan(0);
    const own = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(sut.kysely);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    try {
      const closed = await admin.query<{ n: number }>(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = (select datname from pg_stat_activity where pid = $1)',
        [own.rows[0]?.pid],
      );
      expect(closed.rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sut.ping();
  });

  it('keeps working after a failed statement inside a transaction', async () => {
    await expect(sut.asSystem((tx) => sql`select 1/0`.execute(tx))).rejects.toThrow(/division by zero/);
    const result = await sut.asSystem((tx) => sql<{ ok: number }>`select 1 as ok`.execute(tx));
    expect(result.rows[0]?.ok).toBe(1);
  });
});

describe('embedded data dir lock', () => {
  it('refuses a second opener of the same data dir with a clear message, and frees it on close', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pasja-lock-'));
    const first = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in use by another Pasja process \(pid \d+\)/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: 'embedded', dataDir });
    await again.close();
  });
});
