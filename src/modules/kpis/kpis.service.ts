import { businessDate, type Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import type { Principal } from '../../core/http/access.ts';
import type { Metrics } from '../../core/metrics.ts';
import { heatingSeasonStart, yearBefore } from './kpi-definitions.ts';
import type { KpisRepo } from './kpis.repo.ts';
import type { KpiInput, Kpis } from './kpis.schemas.ts';

// What KPIs need from the equipment module: today's F-gas compliance of the company.
export interface FgasScores {
  compliance(principal: Principal, query: { dueWithinDays: number }): Promise<{ asOf: string; score: number | null; counts: { inScope: number; overdue: number } }>;
}

// /metrics is scraped every few seconds by some setups; the figures move by the hour.
const metricsTtlMs = 60_000;

export class KpisService {
  private scraped: { at: number; values: Promise<Array<{ tenant: string; kpis: Kpis }>> } | undefined;

  constructor(private readonly options: { db: Database; repo: KpisRepo; clock: Clock; fgas: FgasScores }) {}

  async compute(principal: Principal, query: KpiInput = {}): Promise<Kpis> {
    const { db, repo, clock, fgas } = this.options;
    const asOf = query.asOf ?? businessDate(clock.now());
    const from = query.from ?? yearBefore(asOf);
    const seasonStart = heatingSeasonStart(asOf);
    const figures = await db.inTenant(principal.tenantId, async (tx) => ({
      readiness: await repo.heatingReadiness(tx, seasonStart, yearBefore(seasonStart), asOf),
      maintenance: await repo.maintenanceCompletion(tx, from, asOf),
      response: await repo.emergencyResponse(tx, from, asOf),
      fix: await repo.firstTimeFix(tx, from, asOf),
    }));
    const compliance = await fgas.compliance(principal, { dueWithinDays: 30 });
    const { readiness, maintenance, response, fix } = figures;
    return {
      asOf,
      from,
      heatingReadiness: { share: share(readiness.serviced, readiness.total), serviced: readiness.serviced, total: readiness.total, seasonStart },
      maintenanceCompletion: { rate: share(maintenance.completed, maintenance.due), completed: maintenance.completed, onTime: maintenance.onTime, due: maintenance.due, from, to: asOf },
      emergencyResponse: { p50Minutes: response.p50, p90Minutes: response.p90, count: response.count, awaitingArrival: response.awaitingArrival },
      firstTimeFix: { rate: share(fix.fixed, fix.total), fixed: fix.fixed, total: fix.total },
      fgasCompliance: { score: compliance.score, inScope: compliance.counts.inScope, overdue: compliance.counts.overdue, asOf: compliance.asOf },
    };
  }

  // Every company's KPIs as gauges labelled by its slug, computed at most once a minute.
  registerMetrics(metrics: Metrics): void {
    const gauge = (name: string, help: string, pick: (kpis: Kpis) => Array<{ labels?: Record<string, string>; value: number | null }>) =>
      metrics.gaugeFromCallback(name, help, ['tenant', 'quantile'], async () =>
        (await this.allTenants()).flatMap(({ tenant, kpis }) =>
          pick(kpis).flatMap(({ labels, value }) => (value === null ? [] : [{ labels: { tenant, ...labels }, value }])),
        ),
      );
    gauge('pasja_kpi_heating_readiness_ratio', 'Share of heating units serviced for the coming or current heating season', (k) => [{ value: k.heatingReadiness.share }]);
    gauge('pasja_kpi_maintenance_completion_ratio', 'Share of maintenance visits due in the last year that were completed', (k) => [{ value: k.maintenanceCompletion.rate }]);
    gauge('pasja_kpi_emergency_response_minutes', 'Minutes from an emergency job opening to arrival on site, last year', (k) => [
      { labels: { quantile: '0.5' }, value: k.emergencyResponse.p50Minutes },
      { labels: { quantile: '0.9' }, value: k.emergencyResponse.p90Minutes },
    ]);
    gauge('pasja_kpi_first_time_fix_ratio', 'Share of repairs fixed on the first visit, last year', (k) => [{ value: k.firstTimeFix.rate }]);
    gauge('pasja_kpi_fgas_compliance_ratio', 'Share of F-gas equipment in scope with no overdue leak check', (k) => [{ value: k.fgasCompliance.score }]);
  }

  private allTenants(): Promise<Array<{ tenant: string; kpis: Kpis }>> {
    const now = Date.now();
    if (!this.scraped || now - this.scraped.at > metricsTtlMs) {
      const values = this.computeAll();
      this.scraped = { at: now, values };
      // A failed computation is not kept: the next scrape tries again.
      values.catch(() => {
        if (this.scraped?.values === values) this.scraped = undefined;
      });
    }
    return this.scraped.values;
  }

  private async computeAll(): Promise<Array<{ tenant: string; kpis: Kpis }>> {
    const tenants = await this.options.db.asSystem((tx) => this.options.repo.listTenants(tx));
    const results: Array<{ tenant: string; kpis: Kpis }> = [];
    for (const tenant of tenants) {
      const system: Principal = { tenantId: tenant.id, userId: null, role: 'admin', tokenId: null, sessionId: null };
      results.push({ tenant: tenant.slug, kpis: await this.compute(system) });
    }
    return results;
  }
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
