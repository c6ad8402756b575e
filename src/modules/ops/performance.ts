import { dbQueriesBuckets, responseBytesBuckets, type RequestRecorder, type RouteTotals } from '../../core/http/request-performance.ts';
import type { RequestUsage } from '../../core/log/context.ts';

// Per-route request performance over sliding windows, in memory bounded by the number of routes
// (templates, not URLs) whatever the traffic. Pure: no I/O; time comes from the `now` given.
//
// Each route and method keeps two rings of time slots: 31 slots of 10 s (the 1m and 5m windows)
// and 61 slots of 60 s (15m and 1h). A slot holds sums (requests, duration, 5xx, 4xx, database
// statements, cache hits and misses, bytes) and a latency histogram. Writing into a slot that still
// holds an older period clears it first, so old data expires without a timer. A window adds the
// slots of its length plus the current, partly filled one: it covers between its length and its
// length plus one slot (10 s for 1m/5m, 60 s for 15m/1h).
//
// Latency histogram (HDR-style, 3 significant bits): durations in whole microseconds fall into
// log-linear bins, 8 per power of two (exact 1 µs bins below 16 µs). A percentile is the nearest-
// rank sample's bin, reported as the bin's midpoint: within 6.25 % of that sample (or 0.5 µs).
// Durations of 134 s and more fall into the last bin. 200 bins × 92 slots, with the sums, make
// ≈ 80 KB per route and method that has served a request, allocated on its first request.

export const performanceWindows = ['1m', '5m', '15m', '1h'] as const;
export type PerformanceWindow = (typeof performanceWindows)[number];

const windowMs: Record<PerformanceWindow, number> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000 };
const fineSlotMs = 10_000;
const fineSpanMs = windowMs['5m'];
const coarseSlotMs = 60_000;
const coarseSpanMs = windowMs['1h'];

export interface RoutePerformance {
  method: string;
  route: string;
  count: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  // Share of responses with a 5xx status.
  errorRate: number;
  // Share of responses with a 4xx status.
  clientErrorRate: number;
  // null when the route made no cache lookups in the window.
  cacheHitRate: number | null;
  dbQueriesPerRequest: number;
  responseBytesAvg: number;
}

// --- latency bins -------------------------------------------------------------------------------

const subBucketBits = 3;
const subBuckets = 1 << subBucketBits;
const maxMicros = 2 ** 27; // ≈ 134 s
export const latencyBinCount = (26 - subBucketBits + 2) * subBuckets;

export function latencyBinOf(micros: number): number {
  const value = micros >= maxMicros ? maxMicros - 1 : micros > 0 ? Math.floor(micros) : 0;
  const exponent = 31 - Math.clz32(value);
  if (exponent < subBucketBits) return value;
  const shift = exponent - subBucketBits;
  return (shift << subBucketBits) + (value >>> shift);
}

// [low, high) in microseconds.
export function latencyBinBounds(bin: number): { low: number; high: number } {
  if (bin < 2 * subBuckets) return { low: bin, high: bin + 1 };
  const shift = (bin >>> subBucketBits) - 1;
  const mantissa = (bin & (subBuckets - 1)) + subBuckets;
  return { low: mantissa * 2 ** shift, high: (mantissa + 1) * 2 ** shift };
}

function binMidpointMs(bin: number): number {
  const { low, high } = latencyBinBounds(bin);
  return (low + high) / 2 / 1000;
}

// --- time slots ---------------------------------------------------------------------------------

// Offsets of the sums within a slot.
const Field = { Count: 0, SumMs: 1, ServerErrors: 2, ClientErrors: 3, DbQueries: 4, CacheHits: 5, CacheMisses: 6, Bytes: 7 } as const;
type Field = (typeof Field)[keyof typeof Field];
const fieldCount = 8;

class SlotRing {
  private readonly slotMs: number;
  private readonly size: number;
  // The slot number (time / slotMs) each position holds; -1 when it never held one.
  private readonly held: Float64Array;
  private readonly sums: Float64Array;
  private readonly latency: Uint32Array;

