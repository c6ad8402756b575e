import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnRedis, testRedisUrl } from '../../testing/backends.ts';
import { createRedisConnection } from '../redis.ts';
import { createRateLimiter } from './rate-limiter.ts';

describe('rate limiter (in-process)', () => {
  it('allows the configured points then refuses with a retry delay', async () => {
    const sut = createRateLimiter({ keyPrefix: 'login', points: 3, durationSeconds: 60 });

    const allowed = [await sut.consume('ip-1'), await sut.consume('ip-1'), await sut.consume('ip-1')];
    const refused = await sut.consume('ip-1');

    expect(allowed.map((r) => r.allowed)).toEqual([true, true, true]);
    expect(allowed.map((r) => r.remaining)).toEqual([2, 1, 0]);
    expect(refused.allowed).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts several points at once', async () => {
    const sut = createRateLimiter({ keyPrefix: 'export', points: 10, durationSeconds: 60 });

    expect(await sut.consume('tenant-1', 8)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await sut.consume('tenant-1', 3)).toMatchObject({ allowed: false });
  });

  it('counts each key on its own', async () => {
    const sut = createRateLimiter({ keyPrefix: 'login', points: 1, durationSeconds: 60 });

    await sut.consume('ip-1');

    expect((await sut.consume('ip-1')).allowed).toBe(false);
    expect((await sut.consume('ip-2')).allowed).toBe(true);
  });

  it('allows a key again after reset', async () => {
    const sut = createRateLimiter({ keyPrefix: 'login', points: 1, durationSeconds: 60 });
    await sut.consume('ip-1');

    await sut.reset('ip-1');

    expect(await sut.consume('ip-1')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('allows a key again once its window has passed', async () => {
    const sut = createRateLimiter({ keyPrefix: 'login', points: 1, durationSeconds: 1 });
    await sut.consume('ip-1');
    const refused = await sut.consume('ip-1');

    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 20));

    expect((await sut.consume('ip-1')).allowed).toBe(true);
  });
});

describeOnRedis('rate limiter shared through Redis', () => {
  const keyPrefix = `test-rl-${randomUUID()}`;
  // One connection per limiter, as two app processes would have.
  let redisA: Redis;
  let redisB: Redis;

  beforeAll(() => {
    redisA = createRedisConnection(testRedisUrl ?? '', 'rate-limit-test-a');
    redisB = createRedisConnection(testRedisUrl ?? '', 'rate-limit-test-b');
  });

  afterAll(async () => {
    const keys = await redisA.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redisA.unlink(...keys);
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  it('shares the count between two limiter instances', async () => {
    const instanceA = createRateLimiter({ keyPrefix, points: 2, durationSeconds: 60, redis: redisA });
    const instanceB = createRateLimiter({ keyPrefix, points: 2, durationSeconds: 60, redis: redisB });

    expect((await instanceA.consume('ip-1')).allowed).toBe(true);
    expect((await instanceB.consume('ip-1')).allowed).toBe(true);
    const refused = await instanceA.consume('ip-1');

    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await instanceB.consume('ip-2')).allowed).toBe(true);
  });

  it('lets a reset on one instance free the key on the other', async () => {
    const instanceA = createRateLimiter({ keyPrefix, points: 1, durationSeconds: 60, redis: redisA });
    const instanceB = createRateLimiter({ keyPrefix, points: 1, durationSeconds: 60, redis: redisB });
    await instanceA.consume('ip-9');
    expect((await instanceB.consume('ip-9')).allowed).toBe(false);

    await instanceB.reset('ip-9');

    expect((await instanceA.consume('ip-9')).allowed).toBe(true);
  });
});
