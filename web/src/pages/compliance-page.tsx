import { FgasBadge } from '../components/job-bits.tsx';
import { fgasReasonText } from '../fgas-reasons.ts';
import { LoadFailed } from '../components/load-failed.tsx';
import { equipmentName } from '../components/place-fields.tsx';
import { formatDecimal, formatShare } from '../format.ts';
import { hvacApi, type Compliance } from '../hvac-api.ts';
import { useLoaded } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link } from '../router.tsx';

const loadCompliance = () => hvacApi.compliance();

// EU F-gas compliance of the company's equipment: the score (share of units under the leak-check
// rules with no check overdue), the counts, and every unit that needs attention soonest first,
// each leading to its register on the customer page.
export function CompliancePage() {
  const { t } = useI18n();
  const { state, reload } = useLoaded(loadCompliance);
  useDocumentTitle(t('compliance.title'));

  return (
    <div className="page page-wide" data-testid="compliance-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('compliance.title')}</h1>
          <p className="page-subtitle">{t('compliance.subtitle')}</p>
        </div>
      </header>
      {state.status === 'loading' && <p className="page-loading">{t('app.loading')}</p>}
      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="compliance-error" />}
      {state.status === 'ready' && <ComplianceReport report={state.data} />}
    </div>
  );
}

function ComplianceReport({ report }: { report: Compliance }) {
  const { t, locale, formatDate } = useI18n();
  const { counts } = report;
  const tiles: Array<{ key: string; label: string; value: number; tone?: string }> = [
    { key: 'inScope', label: t('compliance.inScope'), value: counts.inScope },
    { key: 'ok', label: t('fgasStatus.ok'), value: counts.ok, tone: 'ok' },
    { key: 'dueSoon', label: t('fgasStatus.due_soon'), value: counts.dueSoon, tone: 'due_soon' },
    { key: 'overdue', label: t('fgasStatus.overdue'), value: counts.overdue, tone: 'overdue' },
    { key: 'nonCompliant', label: t('fgasStatus.non_compliant'), value: counts.nonCompliant, tone: 'non_compliant' },
    { key: 'notInScope', label: t('fgasStatus.not_in_scope'), value: counts.notInScope },
  ];
  return (
    <>
      <section className="compliance-summary" aria-label={t('compliance.summary')}>
        <div className="card compliance-score" data-testid="compliance-score">
          <span className="kpi-label">{t('compliance.score')}</span>
          <span className="compliance-score-value">{formatShare(report.score, locale)}</span>
          <span className="kpi-detail">{t('compliance.asOf', { date: formatDate(report.asOf) })}</span>
        </div>
        <dl className="compliance-counts">
          {tiles.map((tile) => (
            <div key={tile.key} className={tile.tone ? `card compliance-count fgas-tone-${tile.tone}` : 'card compliance-count'} data-testid="compliance-count" data-count={tile.key}>
              <dt>{tile.label}</dt>
              <dd>{tile.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card card-flush" aria-labelledby="compliance-list-title">
        <h2 id="compliance-list-title" className="card-title card-flush-title">
          {t('compliance.attention')}
        </h2>
        {report.items.length === 0 ? (
          <p className="card-message" data-testid="compliance-empty">
            {t('compliance.allGood')}
          </p>
        ) : (
          <table className="table compliance-table" data-testid="compliance-table">
            <thead>
              <tr>
                <th scope="col">{t('compliance.col.equipment')}</th>
                <th scope="col">{t('compliance.col.customer')}</th>
                <th scope="col">{t('compliance.col.refrigerant')}</th>
                <th scope="col">{t('compliance.col.status')}</th>
                <th scope="col">{t('compliance.col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map(({ equipment, customerName, fgas }) => (
                <tr key={equipment.id} data-testid="compliance-row" data-status={fgas.status}>
                  <td className="cell-equipment" data-label={t('compliance.col.equipment')}>
                    <Link to={`/customers/${equipment.customerId}?tab=equipment&unit=${equipment.id}`} data-testid="compliance-equipment-link">
                      {equipmentName(equipment, t)}
                    </Link>
                    {equipment.serialNumber && <span className="register-notes mono">{equipment.serialNumber}</span>}
                  </td>
                  <td className="cell-customer" data-label={t('compliance.col.customer')}>
                    <Link to={`/customers/${equipment.customerId}`}>{customerName}</Link>
                  </td>
                  <td className="cell-refrigerant" data-label={t('compliance.col.refrigerant')}>
                    {equipment.refrigerant ?? '—'}
                    {equipment.refrigerantChargeKg !== null && ` · ${formatDecimal(equipment.refrigerantChargeKg, locale)} kg`}
                  </td>
                  <td className="cell-status" data-label={t('compliance.col.status')}>
                    <FgasBadge fgas={fgas} />
                    <span className="register-notes">{fgasReasonText(fgas.reason, t)}</span>
                  </td>
                  <td className="cell-due" data-label={t('compliance.col.due')}>{fgas.nextCheckDue ? formatDate(fgas.nextCheckDue) : t('compliance.dueNow')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
