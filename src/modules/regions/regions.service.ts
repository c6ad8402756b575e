import { recordAudit } from '../../core/audit/audit.ts';
import type { Cache } from '../../core/cache/cache.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database, Tx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { recordEvent } from '../../core/events/outbox.ts';
import type { Principal } from '../../core/http/access.ts';
import { newId } from '../../core/ids.ts';
import { createRegionLocator, parseRegionsGeoJson, regionCentroid, type LocatedRegion, type ParsedRegion, type RegionGeometry, type RegionLocator } from './region-geometry.ts';
import { regionNameKey } from './region-names.ts';
import type { RegionRecord, RegionsRepo } from './regions.repo.ts';
import type { Region, RegionImportResult } from './regions.schemas.ts';

export interface RegionsServiceOptions {
  db: Database;
  repo: RegionsRepo;
  clock: Clock;
  // Only the tag stamps are used: they tell every instance sharing Redis that a tenant's regions changed.
  cache: Pick<Cache, 'readTagStamps' | 'renewTagStamps'>;
}

export interface ImportOptions {
  // The feature property holding the region name (default: name, district or nazwa).
  nameProperty?: string;
  // Prefix of every error's field: '/body' over HTTP, '' for a file on the command line.
  pointerPrefix?: string;
}

// Cache keys and tags carry the tenant: one tenant's entry can never answer another's read.
export const regionsCacheTag = (tenantId: string) => `t:${tenantId}:regions`;

const polishOrder = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

export class RegionsService {
  // One point-in-polygon index per tenant, with the tag stamp it was built under; a changed stamp
  // (an import here or on another instance) makes the next locate() rebuild it. Entries are small
  // (bounding boxes over geometry already in memory) and there is one per active tenant.
  private readonly locators = new Map<string, { stamp: string; locator: RegionLocator }>();

  constructor(private readonly options: RegionsServiceOptions) {}

  async list(principal: Principal): Promise<Region[]> {
    const regions = await this.options.db.inTenant(principal.tenantId, (tx) => this.options.repo.listWithSiteCounts(tx));
    return regions
      .map((region) => ({ id: region.id, name: region.name, geometry: region.geometry, siteCount: region.siteCount, center: regionCentroid(region.geometry) }))
      .sort((a, b) => polishOrder.compare(a.name, b.name));
  }

  // Replaces the tenant's regions with those of the document in one transaction: regions are
  // matched by name key ("Praga Poludnie" = "Praga-Południe") and keep their id, regions missing
  // from the document are deleted, and every site is placed in its region again.
  async importGeoJson(principal: Principal, document: unknown, options: ImportOptions = {}): Promise<RegionImportResult> {
    const parsed = parseRegionsGeoJson(document, { nameProperty: options.nameProperty });
    if (!parsed.ok) {
      const prefix = options.pointerPrefix ?? '/body';
      const errors = parsed.errors.map((error) => ({ ...error, field: `${prefix}${error.field}` }));
      const [first] = errors;
      const summary = errors.length === 1 ? 'The GeoJSON has a problem' : `The GeoJSON has ${errors.length} problems`;
      throw new AppError('invalid_input', first ? `${summary}; first: ${first.field || '(document)'}: ${first.message}` : summary, { errors });
    }
    return this.replaceAll(principal, parsed.regions);
  }

  // The region containing the point, or null. Inside a transaction, waits for an import in
  // progress to finish, so the region it returns exists when that transaction writes it.
  async locate(tenantId: string, lat: number, lng: number): Promise<LocatedRegion | null> {
    const { db, repo } = this.options;
    return db.inTenant(tenantId, async (tx) => {
      await repo.waitForImport(tx, tenantId);
      const found = (await this.locatorOf(tx, tenantId)).locate(lat, lng);
      if (!found || (await repo.exists(tx, found.id))) return found;
      // An import committed but its invalidation has not been recorded yet: build from the table.
      this.locators.delete(tenantId);
      return createRegionLocator(await repo.listGeometries(tx)).locate(lat, lng);
    });
  }

