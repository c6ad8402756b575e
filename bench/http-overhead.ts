// HTTP hot-path throughput: GET /health/live (no auth, no database) and an authenticated, cached
// GET /api/customers/:id (Bearer token; after the first read: credential and customer from L1,
// no database statement), measured with autocannon on embedded PGlite. Used to measure what
// per-request instrumentation costs: run it on two builds, alternately, and compare.
// Prints progress on stderr and one JSON line on stdout.
//
//   npx tsx bench/http-overhead.ts --seconds 10 --connections 50 --rounds 3
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchTenant, listenForLoad } from './bench-support.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/core/config.ts';
import { createLogger } from '../src/core/log/logger.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
  },
});
const log = (message: string) => process.stderr.write(`[bench/http-overhead] ${message}\n`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pasja-bench-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', DEMO_SEED: 'false', RUN_WORKERS: 'false', LOGIN_RATE_LIMIT_POINTS: '100000' });
  const app = await buildApp({ config, logger: createLogger({ level: 'warn' }), serveWeb: false }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    const { principal, token } = await createBenchTenant(app);
    const customer = await app.customers.create(principal, { kind: 'company', companyName: 'Klima Bench' });
    const load = await listenForLoad(app, { connections: Number(args.connections), seconds: Number(args.seconds) });
    const cachedHeaders = { authorization: `Bearer ${token}` };
    await load('/health/live'); // warm-up: JIT, connections, caches
    await load(`/api/customers/${customer.id}`, cachedHeaders);
    const bare: number[] = [];
    const cached: number[] = [];
    const cachedP99: number[] = [];
    for (let round = 0; round < Number(args.rounds); round++) {
      bare.push((await load('/health/live')).requests.average);
      const result = await load(`/api/customers/${customer.id}`, cachedHeaders);
      cached.push(result.requests.average);
      cachedP99.push(result.latency.p99);
      log(`round ${round + 1}: bare ${bare.at(-1)} req/s, cached GET ${cached.at(-1)} req/s (p99 ${cachedP99.at(-1)} ms)`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    process.stdout.write(`${JSON.stringify({ bareRps: median(bare), cachedGetRps: median(cached), cachedGetP99Ms: median(cachedP99), bareRuns: bare, cachedRuns: cached })}\n`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
