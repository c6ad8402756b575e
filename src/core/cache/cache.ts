import { setTimeout as sleep } from 'node:timers/promises';
import { BentoCache, bentostore } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import { redisDriver } from 'bentocache/drivers/redis';
import type { Logger } from '../log/logger.ts';
import { createRedisConnection } from '../redis.ts';
import { createTrackedRedisBus } from './tracked-redis-bus.ts';

// Values are stored as JSON (in L1 too, so a caller mutating a returned object cannot corrupt
// the cache): Dates come back as strings, and `undefined` cannot be cached — use null.
export interface Cache {
  getOrSet<T>(options: { key: string; tags?: string[]; ttlMs?: number; factory: () => Promise<T> }): Promise<T>;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: { ttlMs?: number; tags?: string[] }): Promise<void>;
  delete(key: string): Promise<void>;
  deleteByTags(tags: string[]): Promise<void>;
  stats(): { hits: number; misses: number };
  close(): Promise<void>;
}

export interface CacheOptions {
  // Without it the cache lives in this process only; with it, L2 and invalidation are shared.
  redisUrl?: string;
  namespace: string;
  defaultTtlMs: number;
  l1MaxItems?: number;
  // Receives Redis connection errors; without it ioredis prints them to stderr.
  logger?: Logger;
}

const subscribeWaitMs = 500;
const l2PauseAfterErrorMs = 5_000;

// Only pass what the caller set: an explicit `undefined` would override bentocache's defaults.
function entryOptions(options: { ttlMs?: number; tags?: string[] }): { ttl?: number; tags?: string[] } {
  return {
    ...(options.ttlMs !== undefined && { ttl: options.ttlMs }),
    ...(options.tags !== undefined && { tags: options.tags }),
  };
}

export function createCache(options: CacheOptions): Cache {
  // bentocache's default of 1,000 entries is small for lists cached per tenant.
  const store = bentostore().useL1Layer(memoryDriver({ maxItems: options.l1MaxItems ?? 10_000 }));
  const redis = options.redisUrl ? createRedisConnection(options.redisUrl, `cache:${options.namespace}`) : undefined;
  let ready: Promise<void> = Promise.resolve();
  if (redis) {
    const { logger } = options;
    if (logger) redis.on('error', (error) => logger.warn({ err: error, cache: options.namespace }, 'cache redis error'));
    // L2 is shared, and the bus evicts a key written or deleted here from the L1 of every other
    // instance on this namespace. The bus runs on bentocache's duplicates of this connection,
    // which get no error listener: while Redis is down they print ioredis' "Unhandled error event".
    const { bus, subscribed } = createTrackedRedisBus(redis);
    store.useL2Layer(redisDriver({ connection: redis })).useBus(bus);
    // The first calls wait for the subscription, but not for long when Redis is down: the cache
    // then serves from L1 and the bus keeps retrying in the background.
    ready = Promise.race([subscribed, sleep(subscribeWaitMs, undefined, { ref: false })]);
  }
  // The store name is part of the bus channel, so namespaces do not hear each other.
  const bento = new BentoCache({
    default: options.namespace,
    prefix: options.namespace,
    ttl: options.defaultTtlMs,
    // After a Redis error, skip L2 for a while instead of making every call wait for it to fail.
    l2CircuitBreakerDuration: l2PauseAfterErrorMs,
    stores: { [options.namespace]: store },
  });
  // Builds the store now rather than on first use, so the bus starts subscribing right away.
  const cache = bento.use();
  const counters = { hits: 0, misses: 0 };
  let closing: Promise<void> | undefined;

  return {
    async getOrSet<T>(request: { key: string; tags?: string[]; ttlMs?: number; factory: () => Promise<T> }) {
      await ready;
      let computed = false;
      const value = await cache.getOrSet<T>({
        key: request.key,
        ...entryOptions(request),
        factory: () => {
          computed = true;
          return request.factory();
        },
      });
      counters[computed ? 'misses' : 'hits'] += 1;
      return value;
    },
    async get<T>(key: string) {
      await ready;
      const value = await cache.get<T | undefined>({ key });
      counters[value === undefined ? 'misses' : 'hits'] += 1;
      return value;
    },
    async set<T>(key: string, value: T, setOptions: { ttlMs?: number; tags?: string[] } = {}) {
      await ready;
      await cache.set({ key, value, ...entryOptions(setOptions) });
    },
    async delete(key) {
      await ready;
      await cache.delete({ key });
    },
    async deleteByTags(tags) {
      await ready;
      if (tags.length > 0) await cache.deleteByTag({ tags });
    },
    stats() {
      return { ...counters };
    },
    close() {
      closing ??= (async () => {
        // bentocache disconnects the L2 connection it was given and quits the bus's duplicates;
        // the quit below only covers a connection it left open.
        await bento.disconnectAll();
        if (redis && redis.status !== 'end') await redis.quit();
      })();
      return closing;
    },
  };
}

// Tenant ids become part of keys: keep them plain so "a" + "b:c" can never equal "a:b" + "c".
const tenantIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

// A view whose keys and tags are prefixed with the tenant: the same key in two tenants is two
// entries, and a tenant's deleteByTags cannot evict another tenant's entries.
export function forTenant(cache: Cache, tenantId: string): Cache {
  if (!tenantIdPattern.test(tenantId)) throw new Error(`invalid tenant id for cache: ${JSON.stringify(tenantId)}`);
  const prefix = `tenant:${tenantId}:`;
  const scoped = (name: string): string => prefix + name;
  const scopedTags = (tags: string[] | undefined): string[] | undefined => tags?.map(scoped);

  return {
    getOrSet: (request) => cache.getOrSet({ ...request, key: scoped(request.key), tags: scopedTags(request.tags) }),
    get: (key) => cache.get(scoped(key)),
    set: (key, value, setOptions = {}) => cache.set(scoped(key), value, { ...setOptions, tags: scopedTags(setOptions.tags) }),
    delete: (key) => cache.delete(scoped(key)),
    deleteByTags: (tags) => cache.deleteByTags(tags.map(scoped)),
    stats: () => cache.stats(),
    // The view does not own the cache: whoever created the cache closes it.
    close: async () => {},
  };
}
