import { currentCorrelationId } from '../log/context.ts';
import type { Tx } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface Actor {
  userId: string | null;
  tokenId: string | null;
}

export interface AuditEntry {
  tenantId: string;
  actor: Actor;
  action: string; // verb.object, e.g. "member.invited"
  entityType: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

// Written in the same transaction as the change it records, so neither exists without the other.
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: newId(),
      tenant_id: entry.tenantId,
      actor_user_id: entry.actor.userId,
      actor_token_id: entry.actor.tokenId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      correlation_id: currentCorrelationId(),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
