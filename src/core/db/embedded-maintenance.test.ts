import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.ts';
import type { Database } from './database.ts';
import { EmbeddedMaintenance } from './embedded-maintenance.ts';
import { testBackends } from '../../testing/test-database.ts';

const [pglite] = testBackends();

describe('embedded database maintenance', () => {
  let db: Database;
  beforeAll(async () => {
    if (!pglite) throw new Error('PGlite backend missing');
    db = await pglite.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives the planner statistics (PGlite has no autovacuum)', async () => {
    const analysedTables = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from pg_stat_user_tables where last_analyze is not null or last_autoanalyze is not null`.execute(db.kysely)).rows[0]?.n);
    expect(await analysedTables()).toBe(0);
    await new EmbeddedMaintenance(db, createLogger({ level: 'silent' })).runOnce();
    expect(await analysedTables()).toBeGreaterThan(5);
  });
});
