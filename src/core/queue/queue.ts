import type { Logger } from '../log/logger.ts';
import { createBullmqQueue } from './bullmq-queue.ts';
import { createMemoryQueue } from './memory-queue.ts';

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
  // 1 on the first run, 2 on the first retry, …
  attempt: number;
  correlationId: string;
  tenantId?: string;
}

export interface EnqueueOptions {
  // A job with this id that is still known (pending or recently finished) is not added again.
  jobId?: string;
  // Total runs including the first; default 3.
  attempts?: number;
  // First retry waits this long, each next one twice as long; default 1000.
  backoffMs?: number;
  delayMs?: number;
}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface JobQueue {
  // Data travels as JSON on both drivers: send ids and plain values, not Dates or class instances.
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;
  process<T>(name: string, handler: (job: JobContext<T>) => Promise<void>, options?: { concurrency?: number }): void;
  counts(): Promise<Record<string, JobCounts>>;
  // Graceful: takes no new jobs and resolves once the running ones have finished.
  close(): Promise<void>;
}

export interface QueueOptions {
  // Without it jobs live in this process only and are lost when it stops.
  redisUrl?: string;
  prefix: string;
  logger: Logger;
}

export function createQueue(options: QueueOptions): JobQueue {
  if (options.redisUrl) {
    return createBullmqQueue({ redisUrl: options.redisUrl, prefix: options.prefix, logger: options.logger });
  }
  return createMemoryQueue({ logger: options.logger });
}
