import { useCallback, useEffect, useState } from 'react';
import { canChangeSettings, canDispatch, canWorkOnJobs, type Me } from '../api.ts';
import type { CustomerChoice } from '../components/customer-picker.tsx';
import { PlusIcon } from '../components/icons.tsx';
import { JobBoardView } from '../components/job-board-view.tsx';
import { NewJobForm } from '../components/job-form.tsx';
import { KpiStrip } from '../components/kpi-strip.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { crmApi } from '../crm-api.ts';
import { hvacApi } from '../hvac-api.ts';
import { useLoaded } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { boardStatuses, finishedStatuses, withMoved } from '../job-board.ts';
import { Link, navigate, useLocation } from '../router.tsx';

// The job board: open work in columns by status, the company's KPIs above it, and the form for
// a new job. `?finished=1` adds the invoiced, closed and cancelled columns; `?new=1&customer=ID`
// opens the form for that customer (the customer page links here).
export function JobsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const showFinished = params.get('finished') === '1';
  const presetCustomerId = params.get('customer');
  const [formOpen, setFormOpen] = useState(params.get('new') === '1');
  const [presetCustomer, setPresetCustomer] = useState<CustomerChoice | null | undefined>(presetCustomerId ? undefined : null);
  const statuses = showFinished ? [...boardStatuses, ...finishedStatuses] : boardStatuses;
  useDocumentTitle(t('jobs.title'));

  const load = useCallback(() => hvacApi.listJobs({ statuses: showFinished ? [...boardStatuses, ...finishedStatuses] : boardStatuses }), [showFinished]);
  const { state, reload, update } = useLoaded(load);

  useEffect(() => {
    if (!presetCustomerId) return;
    let cancelled = false;
    crmApi.getCustomer(presetCustomerId).then(
      (customer) => !cancelled && setPresetCustomer({ id: customer.id, name: customer.name }),
      () => !cancelled && setPresetCustomer(null),
    );
    return () => {
      cancelled = true;
    };
  }, [presetCustomerId]);

  const toggleFinished = () => navigate(showFinished ? '/jobs' : '/jobs?finished=1', { replace: true });

  return (
    <div className="page page-board" data-testid="jobs-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('jobs.title')}</h1>
          <p className="page-subtitle">{t('jobs.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="chip" aria-pressed={showFinished} onClick={toggleFinished} data-testid="jobs-show-finished">
            {t('jobs.showFinished')}
          </button>
          {canChangeSettings(me.role) && (
            <Link to="/settings/jobs" className="button button-ghost" data-testid="jobs-settings">
              {t('settings.open')}
            </Link>
          )}
          {canDispatch(me.role) && !formOpen && (
            <button type="button" className="button button-primary" onClick={() => setFormOpen(true)} data-testid="job-new">
              <PlusIcon />
              {t('jobs.new')}
            </button>
          )}
        </div>
      </header>

      <KpiStrip />

      {formOpen && presetCustomer !== undefined && (
        <section className="card" aria-labelledby="job-new-title" data-testid="job-new-panel">
          <div className="card-header">
            <h2 id="job-new-title" className="card-title">
              {t('jobForm.title')}
            </h2>
          </div>
          <NewJobForm customer={presetCustomer} onCreated={(job) => navigate(`/jobs/${job.id}`)} onCancel={() => setFormOpen(false)} />
        </section>
      )}

      {state.status === 'loading' && <p className="page-loading">{t('app.loading')}</p>}
      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="jobs-error" />}
      {state.status === 'ready' && (
        <>
          {state.data.nextCursor && <p className="muted">{t('jobs.truncated', { count: state.data.items.length })}</p>}
          <JobBoardView
            jobs={state.data.items}
            statuses={statuses}
            canMove={canWorkOnJobs(me.role)}
            onMoved={(job) => update((page) => ({ ...page, items: withMoved(page.items, job) }))}
            onStale={reload}
          />
        </>
      )}
    </div>
  );
}
