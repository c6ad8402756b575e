import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import type { ContactsService } from './contacts.service.ts';
import type { CustomersService } from './customers.service.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { InteractionChanges, InteractionsRepo } from './interactions.repo.ts';
import type { CreateInteractionInput, Interaction, UpdateInteractionInput } from './interactions.schemas.ts';

export interface InteractionsServiceOptions {
  db: Database;
  repo: InteractionsRepo;
  clock: Clock;
  customers: CustomersService;
  contacts: ContactsService;
}

// Calls, e-mails, texts, visits and meetings with a customer, logged by the member who had them.
export class InteractionsService {
  constructor(private readonly options: InteractionsServiceOptions) {}

  async create(principal: Principal, customerId: string, input: CreateInteractionInput): Promise<Interaction> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.assertCustomerLive(principal, customerId);
      const errors = new FieldErrors();
      await this.validateContact(principal, customerId, input.contactId, errors);
      errors.throwIfAny();
      const interaction = await repo.insert(
        tx,
        principal.tenantId,
        {
          id: newId(),
          customerId,
          contactId: input.contactId ?? null,
          kind: input.kind,
          direction: input.direction ?? null,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : clock.now(),
          userId: principal.userId,
          subject: blankToNull(input.subject),
          outcome: blankToNull(input.outcome),
        },
        clock.now(),
      );
      await this.recordChange(tx, principal, 'interaction.created', interaction, { kind: interaction.kind });
      return interaction;
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateInteractionInput): Promise<Interaction> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Interaction');
      const errors = new FieldErrors();
      await this.validateContact(principal, current.customerId, input.contactId, errors);
      errors.throwIfAny();
      const changes: InteractionChanges = {
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.direction !== undefined && { direction: input.direction }),
        ...(input.occurredAt !== undefined && { occurredAt: new Date(input.occurredAt) }),
        ...(input.contactId !== undefined && { contactId: input.contactId }),
        ...(input.subject !== undefined && { subject: blankToNull(input.subject) }),
        ...(input.outcome !== undefined && { outcome: blankToNull(input.outcome) }),
      };
      const outcome = await repo.update(tx, id, expectedVersion, changes, clock.now());
      const saved = updatedOrThrow(outcome, 'Interaction');
      await this.recordChange(tx, principal, 'interaction.updated', saved, changedFields(current, saved));
      return saved;
    });
  }

  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Interaction> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: clock.now() }, clock.now());
      const saved = updatedOrThrow(outcome, 'Interaction');
      await this.recordChange(tx, principal, 'interaction.deleted', saved, {});
      return saved;
    });
  }

  // The contact must be a live contact person of the same customer.
  private async validateContact(principal: Principal, customerId: string, contactId: string | null | undefined, errors: FieldErrors): Promise<void> {
    if (!contactId) return;
    const contact = await this.options.contacts.get(principal, contactId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (!contact || contact.deletedAt || contact.customerId !== customerId) errors.add('/body/contactId', 'contact', 'is not a contact person of this customer');
  }

  private async assertCustomerLive(principal: Principal, customerId: string): Promise<void> {
    const customer = await this.options.customers.get(principal, customerId);
    if (customer.deletedAt) throw notFound('Customer');
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, interaction: Interaction, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'interaction', entityId: interaction.id, details: { customerId: interaction.customerId, ...details } });
    await recordEvent(tx, {
      tenantId: principal.tenantId,
      type: action,
      payload: { interactionId: interaction.id, customerId: interaction.customerId, kind: interaction.kind, version: interaction.version },
    });
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const editableFields = ['kind', 'direction', 'occurredAt', 'contactId', 'subject', 'outcome'] as const;

function changedFields(before: Interaction, after: Interaction): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of editableFields) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  return changes;
}
