import type { Logger } from './log/logger.ts';

// Runs one pass of background work every intervalMs, never two at once; a failed pass is logged
// and retried at the next tick. stop() waits for a pass under way.
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly options: { name: string; intervalMs: number; logger: Logger; pass: () => Promise<number> },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const { name, intervalMs, logger, pass } = this.options;
    this.timer = setTimeout(() => {
      this.running = pass()
        .then((count) => {
          if (count > 0) logger.info({ count }, name);
        })
        .catch((error: unknown) => logger.error({ err: error }, `${name}: pass failed; will retry`))
        .finally(() => this.schedule());
    }, intervalMs);
    this.timer.unref();
  }
}
