import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { invalidInput } from '../../core/errors.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import type { Principal } from '../../core/http/access.ts';
import type { Logger } from '../../core/log/logger.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
import type { NewestPosition, PositionRow, PositionsRepo, PositionValues } from './positions.repo.ts';
import { maxTrailPoints, type LastKnownPosition, type RecordPositionsInput, type RecordPositionsResult, type Trail, type TrailPoint, type TrailRange } from './positions.schemas.ts';
import type { TechniciansService } from './technicians.service.ts';

// Called in the recording transaction when a batch moved a technician's newest position
// (dispatch recomputes ETAs from it). A late batch of older fixes does not call it. If it throws,
// the batch is not stored and the device sends it again.
export type PositionListener = (tx: Tx, tenantId: string, technicianId: string, latest: NewestPosition) => Promise<void>;

export interface PositionsServiceOptions {
  db: Database;
  repo: PositionsRepo;
  technicians: Pick<TechniciansService, 'ownIn' | 'findIn' | 'lockIn'>;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  onPositions?: PositionListener;
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
// Phones' clocks drift; a fix further ahead than this is a wrong clock, not a real position.
const allowedClockSkewMs = 5 * minuteMs;
const defaultTrailMs = 12 * 60 * minuteMs;
// The first pass runs one interval after start; a server restarted more often than daily would
// never purge with a daily interval. Retention is still in days: a pass with nothing due is cheap.
const purgeIntervalMs = 6 * 60 * minuteMs;

// Technicians' GPS positions: the device sends batches late, out of order and more than once;
// dispatchers read a trail and the last known position of everyone. Positions older than the
// retention window are removed, except each technician's newest.
export class PositionsService {
  private readonly purge: PeriodicTask;

  constructor(private readonly options: PositionsServiceOptions) {
    this.purge = new PeriodicTask({ name: 'old GPS positions removed', intervalMs: purgeIntervalMs, logger: options.logger, pass: () => this.purgeOldPositions(options.clock.now()) });
  }

  start(): void {
    this.purge.start();
  }

  stop(): Promise<void> {
    return this.purge.stop();
  }

  async record(principal: Principal, input: RecordPositionsInput): Promise<RecordPositionsResult> {
    const { db, repo, technicians, clock, onPositions } = this.options;
    const now = clock.now();
    const positions = this.checkedPositions(input, now);
    return db.inTenant(principal.tenantId, async (tx) => {
      const technician = await technicians.ownIn(tx, principal);
      await technicians.lockIn(tx, technician.id);
      const before = await repo.newest(tx, technician.id);
      const accepted = await repo.insertNew(tx, principal.tenantId, technician.id, positions, now);
      const latest = await repo.newest(tx, technician.id);
      // The batch is not empty, so there is a newest position now.
      if (!latest) throw new Error('no position after inserting a batch');
      if (onPositions && (!before || latest.recordedAt.getTime() > before.recordedAt.getTime())) await onPositions(tx, principal.tenantId, technician.id, latest);
      return { accepted, duplicates: positions.length - accepted, latest: { recordedAt: latest.recordedAt.toISOString(), lat: latest.lat, lng: latest.lng } };
    });
  }

  async trail(principal: Principal, technicianId: string, range: TrailRange): Promise<Trail> {
    const to = range.to ? new Date(range.to) : this.options.clock.now();
    const from = range.from ? new Date(range.from) : new Date(to.getTime() - defaultTrailMs);
    if (from > to) throw invalidInput('/querystring/from', 'not_after_to', 'must not be after to');
    return this.options.db.inTenant(principal.tenantId, async (tx) => {
      await this.options.technicians.findIn(tx, technicianId);
      const rows = await this.options.repo.trail(tx, technicianId, { from, to }, maxTrailPoints + 1);
      return {
        technicianId,
        from: from.toISOString(),
        to: to.toISOString(),
        items: rows.slice(0, maxTrailPoints).map(describePoint),
        truncated: rows.length > maxTrailPoints,
      };
    });
  }

  // The last known position of every active technician that has one.
  async lastKnown(principal: Principal): Promise<LastKnownPosition[]> {
    const rows = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.latest(tx, { activeOnly: true }));
    return rows.map(describe);
  }

  // For the rest of dispatch (ETAs, the board), inside the caller's transaction.
  async latestIn(tx: Tx, technicianIds: readonly string[]): Promise<Map<string, PositionRow>> {
    const rows = await this.options.repo.latest(tx, { technicianIds });
    return new Map(rows.map((row) => [row.technicianId, row]));
  }

  // One short transaction per technician, so a large purge never holds a long lock.
  async purgeOldPositions(now: Date): Promise<number> {
    const { db, repo, retentionDays } = this.options;
    const cutoff = new Date(now.getTime() - retentionDays * dayMs);
    const technicianIds = await db.asSystem((tx) => repo.technicianIdsWithPositionsBefore(tx, cutoff));
    let removed = 0;
    for (const technicianId of technicianIds) removed += await db.asSystem((tx) => repo.removeBefore(tx, technicianId, cutoff));
    return removed;
  }

  // A batch with any position outside the accepted window is refused whole, naming every one,
  // so a retry after fixing the clock does not leave half a batch behind.
  private checkedPositions(input: RecordPositionsInput, now: Date): PositionValues[] {
    const errors = new FieldErrors();
    const latestAllowed = now.getTime() + allowedClockSkewMs;
    const oldestAllowed = now.getTime() - this.options.retentionDays * dayMs;
    const positions = input.positions.map((position, index) => {
      const recordedAt = new Date(position.recordedAt);
      const field = `/body/positions/${index}/recordedAt`;
      if (recordedAt.getTime() > latestAllowed) errors.add(field, 'not_in_future', 'is more than 5 minutes ahead of the server clock (check the device clock)');
      else if (recordedAt.getTime() < oldestAllowed) errors.add(field, 'within_retention', `is older than the ${this.options.retentionDays}-day retention of GPS positions`);
      return { recordedAt, lat: position.lat, lng: position.lng, accuracyM: position.accuracyM ?? null, speedKmh: position.speedKmh ?? null, heading: position.heading ?? null };
    });
    errors.throwIfAny();
    return positions;
  }
}

function describePoint(row: PositionRow): TrailPoint {
  return { recordedAt: row.recordedAt.toISOString(), lat: row.lat, lng: row.lng, accuracyM: row.accuracyM, speedKmh: row.speedKmh, heading: row.heading };
}

function describe(row: PositionRow): LastKnownPosition {
  return { technicianId: row.technicianId, ...describePoint(row) };
}
