import { defaultChecklists } from './job-checklists.ts';
import type { VatRate } from './job-pricing.ts';
import { jobPriorities, resolveSlaPolicy, type JobPriority, type SlaPolicy, type SlaTargets } from './job-sla.ts';
import type { JobType } from './jobs.repo.ts';
import type { StoredSettings } from './job-settings.repo.ts';
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
