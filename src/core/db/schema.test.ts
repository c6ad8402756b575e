import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

// schema.ts is written by hand; migrations/ is the truth. Every table and column of the migrated
// database must be declared there, and nothing declared there may be missing from the database.
const source = readFileSync(fileURLToPath(new URL('./schema.ts', import.meta.url)), 'utf8');

// Columns of the shared base types that interfaces extend.
const baseColumns: Record<string, string[]> = { Editable: ['created_at', 'updated_at', 'version'], SoftDelete: ['deleted_at'] };

function declaredTables(): Map<string, string[]> {
  const dbBlock = /export interface DB \{([^}]*)\}/.exec(source)?.[1] ?? '';
  const tables = new Map<string, string[]>();
  for (const [, table, interfaceName] of dbBlock.matchAll(/^\s+(\w+): (\w+);/gm)) {
    const declaration = new RegExp(`export interface ${interfaceName}(?: extends ([\\w, ]+))? \\{([^}]*)\\}`).exec(source);
    const bases = (declaration?.[1] ?? '').split(',').map((base) => base.trim()).filter(Boolean);
    const own = [...(declaration?.[2] ?? '').matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1] ?? '');
    tables.set(table ?? '', [...own, ...bases.flatMap((base) => baseColumns[base] ?? [`unknown base ${base}`])].sort());
  }
  return tables;
}

describeEachBackend('schema.ts agrees with the migrated database', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('declares every table with exactly its columns', async () => {
    const result = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name
      from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db.kysely);
    const actual = new Map<string, string[]>();
    for (const row of result.rows) actual.set(row.table_name, [...(actual.get(row.table_name) ?? []), row.column_name]);
    for (const columns of actual.values()) columns.sort();
    expect(Object.fromEntries([...declaredTables()].sort())).toEqual(Object.fromEntries([...actual].sort()));
  });
});