  constructor(slotMs: number, spanMs: number) {
    this.slotMs = slotMs;
    this.size = spanMs / slotMs + 1;
    this.held = new Float64Array(this.size).fill(-1);
    this.sums = new Float64Array(this.size * fieldCount);
    this.latency = new Uint32Array(this.size * latencyBinCount);
  }

  add(nowMs: number, bin: number, durationMs: number, statusCode: number, bytes: number, usage: RequestUsage | null): void {
    const slot = Math.floor(nowMs / this.slotMs);
    const position = this.positionOf(slot);
    if (this.held[position] !== slot) {
      this.held[position] = slot;
      this.sums.fill(0, position * fieldCount, (position + 1) * fieldCount);
      this.latency.fill(0, position * latencyBinCount, (position + 1) * latencyBinCount);
    }
    const base = position * fieldCount;
    const sums = this.sums;
    sums[base + Field.Count] = (sums[base + Field.Count] ?? 0) + 1;
    sums[base + Field.SumMs] = (sums[base + Field.SumMs] ?? 0) + durationMs;
    if (statusCode >= 500) sums[base + Field.ServerErrors] = (sums[base + Field.ServerErrors] ?? 0) + 1;
    else if (statusCode >= 400) sums[base + Field.ClientErrors] = (sums[base + Field.ClientErrors] ?? 0) + 1;
    sums[base + Field.Bytes] = (sums[base + Field.Bytes] ?? 0) + bytes;
    if (usage) {
      sums[base + Field.DbQueries] = (sums[base + Field.DbQueries] ?? 0) + usage.dbQueries;
      sums[base + Field.CacheHits] = (sums[base + Field.CacheHits] ?? 0) + usage.cacheHits;
      sums[base + Field.CacheMisses] = (sums[base + Field.CacheMisses] ?? 0) + usage.cacheMisses;
    }
    const index = position * latencyBinCount + bin;
    this.latency[index] = (this.latency[index] ?? 0) + 1;
  }

  // Adds the slots within spanMs before nowMs, and the current one, into sums and latency.
  collect(nowMs: number, spanMs: number, sums: Float64Array, latency: Uint32Array): void {
    const current = Math.floor(nowMs / this.slotMs);
    for (let slot = current - spanMs / this.slotMs; slot <= current; slot++) {
      const position = this.positionOf(slot);
      if (this.held[position] !== slot) continue;
      for (let f = 0; f < fieldCount; f++) sums[f] = (sums[f] ?? 0) + (this.sums[position * fieldCount + f] ?? 0);
      for (let b = 0; b < latencyBinCount; b++) latency[b] = (latency[b] ?? 0) + (this.latency[position * latencyBinCount + b] ?? 0);
    }
  }

  private positionOf(slot: number): number {
    return ((slot % this.size) + this.size) % this.size;
  }
}

// --- totals for Prometheus ----------------------------------------------------------------------

class BucketCounts {
  readonly counts: Float64Array;
  sum = 0;
  private readonly bounds: readonly number[];

  constructor(bounds: readonly number[]) {
    this.bounds = bounds;
    this.counts = new Float64Array(bounds.length + 1);
  }

  add(value: number): void {
    let i = 0;
    while (i < this.bounds.length && value > (this.bounds[i] ?? 0)) i++;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.sum += value;
  }
}

class RouteEntry implements RouteTotals {
  readonly method: string;
  readonly route: string;
  requests = 0;
  cacheHits = 0;
  cacheMisses = 0;
  readonly dbQueries = new BucketCounts(dbQueriesBuckets);
  readonly responseBytes = new BucketCounts(responseBytesBuckets);
  readonly fine = new SlotRing(fineSlotMs, fineSpanMs);
  readonly coarse = new SlotRing(coarseSlotMs, coarseSpanMs);

  constructor(method: string, route: string) {
    this.method = method;
    this.route = route;
  }
}

// --- the recorder -------------------------------------------------------------------------------

