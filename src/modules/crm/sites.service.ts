import { recordAudit } from '../../core/audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { decodeCursor, encodeCursor, parseFields, pickFields, type Page } from '../../core/http/list-query.ts';
import { staleVersion, updatedOrThrow } from '../../core/http/versioning.ts';
import { newId } from '../../core/ids.ts';
import type { CustomersService } from './customers.service.ts';
import { FieldErrors } from '../../core/field-errors.ts';
import { validatePolishId } from './polish-ids.ts';
import type { SiteRecord, SitesRepo } from './sites.repo.ts';
import { siteFields, type CreateSiteInput, type Site, type SiteListInput, type UpdateSiteInput } from './sites.schemas.ts';

// What sites need from the regions module: the region a point lies in.
export interface RegionDirectory {
  locate(tenantId: string, lat: number, lng: number): Promise<{ id: string; name: string } | null>;
}

export interface SitesServiceOptions {
  db: Database;
  repo: SitesRepo;
  clock: Clock;
  customers: CustomersService;
  regions: RegionDirectory;
}

type Coordinates = { lat: number; lng: number } | null;

export class SitesService {
  constructor(private readonly options: SitesServiceOptions) {}

  async create(principal: Principal, customerId: string, input: CreateSiteInput): Promise<Site> {
    const { db, repo, clock } = this.options;
    const errors = new FieldErrors();
    const postalCode = normalisePostalCode(input.postalCode, errors);
    const street = requiredText(input.street, '/body/street', errors);
    const city = requiredText(input.city, '/body/city', errors);
    const coordinates = coordinatesOf(input.lat ?? null, input.lng ?? null, errors);
    errors.throwIfAny();
    return db.inTenant(principal.tenantId, async (tx) => {
      await this.assertCustomerLive(principal, customerId);
      const region = await this.regionAt(principal.tenantId, coordinates);
      const record: SiteRecord = {
        id: newId(),
        customerId,
        label: optionalText(input.label),
        street,
        building: optionalText(input.building),
        flat: optionalText(input.flat),
        postalCode,
        city,
        lat: coordinates?.lat ?? null,
        lng: coordinates?.lng ?? null,
        accessNotes: optionalText(input.accessNotes),
        regionId: region?.id ?? null,
        premisesKind: input.premisesKind ?? null,
        usableAreaM2: input.usableAreaM2 ?? null,
      };
      const site = await repo.insert(tx, principal.tenantId, record, clock.now());
      await this.recordChange(tx, principal, 'site.created', site, { address: `${site.street}, ${site.postalCode} ${site.city}` });
      return site;
    });
  }

