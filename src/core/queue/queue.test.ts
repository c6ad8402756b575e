import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeOnRedis, testRedisUrl } from '../../testing/backends.ts';
import { currentCorrelationId, runWithContext } from '../log/context.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { createRedisConnection } from '../redis.ts';
import { createQueue, type JobContext, type JobQueue } from './queue.ts';

interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  tenantId?: string;
  jobName?: string;
}

function createCapturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) } });
  return { logger, lines };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

// The same behaviour is required of both drivers.
function describeJobQueue(makeQueue: (logger: Logger) => JobQueue): void {
  let sut: JobQueue;
  let lines: LogLine[];
  let logger: Logger;

  function newQueue(): JobQueue {
    const capture = createCapturingLogger();
    lines = capture.lines;
    logger = capture.logger;
    sut = makeQueue(logger);
    return sut;
  }

  afterEach(async () => {
    await sut.close();
  });

  it('runs a job with its data', async () => {
    newQueue();
    const seen: JobContext<{ visitId: string }>[] = [];
    sut.process<{ visitId: string }>('send-reminder', async (job) => {
      seen.push(job);
    });

    const id = await sut.enqueue('send-reminder', { visitId: 'v-1' });

    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ id, name: 'send-reminder', data: { visitId: 'v-1' }, attempt: 1 });
  });

  it('keeps a job enqueued before its handler exists until one is registered', async () => {
    newQueue();
    const seen: string[] = [];
    await sut.enqueue('late-handler', 'payload');
    await sleep(50);
    expect(seen).toEqual([]);

    sut.process<string>('late-handler', async (job) => {
      seen.push(job.data);
    });

    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual(['payload']);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    newQueue();
    const attempts: { attempt: number; at: number }[] = [];
    sut.process('flaky', async (job) => {
      attempts.push({ attempt: job.attempt, at: Date.now() });
      if (job.attempt < 3) throw new Error('temporary failure');
    });

    await sut.enqueue('flaky', {}, { attempts: 3, backoffMs: 40 });

    await waitUntil(() => attempts.length === 3);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = attempts.map((a) => a.at);
    // Exponential: 40 ms, then 80 ms (a little slack for timer granularity).
    expect(second! - first!).toBeGreaterThanOrEqual(35);
    expect(third! - second!).toBeGreaterThanOrEqual(75);
    await waitUntil(() => lines.some((l) => l.msg === 'job completed' && l.jobName === 'flaky'));
    expect(lines.filter((l) => l.msg === 'job failed, will retry')).toHaveLength(2);
  });

  it('gives up after the allowed attempts and counts the job as failed', async () => {
    newQueue();
    let runs = 0;
    sut.process('doomed', async () => {
      runs += 1;
      throw new Error('permanent failure');
    });

    await sut.enqueue('doomed', {}, { attempts: 2, backoffMs: 1 });

    await waitUntil(() => lines.some((l) => l.msg === 'job failed, giving up'));
    await sleep(50);
    expect(runs).toBe(2);
    expect((await sut.counts())['doomed']).toMatchObject({ failed: 1, waiting: 0, delayed: 0, active: 0 });
  });

  it('does not enqueue a jobId twice', async () => {
    newQueue();
    const first = await sut.enqueue('invoice-pdf', { invoice: 1 }, { jobId: 'invoice-1' });
    const second = await sut.enqueue('invoice-pdf', { invoice: 1 }, { jobId: 'invoice-1' });
    await sut.enqueue('invoice-pdf', { invoice: 2 });
    const seen: number[] = [];

    sut.process<{ invoice: number }>('invoice-pdf', async (job) => {
      seen.push(job.data.invoice);
    });

    await waitUntil(() => seen.includes(2));
    await sleep(50);
    expect([first, second]).toEqual(['invoice-1', 'invoice-1']);
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a jobId that BullMQ would reject', async () => {
    newQueue();

    await expect(sut.enqueue('x', {}, { jobId: '42' })).rejects.toThrow(/invalid jobId/);
    await expect(sut.enqueue('x', {}, { jobId: 'a:b' })).rejects.toThrow(/invalid jobId/);
  });

  it('runs the job under the correlation id and tenant of the code that enqueued it', async () => {
    newQueue();
    const seen: { correlationId: string; tenantId?: string; fromContext: string }[] = [];
    sut.process('audit', async (job) => {
      seen.push({ correlationId: job.correlationId, tenantId: job.tenantId, fromContext: currentCorrelationId() });
      logger.info('writing audit entry');
    });

    await runWithContext({ correlationId: 'req-42', tenantId: 'tenant-7' }, () => sut.enqueue('audit', {}));

    await waitUntil(() => lines.some((l) => l.msg === 'job completed' && l.jobName === 'audit'));
    expect(seen).toEqual([{ correlationId: 'req-42', tenantId: 'tenant-7', fromContext: 'req-42' }]);
    expect(lines.find((l) => l.msg === 'writing audit entry')).toMatchObject({ correlationId: 'req-42', tenantId: 'tenant-7' });
    expect(lines.find((l) => l.msg === 'job completed')).toMatchObject({ correlationId: 'req-42', tenantId: 'tenant-7' });
  });

  it('gives a job enqueued outside any request its own correlation id', async () => {
    newQueue();
    const seen: string[] = [];
    sut.process('nightly', async (job) => {
      seen.push(job.correlationId);
    });

    await sut.enqueue('nightly', {});

    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never runs more jobs of a name at once than its concurrency', async () => {
    newQueue();
    let active = 0;
    let maxActive = 0;
    let done = 0;
    sut.process(
      'geocode',
      async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(40);
        active -= 1;
        done += 1;
      },
      { concurrency: 2 },
    );

    for (let i = 0; i < 6; i += 1) await sut.enqueue('geocode', { i });

    await waitUntil(() => done === 6);
    expect(maxActive).toBe(2);
  });

  it('runs a delayed job only after its delay', async () => {
    newQueue();
    let ranAt = 0;
    sut.process('later', async () => {
      ranAt = Date.now();
    });

    const enqueuedAt = Date.now();
    await sut.enqueue('later', {}, { delayMs: 150 });

    expect((await sut.counts())['later']).toMatchObject({ delayed: 1 });
    await waitUntil(() => ranAt > 0);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(140);
  });

  it('counts waiting and delayed jobs per name', async () => {
    newQueue();
    await sut.enqueue('report', {});
    await sut.enqueue('report', {});
    await sut.enqueue('report', {}, { delayMs: 60_000 });

    expect(await sut.counts()).toEqual({ report: { waiting: 2, active: 0, delayed: 1, failed: 0, completed: 0 } });
  });

  it('waits for a running job when closed', async () => {
    newQueue();
    let started = false;
    let finished = false;
    sut.process('slow', async () => {
      started = true;
      await sleep(200);
      finished = true;
    });
    await sut.enqueue('slow', {});
    await waitUntil(() => started);

    await sut.close();

    expect(finished).toBe(true);
  });

  it('refuses new jobs once closed', async () => {
    newQueue();
    await sut.close();

    await expect(sut.enqueue('any', {})).rejects.toThrow(/closed/);
  });
}

