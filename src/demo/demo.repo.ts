import { sql } from 'kysely';
import type { Database, Tx } from '../core/db/database.ts';
import type { DemoCustomerBundle } from './demo-crm-data.ts';
import type { RegionGeometry } from '../modules/regions/region-geometry.ts';
import { regionNameKey } from '../modules/regions/region-names.ts';

// Bulk inserts for demo and benchmark data: multi-row INSERTs (≈ 30k rows/s on PGlite, STACK-NOTES)
// instead of one service call per record. Seeded records get no audit entries or events: they were
// never "changed" by anyone.
const chunk = 500;

export class DemoRepo {
  async insertRegions(tx: Tx, tenantId: string, regions: DemoRegion[]): Promise<void> {
    await tx
      .insertInto('regions')
      .values(
        regions.map((region) => {
          const positions = (region.geometry.type === 'Polygon' ? [region.geometry.coordinates] : region.geometry.coordinates).flat(2);
          const lngs = positions.map((p) => p[0] ?? 0);
          const lats = positions.map((p) => p[1] ?? 0);
          return {
            id: region.id,
            tenant_id: tenantId,
            name: region.name,
            name_key: regionNameKey(region.name),
            geometry: JSON.stringify(region.geometry),
            min_lat: Math.min(...lats),
            min_lng: Math.min(...lngs),
            max_lat: Math.max(...lats),
            max_lng: Math.max(...lngs),
          };
        }),
      )
      .execute();
  }

  async insertBundles(tx: Tx, tenantId: string, bundles: DemoCustomerBundle[], staffIds: string[]): Promise<void> {
    const staff = (i: number) => (staffIds.length === 0 ? null : (staffIds[i % staffIds.length] ?? null));
    for (let start = 0; start < bundles.length; start += chunk) {
      const part = bundles.slice(start, start + chunk);
      await tx
        .insertInto('customers')
        .values(
          part.map(({ customer: c }, i) => ({
            id: c.id,
            tenant_id: tenantId,
            kind: c.kind,
            name: c.name,
            company_name: c.companyName,
            first_name: c.firstName,
            last_name: c.lastName,
            nip: c.nip,
            status: c.status,
            tags: c.tags,
            source: c.source,
            owner_user_id: staff(i),
            custom_fields: '{}',
            created_at: c.createdAt,
            updated_at: c.createdAt,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      const contacts = part.flatMap((b) =>
        b.contacts.map((c) => ({
          id: c.id,
          tenant_id: tenantId,
          customer_id: b.customer.id,
          first_name: c.firstName,
          last_name: c.lastName,
          name: c.name,
          role: c.role,
          phones: JSON.stringify([{ number: c.phone, label: 'komórka' }]),
          emails: JSON.stringify([{ address: c.email, label: null }]),
          phone_keys: [c.phone],
          email_keys: [c.email.toLowerCase()],
          is_primary: c.isPrimary,
          created_at: b.customer.createdAt,
          updated_at: b.customer.createdAt,
        })),
      );
      if (contacts.length > 0) await tx.insertInto('contacts').values(contacts).onConflict((oc) => oc.doNothing()).execute();
      const sites = part.flatMap((b) =>
        b.sites.map((s) => ({
          id: s.id,
          tenant_id: tenantId,
          customer_id: b.customer.id,
          label: s.label,
          street: s.street,
          building: s.building,
          flat: s.flat,
          postal_code: s.postalCode,
          city: s.city,
          lat: s.lat,
          lng: s.lng,
          region_id: s.regionId,
          access_notes: s.accessNotes,
          premises_kind: s.premisesKind,
          usable_area_m2: s.usableAreaM2,
          created_at: b.customer.createdAt,
          updated_at: b.customer.createdAt,
        })),
      );
      if (sites.length > 0) await tx.insertInto('sites').values(sites).onConflict((oc) => oc.doNothing()).execute();
      const notes = part.flatMap((b, i) => b.notes.map((n) => ({ id: n.id, tenant_id: tenantId, customer_id: b.customer.id, body: n.body, author_user_id: staff(i + 1), created_at: n.at, updated_at: n.at })));
      if (notes.length > 0) await tx.insertInto('notes').values(notes).onConflict((oc) => oc.doNothing()).execute();
      const interactions = part.flatMap((b, i) =>
        b.interactions.map((n) => ({
          id: n.id,
          tenant_id: tenantId,
          customer_id: b.customer.id,
          contact_id: b.contacts[n.contactIndex]?.id ?? null,
          kind: n.kind,
          direction: n.direction,
          occurred_at: n.at,
          user_id: staff(i + 2),
          subject: n.subject,
          outcome: n.outcome,
          created_at: n.at,
          updated_at: n.at,
        })),
      );
      if (interactions.length > 0) await tx.insertInto('interactions').values(interactions).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}

export interface DemoRegion {
  id: string;
  name: string;
  geometry: RegionGeometry;
}

export class DemoMaintenanceRepo {
  // After a bulk load, what autovacuum (PostgreSQL) or EmbeddedMaintenance (PGlite) does soon
  // after: statistics, so the planner picks the indexes, and GIN pending lists merged, so a search
  // does not read them whole (benchmarks measure that steady state). Outside any transaction.
  async vacuumAnalyze(db: Database): Promise<void> {
    await sql`vacuum (analyze)`.execute(db.kysely);
  }
}
