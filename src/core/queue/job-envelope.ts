import { currentContext, currentCorrelationId, runWithContext } from '../log/context.ts';
import type { Logger } from '../log/logger.ts';
import type { EnqueueOptions, JobContext } from './queue.ts';

// Rules both drivers share, so a job behaves the same in-process and on Redis.

export interface ResolvedEnqueueOptions {
  jobId?: string;
  attempts: number;
  backoffMs: number;
  delayMs: number;
}

// Finished jobs kept per job name; a jobId is deduplicated for as long as its job is kept.
export const finishedJobsKept = { completed: 1_000, failed: 5_000 } as const;

export function resolveEnqueueOptions(options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  const resolved = {
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 1_000,
    delayMs: options.delayMs ?? 0,
    ...(options.jobId !== undefined && { jobId: assertValidJobId(options.jobId) }),
  };
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new Error(`job attempts must be a positive integer, got ${resolved.attempts}`);
  }
  if (resolved.backoffMs < 0 || resolved.delayMs < 0) throw new Error('job backoffMs and delayMs cannot be negative');
  return resolved;
}

// BullMQ refuses custom ids that look like integers (its own ids are a counter) or contain ':'
// (its key separator). The in-process driver refuses them too, so no surprise in production.
function assertValidJobId(jobId: string): string {
  if (jobId === '' || jobId.includes(':') || `${Number.parseInt(jobId, 10)}` === jobId) {
    throw new Error(`invalid jobId ${JSON.stringify(jobId)}: must be non-empty, not an integer, without ':'`);
  }
  return jobId;
}

// Same curve as BullMQ's 'exponential' backoff: backoffMs, 2×, 4×, …
export function retryDelayMs(backoffMs: number, failedAttempts: number): number {
  return Math.round(backoffMs * 2 ** (failedAttempts - 1));
}

// What is stored for a job: its data plus the work context it was enqueued from.
export interface JobEnvelope<T> {
  data: T;
  correlationId: string;
  tenantId?: string;
}

export function wrapJobData<T>(data: T): JobEnvelope<T> {
  const tenantId = currentContext()?.tenantId;
  return { data, correlationId: currentCorrelationId(), ...(tenantId !== undefined && { tenantId }) };
}

// Runs the handler inside the job's work context, so every log line it writes carries the
// correlation id of the request that enqueued it. Failures are logged here, then rethrown for
// the driver to retry.
export async function runJob<T>(
  job: JobContext<T>,
  maxAttempts: number,
  handler: (job: JobContext<T>) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const context = { correlationId: job.correlationId, ...(job.tenantId !== undefined && { tenantId: job.tenantId }) };
  await runWithContext(context, async () => {
    const startedAt = performance.now();
    const fields = { jobId: job.id, jobName: job.name, attempt: job.attempt, maxAttempts };
    try {
      await handler(job);
      logger.debug({ ...fields, durationMs: Math.round(performance.now() - startedAt) }, 'job completed');
    } catch (error) {
      const willRetry = job.attempt < maxAttempts;
      if (willRetry) logger.warn({ ...fields, err: error }, 'job failed, will retry');
      else logger.error({ ...fields, err: error }, 'job failed, giving up');
      throw error;
    }
  });
}
