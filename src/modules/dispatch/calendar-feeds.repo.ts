import type { Tx } from '../../core/db/database.ts';

export interface CalendarFeedRow {
  id: string;
  tenantId: string;
  technicianId: string;
  createdAt: Date;
}

// All SQL of calendar feeds. Methods marked (system) run before the tenant is known (a calendar
// app fetching the feed by its secret) and are called only inside db.asSystem.
export class CalendarFeedsRepo {
  async insert(tx: Tx, feed: { id: string; tenantId: string; technicianId: string; tokenSha256: string; createdBy: string | null }, now: Date): Promise<void> {
    await tx
      .insertInto('calendar_feeds')
      .values({ id: feed.id, tenant_id: feed.tenantId, technician_id: feed.technicianId, token_sha256: feed.tokenSha256, created_by: feed.createdBy, created_at: now })
      .execute();
  }

  // Marks every active feed of the technician revoked; returns the ids revoked.
  async revokeActive(tx: Tx, technicianId: string, now: Date): Promise<string[]> {
    const rows = await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('technician_id', '=', technicianId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  // (system)
  async findActiveByHash(tx: Tx, tokenSha256: string): Promise<CalendarFeedRow | undefined> {
    return tx
      .selectFrom('calendar_feeds')
      .select(['id', 'tenant_id as tenantId', 'technician_id as technicianId', 'created_at as createdAt'])
      .where('token_sha256', '=', tokenSha256)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }
}
