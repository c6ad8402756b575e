import { sql, type Expression, type SqlBool } from 'kysely';
import { staleOrMissing, type VersionedUpdate } from '../../core/db/versioned-update.ts';
import type { Tx } from '../../core/db/database.ts';
import type { Site } from './sites.schemas.ts';

export interface SiteRecord {
  id: string;
  customerId: string;
  label: string | null;
  street: string;
  building: string | null;
  flat: string | null;
  postalCode: string;
  city: string;
  lat: number | null;
  lng: number | null;
  accessNotes: string | null;
  regionId: string | null;
  premisesKind?: Site['premisesKind'];
  usableAreaM2?: number | null;
}

export interface SiteFilters {
  customerId?: string;
  regionId?: string;
  includeDeleted: boolean;
}

export type SiteUpdateOutcome = VersionedUpdate<Site>;

const columns = [
  'sites.id', 'sites.customer_id', 'sites.label', 'sites.street', 'sites.building', 'sites.flat', 'sites.postal_code', 'sites.city', 'sites.lat', 'sites.lng',
  'sites.access_notes', 'sites.premises_kind', 'sites.usable_area_m2', 'sites.region_id', 'sites.created_at', 'sites.updated_at', 'sites.deleted_at', 'sites.version',
] as const;

export class SitesRepo {
  async insert(tx: Tx, tenantId: string, site: SiteRecord, now: Date): Promise<Site> {
    await tx
      .insertInto('sites')
      .values({ id: site.id, tenant_id: tenantId, customer_id: site.customerId, street: site.street, postal_code: site.postalCode, city: site.city, ...toColumns(site), created_at: now, updated_at: now })
      .execute();
    return this.findByIdOrThrow(tx, site.id);
  }

  async findById(tx: Tx, id: string): Promise<Site | undefined> {
    const row = await selectSites(tx).where('sites.id', '=', id).executeTakeFirst();
    return row && toSite(row);
  }

  // Compare-and-set on version: the only way a site row changes (apart from region placement).
  async update(tx: Tx, id: string, expectedVersion: number, changes: Partial<SiteRecord> & { deletedAt?: Date | null }, now: Date): Promise<SiteUpdateOutcome> {
    const { deletedAt, ...fields } = changes;
    const row = await tx
      .updateTable('sites')
      .set({ ...toColumns(fields), ...(deletedAt !== undefined ? { deleted_at: deletedAt } : {}), updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (row) return { kind: 'updated', record: await this.findByIdOrThrow(tx, id) };
    return staleOrMissing(tx, 'sites', id);
  }

  // Ordered by address (city, street), which is how an office scans a customer's or a region's sites.
  async list(tx: Tx, filters: SiteFilters, after: [string, string, string] | null, limit: number): Promise<Site[]> {
    let query = selectSites(tx).where((eb) => eb.and(conditions(filters)));
    if (after) query = query.where(sql<SqlBool>`(sites.city, sites.street, sites.id) > (${after[0]}, ${after[1]}, ${after[2]})`);
    const rows = await query.orderBy('sites.city').orderBy('sites.street').orderBy('sites.id').limit(limit).execute();
    return rows.map(toSite);
  }

  async count(tx: Tx, filters: SiteFilters): Promise<number> {
    const row = await tx.selectFrom('sites').select((eb) => eb.fn.countAll<string>().as('count')).where((eb) => eb.and(conditions(filters))).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  private async findByIdOrThrow(tx: Tx, id: string): Promise<Site> {
    const site = await this.findById(tx, id);
    if (!site) throw new Error(`site ${id} vanished inside its own transaction`);
    return site;
  }
}

// The region's name is read with the site; regions belong to the regions module, which keeps them.
function selectSites(tx: Tx) {
  return tx.selectFrom('sites').leftJoin('regions', 'regions.id', 'sites.region_id').select([...columns, 'regions.name as region_name']);
}

function conditions(filters: SiteFilters): Array<Expression<SqlBool>> {
  const list: Array<Expression<SqlBool>> = [];
  if (!filters.includeDeleted) list.push(sql<SqlBool>`sites.deleted_at is null`);
  if (filters.customerId) list.push(sql<SqlBool>`sites.customer_id = ${filters.customerId}`);
  if (filters.regionId) list.push(sql<SqlBool>`sites.region_id = ${filters.regionId}`);
  return list;
}

function toColumns(site: Partial<SiteRecord>) {
  return {
    ...(site.label !== undefined && { label: site.label }),
    ...(site.street !== undefined && { street: site.street }),
    ...(site.building !== undefined && { building: site.building }),
    ...(site.flat !== undefined && { flat: site.flat }),
    ...(site.postalCode !== undefined && { postal_code: site.postalCode }),
    ...(site.city !== undefined && { city: site.city }),
    ...(site.lat !== undefined && { lat: site.lat }),
    ...(site.lng !== undefined && { lng: site.lng }),
    ...(site.accessNotes !== undefined && { access_notes: site.accessNotes }),
    ...(site.regionId !== undefined && { region_id: site.regionId }),
    ...(site.premisesKind !== undefined && { premises_kind: site.premisesKind }),
    ...(site.usableAreaM2 !== undefined && { usable_area_m2: site.usableAreaM2 }),
  };
}

type Row = {
  id: string;
  customer_id: string;
  label: string | null;
  street: string;
  building: string | null;
  flat: string | null;
  postal_code: string;
  city: string;
  lat: number | null;
  lng: number | null;
  access_notes: string | null;
  premises_kind: Site['premisesKind'];
  usable_area_m2: string | null;
  region_id: string | null;
  region_name: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
};

function toSite(row: Row): Site {
  return {
    id: row.id,
    customerId: row.customer_id,
    label: row.label,
    street: row.street,
    building: row.building,
    flat: row.flat,
    postalCode: row.postal_code,
    city: row.city,
    lat: row.lat,
    lng: row.lng,
    accessNotes: row.access_notes,
    premisesKind: row.premises_kind,
    usableAreaM2: row.usable_area_m2 === null ? null : Number(row.usable_area_m2),
    region: row.region_id !== null && row.region_name !== null ? { id: row.region_id, name: row.region_name } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    version: row.version,
  };
}