  private async replaceAll(principal: Principal, regions: readonly ParsedRegion[]): Promise<RegionImportResult> {
    const { db, repo, clock } = this.options;
    const { tenantId } = principal;
    return db.inTenant(tenantId, async (tx) => {
      await repo.lockForImport(tx, tenantId);
      const existing = await repo.listKeys(tx);
      const idByKey = new Map(existing.map((region) => [region.nameKey, region.id]));
      const records: RegionRecord[] = regions.map((region) => {
        const nameKey = regionNameKey(region.name);
        return { id: idByKey.get(nameKey) ?? newId(), name: region.name, nameKey, geometry: region.geometry, ...boundsOf(region.geometry) };
      });
      await repo.upsert(tx, tenantId, records, clock.now());

      // Sites move to the new regions before the old ones are deleted (sites.region_id references them).
      const locator = createRegionLocator(records);
      const changes: Array<{ siteId: string; regionId: string | null }> = [];
      let sitesResolved = 0;
      for (const site of await repo.siteLocations(tx)) {
        const region = site.lat !== null && site.lng !== null ? locator.locate(site.lat, site.lng) : null;
        if (region && site.live) sitesResolved += 1;
        const regionId = region?.id ?? null;
        if (regionId !== site.regionId) changes.push({ siteId: site.id, regionId });
      }
      await repo.assignSiteRegions(tx, changes);
      const kept = new Set(records.map((record) => record.id));
      const removedIds = existing.filter((region) => !kept.has(region.id)).map((region) => region.id);
      await repo.delete(tx, removedIds);

      const result: RegionImportResult = { imported: records.length, replaced: records.filter((record) => idByKey.has(record.nameKey)).length, removed: removedIds.length, sitesResolved };
      await this.recordImport(tx, principal, result, { sitesMoved: changes.length, regionIds: records.map((record) => record.id), removedRegionIds: removedIds });
      await db.afterCommit(() => this.invalidate(tenantId));
      return result;
    });
  }

  private async locatorOf(tx: Tx, tenantId: string): Promise<RegionLocator> {
    // Read before loading: an import that commits meanwhile renews the stamp, and the locator
    // built here is then never reused under it.
    const stamp = await this.options.cache.readTagStamps([regionsCacheTag(tenantId)]).then(
      (stamps) => stamps.join(' '),
      () => undefined,
    );
    const known = this.locators.get(tenantId);
    if (stamp !== undefined && known?.stamp === stamp) return known.locator;
    const locator = createRegionLocator(await this.options.repo.listGeometries(tx));
    // Without a readable stamp (Redis down) nothing can be reused safely: build on every call.
    if (stamp !== undefined) this.locators.set(tenantId, { stamp, locator });
    return locator;
  }

  private async invalidate(tenantId: string): Promise<void> {
    this.locators.delete(tenantId);
    await this.options.cache.renewTagStamps([regionsCacheTag(tenantId)]);
  }

  private async recordImport(tx: Tx, principal: Principal, result: RegionImportResult, extra: { sitesMoved: number; regionIds: string[]; removedRegionIds: string[] }): Promise<void> {
    await recordAudit(tx, { tenantId: principal.tenantId, actor: principal, action: 'regions.imported', entityType: 'region', details: { ...result, sitesMoved: extra.sitesMoved } });
    await recordEvent(tx, { tenantId: principal.tenantId, type: 'regions.imported', payload: { ...result, ...extra } });
  }
}

// The box around every outer ring; stored with the region for coarse map and SQL filters.
function boundsOf(geometry: RegionGeometry): Pick<RegionRecord, 'minLat' | 'minLng' | 'maxLat' | 'maxLng'> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const bounds = { minLat: Infinity, minLng: Infinity, maxLat: -Infinity, maxLng: -Infinity };
  for (const polygon of polygons) {
    for (const [lng = NaN, lat = NaN] of polygon[0] ?? []) {
      bounds.minLat = Math.min(bounds.minLat, lat);
      bounds.maxLat = Math.max(bounds.maxLat, lat);
      bounds.minLng = Math.min(bounds.minLng, lng);
      bounds.maxLng = Math.max(bounds.maxLng, lng);
    }
  }
  return bounds;
}
