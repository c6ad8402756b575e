import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimitResult>;
  reset(key: string): Promise<void>;
}

export interface RateLimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  // Shared counts across instances; the caller owns and closes the connection.
  redis?: Redis;
}

// Fixed window per key. Without Redis each process counts on its own.
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const settings = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
  // ioredis is the library's default client: no `useRedisPackage` flag (that one is for node-redis).
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({ ...settings, storeClient: options.redis })
    : new RateLimiterMemory(settings);

  return {
    async consume(key, points = 1) {
      try {
        const res = await limiter.consume(key, points);
        return { allowed: true, remaining: res.remainingPoints, retryAfterMs: 0 };
      } catch (rejection) {
        // Being over the limit is an answer, not an error; a Redis failure still throws.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, remaining: rejection.remainingPoints, retryAfterMs: Math.max(rejection.msBeforeNext, 1) };
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
