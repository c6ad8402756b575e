import type { ReactNode } from 'react';
import { formatMinutes, formatShare } from '../format.ts';
import { hvacApi, type Kpis } from '../hvac-api.ts';
import { useOptionalData } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';

// The company's key numbers above the job board (GET /api/kpis). A board without them still
// works, so a failed load shows nothing rather than an error.
export function KpiStrip() {
  const kpis = useOptionalData(hvacApi.kpis);
  if (!kpis) return null;
  return <KpiTiles kpis={kpis} />;
}

function KpiTiles({ kpis }: { kpis: Kpis }) {
  const { t, locale, formatDate } = useI18n();
  const { heatingReadiness, maintenanceCompletion, emergencyResponse, firstTimeFix, fgasCompliance } = kpis;
  const minutes = (value: number | null) => (value === null ? '—' : formatMinutes(value, locale));
  return (
    <section className="kpi-strip" aria-label={t('kpi.title')} data-testid="kpi-strip">
      <Kpi name="heating" label={t('kpi.heatingReadiness')} value={formatShare(heatingReadiness.share, locale)}>
        {t('kpi.heatingReadinessDetail', { serviced: heatingReadiness.serviced, total: heatingReadiness.total, date: formatDate(heatingReadiness.seasonStart) })}
      </Kpi>
      <Kpi name="maintenance" label={t('kpi.maintenanceCompletion')} value={formatShare(maintenanceCompletion.rate, locale)}>
        {t('kpi.maintenanceCompletionDetail', { completed: maintenanceCompletion.completed, due: maintenanceCompletion.due, onTime: maintenanceCompletion.onTime })}
      </Kpi>
      <Kpi name="emergency" label={t('kpi.emergencyResponse')} value={minutes(emergencyResponse.p50Minutes)}>
        {t('kpi.emergencyResponseDetail', { p90: minutes(emergencyResponse.p90Minutes), count: emergencyResponse.count })}
      </Kpi>
      <Kpi name="first-time-fix" label={t('kpi.firstTimeFix')} value={formatShare(firstTimeFix.rate, locale)}>
        {t('kpi.firstTimeFixDetail', { fixed: firstTimeFix.fixed, total: firstTimeFix.total })}
      </Kpi>
      <Kpi name="fgas" label={t('kpi.fgasCompliance')} value={formatShare(fgasCompliance.score, locale)}>
        {t('kpi.fgasComplianceDetail', { overdue: fgasCompliance.overdue, inScope: fgasCompliance.inScope })}
      </Kpi>
    </section>
  );
}

function Kpi({ name, label, value, children }: { name: string; label: string; value: string; children: ReactNode }) {
  return (
    <div className="kpi" data-testid="kpi" data-kpi={name}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      <span className="kpi-detail">{children}</span>
    </div>
  );
}
