import { describe, expect, it } from 'vitest';
import { dbQueriesBuckets } from '../../core/http/request-performance.ts';
import { latencyBinBounds, latencyBinCount, latencyBinOf, PerformanceRecorder } from './performance.ts';

const usage = (dbQueries: number, cacheHits = 0, cacheMisses = 0) => ({ dbQueries, cacheHits, cacheMisses });

function fakeClock(startMs = 1_000_000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

// Nearest rank, the definition the recorder reports.
function exactPercentile(sorted: number[], p: number): number {
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? Number.NaN;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('latency bins', () => {
  it('puts every duration in a bin whose bounds hold it, with a midpoint within 6.25 %', () => {
    const wrong: string[] = [];
    let previous = 0;
    for (let micros = 0; micros < 2 ** 27; micros = micros < 5000 ? micros + 1 : Math.ceil(micros * 1.0007)) {
      const bin = latencyBinOf(micros);
      const { low, high } = latencyBinBounds(bin);
      const midpoint = (low + high) / 2;
      const fits = bin >= previous && bin < latencyBinCount && micros >= low && micros < high;
      if (!fits || Math.abs(midpoint - micros) > Math.max(0.5, micros / 16)) wrong.push(`${micros} µs → bin ${bin} [${low}, ${high})`);
      previous = bin;
    }
    expect(wrong).toEqual([]);
  });

  it('puts durations beyond the range into the last bin and negative ones into the first', () => {
    expect(latencyBinOf(10 * 60 * 1_000_000)).toBe(latencyBinCount - 1);
    expect(latencyBinOf(-5)).toBe(0);
    expect(latencyBinOf(0.4)).toBe(0);
  });
});

describe('PerformanceRecorder', () => {
  it('reports percentiles of a uniform distribution within the documented 6.25 %', () => {
    const clock = fakeClock();
    const sut = new PerformanceRecorder(clock);
    const random = seededRandom(1);
    const durations = Array.from({ length: 10_000 }, (_, i) => i + 1).sort(() => random() - 0.5);
    for (const ms of durations) sut.record('GET', '/api/things', ms, 200, 100, usage(1));
    const [row] = sut.report('5m');
    expect(row).toMatchObject({ method: 'GET', route: '/api/things', count: 10_000, avgMs: 5000.5 });
    expect(Math.abs((row?.p50Ms ?? 0) - 5000) / 5000).toBeLessThanOrEqual(0.0625);
    expect(Math.abs((row?.p95Ms ?? 0) - 9500) / 9500).toBeLessThanOrEqual(0.0625);
    expect(Math.abs((row?.p99Ms ?? 0) - 9900) / 9900).toBeLessThanOrEqual(0.0625);
  });

  it('reports percentiles of a long-tailed (log-normal) distribution within 6.25 % of the exact nearest rank', () => {
    const clock = fakeClock();
    const sut = new PerformanceRecorder(clock);
    const random = seededRandom(7);
    const durations: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Box–Muller: median ≈ 8 ms, p99 ≈ 80 ms
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      durations.push(Math.exp(Math.log(8) + normal));
    }
    for (const ms of durations) sut.record('GET', '/api/things', ms, 200, 100, usage(0));
    const sorted = [...durations].sort((a, b) => a - b);
    const [row] = sut.report('1m');
    for (const [p, reported] of [[0.5, row?.p50Ms], [0.95, row?.p95Ms], [0.99, row?.p99Ms]] as const) {
      const exact = exactPercentile(sorted, p);
      expect(Math.abs((reported ?? 0) - exact) / exact, `p${p * 100}: ${reported} vs ${exact}`).toBeLessThanOrEqual(0.0625);
    }
  });

  it('counts 5xx as errors and 4xx as client errors, and neither for 2xx/3xx', () => {
    const sut = new PerformanceRecorder(fakeClock());
    for (const status of [200, 201, 304, 400, 404, 409, 500, 503]) sut.record('POST', '/api/things', 5, status, 0, usage(0));
    expect(sut.report('5m')[0]).toMatchObject({ count: 8, errorRate: 0.25, clientErrorRate: 0.375 });
  });

  it('reports cache hit rate as null without lookups, and db statements and bytes per request', () => {
    const sut = new PerformanceRecorder(fakeClock());
    sut.record('GET', '/api/plain', 1, 200, 1000, usage(4));
    sut.record('GET', '/api/plain', 1, 200, 3000, usage(0));
    sut.record('GET', '/api/cached', 1, 200, 10, usage(4, 0, 1));
    sut.record('GET', '/api/cached', 1, 200, 10, usage(0, 1, 0));
    sut.record('GET', '/api/cached', 1, 200, 10, usage(0, 2, 0));
    // refused before it had a WorkContext
    sut.record('GET', '/api/cached', 1, 401, 10, null);
    const rows = sut.report('5m');
    expect(rows.find((r) => r.route === '/api/plain')).toMatchObject({ count: 2, cacheHitRate: null, dbQueriesPerRequest: 2, responseBytesAvg: 2000 });
    expect(rows.find((r) => r.route === '/api/cached')).toMatchObject({ count: 4, cacheHitRate: 0.75, dbQueriesPerRequest: 1, clientErrorRate: 0.25 });
  });

  it('keeps a request in the 1m window for 60–70 s, then only in the longer windows', () => {
    const clock = fakeClock(0);
    const sut = new PerformanceRecorder(clock);
    sut.record('GET', '/api/things', 10, 200, 0, usage(0));
    clock.advance(69_999);
    expect(sut.report('1m')).toHaveLength(1);
    clock.advance(1);
    expect(sut.report('1m')).toEqual([]);
    expect(sut.report('5m')).toHaveLength(1);
    clock.advance(310_000 - 70_000);
    expect(sut.report('5m')).toEqual([]);
    expect(sut.report('15m')).toHaveLength(1);
    clock.advance(960_000 - 310_000);
    expect(sut.report('15m')).toEqual([]);
    expect(sut.report('1h')[0]).toMatchObject({ count: 1 });
    clock.advance(3_660_000 - 960_000);
    expect(sut.report('1h')).toEqual([]);
  });

  it('clears a slot reused after the ring went round, so old requests never come back', () => {
    const clock = fakeClock(0);
    const sut = new PerformanceRecorder(clock);
    sut.record('GET', '/api/things', 1000, 500, 0, usage(9));
    clock.advance(3_720_000); // both rings have wrapped at least once; same positions again
    sut.record('GET', '/api/things', 2, 200, 0, usage(1));
    for (const window of ['1m', '5m', '15m', '1h'] as const) {
      expect(sut.report(window), window).toEqual([expect.objectContaining({ count: 1, errorRate: 0, dbQueriesPerRequest: 1 })]);
    }
  });

  it('adds up requests spread across slots within the window', () => {
    const clock = fakeClock(0);
    const sut = new PerformanceRecorder(clock);
    for (let i = 0; i < 300; i++) {
      sut.record('GET', '/api/things', 10, 200, 0, usage(0));
      clock.advance(1000);
    }
    // now = 300 s: the 1m window holds 50–60 s back plus the current slot
    expect(sut.report('1m')[0]?.count).toBe(60);
    expect(sut.report('5m')[0]?.count).toBe(300);
  });

  it('filters by exact route and method and lists the busiest first', () => {
    const sut = new PerformanceRecorder(fakeClock());
    sut.record('GET', '/api/customers/:id', 1, 200, 0, usage(0));
    for (let i = 0; i < 3; i++) sut.record('GET', '/api/customers', 1, 200, 0, usage(0));
    sut.record('PATCH', '/api/customers/:id', 1, 200, 0, usage(0));
    sut.record('PATCH', '/api/customers/:id', 1, 200, 0, usage(0));
    expect(sut.report('5m').map((r) => `${r.method} ${r.route} ${r.count}`)).toEqual(['GET /api/customers 3', 'PATCH /api/customers/:id 2', 'GET /api/customers/:id 1']);
    expect(sut.report('5m', { route: '/api/customers/:id' }).map((r) => r.method)).toEqual(['PATCH', 'GET']);
    expect(sut.report('5m', { route: '/api/customers/:id', method: 'GET' })).toHaveLength(1);
    expect(sut.report('5m', { route: '/api/customers/:id/' })).toEqual([]);
  });

  it('keeps running totals in Prometheus buckets, whatever the window', () => {
    const clock = fakeClock();
    const sut = new PerformanceRecorder(clock);
    for (const queries of [0, 1, 4, 4, 100]) sut.record('GET', '/api/things', 1, 200, 700, usage(queries, 1, 1));
    clock.advance(10 * 3_600_000);
    const [totals] = [...sut.totals()];
    expect(totals).toMatchObject({ method: 'GET', route: '/api/things', requests: 5, cacheHits: 5, cacheMisses: 5 });
    expect(totals?.dbQueries.sum).toBe(109);
    // buckets le=0, 1, 2, 3, 5 …, +Inf
    const counts = Array.from(totals?.dbQueries.counts ?? []);
    expect(counts).toHaveLength(dbQueriesBuckets.length + 1);
    expect(counts.slice(0, 5)).toEqual([1, 1, 0, 0, 2]);
    expect(counts.at(-1)).toBe(1);
    expect(totals?.responseBytes.sum).toBe(3500);
  });

  it('keeps memory per route and method, not per request', () => {
    const clock = fakeClock();
    const sut = new PerformanceRecorder(clock);
    for (let i = 0; i < 200_000; i++) {
      sut.record(i % 2 ? 'GET' : 'POST', '/api/things', i % 50, 200, 10, usage(1));
      clock.advance(10); // 2,000 s in all, within the hour
    }
    expect([...sut.totals()]).toHaveLength(2);
    expect(sut.report('1h').reduce((sum, r) => sum + r.count, 0)).toBe(200_000);
  });
});
