import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import { newCorrelationId, runWithContext } from '../../core/log/context.ts';
import type { Logger } from '../../core/log/logger.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
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
  private readonly task: PeriodicTask;

  constructor(private readonly options: ReminderJobsOptions) {
    this.task = new PeriodicTask({ name: 'due reminders announced', intervalMs: options.intervalMs ?? 30_000, logger: options.logger, pass: () => this.emitDueReminders() });
  }

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
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