export interface PerformanceFilter {
  route?: string;
  method?: string;
}

export class PerformanceRecorder implements RequestRecorder {
  private readonly now: () => number;
  // route template → method → entry: two lookups, no key string built per request.
  private readonly routes = new Map<string, Map<string, RouteEntry>>();

  // now: milliseconds on a clock that does not jump (performance.now() in the app).
  constructor(options: { now: () => number }) {
    this.now = options.now;
  }

  record(method: string, route: string, durationMs: number, statusCode: number, responseBytes: number, usage: RequestUsage | null): void {
    const entry = this.entryOf(method, route);
    const nowMs = this.now();
    const bin = latencyBinOf(durationMs * 1000);
    entry.fine.add(nowMs, bin, durationMs, statusCode, responseBytes, usage);
    entry.coarse.add(nowMs, bin, durationMs, statusCode, responseBytes, usage);
    entry.requests += 1;
    entry.dbQueries.add(usage?.dbQueries ?? 0);
    entry.responseBytes.add(responseBytes);
    if (usage) {
      entry.cacheHits += usage.cacheHits;
      entry.cacheMisses += usage.cacheMisses;
    }
  }

  *totals(): Iterable<RouteTotals> {
    for (const byMethod of this.routes.values()) yield* byMethod.values();
  }

  // Routes with requests in the window, busiest first.
  report(window: PerformanceWindow, filter: PerformanceFilter = {}): RoutePerformance[] {
    const nowMs = this.now();
    const spanMs = windowMs[window];
    const sums = new Float64Array(fieldCount);
    const latency = new Uint32Array(latencyBinCount);
    const rows: RoutePerformance[] = [];
    for (const [route, byMethod] of this.routes) {
      if (filter.route !== undefined && route !== filter.route) continue;
      for (const [method, entry] of byMethod) {
        if (filter.method !== undefined && method !== filter.method) continue;
        sums.fill(0);
        latency.fill(0);
        (spanMs <= fineSpanMs ? entry.fine : entry.coarse).collect(nowMs, spanMs, sums, latency);
        const row = summarise(method, route, sums, latency);
        if (row) rows.push(row);
      }
    }
    return rows.sort((a, b) => b.count - a.count || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
  }

  private entryOf(method: string, route: string): RouteEntry {
    let byMethod = this.routes.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.routes.set(route, byMethod);
    }
    let entry = byMethod.get(method);
    if (!entry) {
      entry = new RouteEntry(method, route);
      byMethod.set(method, entry);
    }
    return entry;
  }
}

function summarise(method: string, route: string, sums: Float64Array, latency: Uint32Array): RoutePerformance | undefined {
  const count = sums[Field.Count] ?? 0;
  if (count === 0) return undefined;
  const field = (f: Field): number => sums[f] ?? 0;
  const lookups = field(Field.CacheHits) + field(Field.CacheMisses);
  return {
    method,
    route,
    count,
    avgMs: round(field(Field.SumMs) / count, 3),
    p50Ms: round(percentileMs(latency, count, 0.5), 3),
    p95Ms: round(percentileMs(latency, count, 0.95), 3),
    p99Ms: round(percentileMs(latency, count, 0.99), 3),
    errorRate: round(field(Field.ServerErrors) / count, 4),
    clientErrorRate: round(field(Field.ClientErrors) / count, 4),
    cacheHitRate: lookups === 0 ? null : round(field(Field.CacheHits) / lookups, 4),
    dbQueriesPerRequest: round(field(Field.DbQueries) / count, 3),
    responseBytesAvg: round(field(Field.Bytes) / count, 1),
  };
}

// Nearest rank: the smallest sample with at least p of all samples at or below it.
function percentileMs(latency: Uint32Array, count: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * count));
  let seen = 0;
  for (let bin = 0; bin < latency.length; bin++) {
    seen += latency[bin] ?? 0;
    if (seen >= rank) return binMidpointMs(bin);
  }
  return binMidpointMs(latency.length - 1);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
