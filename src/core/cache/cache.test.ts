import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeOnRedis, testRedisUrl } from '../../testing/backends.ts';
import { createLogger } from '../log/logger.ts';
import { createRedisConnection } from '../redis.ts';
import { createCache, forTenant, type Cache } from './cache.ts';

// Polls until `read` returns what is expected: bus delivery between instances is asynchronous.
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await sleep(5);
    last = await read();
  }
  return last;
}

describe('cache (in-process)', () => {
  let sut: Cache;
  afterEach(async () => {
    await sut.close();
  });

  it('computes a value once and serves it from cache afterwards', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    let calls = 0;
    const factory = async () => {
      calls += 1;
      return { name: 'Kowalski' };
    };

    const first = await sut.getOrSet({ key: 'customer:1', factory });
    const second = await sut.getOrSet({ key: 'customer:1', factory });

    expect(first).toEqual({ name: 'Kowalski' });
    expect(second).toEqual({ name: 'Kowalski' });
    expect(calls).toBe(1);
    expect(sut.stats()).toEqual({ hits: 1, misses: 1 });
  });

  it('runs the factory once for concurrent callers of the same key', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    let calls = 0;
    const factory = async () => {
      calls += 1;
      await sleep(20);
      return calls;
    };

    const values = await Promise.all([1, 2, 3].map(() => sut.getOrSet({ key: 'slow', factory })));

    expect(values).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('returns undefined for a missing key and counts it as a miss', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });

    expect(await sut.get('nothing')).toBeUndefined();
    expect(sut.stats()).toEqual({ hits: 0, misses: 1 });
  });

  it('deletes a key', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    await sut.set('k', 1);

    await sut.delete('k');

    expect(await sut.get('k')).toBeUndefined();
  });

  it('evicts every entry carrying a deleted tag and keeps the others', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    await sut.set('visits:1', ['a'], { tags: ['customer:1'] });
    await sut.getOrSet({ key: 'invoices:1', tags: ['customer:1'], factory: async () => ['b'] });
    await sut.set('visits:2', ['c'], { tags: ['customer:2'] });

    await sut.deleteByTags(['customer:1']);

    expect(await sut.get('visits:1')).toBeUndefined();
    expect(await sut.get('invoices:1')).toBeUndefined();
    expect(await sut.get('visits:2')).toEqual(['c']);
  });

  it('keeps the same key apart in two tenants', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    const tenantA = forTenant(sut, 'tenant-a');
    const tenantB = forTenant(sut, 'tenant-b');

    await tenantA.set('settings', { currency: 'PLN' });
    const fromB = await tenantB.getOrSet({ key: 'settings', factory: async () => ({ currency: 'EUR' }) });

    expect(fromB).toEqual({ currency: 'EUR' });
    expect(await tenantA.get('settings')).toEqual({ currency: 'PLN' });
    expect(await sut.get('settings')).toBeUndefined();
  });

  it("does not let one tenant's tag deletion evict another tenant's entries", async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    const tenantA = forTenant(sut, 'tenant-a');
    const tenantB = forTenant(sut, 'tenant-b');
    await tenantA.set('list', [1], { tags: ['customers'] });
    await tenantB.set('list', [2], { tags: ['customers'] });

    await tenantA.deleteByTags(['customers']);

    expect(await tenantA.get('list')).toBeUndefined();
    expect(await tenantB.get('list')).toEqual([2]);
  });

  it('refuses a tenant id that could collide with another tenant prefix', () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });

    expect(() => forTenant(sut, 'a:b')).toThrow(/invalid tenant id/);
    expect(() => forTenant(sut, '')).toThrow(/invalid tenant id/);
  });

  it('expires an entry after its ttl and recomputes it', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 60_000 });
    await sut.set('short', 'old', { ttlMs: 40 });
    expect(await sut.get('short')).toBe('old');

    await sleep(80);

    expect(await sut.get('short')).toBeUndefined();
    expect(await sut.getOrSet({ key: 'short', ttlMs: 40, factory: async () => 'new' })).toBe('new');
  });

  it('applies the default ttl when none is given', async () => {
    sut = createCache({ namespace: 'test', defaultTtlMs: 40 });
    await sut.set('k', 'v');

    await sleep(80);

    expect(await sut.get('k')).toBeUndefined();
  });
});

describe('cache without a reachable Redis', () => {
  it('keeps serving from memory, without making callers wait long, and still closes', async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const logger = createLogger({ level: 'silent' });
    const sut = createCache({ redisUrl: 'redis://127.0.0.1:1', namespace: 'test', defaultTtlMs: 60_000, logger });
    const startedAt = Date.now();

    await sut.set('k', 'v');
    const value = await sut.get('k');
    const computed = await sut.getOrSet({ key: 'other', factory: async () => 'computed' });

    expect(value).toBe('v');
    expect(computed).toBe('computed');
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    await sut.close();
  });
});

