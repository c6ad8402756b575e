import { Counter, Histogram, type Registry } from 'prom-client';
import type { RequestUsage } from '../log/context.ts';
import type { Metrics } from '../metrics.ts';
import type { HttpServer } from './http-server.ts';

// Per-request performance: when a response is sent, its duration, status, size and the work it
// caused (database statements and cache lookups, counted in its WorkContext) go to a recorder,
// which keeps per-route windows for GET /api/performance (modules/ops/performance.ts) and running
// totals that are rendered for Prometheus at scrape time.
//
// Hot path: one callback hook, a few additions into typed arrays; nothing is allocated for the
// measurement itself (Fastify builds request.routeOptions on each access; the duration histogram
// in http-server.ts reads it too).

// Upper bounds (le) of the Prometheus buckets; counts above the last are only in +Inf.
export const dbQueriesBuckets: readonly number[] = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55];
export const responseBytesBuckets: readonly number[] = [128, 512, 2_048, 8_192, 32_768, 131_072, 524_288, 2_097_152, 8_388_608];

// counts[i] holds the observations in (bounds[i-1], bounds[i]]; counts[bounds.length] those above.
export interface HistogramCounts {
  readonly counts: ArrayLike<number>;
  readonly sum: number;
}

// Running totals of one route and method since the process started (Prometheus takes rates).
export interface RouteTotals {
  readonly method: string;
  readonly route: string;
  readonly requests: number;
  readonly dbQueries: HistogramCounts;
  readonly responseBytes: HistogramCounts;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

export interface RequestRecorder {
  // route: the template (e.g. /api/customers/:id), or 'unmatched'. usage: null when the request
  // was refused before a WorkContext was made.
  record(method: string, route: string, durationMs: number, statusCode: number, responseBytes: number, usage: RequestUsage | null): void;
  totals(): Iterable<RouteTotals>;
}

export function registerRequestPerformance(app: HttpServer, metrics: Metrics, recorder: RequestRecorder): void {
  // A callback hook: an async one would allocate a promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    // Fastify sets content-length for every body it serialises; a stream without one counts 0.
    const length = reply.getHeader('content-length');
    const bytes = typeof length === 'string' ? Number(length) || 0 : typeof length === 'number' ? length : 0;
    recorder.record(request.method, request.routeOptions.url ?? 'unmatched', reply.elapsedTime, reply.statusCode, bytes, request.usage);
    done();
  });
  registerPrometheusExport(metrics.registry, recorder);
}

function registerPrometheusExport(registry: Registry, recorder: RequestRecorder): void {
  new PrecountedHistogram({
    name: 'pasja_http_db_queries_per_request',
    help: 'Database statements per HTTP request (BEGIN/COMMIT included), by route template and method',
    bounds: dbQueriesBuckets,
    registry,
    read: () => Array.from(recorder.totals(), (t) => ({ labels: { method: t.method, route: t.route }, counts: t.dbQueries, count: t.requests })),
  });
  new PrecountedHistogram({
    name: 'pasja_http_response_bytes',
    help: 'HTTP response body size in bytes (content-length), by route template and method',
    bounds: responseBytesBuckets,
    registry,
    read: () => Array.from(recorder.totals(), (t) => ({ labels: { method: t.method, route: t.route }, counts: t.responseBytes, count: t.requests })),
  });
  new Counter({
    name: 'pasja_http_cache_requests_total',
    help: 'Cache lookups made while serving HTTP requests (authentication excluded), by route template, method and result',
    labelNames: ['method', 'route', 'result'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const t of recorder.totals()) {
        if (t.cacheHits > 0) this.inc({ method: t.method, route: t.route, result: 'hit' }, t.cacheHits);
        if (t.cacheMisses > 0) this.inc({ method: t.method, route: t.route, result: 'miss' }, t.cacheMisses);
      }
    },
  });
}

interface PrecountedSeries {
  labels: Record<string, string>;
  counts: HistogramCounts;
  count: number;
}

// One exported sample, in the shape prom-client's registry formats.
interface ExportedValue {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  metricName: string;
}

// prom-client's observe() hashes the label set and allocates on every call. These histograms are
// counted by the recorder in typed arrays instead and rendered when Prometheus scrapes (Go's
// client calls these const histograms). The registry of prom-client 15 reads getForPromString()
// (and get() wraps it); the /metrics test in performance-api.test.ts fails if a later version reads
// something else.
class PrecountedHistogram extends Histogram<'method' | 'route'> {
  private readonly metricName: string;
  private readonly metricHelp: string;
  private readonly bounds: readonly number[];
  private readonly read: () => PrecountedSeries[];

  constructor(options: { name: string; help: string; bounds: readonly number[]; registry: Registry; read: () => PrecountedSeries[] }) {
    super({ name: options.name, help: options.help, labelNames: ['method', 'route'], buckets: [...options.bounds], registers: [options.registry] });
    this.metricName = options.name;
    this.metricHelp = options.help;
    this.bounds = options.bounds;
    this.read = options.read;
  }

  async getForPromString(): Promise<{ name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: ExportedValue[] }> {
    const values: ExportedValue[] = [];
    const bucketName = `${this.metricName}_bucket`;
    for (const series of this.read()) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += series.counts.counts[i] ?? 0;
        values.push({ labels: { le: bound }, sharedLabels: series.labels, value: cumulative, metricName: bucketName });
      });
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: series.labels, value: series.count, metricName: bucketName },
        { labels: {}, sharedLabels: series.labels, value: series.counts.sum, metricName: `${this.metricName}_sum` },
        { labels: {}, sharedLabels: series.labels, value: series.count, metricName: `${this.metricName}_count` },
      );
    }
    return { name: this.metricName, help: this.metricHelp, type: 'histogram', aggregator: 'sum', values };
  }
}
