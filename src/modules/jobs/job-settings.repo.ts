import { sql } from 'kysely';
import type { Tx } from '../../core/db/database.ts';
import type { VatRate } from './job-pricing.ts';
import type { JobPriority, SlaTargets } from './job-sla.ts';
import type { JobType } from './jobs.repo.ts';

// What a company changed of the job defaults (job-settings.ts resolves them against the code's).
export interface StoredSettings {
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