describeOnRedis('cache shared through Redis', () => {
  // A fresh namespace per run: parallel runs on one Redis never see each other's keys.
  const namespace = `test-cache-${randomUUID()}`;
  const redisUrl = testRedisUrl ?? '';
  let instanceA: Cache;
  let instanceB: Cache;

  beforeAll(() => {
    instanceA = createCache({ redisUrl, namespace, defaultTtlMs: 60_000 });
    instanceB = createCache({ redisUrl, namespace, defaultTtlMs: 60_000 });
  });

  afterAll(async () => {
    await Promise.all([instanceA.close(), instanceB.close()]);
    // Tag invalidation keys live for days: remove everything this run wrote.
    const redis = createRedisConnection(redisUrl, 'cache-test-cleanup');
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.unlink(...keys);
    await redis.quit();
  });

  it('serves a value written by another instance', async () => {
    await instanceA.set('shared', { v: 1 });

    expect(await instanceB.get('shared')).toEqual({ v: 1 });
  });

  it('stops serving a value that another instance overwrote', async () => {
    await instanceA.set('price', 100);
    expect(await instanceB.get('price')).toBe(100); // now in B's L1

    await instanceA.set('price', 120);

    expect(await eventually(() => instanceB.get('price'), 120)).toBe(120);
  });

  it('stops serving a value that another instance deleted', async () => {
    await instanceA.set('gone', 'x');
    expect(await instanceB.get('gone')).toBe('x');

    await instanceA.delete('gone');

    expect(await eventually(() => instanceB.get('gone'), undefined)).toBeUndefined();
  });

  it('stops serving entries whose tag another instance deleted', async () => {
    await instanceA.set('visits:7', ['v1'], { tags: ['customer:7'] });
    expect(await instanceB.getOrSet({ key: 'visits:7', tags: ['customer:7'], factory: async () => ['never'] })).toEqual([
      'v1',
    ]);

    await instanceA.deleteByTags(['customer:7']);

    expect(await eventually(() => instanceB.get('visits:7'), undefined)).toBeUndefined();
    expect(await instanceB.getOrSet({ key: 'visits:7', factory: async () => ['fresh'] })).toEqual(['fresh']);
  });

  it('is subscribed to invalidations by the time its first call returns', async () => {
    // bentocache subscribes on first use without awaiting it: a write by another instance right
    // after that first read was missed, and the old value stayed in L1 until its TTL.
    const channel = `bentocache.notifications:${namespace}`;
    const probe = createRedisConnection(redisUrl, 'cache-test-probe');
    const [, before] = (await probe.pubsub('NUMSUB', channel)) as [string, number];
    const late = createCache({ redisUrl, namespace, defaultTtlMs: 60_000 });
    try {
      await sleep(100); // the app has been up a moment: its data connection is already open
      await late.get('anything');

      const [, after] = (await probe.pubsub('NUMSUB', channel)) as [string, number];
      expect(after).toBe(before + 1);
    } finally {
      await late.close();
      await probe.quit();
    }
  });

  it('gives each of many concurrent stamp reads its own tags, in its own order', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => [`stamp:${i % 7}`, `stamp:shared`, `stamp:${(i * 3) % 11}`]);

    const batched = await Promise.all(requests.map((tags) => instanceA.readTagStamps(tags)));

    const sequential: string[][] = [];
    for (const tags of requests) sequential.push(await instanceB.readTagStamps(tags));
    expect(batched).toEqual(sequential);
    expect(new Set(batched.map((stamps) => stamps[1])).size).toBe(1);
  });

  it('creates a missing stamp once, even when reads in one batch and another instance race for it', async () => {
    const tag = `stamp:new:${randomUUID()}`;

    const stamps = await Promise.all([
      instanceA.readTagStamps([tag]),
      instanceA.readTagStamps(['stamp:other', tag]),
      instanceB.readTagStamps([tag]),
    ]);

    expect(new Set([stamps[0][0], stamps[1][1], stamps[2][0]]).size).toBe(1);
  });

  it('sees a renewal made on another instance in a stamp read that started after it resolved', async () => {
    const before = await instanceA.readTagStamps(['stamp:renewed']);

    await instanceB.renewTagStamps(['stamp:renewed']);
    const after = await Promise.all([instanceA.readTagStamps(['stamp:renewed']), instanceA.readTagStamps(['stamp:renewed', 'x'])]);

    expect(after[0][0]).not.toBe(before[0]);
    expect(after[1][0]).toBe(after[0][0]);
  });

  it('keeps tenants apart across instances', async () => {
    await forTenant(instanceA, 'tenant-a').set('settings', 'A');

    expect(await forTenant(instanceB, 'tenant-b').get('settings')).toBeUndefined();
    expect(await forTenant(instanceB, 'tenant-a').get('settings')).toBe('A');
  });
});
