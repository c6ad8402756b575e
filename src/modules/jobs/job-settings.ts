import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import { defaultChecklists } from './job-checklists.ts';
import type { VatRate } from './job-pricing.ts';
import { jobPriorities, resolveSlaPolicy, type JobPriority, type SlaPolicy, type SlaTargets } from './job-sla.ts';
import type { JobType } from './jobs.repo.ts';
import { jobTypes } from './jobs.schemas.ts';

// A company's own rules for jobs; what it did not set comes from the code's defaults.
export interface JobSettings {
  slaTargets: Record<JobPriority, SlaTargets>;
  pauseOnHold: boolean;
  // null: the rate follows the law for each site (job-pricing.ts chooseDefaultVatRate).
  defaultVatRate: VatRate | null;
  checklists: Record<JobType, string[]>;
  version: number;
}

export interface JobSettingsChange {
  slaTargets?: Partial<Record<JobPriority, Partial<SlaTargets>>>;
  pauseOnHold?: boolean;
  defaultVatRate?: VatRate | null;
  checklists?: Partial<Record<JobType, string[]>>;
}

interface StoredSettings {
  slaTargets: Partial<Record<JobPriority, Partial<SlaTargets>>>;
  pauseOnHold: boolean | null;
  defaultVatRate: VatRate | null;
  checklists: Partial<Record<JobType, string[]>>;
  version: number;
}

export class JobSettingsRepo {
  async read(tx: Tx, tenantId: string): Promise<StoredSettings> {
    const row = await tx.selectFrom('tenant_job_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
    return {
      slaTargets: (row?.sla_targets ?? {}) as StoredSettings['slaTargets'],
      pauseOnHold: row?.pause_on_hold ?? null,
      defaultVatRate: (row?.default_vat_rate ?? null) as VatRate | null,
      checklists: (row?.checklists ?? {}) as StoredSettings['checklists'],
      version: row?.version ?? 0,
    };
  }

  // Compare-and-set on version (0: no row yet); false when another change came first.
  async write(tx: Tx, tenantId: string, settings: Omit<StoredSettings, 'version'>, expectedVersion: number, now: Date): Promise<boolean> {
    const values = {
      sla_targets: JSON.stringify(settings.slaTargets),
      pause_on_hold: settings.pauseOnHold,
      default_vat_rate: settings.defaultVatRate,
      checklists: JSON.stringify(settings.checklists),
      updated_at: now,
    };
    if (expectedVersion === 0) {
      const inserted = await tx.insertInto('tenant_job_settings').values({ tenant_id: tenantId, ...values }).onConflict((c) => c.doNothing()).returning('tenant_id').executeTakeFirst();
      return inserted !== undefined;
    }
    const updated = await tx
      .updateTable('tenant_job_settings')
      .set({ ...values, version: sql<number>`version + 1` })
      .where('tenant_id', '=', tenantId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}

export function resolveJobSettings(stored: StoredSettings): JobSettings {
  const policy = slaPolicyOf(stored);
  return {
    slaTargets: policy.targets,
    pauseOnHold: policy.pauseOnHold,
    defaultVatRate: stored.defaultVatRate,
    checklists: Object.fromEntries(jobTypes.map((type) => [type, [...(stored.checklists[type] ?? defaultChecklists[type])]])) as Record<JobType, string[]>,
    version: stored.version,
  };
}

export function slaPolicyOf(stored: Pick<StoredSettings, 'slaTargets' | 'pauseOnHold'>): SlaPolicy {
  return resolveSlaPolicy({ targets: stored.slaTargets, ...(stored.pauseOnHold !== null && { pauseOnHold: stored.pauseOnHold }) });
}

// A change merges into what the company set before; a priority's targets given whole or in part.
export function mergeSettings(stored: StoredSettings, change: JobSettingsChange): Omit<StoredSettings, 'version'> {
  const slaTargets = { ...stored.slaTargets };
  for (const priority of jobPriorities) {
    const given = change.slaTargets?.[priority];
    if (given) slaTargets[priority] = { ...slaTargets[priority], ...given };
  }
  return {
    slaTargets,
    pauseOnHold: change.pauseOnHold ?? stored.pauseOnHold,
    defaultVatRate: change.defaultVatRate === undefined ? stored.defaultVatRate : change.defaultVatRate,
    checklists: { ...stored.checklists, ...change.checklists },
  };
}
