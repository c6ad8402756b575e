import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo, setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeOnRedis, testRedisUrl } from '../../testing/backends.ts';
import { createLogger } from '../log/logger.ts';
import { createRedisConnection } from '../redis.ts';
import { createCache, forTenant, type Cache } from './cache.ts';
import { createReadThrough, type ReadThrough } from './read-through.ts';

interface Row {
  version: number;
}

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function createGate(): Gate {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

// A one-row "database" whose load can be held after it read the row, as a slow query would be.
function createRowSource(version = 1) {
  const row: Row = { version };
  let loads = 0;
  return {
    row,
    loads: () => loads,
    load: async (): Promise<Row> => {
      loads += 1;
      return { ...row };
    },
    // Reads the row now, signals `loaded`, and returns it only once `release` opens.
    heldLoad(loaded: Gate, release: Gate): () => Promise<Row> {
      return async () => {
        loads += 1;
        const snapshot = { ...row };
        loaded.open();
        await release.promise;
        return snapshot;
      };
    },
  };
}

// Deterministic pseudo-random numbers (mulberry32), so a failing stress run can be replayed.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface StressResult {
  reads: number;
  writes: number;
  violations: number;
}

// Writers bump a row's version ("commit") then invalidate; readers check that a read which
// started after an invalidate() resolved sees at least that write's version. Writers and readers
// are spread over the given instances, so a write on one must reach readers on the others.
async function runStress(instances: ReadThrough[], durationMs: number, seed: number): Promise<StressResult> {
  const random = createRandom(seed);
  const rowCount = 8;
  const versions = new Map<number, number>();
  const invalidatedUpTo = new Map<number, number>();
  const deadline = Date.now() + durationMs;
  const result: StressResult = { reads: 0, writes: 0, violations: 0 };
  const tagOf = (id: number) => `row:${id}`;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  // Loads and writers pause for a random while: none, one I/O turn, or about a millisecond.
  const pause = async () => {
    const roll = random();
    if (roll < 0.3) return;
    if (roll < 0.7) await yieldToIo();
    else await sleep(1);
  };

  const writer = async () => {
    while (Date.now() < deadline) {
      const id = Math.floor(random() * rowCount);
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      await pick(instances).invalidate([tagOf(id)]);
      invalidatedUpTo.set(id, Math.max(invalidatedUpTo.get(id) ?? 0, version));
      result.writes += 1;
      await pause();
      await sleep(2);
    }
  };
  const reader = async () => {
    while (Date.now() < deadline) {
      // A hit resolves without I/O: let timers (writers, the deadline) run, as requests would.
      await yieldToIo();
      const id = Math.floor(random() * rowCount);
      const required = invalidatedUpTo.get(id) ?? 0;
      const row = await pick(instances).get<Row>({
        key: `row:${id}`,
        tags: [tagOf(id)],
        load: async () => {
          const snapshot = { version: versions.get(id) ?? 0 };
          await pause();
          return snapshot;
        },
      });
      if (row.version < required) result.violations += 1;
      result.reads += 1;
    }
  };

  await Promise.all([...Array.from({ length: 3 }, writer), ...Array.from({ length: 8 }, reader)]);
  return result;
}

const sumStats = (instances: ReadThrough[]) =>
  instances.reduce(
    (sum, instance) => {
      const stats = instance.stats();
      return { hits: sum.hits + stats.hits, misses: sum.misses + stats.misses, skippedStores: sum.skippedStores + stats.skippedStores };
    },
    { hits: 0, misses: 0, skippedStores: 0 },
  );

