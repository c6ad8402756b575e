import { once } from 'node:events';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log/logger.ts';
import { createBullmqConnection, createRedisConnection } from '../redis.ts';
import { finishedJobsKept, resolveEnqueueOptions, runJob, wrapJobData, type JobEnvelope } from './job-envelope.ts';
import type { EnqueueOptions, JobContext, JobCounts, JobQueue } from './queue.ts';

type Envelope = JobEnvelope<unknown>;

const producerWaitMs = 2_000;

// Redis driver: one BullMQ Queue (and, once a handler is registered, one Worker) per job name.
export function createBullmqQueue(options: { redisUrl: string; prefix: string; logger: Logger }): JobQueue {
  const { prefix, logger } = options;
  // enqueue() runs inside HTTP requests: while Redis is down it must fail fast, not wait for the
  // reconnect as BullMQ would on a worker connection (its docs: "failing fast when Redis is down").
  const producer = createRedisConnection(options.redisUrl, `queue:${prefix}`);
  // Workers need maxRetriesPerRequest null. Each Worker duplicates this template for its own
  // connections and closes those itself; both connections here are ours to close.
  let consumer: Redis | undefined;
  const queues = new Map<string, Queue<Envelope>>();
  const workers = new Map<string, Worker<Envelope>>();
  let closed = false;
  let closing: Promise<void> | undefined;

  // BullMQ waits for a ready connection before its first command, however long Redis is down.
  // Requests and health probes give up after a short wait instead; checked before add() is
  // called, so no job shows up after its caller was told it failed.
  async function producerReady(action: string): Promise<void> {
    if (producer.status === 'ready') return;
    try {
      await once(producer, 'ready', { signal: AbortSignal.timeout(producerWaitMs) });
    } catch (error) {
      throw new Error(`Redis is unavailable: cannot ${action}`, { cause: error });
    }
  }

  function queueFor(name: string): Queue<Envelope> {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue<Envelope>(name, {
        connection: producer,
        prefix,
        defaultJobOptions: {
          removeOnComplete: { count: finishedJobsKept.completed },
          removeOnFail: { count: finishedJobsKept.failed },
        },
      });
      // Without a listener BullMQ prints these (e.g. Redis restarting) to the console, unlogged.
      queue.on('error', (error) => logger.warn({ err: error, jobName: name }, 'job queue error'));
      queues.set(name, queue);
    }
    return queue;
  }

  return {
    async enqueue<T>(name: string, data: T, enqueueOptions?: EnqueueOptions) {
      if (closed) throw new Error(`queue is closed: cannot enqueue "${name}"`);
      const resolved = resolveEnqueueOptions(enqueueOptions);
      await producerReady(`enqueue "${name}"`);
      // An existing jobId makes add() return the job already there: that is the deduplication.
      const job = await queueFor(name).add(name, wrapJobData(data), {
        ...(resolved.jobId !== undefined && { jobId: resolved.jobId }),
        attempts: resolved.attempts,
        backoff: { type: 'exponential', delay: resolved.backoffMs },
        delay: resolved.delayMs,
      });
      if (job.id === undefined) throw new Error(`BullMQ returned no id for job "${name}"`);
      return job.id;
    },

    process<T>(name: string, handler: (job: JobContext<T>) => Promise<void>, processOptions: { concurrency?: number } = {}) {
      if (closed) throw new Error(`queue is closed: cannot process "${name}"`);
      if (workers.has(name)) throw new Error(`a handler for job "${name}" is already registered`);
      const concurrency = processOptions.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a positive integer');
      queueFor(name); // so counts() reports this name before anything is enqueued
      const worker = new Worker<Envelope>(
        name,
        async (job) => {
          const { data, correlationId, tenantId } = job.data;
          const context: JobContext<T> = {
            id: job.id ?? '',
            name,
            data: data as T,
            // attemptsMade counts the runs already finished, so this run is the next one.
            attempt: job.attemptsMade + 1,
            correlationId,
            ...(tenantId !== undefined && { tenantId }),
          };
          await runJob(context, job.opts.attempts ?? 1, handler, logger);
        },
        { connection: (consumer ??= createBullmqConnection(options.redisUrl, `queue-worker:${prefix}`)), prefix, concurrency },
      );
      worker.on('error', (error) => logger.error({ err: error, jobName: name }, 'job worker error'));
      workers.set(name, worker);
    },

    async counts() {
      if (queues.size > 0) await producerReady('count jobs');
      const entries = await Promise.all(
        [...queues].map(async ([name, queue]) => {
          const raw = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          const counts: JobCounts = {
            waiting: raw.waiting ?? 0,
            active: raw.active ?? 0,
            delayed: raw.delayed ?? 0,
            failed: raw.failed ?? 0,
            completed: raw.completed ?? 0,
          };
          return [name, counts] as const;
        }),
      );
      return Object.fromEntries(entries);
    },

    close() {
      closed = true;
      closing ??= (async () => {
        // Worker.close() stops fetching and waits for the jobs it is running. While Redis is
        // unreachable it never resolves (bullmq#4656, open); no job can finish then anyway, so
        // force it.
        const force = consumer?.status !== 'ready';
        await Promise.all([...workers.values()].map((worker) => worker.close(force)));
        await Promise.all([...queues.values()].map((queue) => queue.close()));
        await Promise.all([producer.quit(), consumer?.quit()]);
      })();
      return closing;
    },
  };
}
