import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { newId } from '../ids.ts';
import { currentCorrelationId, runWithContext } from '../log/context.ts';
import type { Logger } from '../log/logger.ts';
import type { Metrics } from '../metrics.ts';

export interface DomainEvent {
  id: string;
  tenantId: string;
  type: string;
  payload: unknown;
  correlationId: string;
  occurredAt: Date;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

// Call inside the transaction that makes the change: the event is committed with it or not at all.
export async function recordEvent(tx: Tx, event: { tenantId: string; type: string; payload: unknown }): Promise<string> {
  const id = newId();
  await tx
    .insertInto('outbox')
    .values({ id, tenant_id: event.tenantId, event_type: event.type, payload: JSON.stringify(event.payload), correlation_id: currentCorrelationId() })
    .execute();
  return id;
}

export interface OutboxDispatcherOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  pollMs: number;
  batchSize?: number;
  leaseMs?: number;
}

// Delivers committed events to their handlers at least once. Events are claimed with a lease (so
// several workers share the table via SKIP LOCKED and a crashed worker's claim expires), handled
// outside any transaction (handlers open their own), and each handler's success is remembered so a
// redelivery only re-runs the handlers that failed. Handlers must be idempotent on event.id.
export class OutboxDispatcher {
  private readonly handlers = new Map<string, Array<{ name: string; handle: EventHandler }>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(private readonly options: OutboxDispatcherOptions) {}

  on(eventType: string, handlerName: string, handle: EventHandler): void {
    const list = this.handlers.get(eventType) ?? [];
    if (list.some((h) => h.name === handlerName)) throw new Error(`Handler ${handlerName} is already registered for ${eventType}`);
    list.push({ name: handlerName, handle });
    this.handlers.set(eventType, list);
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  // One pass over due events; returns how many were claimed. Tests call it directly.
  async dispatchPending(): Promise<number> {
    const events = await this.claim();
    for (const event of events) await this.deliver(event);
    return events.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.dispatchPending().catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'outbox dispatch pass failed');
        return 0;
      });
      void this.running.then((claimed) => (claimed > 0 ? this.runAgainNow() : this.schedule()));
    }, this.options.pollMs);
    this.timer.unref();
  }

  private runAgainNow(): void {
    if (this.stopped) return;
    this.running = this.dispatchPending().catch(() => 0);
    void this.running.then((claimed) => (claimed > 0 ? this.runAgainNow() : this.schedule()));
  }

  private async claim(): Promise<DomainEvent[]> {
    const now = this.options.clock.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    const limit = this.options.batchSize ?? 50;
    return this.options.db.asSystem(async (tx) => {
      const rows = await tx
        .updateTable('outbox')
        .set({ available_at: leaseUntil, attempts: sql`attempts + 1` })
        .where('id', 'in', (qb) =>
          qb
            .selectFrom('outbox')
            .select('id')
            .where('delivered_at', 'is', null)
            .where('available_at', '<=', now)
            .orderBy('available_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returning(['id', 'tenant_id', 'event_type', 'payload', 'correlation_id', 'occurred_at', 'attempts'])
        .execute();
      return rows.map((row) => ({
        id: row.id,
        tenantId: row.tenant_id,
        type: row.event_type,
        payload: row.payload,
        correlationId: row.correlation_id,
        occurredAt: row.occurred_at,
        attempts: row.attempts,
      }));
    });
  }

  private async deliver(event: DomainEvent & { attempts?: number }): Promise<void> {
    const handlers = this.handlers.get(event.type) ?? [];
    const { db, logger, metrics, clock } = this.options;
    const done = await db.asSystem((tx) =>
      tx.selectFrom('outbox_deliveries').select('handler').where('event_id', '=', event.id).execute(),
    );
    const doneNames = new Set(done.map((row) => row.handler));
    const failures: string[] = [];
    for (const handler of handlers) {
      if (doneNames.has(handler.name)) continue;
      try {
        await runWithContext({ correlationId: event.correlationId, tenantId: event.tenantId }, () => handler.handle(event));
        await db.asSystem((tx) =>
          tx.insertInto('outbox_deliveries').values({ event_id: event.id, handler: handler.name, tenant_id: event.tenantId }).onConflict((oc) => oc.doNothing()).execute(),
        );
      } catch (error) {
        failures.push(`${handler.name}: ${error instanceof Error ? error.message : String(error)}`);
        runWithContext({ correlationId: event.correlationId, tenantId: event.tenantId }, () =>
          logger.warn({ err: error, eventId: event.id, eventType: event.type, handler: handler.name }, 'event handler failed; will retry'),
        );
      }
    }
    if (failures.length === 0) {
      await db.asSystem((tx) => tx.updateTable('outbox').set({ delivered_at: clock.now(), last_error: null }).where('id', '=', event.id).execute());
      metrics.outboxDelivered.inc({ event_type: event.type, outcome: 'delivered' });
      return;
    }
    const retryAt = new Date(clock.now().getTime() + retryDelayMs(event.attempts ?? 1));
    await db.asSystem((tx) =>
      tx.updateTable('outbox').set({ available_at: retryAt, last_error: failures.join('; ').slice(0, 2000) }).where('id', '=', event.id).execute(),
    );
    metrics.outboxDelivered.inc({ event_type: event.type, outcome: 'retry' });
  }
}

// Exponential backoff from 1 s, capped at one hour: a failing handler is retried, never dropped.
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
