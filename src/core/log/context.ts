import { AsyncLocalStorage } from 'node:async_hooks';
import { v7 as uuidv7 } from 'uuid';

// What follows a unit of work across awaits: the HTTP request, a job, an outbox event.
// Log lines, jobs and events read the correlation id from here so callers never pass it by hand.
export interface WorkContext {
  correlationId: string;
  tenantId?: string;
  userId?: string;
  // Only HTTP requests carry one; see RequestUsage.
  usage?: RequestUsage;
}

// Work done on behalf of one HTTP request, counted where it happens (the database's query log,
// the cache) and read once the response is sent (core/http/request-performance.ts). Plain numbers
// in one object made per request: counting allocates nothing.
export interface RequestUsage {
  dbQueries: number;
  cacheHits: number;
  cacheMisses: number;
}

const storage = new AsyncLocalStorage<WorkContext>();

export function runWithContext<T>(context: WorkContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

export function countDbQuery(): void {
  const usage = storage.getStore()?.usage;
  if (usage) usage.dbQueries += 1;
}

export function countCacheLookup(hit: boolean): void {
  const usage = storage.getStore()?.usage;
  if (!usage) return;
  if (hit) usage.cacheHits += 1;
  else usage.cacheMisses += 1;
}

// Jobs and events started outside any request still get an id, so their logs can be followed.
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? newCorrelationId();
}

export function newCorrelationId(): string {
  return uuidv7();
}

// Accept a caller's id only if it is short and plain, so it cannot inject into logs or headers.
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value);
}
