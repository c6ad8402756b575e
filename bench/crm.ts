// CRM benchmark: seeds N customers (with contacts, sites, notes, interactions) and measures
//   - search latency p50/p95/p99 over a fixed mixed query set (names with and without diacritics,
//     misspellings, phones, NIPs) through GET /api/search,
//   - cache hit rate of GET customer on a Zipf(1.0) read workload over 100k customers (default L1),
//   - cached GET /api/customers/:id throughput against a bare constant route (autocannon, same run),
//   - stale reads across two app instances sharing Redis under concurrent writes (when --redis).
// Prints progress on stderr and one JSON line on stdout.
//
//   npx tsx bench/crm.ts --database postgres://postgres@127.0.0.1:5432/test --customers 1000000 --redis redis://127.0.0.1:6379
//   npx tsx bench/crm.ts --customers 100000            # embedded PGlite
// --keep leaves the database (PostgreSQL) or data dir (PGlite) in place and names it; --reuse NAME
// measures on it without seeding again (same --customers); --phases search,hits,throughput,stale picks
// what to measure (all by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/core/config.ts';
import type { Principal } from '../src/core/http/access.ts';
import { createLogger } from '../src/core/log/logger.ts';
import { asciiFold, generateDemoCustomers, type DemoCustomerBundle } from '../src/demo/demo-crm-data.ts';
import { DemoMaintenanceRepo, DemoRepo } from '../src/demo/demo.repo.ts';
import { generateWarsawDemoRegions } from '../src/modules/regions/warsaw-demo-regions.ts';
import { seededRandom } from '../src/demo/demo-crm-data.ts';
import { createBenchTenant, listenForLoad, openBenchTenant } from './bench-support.ts';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string' },
    customers: { type: 'string' },
    redis: { type: 'string' },
    queries: { type: 'string', default: '400' },
    reads: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    phases: { type: 'string', default: 'search,hits,throughput,stale' },
  },
});
const phases = new Set(args.phases.split(','));
const databaseServer = args.database;
const customerCount = Number(args.customers ?? (databaseServer ? 1_000_000 : 100_000));
const log = (message: string) => process.stderr.write(`[bench/crm] ${message}\n`);
const anchor = new Date('2026-11-01T12:00:00Z');

