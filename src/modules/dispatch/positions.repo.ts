import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';

export interface PositionValues {
  recordedAt: Date;
  lat: number;
  lng: number;
  accuracyM: number | null;
  speedKmh: number | null;
  heading: number | null;
}

export interface PositionRow extends PositionValues {
  technicianId: string;
}

export interface NewestPosition {
  recordedAt: Date;
  lat: number;
  lng: number;
}

const positionColumns = ['p.technician_id as technicianId', 'p.recorded_at as recordedAt', 'p.lat', 'p.lng', 'p.accuracy_m as accuracyM', 'p.speed_kmh as speedKmh', 'p.heading'] as const;

// All SQL of GPS positions. Methods marked (system) work across tenants and are called only
// inside db.asSystem, by the retention job.
export class PositionsRepo {
  async newest(tx: Tx, technicianId: string): Promise<NewestPosition | undefined> {
    return tx
      .selectFrom('technician_positions')
      .select(['recorded_at as recordedAt', 'lat', 'lng'])
      .where('technician_id', '=', technicianId)
      .orderBy('recorded_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  // Stores the positions not stored before; returns how many were new.
  async insertNew(tx: Tx, tenantId: string, technicianId: string, positions: readonly PositionValues[], receivedAt: Date): Promise<number> {
    const inserted = await tx
      .insertInto('technician_positions')
      .values(
        positions.map((position) => ({
          tenant_id: tenantId,
          technician_id: technicianId,
          recorded_at: position.recordedAt,
          lat: position.lat,
          lng: position.lng,
          accuracy_m: position.accuracyM,
          speed_kmh: position.speedKmh,
          heading: position.heading,
          received_at: receivedAt,
        })),
      )
      .onConflict((conflict) => conflict.columns(['technician_id', 'recorded_at']).doNothing())
      .returning('recorded_at')
      .execute();
    return inserted.length;
  }

  // Oldest first; `limit` rows at most.
  async trail(tx: Tx, technicianId: string, range: { from: Date; to: Date }, limit: number): Promise<PositionRow[]> {
    return tx
      .selectFrom('technician_positions as p')
      .select(positionColumns)
      .where('p.technician_id', '=', technicianId)
      .where('p.recorded_at', '>=', range.from)
      .where('p.recorded_at', '<=', range.to)
      .orderBy('p.recorded_at')
      .limit(limit)
      .execute();
  }

  // The newest position of each technician that has one; one index probe per technician.
  async latest(tx: Tx, filter: { activeOnly?: boolean; technicianIds?: readonly string[] }): Promise<PositionRow[]> {
    if (filter.technicianIds?.length === 0) return [];
    let query = tx
      .selectFrom('technicians as t')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('technician_positions as p')
            .select(positionColumns)
            .whereRef('p.tenant_id', '=', 't.tenant_id')
            .whereRef('p.technician_id', '=', 't.id')
            .orderBy('p.recorded_at', 'desc')
            .limit(1)
            .as('p'),
        (join) => join.onTrue(),
      )
      .select(['p.technicianId', 'p.recordedAt', 'p.lat', 'p.lng', 'p.accuracyM', 'p.speedKmh', 'p.heading'])
      .orderBy('t.id');
    if (filter.activeOnly) query = query.where('t.active', '=', true);
    if (filter.technicianIds) query = query.where('t.id', 'in', filter.technicianIds);
    return query.execute();
  }

  // (system)
  async technicianIdsWithPositionsBefore(tx: Tx, cutoff: Date): Promise<string[]> {
    const rows = await tx
      .selectFrom('technicians as t')
      .select('t.id')
      .where((eb) => eb.exists(eb.selectFrom('technician_positions as p').select(sql.lit(1).as('one')).whereRef('p.technician_id', '=', 't.id').where('p.recorded_at', '<', cutoff)))
      .execute();
    return rows.map((row) => row.id);
  }

  // (system) Removes positions recorded before the cutoff except the technician's newest, which
  // stays as the last known position however old it is. Returns how many were removed.
  async removeBefore(tx: Tx, technicianId: string, cutoff: Date): Promise<number> {
    const removed = await tx
      .deleteFrom('technician_positions')
      .where('technician_id', '=', technicianId)
      .where('recorded_at', '<', cutoff)
      .where('recorded_at', '<', (eb) => eb.selectFrom('technician_positions').select((inner) => inner.fn.max('recorded_at').as('newest')).where('technician_id', '=', technicianId))
      .executeTakeFirst();
    return Number(removed.numDeletedRows);
  }
}
