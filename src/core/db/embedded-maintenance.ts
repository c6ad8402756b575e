import { sql } from 'kysely';
import type { Database } from './database.ts';
import type { Logger } from '../log/logger.ts';

// PGlite runs no autovacuum: without this, the planner never gets statistics (searches then read
// a whole tenant through the wrong index: seconds instead of milliseconds at 100k rows) and GIN
// indexes keep growing unmerged pending lists. A VACUUM (ANALYZE) shortly after start and then
// periodically does what autovacuum would. PostgreSQL servers have autovacuum; this is not used there.
export class EmbeddedMaintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: { firstRunMs: number; everyMs: number } = { firstRunMs: 30_000, everyMs: 3_600_000 },
  ) {}

  start(): void {
    if (this.db.kind !== 'embedded') return;
    this.schedule(this.options.firstRunMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async runOnce(): Promise<void> {
    const started = performance.now();
    await sql`vacuum (analyze)`.execute(this.db.kysely);
    this.logger.info({ ms: Math.round(performance.now() - started) }, 'embedded database vacuumed and analysed');
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'embedded database maintenance failed'))
        .finally(() => {
          if (this.timer) this.schedule(this.options.everyMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