async function main(): Promise<void> {
  const storage = await prepareStorage();
  const config = loadConfig({ ...storage.env, LOG_LEVEL: 'warn', DEMO_SEED: 'false', RUN_WORKERS: 'false', LOGIN_RATE_LIMIT_POINTS: '100000', ...(args.redis ? { REDIS_URL: args.redis } : {}) });
  const logger = createLogger({ level: 'warn' });
  const results: Record<string, unknown> = { database: storage.kind, customers: customerCount, redis: Boolean(args.redis) };
  // Seeded by one app, measured on a freshly started one, as users meet a server started over its
  // data: a process that just bulk-loaded a million rows (PGlite in the same heap) is slower for a
  // while, which measured up to 40 % of bare-route throughput and put GC pauses into p99.
  const seeder = await buildApp({ config, logger, serveWeb: false });
  let sample: Sample;
  try {
    const { principal } = args.reuse ? await openBenchTenant(seeder) : await createBenchTenant(seeder);
    sample = await seed(seeder, principal.tenantId, results);
  } finally {
    await seeder.close();
  }
  const app = await buildApp({ config, logger, serveWeb: false });
  let second: App | undefined;
  try {
    const { principal, token } = await openBenchTenant(app);
    if (phases.has('search')) Object.assign(results, await measureSearch(app, token, sample));
    const memory = process.memoryUsage();
    log(`memory: rss ${Math.round(memory.rss / 2 ** 20)} MB, heap ${Math.round(memory.heapUsed / 2 ** 20)} MB, external ${Math.round(memory.external / 2 ** 20)} MB, array buffers ${Math.round(memory.arrayBuffers / 2 ** 20)} MB`);
    if (phases.has('hits')) Object.assign(results, await measureHitRate(app, principal, sample.hotIds));
    if (phases.has('throughput')) Object.assign(results, await measureThroughput(app, token, sample.hotIds[0] ?? ''));
    if (phases.has('stale') && args.redis && storage.kind === 'postgres') {
      second = await buildApp({ config, logger, serveWeb: false });
      Object.assign(results, await measureStaleReads(app, second, principal, sample.hotIds.slice(0, 50)));
    }
  } finally {
    await second?.close();
    await app.close();
    await storage.cleanup();
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

async function prepareStorage(): Promise<{ kind: 'postgres' | 'pglite'; env: Record<string, string>; cleanup(): Promise<void> }> {
  if (databaseServer) {
    const name = args.reuse ?? `pasja_bench_${Date.now()}`;
    if (!args.reuse) await adminQuery(databaseServer, `CREATE DATABASE ${name}`);
    const url = new URL(databaseServer);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DB_POOL_MAX: '10' };
    if (args.keep || args.reuse) return { kind: 'postgres', env, cleanup: async () => void log(`kept database ${name}: --reuse ${name}`) };
    return { kind: 'postgres', env, cleanup: () => adminQuery(databaseServer, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const dir = args.reuse ?? mkdtempSync(join(tmpdir(), 'pasja-bench-'));
  const env = { DATA_DIR: dir };
  if (args.keep || args.reuse) return { kind: 'pglite', env, cleanup: async () => void log(`kept data dir ${dir}: --reuse ${dir}`) };
  return { kind: 'pglite', env, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
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

interface Sample {
  hotIds: string[]; // customer ids in generation order (the first 100k): the Zipf universe
  queries: Array<{ kind: string; q: string }>;
}

async function seed(app: App, tenantId: string, results: Record<string, unknown>): Promise<Sample> {
  const regions = generateWarsawDemoRegions().map((region, i) => ({ ...region, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
  const repo = new DemoRepo();
  if (!args.reuse) await app.db.inTenant(tenantId, (tx) => repo.insertRegions(tx, tenantId, regions));
  const random = seededRandom(7);
  const hotIds: string[] = [];
  const picked: DemoCustomerBundle[] = [];
  const chunk = 5000;
  const started = performance.now();
  for (let first = 0; first < customerCount; first += chunk) {
    const bundles = [...generateDemoCustomers({ seed: 42, count: Math.min(chunk, customerCount - first), anchor, regions, firstIndex: first })];
    for (const bundle of bundles) {
      if (hotIds.length < 100_000) hotIds.push(bundle.customer.id);
      if (random() < 400 / customerCount) picked.push(bundle);
    }
    if (args.reuse) continue; // seeded by an earlier --keep run: only the sample is rebuilt
    await app.db.inTenant(tenantId, (tx) => repo.insertBundles(tx, tenantId, bundles, []));
    if ((first / chunk) % 20 === 0) log(`seeded ${first + bundles.length} customers (${Math.round((first + bundles.length) / ((performance.now() - started) / 1000))}/s)`);
  }
  if (!args.reuse) {
    results.seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(`seeded ${customerCount} customers in ${results.seedSeconds} s`);
  }
  const vacuumStarted = performance.now();
  await new DemoMaintenanceRepo().vacuumAnalyze(app.db);
  log(`vacuum (analyze) in ${Math.round((performance.now() - vacuumStarted) / 1000)} s`);
  return { hotIds, queries: buildQueries(picked) };
}

// A fixed mix: exact names, names typed without Polish letters, one-letter typos, phones in a
// human format, NIPs with dashes.
function buildQueries(bundles: DemoCustomerBundle[]): Array<{ kind: string; q: string }> {
  const queries: Array<{ kind: string; q: string }> = [];
  const queryCount = Number(args.queries);
  for (let i = 0; queries.length < queryCount && bundles.length > 0; i++) {
    const bundle = bundles[i % bundles.length] as DemoCustomerBundle;
    const contact = bundle.contacts[0];
    const lastName = bundle.customer.lastName ?? contact?.lastName ?? bundle.customer.name;
    switch (i % 5) {
      case 0:
        queries.push({ kind: 'name', q: bundle.customer.name });
        break;
      case 1:
        queries.push({ kind: 'name-ascii', q: asciiFold(lastName) });
        break;
      case 2:
        queries.push({ kind: 'typo', q: lastName.length > 4 ? lastName.slice(0, 2) + lastName.slice(3) : lastName });
        break;
      case 3:
        if (contact) queries.push({ kind: 'phone', q: contact.phone.replace('+48', '').replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') });
        break;
      default:
        if (bundle.customer.nip) queries.push({ kind: 'nip', q: bundle.customer.nip.replace(/(\d{3})(\d{3})(\d{2})(\d{2})/, '$1-$2-$3-$4') });
    }
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 100) / 100;
}

async function measureSearch(app: App, token: string, sample: Sample): Promise<Record<string, unknown>> {
  const headers = { authorization: `Bearer ${token}` };
  const run = async (q: string) => {
    const started = performance.now();
    const response = await app.http.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&limit=20`, headers });
    if (response.statusCode !== 200) throw new Error(`search "${q}" → ${response.statusCode} ${response.body}`);
    return { ms: performance.now() - started, hits: response.json<{ items: unknown[] }>().items.length };
  };
  for (const { q } of sample.queries.slice(0, 20)) await run(q); // warm-up
  const latencies: number[] = [];
  const latenciesByKind: Record<string, number[]> = {};
  let empty = 0;
  const emptyByKind: Record<string, number> = {};
  for (const { q, kind } of sample.queries) {
    const { ms, hits } = await run(q);
    latencies.push(ms);
    (latenciesByKind[kind] ??= []).push(ms);
    if (hits === 0) {
      empty += 1;
      emptyByKind[kind] = (emptyByKind[kind] ?? 0) + 1;
      if (emptyByKind[kind] === 1) log(`no hits for ${kind} query "${q}"`);
    }
  }
  latencies.sort((x, y) => x - y);
  log(`search: ${latencies.length} queries, ${empty} without hits ${JSON.stringify(emptyByKind)}`);
  const searchP95ByKind = Object.fromEntries(Object.entries(latenciesByKind).map(([kind, ms]) => [kind, percentile(ms.sort((x, y) => x - y), 95)]));
  return { searchP95ByKind, searchQueries: latencies.length, searchEmpty: empty, searchP50Ms: percentile(latencies, 50), searchP95Ms: percentile(latencies, 95), searchP99Ms: percentile(latencies, 99) };
}

// Zipf(1.0): the k-th most popular customer is read with probability ∝ 1/k.
function zipfSampler(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1);
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cdf[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

async function measureHitRate(app: App, principal: Principal, ids: string[]): Promise<Record<string, unknown>> {
  const next = zipfSampler(ids.length, seededRandom(11));
  const reads = Number(args.reads);
  // Steady state: a first pass fills the cache (its misses are compulsory), the second is measured.
  for (let i = 0; i < reads; i++) await app.customers.get(principal, ids[next()] ?? '');
  const before = app.reads.stats();
  const started = performance.now();
  for (let i = 0; i < reads; i++) await app.customers.get(principal, ids[next()] ?? '');
  const after = app.reads.stats();
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  const rate = Math.round((hits / Math.max(1, hits + misses)) * 1000) / 1000;
  log(`hit rate ${rate} over ${reads} Zipf reads of ${ids.length} customers in ${Math.round(performance.now() - started)} ms`);
  return { cacheHitRate: rate, zipfUniverse: ids.length, zipfReads: reads };
}

// Bare and cached runs alternate (--rounds pairs) and the median of the pairs' ratios is reported:
// on a shared, noisy machine one pair's ratio varies by ±15 %, a median of pairs much less.
async function measureThroughput(app: App, token: string, customerId: string): Promise<Record<string, unknown>> {
  const load = await listenForLoad(app, { connections: Number(args.connections), seconds: Number(args.seconds) });
  await load('/health/live'); // warm-up: JIT, connections
  await load(`/api/customers/${customerId}`, { authorization: `Bearer ${token}` });
  const pairs: Array<{ bare: number; cached: number; ratio: number; p50: number; p99: number }> = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    const bare = await load('/health/live');
    const cached = await load(`/api/customers/${customerId}`, { authorization: `Bearer ${token}` });
    const ratio = Math.round((cached.requests.average / bare.requests.average) * 1000) / 1000;
    pairs.push({ bare: bare.requests.average, cached: cached.requests.average, ratio, p50: cached.latency.p50, p99: cached.latency.p99 });
    log(`round ${round + 1}: bare ${bare.requests.average} req/s, cached GET ${cached.requests.average} req/s (ratio ${ratio}), p99 ${cached.latency.p99} ms`);
  }
  const median = pairs.toSorted((x, y) => x.ratio - y.ratio)[Math.floor(pairs.length / 2)] ?? { bare: 0, cached: 0, ratio: 0, p50: 0, p99: 0 };
  const medianP99 = pairs.map((pair) => pair.p99).toSorted((x, y) => x - y)[Math.floor(pairs.length / 2)] ?? 0;
  return {
    bareRps: median.bare,
    cachedGetRps: median.cached,
    cachedGetRatio: median.ratio,
    cachedGetRatios: pairs.map((pair) => pair.ratio),
    cachedGetP50Ms: median.p50,
    cachedGetP99Ms: medianP99,
  };
}

// Writers update customers through instance A; readers read through instance B. A read that
// starts after a write's response must see that write's version (or a later one).
async function measureStaleReads(a: App, b: App, principal: Principal, ids: string[]): Promise<Record<string, unknown>> {
  const confirmed = new Map<string, { version: number; at: number }>();
  for (const id of ids) {
    const customer = await a.customers.get(principal, id);
    confirmed.set(id, { version: customer.version, at: performance.now() });
  }
  const deadline = performance.now() + 5000;
  let writes = 0;
  let readCount = 0;
  let stale = 0;
  const random = seededRandom(5);
  const writer = async () => {
    while (performance.now() < deadline) {
      const id = ids[Math.floor(random() * ids.length)] ?? '';
      const known = confirmed.get(id);
      if (!known) continue;
      try {
        const updated = await a.customers.update(principal, id, known.version, { source: `bench-${writes}` });
        confirmed.set(id, { version: updated.version, at: performance.now() });
        writes += 1;
      } catch {
        // another writer won the race on this customer; take its version next time
        confirmed.set(id, { version: (await a.customers.get(principal, id)).version, at: performance.now() });
      }
    }
  };
  const reader = async () => {
    while (performance.now() < deadline) {
      const id = ids[Math.floor(random() * ids.length)] ?? '';
      const startedAt = performance.now();
      const expected = confirmed.get(id);
      const customer = await b.customers.get(principal, id);
      readCount += 1;
      if (expected && expected.at < startedAt && customer.version < expected.version) stale += 1;
    }
  };
  await Promise.all([writer(), writer(), reader(), reader(), reader(), reader()]);
  log(`stale reads: ${stale} of ${readCount} reads during ${writes} writes`);
  return { staleReads: stale, staleCheckReads: readCount, staleCheckWrites: writes };
}

await main();
