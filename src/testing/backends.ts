import { describe } from 'vitest';

// Suites that need a real Redis or PostgreSQL run only when CI (or a developer) provides one.
// Their titles carry the backend in brackets: .ci/run counts "[redis]" and "[postgres]" results
// and fails when either suite did not run.
export const testRedisUrl = process.env.TEST_REDIS_URL;
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export function describeOnRedis(title: string, body: () => void): void {
  describe.runIf(Boolean(testRedisUrl))(`[redis] ${title}`, body);
}