describe('job queue (in-process)', () => {
  describeJobQueue((logger) => createQueue({ prefix: 'test', logger }));
});

describe('job queue (BullMQ) without a reachable Redis', () => {
  // Nothing listens on port 1: every connection attempt is refused at once.
  const unreachable = 'redis://127.0.0.1:1';

  it('refuses to enqueue or count quickly instead of hanging the caller, and still closes', async () => {
    const { logger } = createCapturingLogger();
    const sut = createQueue({ redisUrl: unreachable, prefix: 'test', logger });
    sut.process('any', async () => {});
    const startedAt = Date.now();

    await expect(sut.enqueue('any', {})).rejects.toThrow(/Redis is unavailable/);
    await expect(sut.counts()).rejects.toThrow(/Redis is unavailable/);
    expect(Date.now() - startedAt).toBeLessThan(5_000);

    await sut.close();
  });
});

describeOnRedis('job queue (BullMQ)', () => {
  // A fresh prefix per queue: jobs left by one test (delayed, failed) never reach another.
  const prefixes: string[] = [];
  const redisUrl = testRedisUrl ?? '';

  afterAll(async () => {
    const redis = createRedisConnection(redisUrl, 'queue-test-cleanup');
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.unlink(...keys);
    }
    await redis.quit();
  });

  describeJobQueue((logger) => {
    const prefix = `test-queue-${randomUUID()}`;
    prefixes.push(prefix);
    return createQueue({ redisUrl, prefix, logger });
  });
});
