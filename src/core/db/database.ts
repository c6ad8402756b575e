import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { countDbQuery } from '../log/context.ts';
import type { Logger } from '../log/logger.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

// The non-superuser role tenant transactions run as. Row-level security applies to it; it owns
// nothing, so it cannot switch policies off.
export const appRole = 'pasja_app';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  readonly kind: 'embedded' | 'postgres';
  // For migrations, health checks and tests; business code goes through inTenant/asSystem.
  readonly kysely: Kysely<DB>;
  inTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  asSystem<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  // Runs once the outermost open transaction has committed (now, outside one). Cache invalidation
  // belongs here: done before the commit, a concurrent reader could cache the old row again.
  afterCommit(effect: () => Promise<void>): Promise<void>;
  hasExtension(name: string): Promise<boolean>;
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'embedded'; dataDir: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolMax: number };

interface OpenTransaction {
  tx: Tx;
  scope: string; // tenant id, or 'system'
  afterCommit: Array<() => Promise<void>>;
}

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax });
    // An idle connection the server closed (restart, failover, a dropped database) is taken out
    // of the pool by pg itself; unheard, the pool's 'error' event would end the process.
    pool.on('error', (error) => logger?.warn({ err: error }, 'idle database connection lost; the pool opens a new one'));
    return createDatabase('postgres', pool, async () => {});
  }
  const lock = target.dataDir.startsWith('memory://') ? undefined : acquireDataDirLock(target.dataDir);
  try {
    const pglite = await openPglite(target.dataDir, target.loadDataDir);
    // PGlite is one session: a pool of one serialises every query and transaction through it.
    // Never call pool.query() on it: pg-pool ends the client after a failed query, and that ends
    // PGlite's only connection for every later client; Kysely checks out and releases instead.
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
    return createDatabase('embedded', pool, async () => {
      await pglite.close();
      lock?.release();
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

// loadDataDir starts from a dump (tests clone a migrated template this way in ≈ 0.5 s).
export function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  // Extensions must be given on every open, or indexes that use them fail later (STACK-NOTES).
  return PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm, unaccent, vector } });
}

// afterPoolEnd frees what sits under the pool (PGlite and its lock); Kysely ends the pool itself.
function createDatabase(kind: Database['kind'], pool: pg.Pool, afterPoolEnd: () => Promise<void>): Database {
  // Kysely calls log after every statement it sends (BEGIN, COMMIT and set_config included, on
  // both PGlite and PostgreSQL); the request's counter lives in its WorkContext.
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: countDbQuery });
  const open = new AsyncLocalStorage<OpenTransaction>();

  // Work nested inside a transaction reuses it: on PGlite a second transaction would wait for
  // the only connection, which the outer one holds, and never get it.
  async function run<T>(scope: string, begin: (tx: Tx) => Promise<void>, work: (tx: Tx) => Promise<T>): Promise<T> {
    const outer = open.getStore();
    if (outer) {
      if (outer.scope !== scope) {
        throw new Error(`A ${describeScope(scope)} transaction cannot start inside a ${describeScope(outer.scope)} one`);
      }
      return work(outer.tx);
    }
    const afterCommit: OpenTransaction['afterCommit'] = [];
    const result = await kysely.transaction().execute(async (tx) => {
      await begin(tx);
      return open.run({ tx, scope, afterCommit }, () => work(tx));
    });
    for (const effect of afterCommit) await effect();
    return result;
  }

  let closed = false;
  return {
    kind,
    kysely,
    inTenant(tenantId, work) {
      return run(tenantId, (tx) => enterTenant(tx, tenantId), work);
    },
    asSystem(work) {
      return run('system', async () => {}, work);
    },
    async afterCommit(effect) {
      const current = open.getStore();
      if (current) current.afterCommit.push(effect);
      else await effect();
    },
    async hasExtension(name) {
      const result = await sql<{ found: boolean }>`select exists (select 1 from pg_extension where extname = ${name}) as found`.execute(kysely);
      return result.rows[0]?.found === true;
    },
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    poolStats() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await kysely.destroy();
      } finally {
        await afterPoolEnd();
      }
    },
  };
}

// One round trip: drop to the RLS-bound role and pin the tenant, both only for this transaction.
async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  await sql`select set_config('role', ${appRole}, true), set_config('app.tenant_id', ${tenantId}, true)`.execute(tx);
}

function describeScope(scope: string): string {
  return scope === 'system' ? 'system' : `tenant ${scope}`;
}
