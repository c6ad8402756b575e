import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { RegionGeometry } from './region-geometry.ts';

export interface RegionRecord {
  id: string;
  name: string;
  nameKey: string;
  geometry: RegionGeometry;
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

export interface StoredRegion {
  id: string;
  name: string;
  geometry: RegionGeometry;
}

export interface SiteLocation {
  id: string;
  lat: number | null;
  lng: number | null;
  regionId: string | null;
  live: boolean;
}

// Chunks keep each statement well under PostgreSQL's 65,535 bind parameters.
const upsertChunk = 500;
const assignChunk = 5_000;

// `sites.region_id` is derived from region geometry, so this module maintains it (and counts sites
// per region); the crm module owns every other column of a site.
export class RegionsRepo {
  // An import holds this exclusively, a site write that locates its region holds it shared: a site
  // is then never placed with regions that an import in progress is about to delete.
  async lockForImport(tx: Tx, tenantId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext('pasja.regions'), hashtext(${tenantId}))`.execute(tx);
  }

  async waitForImport(tx: Tx, tenantId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock_shared(hashtext('pasja.regions'), hashtext(${tenantId}))`.execute(tx);
  }

  async listKeys(tx: Tx): Promise<Array<{ id: string; nameKey: string }>> {
    const rows = await tx.selectFrom('regions').select(['id', 'name_key']).execute();
    return rows.map((row) => ({ id: row.id, nameKey: row.name_key }));
  }

  async listGeometries(tx: Tx): Promise<StoredRegion[]> {
    const rows = await tx.selectFrom('regions').select(['id', 'name', 'geometry']).orderBy('name').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, geometry: row.geometry as RegionGeometry }));
  }

  async listWithSiteCounts(tx: Tx): Promise<Array<StoredRegion & { siteCount: number }>> {
    const rows = await tx
      .selectFrom('regions as r')
      .leftJoin('sites as s', (join) => join.onRef('s.region_id', '=', 'r.id').on('s.deleted_at', 'is', null))
      .select(['r.id', 'r.name', 'r.geometry'])
      .select((eb) => eb.fn.count<string>('s.id').as('site_count'))
      .groupBy('r.id')
      .orderBy('r.name')
      .orderBy('r.id')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, geometry: row.geometry as RegionGeometry, siteCount: Number(row.site_count) }));
  }

  async exists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.selectFrom('regions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  // Regions keep their id when re-imported under the same name key, so sites and other records
  // pointing at them stay valid.
  async upsert(tx: Tx, tenantId: string, regions: readonly RegionRecord[], now: Date): Promise<void> {
    for (let start = 0; start < regions.length; start += upsertChunk) {
      const values = regions.slice(start, start + upsertChunk).map((region) => ({
        id: region.id,
        tenant_id: tenantId,
        name: region.name,
        name_key: region.nameKey,
        geometry: JSON.stringify(region.geometry),
        min_lat: region.minLat,
        min_lng: region.minLng,
        max_lat: region.maxLat,
        max_lng: region.maxLng,
        created_at: now,
        updated_at: now,
      }));
      await tx
        .insertInto('regions')
        .values(values)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_key: eb.ref('excluded.name_key'),
            geometry: eb.ref('excluded.geometry'),
            min_lat: eb.ref('excluded.min_lat'),
            min_lng: eb.ref('excluded.min_lng'),
            max_lat: eb.ref('excluded.max_lat'),
            max_lng: eb.ref('excluded.max_lng'),
            updated_at: now,
            version: sql`regions.version + 1`,
          })),
        )
        .execute();
    }
  }

  async delete(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.deleteFrom('regions').where('id', 'in', ids).execute();
  }

  // Every site of the tenant, deleted ones too: none may keep pointing at a region that goes away.
  async siteLocations(tx: Tx): Promise<SiteLocation[]> {
    const rows = await tx.selectFrom('sites').select(['id', 'lat', 'lng', 'region_id', 'deleted_at']).execute();
    return rows.map((row) => ({ id: row.id, lat: row.lat, lng: row.lng, regionId: row.region_id, live: row.deleted_at === null }));
  }

  // Region placement is derived data: it changes neither the site's version nor updated_at, so an
  // edit form opened before an import still saves.
  async assignSiteRegions(tx: Tx, changes: ReadonlyArray<{ siteId: string; regionId: string | null }>): Promise<void> {
    for (let start = 0; start < changes.length; start += assignChunk) {
      const chunk = changes.slice(start, start + assignChunk);
      const siteIds = chunk.map((change) => change.siteId);
      const regionIds = chunk.map((change) => change.regionId);
      await sql`update sites set region_id = u.region_id
        from unnest(${siteIds}::uuid[], ${regionIds}::uuid[]) as u(site_id, region_id)
        where sites.id = u.site_id`.execute(tx);
    }
  }
}
