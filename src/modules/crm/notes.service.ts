import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import type { CustomersService } from './customers.service.ts';
import type { NotesRepo } from './notes.repo.ts';
import type { CreateNoteInput, Note, UpdateNoteInput } from './notes.schemas.ts';

export interface NotesServiceOptions {
  db: Database;
  repo: NotesRepo;
  clock: Clock;
  customers: CustomersService;
}

export class NotesService {
  constructor(private readonly options: NotesServiceOptions) {}

  // The author is the logged-in user; an API token writes notes without one.
  async create(principal: Principal, customerId: string, input: CreateNoteInput): Promise<Note> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.assertCustomerLive(principal, customerId);
      const note = await repo.insert(tx, principal.tenantId, { id: newId(), customerId, body: input.body.trim(), authorUserId: principal.userId }, clock.now());
      await this.recordChange(tx, principal, 'note.created', note, {});
      return note;
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateNoteInput): Promise<Note> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Note');
      const outcome = await repo.update(tx, id, expectedVersion, { ...(input.body !== undefined && { body: input.body.trim() }) }, clock.now());
      const saved = updatedOrThrow(outcome, 'Note');
      const changes = current.body === saved.body ? {} : { body: { from: current.body, to: saved.body } };
      await this.recordChange(tx, principal, 'note.updated', saved, changes);
      return saved;
    });
  }

  // Soft delete: the note leaves the timeline; the row and its audit trail stay.
  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Note> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: clock.now() }, clock.now());
      const saved = updatedOrThrow(outcome, 'Note');
      await this.recordChange(tx, principal, 'note.deleted', saved, {});
      return saved;
    });
  }

  private async assertCustomerLive(principal: Principal, customerId: string): Promise<void> {
    const customer = await this.options.customers.get(principal, customerId);
    if (customer.deletedAt) throw notFound('Customer');
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, note: Note, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'note', entityId: note.id, details: { customerId: note.customerId, ...details } });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { noteId: note.id, customerId: note.customerId, version: note.version } });
  }
}