describe('read-through (in-process)', () => {
  let cache: Cache;
  let sut: ReadThrough;
  afterEach(async () => {
    await cache.close();
  });
  const setUp = () => {
    cache = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    sut = createReadThrough(cache);
  };

  it('serves repeated reads from the cache once loaded', async () => {
    setUp();
    const source = createRowSource();

    for (let i = 0; i < 100; i += 1) {
      expect(await sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 1 });
    }

    expect(source.loads()).toBe(1);
    expect(sut.stats()).toEqual({ hits: 99, misses: 1, skippedStores: 0 });
  });

  it('does not store a row loaded before a write that invalidated while the load ran', async () => {
    setUp();
    const source = createRowSource();
    const loaded = createGate();
    const release = createGate();
    const slowRead = sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.heldLoad(loaded, release) });
    await loaded.promise; // the reader holds the old row

    source.row.version = 2; // the writer commits…
    await sut.invalidate(['customer:1']); // …and invalidates
    release.open();

    // The slow reader started before the write, so the old row is a fair answer for it…
    expect(await slowRead).toEqual({ version: 1 });
    expect(sut.stats().skippedStores).toBe(1);
    // …but it was not stored: later reads see the new row, then serve it from the cache.
    expect(await sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 2 });
    expect(await sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 2 });
    expect(source.loads()).toBe(2);
  });

  it('refuses an old row that was stored after the invalidation it raced', async () => {
    // The compare-and-set after a load is not atomic: the invalidation can land between the
    // compare and the set. The stamps the entry carries must still keep it from being served.
    cache = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    const setReached = createGate();
    const setRelease = createGate();
    const heldSets: Cache = {
      ...cache,
      set: async (key, value, options) => {
        setReached.open();
        await setRelease.promise;
        await cache.set(key, value, options);
      },
    };
    sut = createReadThrough(heldSets);
    const source = createRowSource();
    const read = sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load });
    await setReached.promise; // loaded version 1, compared the stamps, about to store

    source.row.version = 2;
    await sut.invalidate(['customer:1']);
    setRelease.open();
    expect(await read).toEqual({ version: 1 });

    const reader = createReadThrough(cache);
    expect(await reader.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 2 });
  });

  it('shares one load between concurrent misses of a key', async () => {
    setUp();
    const source = createRowSource();
    const loaded = createGate();
    const release = createGate();
    const load = source.heldLoad(loaded, release);

    const reads = [1, 2, 3].map(() => sut.get({ key: 'customer:1', tags: ['customer:1'], load }));
    await loaded.promise;
    release.open();

    expect(await Promise.all(reads)).toEqual([{ version: 1 }, { version: 1 }, { version: 1 }]);
    expect(source.loads()).toBe(1);
  });

  it('does not let a read that started after an invalidation join a load from before it', async () => {
    setUp();
    const source = createRowSource();
    const loaded = createGate();
    const release = createGate();
    const early = sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.heldLoad(loaded, release) });
    await loaded.promise;

    source.row.version = 2;
    await sut.invalidate(['customer:1']);
    const late = sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load });
    release.open();

    expect(await early).toEqual({ version: 1 });
    expect(await late).toEqual({ version: 2 });
  });

  it('returns values as frozen JSON, from a load as from a hit, so no caller changes what another reads', async () => {
    setUp();
    const load = async () => ({ version: 1, at: new Date('2026-11-22T10:00:00Z'), tags: ['vip'] });
    const loaded = await sut.get({ key: 'customer:1', tags: ['customer:1'], load });
    const hit = await sut.get({ key: 'customer:1', tags: ['customer:1'], load });

    for (const value of [loaded, hit]) {
      expect(value).toEqual({ version: 1, at: '2026-11-22T10:00:00.000Z', tags: ['vip'] });
      expect(() => value.tags.push('changed')).toThrow(TypeError);
      expect(() => Object.assign(value, { version: 2 })).toThrow(TypeError);
    }
  });

  it('serves hits from its near tier of parsed entries, and the rest from the cache', async () => {
    cache = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    let cacheGets = 0;
    sut = createReadThrough({ ...cache, get: (key) => ((cacheGets += 1), cache.get(key)) }, { nearMaxItems: 2 });
    const source = createRowSource();
    const read = (id: number) => sut.get({ key: `customer:${id}`, tags: [`customer:${id}`], load: source.load });

    for (const id of [1, 2, 3]) await read(id); // 3 misses; the near tier keeps 2 and 3
    const missesOnly = cacheGets;
    await read(3);
    await read(2);
    expect(cacheGets).toBe(missesOnly);
    await read(1); // evicted from the near tier: found in the cache, not loaded again
    expect(cacheGets).toBe(missesOnly + 1);
    expect(source.loads()).toBe(3);
    expect(sut.stats()).toEqual({ hits: 3, misses: 3, skippedStores: 0 });
  });

  it('caches a missing record (undefined) like any other value', async () => {
    setUp();
    let loads = 0;
    const load = async (): Promise<Row | undefined> => {
      loads += 1;
      return undefined;
    };

    expect(await sut.get({ key: 'customer:404', tags: ['customer:404'], load })).toBeUndefined();
    expect(await sut.get({ key: 'customer:404', tags: ['customer:404'], load })).toBeUndefined();
    expect(loads).toBe(1);
  });

  it('evicts plain cache entries carrying an invalidated tag', async () => {
    setUp();
    await cache.set('customers:list', ['a'], { tags: ['customer:1'] });

    await sut.invalidate(['customer:1']);

    expect(await cache.get('customers:list')).toBeUndefined();
  });

  it("does not let one tenant's invalidation touch another tenant's entries", async () => {
    setUp();
    const tenantA = createReadThrough(forTenant(cache, 'tenant-a'));
    const tenantB = createReadThrough(forTenant(cache, 'tenant-b'));
    const source = createRowSource();
    await tenantA.get({ key: 'customer:1', tags: ['customer:1'], load: source.load });
    await tenantB.get({ key: 'customer:1', tags: ['customer:1'], load: source.load });

    await tenantA.invalidate(['customer:1']);
    await tenantB.get({ key: 'customer:1', tags: ['customer:1'], load: source.load });

    expect(tenantB.stats()).toEqual({ hits: 1, misses: 1, skippedStores: 0 });
  });

  it('never serves an older version to a read that started after a write, under concurrent load', async () => {
    setUp();
    const instances = [sut, createReadThrough(cache)];

    const result = await runStress(instances, 1_000, 1);

    expect(result.writes).toBeGreaterThan(50);
    expect(result.reads).toBeGreaterThan(500);
    expect(sumStats(instances).hits).toBeGreaterThan(0);
    expect(result.violations).toBe(0);
  });
});

