import type { Database } from '../../core/db/database.ts';
import { invalidInput } from '../../core/errors.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor } from '../../core/http/list-query.ts';
import type { CustomersService } from './customers.service.ts';
import type { TimelinePosition, TimelineRepo } from './timeline.repo.ts';
import { timelineKinds, type TimelineInput, type TimelineKind, type TimelinePage } from './timeline.schemas.ts';

export interface TimelineServiceOptions {
  db: Database;
  repo: TimelineRepo;
  customers: CustomersService;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Everything that happened with one customer, newest first: notes, interactions, reminders and
// the audit trail of the customer and its records (contacts, sites, …).
export class TimelineService {
  constructor(private readonly options: TimelineServiceOptions) {}

  async list(principal: Principal, customerId: string, query: TimelineInput): Promise<TimelinePage> {
    const { db, repo, customers } = this.options;
    const kinds = query.kinds ? ([...new Set(query.kinds.split(','))] as TimelineKind[]) : timelineKinds;
    const after = query.cursor ? positionOf(query.cursor) : null;
    const filters = { customerId, kinds, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
    return db.inTenant(principal.tenantId, async (tx) => {
      // Not found for an unknown customer (or another tenant's); a deleted one keeps its history.
      await customers.get(principal, customerId);
      const entries = await repo.page(tx, filters, after, query.limit + 1);
      const page = entries.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page.map((entry) => entry.item), nextCursor: entries.length > query.limit && last ? encodeCursor(last.position) : null };
    });
  }
}

// The cursor goes into the query as a timestamp and a uuid: check both before it gets there.
function positionOf(cursor: string): TimelinePosition {
  const [atKey, id] = decodeCursor(cursor, 2);
  if (typeof atKey !== 'string' || !Number.isFinite(Date.parse(atKey)) || typeof id !== 'string' || !uuidPattern.test(id)) {
    throw invalidInput('/querystring/cursor', 'cursor', 'is not a cursor this list gave out');
  }
  return [atKey, id];
}
