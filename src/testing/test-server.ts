import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.ts';
import { openDatabase } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrator.ts';
import { createLogger } from '../core/log/logger.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { testConfig } from './test-app.ts';
import { readFileSync } from 'node:fs';
import { pgliteTemplatePath } from './test-database.ts';

export interface TestServer {
  baseUrl: string;
  demo: { email: string; password: string };
  close(): Promise<void>;
}

// A real HTTP server on a free port, with a fresh embedded database, the demo company and the
// built web app: what a newcomer gets from `npm start`, for browser tests.
export async function startTestServer(): Promise<TestServer> {
  const database = await openDatabase({ kind: 'embedded', dataDir: 'memory://', loadDataDir: new Blob([readFileSync(pgliteTemplatePath)]) });
  await migrateToLatest(database.kysely);
  const config = testConfig({ HOST: '127.0.0.1' });
  const app = await buildApp({ config, database, logger: createLogger({ level: 'warn' }), serveWeb: true });
  const password = 'demo-password-123';
  const demo = await seedDemo(app, { seed: 1, password, customers: 300, anchor: new Date('2026-11-01T12:00:00Z') });
  app.startWorkers();
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.http.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    demo: { email: demo.ownerEmail, password },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
