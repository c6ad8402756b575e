import { sql } from 'kysely';
import type { Tx } from './database.ts';

// Optimistic locking: a repo updates `where id = ? and version = ?`. When no row changed, this
// tells the two reasons apart, so the caller answers 409 with the current version, or 404.
export type StaleOrMissing = { kind: 'stale'; currentVersion: number } | { kind: 'missing' };

export type VersionedUpdate<T> = { kind: 'updated'; record: T } | StaleOrMissing;

export async function staleOrMissing(tx: Tx, table: string, id: string, options: { liveOnly?: boolean } = {}): Promise<StaleOrMissing> {
  const live = options.liveOnly ? sql`and deleted_at is null` : sql``;
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} ${live}`.execute(tx);
  const current = result.rows[0];
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' };
}
