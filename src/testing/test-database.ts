import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrator.ts';
import { testDatabaseUrl } from './backends.ts';

export const pgliteTemplatePath = '.tmp/pglite-template.tar';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  // A fresh, migrated database of its own; close() also drops it (PostgreSQL).
  open(): Promise<Database>;
}

// Storage tests run on every backend available: PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set. Titles start with the backend ("[postgres] …"), which .ci/run counts.
export function describeEachBackend(title: string, body: (backend: TestBackend) => void): void {
  for (const backend of testBackends()) describe(`[${backend.name}] ${title}`, () => body(backend));
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: openTestPglite }];
  const serverUrl = testDatabaseUrl;
  if (serverUrl) backends.push({ name: 'postgres', open: () => openTestPostgres(serverUrl) });
  return backends;
}

async function openTestPglite(): Promise<Database> {
  return openDatabase({ kind: 'embedded', dataDir: 'memory://', loadDataDir: new Blob([readFileSync(pgliteTemplatePath)]) });
}

async function openTestPostgres(serverUrl: string): Promise<Database> {
  const template = inject('pgTemplate');
  const name = `pasja_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolMax: 5 });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await dropPostgresDatabase(serverUrl, name);
    },
  });
}

export async function createPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `pasja_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolMax: 1 });
  try {
    await migrateToLatest(db.kysely);
  } finally {
    await db.close();
  }
  return name;
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
