import type { Database } from '../core/db/database.ts';
import type { LocatableRegion } from '../modules/regions/region-geometry.ts';
import { generateDemoCustomers, type DemoCustomerBundle } from './demo-crm-data.ts';
import { DemoRepo } from './demo.repo.ts';

export interface DemoCrmSeedOptions {
  tenantId: string;
  regions: LocatableRegion[];
  staffIds: string[];
  seed: number;
  customers: number;
  anchor: Date;
}

// Customers with contacts, sites, notes and interactions for the demo company, in bulk.
export async function seedDemoCrm(db: Database, options: DemoCrmSeedOptions): Promise<{ customers: number }> {
  const repo = new DemoRepo();
  for (const { bundles } of generateDemoCustomerChunks(options)) {
    await db.inTenant(options.tenantId, (tx) => repo.insertBundles(tx, options.tenantId, bundles, options.staffIds));
  }
  return { customers: options.customers };
}

// The demo customers in the chunks they are stored in. A chunk's random stream depends on where it
// starts, so whatever regenerates them (the HVAC history) goes through the same chunks.
export function* generateDemoCustomerChunks(options: Pick<DemoCrmSeedOptions, 'seed' | 'customers' | 'anchor' | 'regions'>): Generator<{ firstIndex: number; bundles: DemoCustomerBundle[] }> {
  const chunk = 1000;
  for (let first = 0; first < options.customers; first += chunk) {
    const bundles = [...generateDemoCustomers({ seed: options.seed, count: Math.min(chunk, options.customers - first), anchor: options.anchor, regions: options.regions, firstIndex: first })];
    yield { firstIndex: first, bundles };
  }
}
