import { v5 as uuidv5 } from 'uuid';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, invalidInput, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor, parseFields, pickFields, type Page } from '../../core/http/list-query.ts';
import { updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import type { CustomersService, MemberDirectory } from './customers.service.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import { nextOccurrence, parseRecurrence } from './reminders.recurrence.ts';
import type { ReminderChanges, ReminderFilters, RemindersRepo } from './reminders.repo.ts';
import { reminderFields, type CreateReminderInput, type Reminder, type ReminderListInput, type UpdateReminderInput } from './reminders.schemas.ts';

export interface RemindersServiceOptions {
  db: Database;
  repo: RemindersRepo;
  clock: Clock;
  customers: CustomersService;
  members: MemberDirectory;
}

// The next occurrence of a series gets an id derived from the one done, so however often that
// one is marked done (twice, concurrently, done–undone–done) the next exists at most once.
const nextOccurrenceNamespace = '6f1d7c1e-4b4a-4c55-9d2e-2b8f0f7a9c31';
export const nextOccurrenceId = (reminderId: string) => uuidv5(reminderId, nextOccurrenceNamespace);

export class RemindersService {
  constructor(private readonly options: RemindersServiceOptions) {}

  // Unless told otherwise the reminder is for whoever sets it (an API token sets it for no one).
  async create(principal: Principal, customerId: string, input: CreateReminderInput): Promise<Reminder> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const assigneeUserId = input.assigneeUserId === undefined ? principal.userId : input.assigneeUserId;
    await this.validateAssignee(principal.tenantId, input.assigneeUserId, errors);
    const recurrence = validateRecurrence(input.recurrence, errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.assertCustomerLive(principal, customerId);
      const reminder = await repo.insert(
        tx,
        principal.tenantId,
        { id: newId(), customerId, title: input.title.trim(), dueAt: new Date(input.dueAt), assigneeUserId, recurrence: recurrence ?? null, createdBy: principal.userId },
        clock.now(),
      );
      await this.recordChange(tx, principal, 'reminder.created', reminder, { title: reminder.title, dueAt: reminder.dueAt });
      return reminder;
    });
  }

  async get(principal: Principal, id: string): Promise<Reminder> {
    const reminder = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.findById(tx, id));
    if (!reminder) throw notFound('Reminder');
    return reminder;
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateReminderInput): Promise<Reminder> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    await this.validateAssignee(principal.tenantId, input.assigneeUserId, errors);
    const recurrence = validateRecurrence(input.recurrence, errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Reminder');
      const changes: ReminderChanges = {
        ...(input.title !== undefined && { title: input.title.trim() }),
        ...(input.dueAt !== undefined && { dueAt: new Date(input.dueAt) }),
        ...(input.assigneeUserId !== undefined && { assigneeUserId: input.assigneeUserId }),
        ...(recurrence !== undefined && { recurrence }),
      };
      const outcome = await repo.update(tx, id, expectedVersion, changes, clock.now());
      const saved = updatedOrThrow(outcome, 'Reminder');
      await this.recordChange(tx, principal, 'reminder.updated', saved, changedFields(current, saved));
      return saved;
    });
  }

  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Reminder> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: clock.now() }, clock.now());
      const saved = updatedOrThrow(outcome, 'Reminder');
      await this.recordChange(tx, principal, 'reminder.deleted', saved, {});
      return saved;
    });
  }

  // Idempotent: a reminder already done stays as it is. Done with a recurrence creates the next
  // occurrence in the same transaction (see nextOccurrenceId for why only once).
  async markDone(principal: Principal, id: string): Promise<Reminder> {
    const { db, repo, clock } = this.options;
    const now = clock.now();
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await this.getCompletable(tx, principal, id);
      const done = await repo.markDone(tx, id, principal.userId, now);
      // Already done (perhaps by a concurrent call that just committed): read what is there now.
      if (!done) return (await repo.findById(tx, id)) ?? current;
      await this.recordChange(tx, principal, 'reminder.done', done, {});
      const next = done.recurrence ? nextOccurrence(done.recurrence, new Date(done.dueAt), now) : null;
      if (next) {
        const created = await repo.insertUnlessExists(
          tx,
          principal.tenantId,
          { id: nextOccurrenceId(done.id), customerId: done.customerId, title: done.title, dueAt: next.dueAt, assigneeUserId: done.assignee?.id ?? null, recurrence: next.recurrence, createdBy: principal.userId },
          now,
        );
        if (created) await this.recordChange(tx, principal, 'reminder.created', created, { title: created.title, dueAt: created.dueAt, previousReminderId: done.id });
      }
      return done;
    });
  }

  // Reopens a done reminder. A next occurrence already created stays; marking this one done again
  // does not create another.
  async markUndone(principal: Principal, id: string): Promise<Reminder> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await this.getCompletable(tx, principal, id);
      const reopened = await repo.markOpen(tx, id, clock.now());
      if (!reopened) return (await repo.findById(tx, id)) ?? current;
      await this.recordChange(tx, principal, 'reminder.undone', reopened, {});
      return reopened;
    });
  }

  async list(principal: Principal, query: ReminderListInput): Promise<Page<Partial<Reminder>>> {
    const { db, repo } = this.options;
    const fields = parseFields(query.fields, reminderFields);
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
    const filters: ReminderFilters = {
      assigneeUserId: query.assignee === 'me' ? meOf(principal) : query.assignee,
      status: query.status,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      customerId: query.customerId,
    };
    return db.inTenant(principal.tenantId, async (tx) => {
      const rows = await repo.list(tx, filters, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const page: Page<Partial<Reminder>> = {
        items: items.map((item) => pickFields(item, fields)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.dueAt, last.id]) : null,
      };
      if (query.withTotal) page.total = await repo.count(tx, filters);
      return page;
    });
  }

  // Technicians may tick off (and reopen) only what is assigned to them; dispatchers and up, any.
  private async getCompletable(tx: Tx, principal: Principal, id: string): Promise<Reminder> {
    const current = await this.options.repo.findById(tx, id);
    if (!current) throw notFound('Reminder');
    if (principal.role === 'technician' && (principal.userId === null || current.assignee?.id !== principal.userId)) {
      throw new AppError('forbidden', 'A technician can mark done only reminders assigned to them');
    }
    return current;
  }

  private async validateAssignee(tenantId: string, assigneeUserId: string | null | undefined, errors: FieldErrors): Promise<void> {
    if (!assigneeUserId) return;
    if (!(await this.options.members.isMember(tenantId, assigneeUserId))) errors.add('/body/assigneeUserId', 'member', 'is not a member of this company');
  }

  private async assertCustomerLive(principal: Principal, customerId: string): Promise<void> {
    const customer = await this.options.customers.get(principal, customerId);
    if (customer.deletedAt) throw notFound('Customer');
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, reminder: Reminder, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'reminder', entityId: reminder.id, details: { customerId: reminder.customerId, ...details } });
    await recordEvent(tx, {
      tenantId: principal.tenantId,
      type: action,
      payload: { reminderId: reminder.id, customerId: reminder.customerId, assigneeUserId: reminder.assignee?.id ?? null, dueAt: reminder.dueAt, version: reminder.version },
    });
  }
}

// undefined: not sent; null: no recurrence; a string: the normalised rule.
function validateRecurrence(recurrence: string | null | undefined, errors: FieldErrors): string | null | undefined {
  if (recurrence === undefined || recurrence === null) return recurrence;
  const check = parseRecurrence(recurrence);
  if (check.ok) return check.rule;
  errors.add('/body/recurrence', check.rule, check.message);
  return undefined;
}

function meOf(principal: Principal): string {
  if (!principal.userId) throw invalidInput('/querystring/assignee', 'me', 'an API token is not a user; ask for a user id instead of "me"');
  return principal.userId;
}

const editableFields = ['title', 'dueAt', 'recurrence'] as const;

function changedFields(before: Reminder, after: Reminder): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of editableFields) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  if ((before.assignee?.id ?? null) !== (after.assignee?.id ?? null)) changes.assigneeUserId = { from: before.assignee?.id ?? null, to: after.assignee?.id ?? null };
  return changes;
}