  async get(principal: Principal, id: string): Promise<Site> {
    const site = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.findById(tx, id));
    if (!site) throw notFound('Site');
    return site;
  }

  async update(principal: Principal, id: string, expectedVersion: number, input: UpdateSiteInput): Promise<Site> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const current = await repo.findById(tx, id);
      if (!current) throw notFound('Site');
      if (current.version !== expectedVersion) throw staleVersion('This site', current.version);
      const errors = new FieldErrors();
      const postalCode = input.postalCode === undefined ? undefined : normalisePostalCode(input.postalCode, errors);
      const street = input.street === undefined ? undefined : requiredText(input.street, '/body/street', errors);
      const city = input.city === undefined ? undefined : requiredText(input.city, '/body/city', errors);
      const coordinates = coordinatesOf(input.lat === undefined ? current.lat : input.lat, input.lng === undefined ? current.lng : input.lng, errors);
      errors.throwIfAny();
      // Placed again on every change: the regions may have been re-drawn since the last one.
      const region = await this.regionAt(principal.tenantId, coordinates);
      const changes: Partial<SiteRecord> = {
        ...(input.label !== undefined && { label: optionalText(input.label) }),
        ...(street !== undefined && { street }),
        ...(input.building !== undefined && { building: optionalText(input.building) }),
        ...(input.flat !== undefined && { flat: optionalText(input.flat) }),
        ...(postalCode !== undefined && { postalCode }),
        ...(city !== undefined && { city }),
        lat: coordinates?.lat ?? null,
        lng: coordinates?.lng ?? null,
        ...(input.accessNotes !== undefined && { accessNotes: optionalText(input.accessNotes) }),
        ...(input.premisesKind !== undefined && { premisesKind: input.premisesKind }),
        ...(input.usableAreaM2 !== undefined && { usableAreaM2: input.usableAreaM2 }),
        regionId: region?.id ?? null,
      };
      const outcome = await repo.update(tx, id, expectedVersion, changes, clock.now());
      const saved = updatedOrThrow(outcome, 'Site');
      await this.recordChange(tx, principal, 'site.updated', saved, changedFields(current, saved));
      return saved;
    });
  }

  // Soft delete: the site stays for the history of the jobs done there.
  async remove(principal: Principal, id: string, expectedVersion: number): Promise<Site> {
    const { db, repo, clock } = this.options;
    return db.inTenant(principal.tenantId, async (tx) => {
      const outcome = await repo.update(tx, id, expectedVersion, { deletedAt: clock.now() }, clock.now());
      const saved = updatedOrThrow(outcome, 'Site');
      await this.recordChange(tx, principal, 'site.deleted', saved, {});
      return saved;
    });
  }

  async list(principal: Principal, query: SiteListInput): Promise<Page<Partial<Site>>> {
    const { db, repo } = this.options;
    const fields = parseFields(query.fields, siteFields);
    const after = query.cursor ? (decodeCursor(query.cursor, 3) as [string, string, string]) : null;
    const filters = { customerId: query.customerId, regionId: query.regionId, includeDeleted: query.includeDeleted };
    return db.inTenant(principal.tenantId, async (tx) => {
      if (query.customerId) await this.assertCustomerLive(principal, query.customerId, { allowDeleted: true });
      const rows = await repo.list(tx, filters, after, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const page: Page<Partial<Site>> = {
        items: items.map((item) => pickFields(item, fields)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.city, last.street, last.id]) : null,
      };
      if (query.withTotal) page.total = await repo.count(tx, filters);
      return page;
    });
  }

  private async regionAt(tenantId: string, coordinates: Coordinates): Promise<{ id: string; name: string } | null> {
    return coordinates ? this.options.regions.locate(tenantId, coordinates.lat, coordinates.lng) : null;
  }

  private async assertCustomerLive(principal: Principal, customerId: string, options: { allowDeleted?: boolean } = {}): Promise<void> {
    const customer = await this.options.customers.get(principal, customerId);
    if (customer.deletedAt && !options.allowDeleted) throw notFound('Customer');
  }

  private async recordChange(tx: Tx, principal: Principal, action: string, site: Site, details: Record<string, unknown>): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action, entityType: 'site', entityId: site.id, details: { customerId: site.customerId, ...details } });
    await recordEvent(tx, { tenantId: principal.tenantId, type: action, payload: { siteId: site.id, customerId: site.customerId, regionId: site.region?.id ?? null, version: site.version } });
  }
}

function normalisePostalCode(input: string, errors: FieldErrors): string {
  const check = validatePolishId('postal_code', input);
  if (check.ok) return check.value;
  errors.add('/body/postalCode', check.rule, `${check.message}: "${input}"`);
  return input;
}

function requiredText(input: string, field: string, errors: FieldErrors): string {
  const value = input.trim().replace(/\s+/g, ' ');
  if (!value) errors.add(field, 'required', 'must not be blank');
  return value;
}

function optionalText(input: string | null | undefined): string | null {
  const value = input?.trim();
  return value ? value : null;
}

// A site is on the map with both coordinates or off it with neither; half a position is a mistake.
function coordinatesOf(lat: number | null, lng: number | null, errors: FieldErrors): Coordinates {
  if (lat !== null && lng !== null) return { lat, lng };
  if (lat !== null) errors.add('/body/lng', 'required', 'is required when lat is given (send both coordinates or neither)');
  if (lng !== null) errors.add('/body/lat', 'required', 'is required when lng is given (send both coordinates or neither)');
  return null;
}

function changedFields(before: Site, after: Site): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of siteFields) {
    if (field === 'updatedAt' || field === 'version') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
