import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { migrateToLatest, readMigrationFiles } from './migrator.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('migrations', (backend) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('are all applied to a test database and a second run applies nothing', async () => {
    db = await backend.open();
    const result = await migrateToLatest(db.kysely);
    expect(result).toEqual({ applied: [], alreadyApplied: readMigrationFiles().length });
  });

  it('apply a new migration once, even when two runners start together', async () => {
    db = await backend.open();
    const files = [...readMigrationFiles(), { name: '9999-test-extra', sql: 'create table test_extra (id int primary key);', checksum: 'x' }];
    const [first, second] = await Promise.all([migrateToLatest(db.kysely, files), migrateToLatest(db.kysely, files)]);
    expect([...first.applied, ...second.applied]).toEqual(['9999-test-extra']);
  });

  it('refuse to run when an applied migration was edited (forward-only)', async () => {
    db = await backend.open();
    const files = readMigrationFiles().map((file, index) => (index === 0 ? { ...file, checksum: 'edited' } : file));
    await expect(migrateToLatest(db.kysely, files)).rejects.toThrow(/changed after it was applied/);
  });

  it('install pg_trgm and unaccent, and the diacritic-insensitive f_unaccent', async () => {
    db = await backend.open();
    expect(await db.hasExtension('pg_trgm')).toBe(true);
    expect(await db.hasExtension('unaccent')).toBe(true);
    const result = await sql<{ folded: string }>`select f_unaccent(lower('Śródmieście')) as folded`.execute(db.kysely);
    expect(result.rows[0]?.folded).toBe('srodmiescie');
  });

  it('install vector only where the server has it', async () => {
    db = await backend.open();
    const available = await sql<{ found: boolean }>`select exists (select 1 from pg_available_extensions where name = 'vector') as found`.execute(db.kysely);
    expect(await db.hasExtension('vector')).toBe(available.rows[0]?.found);
  });
});
