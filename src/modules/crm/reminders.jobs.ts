import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import { newCorrelationId, runWithContext } from '../../core/log/context.ts';
import type { Logger } from '../../core/log/logger.ts';
import type { RemindersRepo } from './reminders.repo.ts';

export interface ReminderJobsOptions {
  db: Database;
  repo: RemindersRepo;
  clock: Clock;
  logger: Logger;
  // How often the scheduler looks for due reminders; a reminder is announced at most this late.
  intervalMs?: number;
  batchSize?: number;
}

// Announces due reminders: each open reminder whose due time has come gets one `reminder.due`
// event (notifications, real-time push react to it through the outbox). Marking it announced and
// recording the event happen in one transaction, so a crash loses neither nor doubles them.
export class ReminderJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly options: ReminderJobsOptions) {}

  // One pass over all tenants; returns how many reminders were announced. Safe to run on several
  // workers at once (rows are claimed with SKIP LOCKED) and to repeat (announced ones are marked).
  async emitDueReminders(now: Date = this.options.clock.now()): Promise<number> {
    const { db, repo } = this.options;
    const batchSize = this.options.batchSize ?? 200;
    return runWithContext({ correlationId: newCorrelationId() }, async () => {
      let total = 0;
      for (;;) {
        const announced = await db.asSystem(async (tx) => {
          const due = await repo.claimDue(tx, now, batchSize);
          for (const reminder of due) {
            await recordEvent(tx, {
              tenantId: reminder.tenantId,
              type: 'reminder.due',
              payload: { reminderId: reminder.id, customerId: reminder.customerId, assigneeUserId: reminder.assigneeUserId, title: reminder.title, dueAt: reminder.dueAt.toISOString() },
            });
          }
          return due.length;
        });
        total += announced;
        if (announced < batchSize) return total;
      }
    });
  }

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
    this.timer = setTimeout(() => {
      this.running = this.emitDueReminders()
        .then((count) => {
          if (count > 0) this.options.logger.info({ count }, 'due reminders announced');
        })
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'due reminder pass failed; will retry'))
        .finally(() => this.schedule());
    }, this.options.intervalMs ?? 30_000);
    this.timer.unref();
  }
}
