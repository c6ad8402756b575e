import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// One registry per app instance (not prom-client's global), so tests can build many apps.
export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  outboxDelivered: Counter<'event_type' | 'outcome'>;
  // A gauge whose value is read at scrape time (pool sizes, queue depths).
  gaugeFromCallback(name: string, help: string, labelNames: string[], read: () => Promise<Array<{ labels: Record<string, string>; value: number }>>): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pasja_' });
  const httpRequestDuration = new Histogram({
    name: 'pasja_http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const outboxDelivered = new Counter({
    name: 'pasja_outbox_deliveries_total',
    help: 'Domain events handled by the outbox dispatcher, by outcome',
    labelNames: ['event_type', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    httpRequestDuration,
    outboxDelivered,
    gaugeFromCallback(name, help, labelNames, read) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          for (const sample of await read()) this.set(sample.labels, sample.value);
        },
      });
    },
  };
}
