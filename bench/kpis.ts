// KPI benchmark: seeds the demo company (customers with equipment, two years of jobs, plans) into a
// fresh embedded database and times GET /api/kpis, which a manager's dashboard and every /metrics
// scrape (once a minute per company) pay for. Prints progress on stderr and one JSON line on stdout.
//
//   npx tsx bench/kpis.ts                       # 3,000 customers, as the demo company
//   npx tsx bench/kpis.ts --customers 10000 --rounds 9
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/core/config.ts';
import { createLogger } from '../src/core/log/logger.ts';
import { seedDemo } from '../src/demo/demo-seed.ts';
import { sessionCookieOf } from '../src/testing/test-app.ts';

const { values: args } = parseArgs({ options: { customers: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '7' } } });
const log = (message: string) => process.stderr.write(`[bench/kpis] ${message}\n`);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pasja-bench-kpis-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_SEED: 'false', RUN_WORKERS: 'false' });
  const app = await buildApp({ config, logger: createLogger({ level: 'warn' }), serveWeb: false });
  try {
    const seedStarted = performance.now();
    const demo = await seedDemo(app, { seed: 1, password: 'bench-password-1', customers: Number(args.customers) });
    const seedMs = performance.now() - seedStarted;
    log(`seeded ${args.customers} customers in ${(seedMs / 1000).toFixed(1)} s`);
    const counts = await app.db.asSystem(async (tx) => {
      const row = await sql<{ equipment: number; jobs: number; transitions: number; plans: number }>`
        select (select count(*)::int from equipment) as equipment, (select count(*)::int from jobs) as jobs,
          (select count(*)::int from job_transitions) as transitions, (select count(*)::int from maintenance_plans) as plans`.execute(tx);
      return row.rows[0];
    });
    const login = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: demo.ownerEmail, password: 'bench-password-1' } });
    const cookie = sessionCookieOf(login.headers['set-cookie']);
    const times: number[] = [];
    for (let round = 0; round < Number(args.rounds); round++) {
      const started = performance.now();
      const response = await app.http.inject({ method: 'GET', url: '/api/kpis', headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`GET /api/kpis: ${response.statusCode} ${response.body}`);
      times.push(performance.now() - started);
    }
    const fgas: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      await app.http.inject({ method: 'GET', url: '/api/fgas/compliance', headers: { cookie } });
      fgas.push(performance.now() - started);
    }
    // The F-gas score rates every unit in code (the rules are not SQL): its share of the KPIs' time.
    log(`GET /api/fgas/compliance alone: ${fgas.map((ms) => Math.round(ms)).join(', ')} ms`);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    process.stdout.write(
      `${JSON.stringify({ database: 'pglite', customers: Number(args.customers), ...counts, seedSeconds: round(seedMs / 1000), kpisFirstMs: round(times[0] ?? 0), kpisMedianMs: round(median), kpisMaxMs: round(sorted.at(-1) ?? 0), rounds: times.length })}\n`,
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

await main();
