import type { Database } from '../core/db/database.ts';
import type { Principal } from '../core/http/access.ts';
import type { MaintenanceService } from '../modules/maintenance/maintenance.service.ts';
import type { LocatableRegion } from '../modules/regions/region-geometry.ts';
import { generateDemoCustomerChunks } from './demo-crm.ts';
import { generateDemoHvac } from './demo-hvac-data.ts';
import type { DemoStaffMember } from './demo-hvac-records.ts';
import { DemoHvacRepo } from './demo-hvac.repo.ts';

export interface DemoHvacSeedOptions {
  regions: LocatableRegion[];
  staff: DemoStaffMember[];
  seed: number;
  customers: number; // as the CRM seed had them: the history is generated for the same customers
  anchor: Date;
}

export interface DemoHvacSeedResult {
  equipment: number;
  jobs: number;
  fgasEntries: number;
  plans: number;
  // Maintenance jobs the scheduler opened at the end of the seed (those of the last days).
  scheduledMaintenanceJobs: number;
}

// Equipment, two years of service jobs, the F-gas register and maintenance plans of the demo
// company, in one transaction: a second seed finds them there and does nothing. Then one run of the
// maintenance scheduler, through its service, opens the plans' jobs of the last days, as it would
// have done had it been running.
export async function seedDemoHvac(db: Database, scheduler: Pick<MaintenanceService, 'runSchedulerForTenant'>, seeder: Principal, options: DemoHvacSeedOptions): Promise<DemoHvacSeedResult> {
  const repo = new DemoHvacRepo();
  const counts = { equipment: 0, jobs: 0, fgasEntries: 0, plans: 0, scheduledMaintenanceJobs: 0 };
  const seeded = await db.inTenant(seeder.tenantId, async (tx) => {
    if (await repo.hasEquipment(tx)) return false;
    for (const { firstIndex, bundles } of generateDemoCustomerChunks(options)) {
      const hvac = generateDemoHvac(bundles, firstIndex, { seed: options.seed, anchor: options.anchor, staff: options.staff });
      await repo.insertHvac(tx, seeder.tenantId, hvac);
      counts.equipment += hvac.equipment.length;
      counts.jobs += hvac.jobs.length;
      counts.fgasEntries += hvac.register.length;
      counts.plans += hvac.plans.length;
    }
    return true;
  });
  if (seeded) counts.scheduledMaintenanceJobs = (await scheduler.runSchedulerForTenant(seeder)).jobsCreated;
  return counts;
}
