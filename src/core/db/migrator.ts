import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Plain numbered SQL files, forward only. Our own runner rather than Kysely's Migrator because we
// want raw SQL files, a checksum that refuses an edited migration, and a Postgres advisory lock so
// several `pasja serve` processes starting at once apply each migration exactly once.
const migrationLockKey = 7_345_002_615; // any constant shared by all Pasja processes

export function readMigrationFiles(dir: string = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export async function migrateToLatest(db: Kysely<DB>, files: MigrationFile[] = readMigrationFiles()): Promise<MigrationResult> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${migrationLockKey})`.execute(connection);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(connection);
      const done = await connection.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
      const doneByName = new Map(done.map((row) => [row.name, row.checksum]));
      assertHistoryIntact(files, doneByName);
      const applied: string[] = [];
      for (const file of files) {
        if (doneByName.has(file.name)) continue;
        await connection.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await tx.insertInto('schema_migrations').values({ name: file.name, checksum: file.checksum }).execute();
        });
        applied.push(file.name);
      }
      return { applied, alreadyApplied: doneByName.size };
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(connection);
    }
  });
}

// Forward-only: an applied migration is history. Editing or removing one would leave databases
// that ran the old text diverging silently from new ones.
function assertHistoryIntact(files: MigrationFile[], doneByName: Map<string, string>): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const [name, checksum] of doneByName) {
    const file = byName.get(name);
    if (!file) throw new Error(`Migration ${name} was applied to this database but its file is missing; migrations are forward-only`);
    if (file.checksum !== checksum) {
      throw new Error(`Migration ${name} changed after it was applied; write a new migration instead of editing it`);
    }
  }
}