describe('read-through without a reachable Redis', () => {
  it('loads every read without caching it, and reports invalidations it could not record', async () => {
    const logger = createLogger({ level: 'silent' });
    const cache = createCache({ redisUrl: 'redis://127.0.0.1:1', namespace: 'test', defaultTtlMs: 60_000, logger });
    const sut = createReadThrough(cache);
    const source = createRowSource();
    try {
      // First, while the connection still retries quickly: later attempts back off for seconds.
      await expect(sut.invalidate(['customer:1'])).rejects.toThrow();
      expect(await sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 1 });
      expect(await sut.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 1 });
      expect(source.loads()).toBe(2);
    } finally {
      // Closing while Redis is down can fail with the connection's own retry error (cache.ts).
      await cache.close().catch(() => {});
    }
  });
});

describeOnRedis('read-through across instances sharing Redis', () => {
  const namespace = `test-read-through-${randomUUID()}`;
  const redisUrl = testRedisUrl ?? '';
  let cacheA: Cache;
  let cacheB: Cache;
  let instanceA: ReadThrough;
  let instanceB: ReadThrough;

  beforeAll(() => {
    cacheA = createCache({ redisUrl, namespace, defaultTtlMs: 60_000 });
    cacheB = createCache({ redisUrl, namespace, defaultTtlMs: 60_000 });
    instanceA = createReadThrough(cacheA);
    instanceB = createReadThrough(cacheB);
  });

  afterAll(async () => {
    await Promise.all([cacheA.close(), cacheB.close()]);
    const redis = createRedisConnection(redisUrl, 'read-through-test-cleanup');
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.unlink(...keys);
    await redis.quit();
  });

  it('serves a value loaded on one instance from the other', async () => {
    const source = createRowSource();
    await instanceA.get({ key: 'shared', tags: ['shared'], load: source.load });
    const before = instanceB.stats();

    expect(await instanceB.get({ key: 'shared', tags: ['shared'], load: source.load })).toEqual({ version: 1 });
    expect(await instanceB.get({ key: 'shared', tags: ['shared'], load: source.load })).toEqual({ version: 1 });

    expect(source.loads()).toBe(1);
    expect(instanceB.stats().hits - before.hits).toBe(2);
  });

  it("serves the new value on the other instance at once, before the bus evicted its L1", async () => {
    const source = createRowSource();
    await instanceB.get({ key: 'customer:1', tags: ['customer:1'], load: source.load }); // in B's L1

    source.row.version = 2;
    await instanceA.invalidate(['customer:1']);

    expect(await instanceB.get({ key: 'customer:1', tags: ['customer:1'], load: source.load })).toEqual({ version: 2 });
  });

  it('does not store on one instance a row loaded before a write invalidated on the other', async () => {
    const source = createRowSource();
    const loaded = createGate();
    const release = createGate();
    const slowRead = instanceB.get({ key: 'customer:2', tags: ['customer:2'], load: source.heldLoad(loaded, release) });
    await loaded.promise;
    const skippedBefore = instanceB.stats().skippedStores;

    source.row.version = 2;
    await instanceA.invalidate(['customer:2']);
    release.open();

    expect(await slowRead).toEqual({ version: 1 });
    expect(instanceB.stats().skippedStores - skippedBefore).toBe(1);
    expect(await instanceB.get({ key: 'customer:2', tags: ['customer:2'], load: source.load })).toEqual({ version: 2 });
    expect(await instanceA.get({ key: 'customer:2', tags: ['customer:2'], load: source.load })).toEqual({ version: 2 });
  });

  it('turns a lost stamp into a miss, never into a stale hit', async () => {
    const source = createRowSource();
    await instanceA.get({ key: 'customer:3', tags: ['customer:3'], load: source.load });
    const redis = createRedisConnection(redisUrl, 'read-through-test-probe');
    try {
      const stampKeys = await redis.keys(`${namespace}:__stamp:customer:3`);
      expect(stampKeys).toHaveLength(1);
      await redis.unlink(...stampKeys); // as an eviction, expiry or a Redis restart would
    } finally {
      await redis.quit();
    }

    await instanceA.get({ key: 'customer:3', tags: ['customer:3'], load: source.load });

    expect(source.loads()).toBe(2);
  });

  it('never serves an older version to a read that started after a write, across two instances', async () => {
    const instances = [instanceA, instanceB];
    const before = sumStats(instances);

    const result = await runStress(instances, 2_000, 2);

    const after = sumStats(instances);
    expect(result.writes).toBeGreaterThan(50);
    expect(result.reads).toBeGreaterThan(500);
    expect(after.hits - before.hits).toBeGreaterThan(0);
    expect(result.violations).toBe(0);
  });
});
