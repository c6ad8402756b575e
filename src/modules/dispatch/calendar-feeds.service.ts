import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { hasRoleAtLeast, type Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import { hashSecret } from '../identity/secrets.ts';
import { buildTechnicianCalendar, type CalendarVisit } from './calendar-feed.ts';
import type { CalendarFeedsRepo } from './calendar-feeds.repo.ts';
import type { TechnicianRow } from './technicians.repo.ts';
import type { TechniciansService } from './technicians.service.ts';

// The technician's visits overlapping [from, to), read in the feed's tenant transaction.
export type CalendarVisitProvider = (tx: Tx, technicianId: string, from: Date, to: Date) => Promise<CalendarVisit[]>;

export interface CalendarFeedsServiceOptions {
  db: Database;
  repo: CalendarFeedsRepo;
  technicians: Pick<TechniciansService, 'findIn' | 'lockIn'>;
  clock: Clock;
  visits: CalendarVisitProvider;
}

export interface CalendarFeedLink {
  // A path only: the web app puts its own origin in front.
  url: string;
  createdAt: string;
}

const dayMs = 24 * 60 * 60_000;
// Recent history for "where was I on Tuesday", and the schedule as far as dispatch plans it.
const feedPastDays = 14;
const feedFutureDays = 60;
// 32 random bytes in base64url: anything else cannot be a feed token, so it skips the lookup.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

// Secret, revocable calendar subscription URLs for technicians' phones and desktop calendars.
// The URL is the only credential (calendar apps cannot log in), so it is shown once, only its
// SHA-256 is kept, and a new one revokes the old.
export class CalendarFeedsService {
  constructor(private readonly options: CalendarFeedsServiceOptions) {}

  async rotate(principal: Principal, technicianId: string): Promise<CalendarFeedLink> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.technicianFor(tx, principal, technicianId);
      await this.options.technicians.lockIn(tx, technicianId);
      const now = clock.now();
      const revokedFeedIds = await repo.revokeActive(tx, technicianId, now);
      const token = randomBytes(32).toString('base64url');
      const feedId = newId();
      await repo.insert(tx, { id: feedId, tenantId: principal.tenantId, technicianId, tokenSha256: hashOf(token), createdBy: principal.userId }, now);
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.calendar_feed_created', entityType: 'technician', entityId: technicianId, details: { feedId, revokedFeedIds } });
      return { url: calendarFeedPath(token), createdAt: now.toISOString() };
    });
  }

  async revoke(principal: Principal, technicianId: string): Promise<void> {
    const { db, repo, clock } = this.options;
    await db.inTenant(principal.tenantId, async (tx) => {
      await this.technicianFor(tx, principal, technicianId);
      const revokedFeedIds = await repo.revokeActive(tx, technicianId, clock.now());
      if (revokedFeedIds.length === 0) throw notFound('Calendar feed');
      await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'technician.calendar_feed_revoked', entityType: 'technician', entityId: technicianId, details: { revokedFeedIds } });
    });
  }

  // The ICS text behind a feed token; unknown, revoked, or of a technician who no longer works.
  async feed(token: string): Promise<string> {
    const { db, repo, technicians, clock, visits } = this.options;
    if (!tokenPattern.test(token)) throw notFound('Calendar feed');
    const feed = await db.asSystem((tx) => repo.findActiveByHash(tx, hashOf(token)));
    if (!feed) throw notFound('Calendar feed');
    const now = clock.now();
    return db.inTenant(feed.tenantId, async (tx) => {
      const technician = await technicians.findIn(tx, feed.technicianId);
      // A feed left behind by someone who left the company must not keep showing customers' addresses.
      if (!technician.active) throw notFound('Calendar feed');
      const from = new Date(now.getTime() - feedPastDays * dayMs);
      const to = new Date(now.getTime() + feedFutureDays * dayMs);
      return buildTechnicianCalendar({ technician: { id: technician.id, name: technician.name }, visits: await visits(tx, technician.id, from, to), generatedAt: now });
    });
  }

  // Dispatchers manage anyone's feed; a technician only their own.
  private async technicianFor(tx: Tx, principal: Principal, technicianId: string): Promise<TechnicianRow> {
    const technician = await this.options.technicians.findIn(tx, technicianId);
    if (!hasRoleAtLeast(principal.role, 'dispatcher') && (principal.userId === null || principal.userId !== technician.userId)) {
      throw new AppError('forbidden', "A technician can manage only their own calendar feed; ask a dispatcher for someone else's");
    }
    return technician;
  }
}

function hashOf(token: string): string {
  return hashSecret(token).toString('hex');
}
