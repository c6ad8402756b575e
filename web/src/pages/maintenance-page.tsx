import { useCallback, useEffect, useState } from 'react';
import { canDispatch, canRunScheduler, type Me } from '../api.ts';
import { Field, TextInput } from '../components/field.tsx';
import { CalendarIcon, PlusIcon, SearchIcon } from '../components/icons.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { PlanForm } from '../components/plan-form.tsx';
import { Notice, useSave, type NoticeState } from '../components/record-editing.tsx';
import { formatPln } from '../format.ts';
import { hvacApi, seasonRules, seasons, type MaintenancePlan } from '../hvac-api.ts';
import { useDebouncedValue, usePagedList } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link, navigate, useLocation } from '../router.tsx';

// A company has thousands of plans: they come a page at a time, and the search narrows them on the server.
const pageSize = 50;
// The server's limit on q.
const maxQueryLength = 100;

// Maintenance plans: agreed periodic services, each creating its job a number of days before it
// falls due (the scheduler runs every 15 minutes; an admin may run it now), with the jobs created
// so far. `?q=` holds the search, so coming back from a customer shows the same plans.
export function MaintenancePage({ me }: { me: Me }) {
  const { t, plural, formatDate } = useI18n();
  const { search } = useLocation();
  const [query, setQuery] = useState(() => new URLSearchParams(search).get('q') ?? '');
  const q = useDebouncedValue(query.trim(), 250);
  const load = useCallback((cursor: string | undefined, signal: AbortSignal) => hvacApi.listPlans({ q: q || undefined, limit: pageSize, cursor }, signal), [q]);
  const plans = usePagedList(load);
  const { state, reload, update } = plans;
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const run = useSave([]);
  useDocumentTitle(t('plans.title'));

  useEffect(() => {
    const next = q ? `?${new URLSearchParams({ q }).toString()}` : '';
    if (next !== window.location.search) navigate(`/maintenance${next}`, { replace: true });
  }, [q]);

  const runScheduler = async () => {
    setNotice(null);
    await run.run(async () => {
      const result = await hvacApi.runScheduler();
      setNotice({ text: plural('plans.runResult', result.jobsCreated, { date: formatDate(result.asOf) }), focus: true });
      reload();
    });
  };

  return (
    <div className="page page-wide" data-testid="maintenance-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('plans.title')}</h1>
          <p className="page-subtitle">{t('plans.subtitle')}</p>
        </div>
        <div className="page-actions">
          {canRunScheduler(me.role) && (
            <button type="button" className="button button-secondary" disabled={run.busy} onClick={() => void runScheduler()} data-testid="plans-run">
              <CalendarIcon />
              {run.busy ? t('plans.running') : t('plans.run')}
            </button>
          )}
          {canDispatch(me.role) && !formOpen && (
            <button type="button" className="button button-primary" onClick={() => setFormOpen(true)} data-testid="plan-new">
              <PlusIcon />
              {t('plans.new')}
            </button>
          )}
        </div>
      </header>
      <Notice notice={notice} onDismiss={() => setNotice(null)} testId="plans-notice" />
      {run.error && (
        <div className="banner banner-error" role="alert" data-testid="plans-run-error">
          {run.error}
        </div>
      )}
      {formOpen && (
        <section className="card" aria-labelledby="plan-new-title" data-testid="plan-new-panel">
          <div className="card-header">
            <h2 id="plan-new-title" className="card-title">
              {t('plans.new')}
            </h2>
          </div>
          <PlanForm
            onCreated={(plan) => {
              update((items) => [plan, ...items]);
              setFormOpen(false);
              setNotice({ text: t('plans.created', { title: plan.title }), focus: true });
            }}
            onCancel={() => setFormOpen(false)}
          />
        </section>
      )}
      <section className="card filters-card" aria-label={t('plans.searchLabel')}>
        <div className="plans-search">
          <Field label={t('plans.searchLabel')}>
            {(control) => (
              <div className="input-with-icon">
                <SearchIcon />
                <TextInput
                  {...control}
                  type="search"
                  placeholder={t('plans.searchPlaceholder')}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={maxQueryLength}
                  value={query}
                  onChange={(event) => setQuery(event.target.value)}
                  data-testid="plans-search"
                />
              </div>
            )}
          </Field>
        </div>
      </section>
      {state.status === 'loading' && <p className="page-loading">{t('app.loading')}</p>}
      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="plans-error" />}
      {state.status === 'ready' && state.items.length === 0 && (
        <p className="card card-message" data-testid="plans-empty">
          {q ? t('plans.noMatches', { q }) : t('plans.empty')}
        </p>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <div className={plans.refreshing ? 'plan-results is-refreshing' : 'plan-results'} aria-busy={plans.refreshing}>
          <ul className="entity-list plan-list" data-testid="plans-list">
            {state.items.map((plan) => (
              <PlanCard key={plan.id} plan={plan} />
            ))}
          </ul>
          <div className="list-footer plan-list-footer">
            <span className="list-footer-count" data-testid="plans-shown">
              {plural('plans.shown', state.items.length)}
            </span>
            {plans.moreError && (
              <span className="field-error" role="alert">
                {plans.moreError}
              </span>
            )}
            {state.nextCursor && (
              <button type="button" className="button button-secondary" disabled={plans.loadingMore} onClick={() => void plans.loadMore()} data-testid="plans-load-more">
                {plans.loadingMore ? t('common.loadingMore') : t('common.loadMore')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function PlanCard({ plan }: { plan: MaintenancePlan }) {
  const { t, locale, formatDate } = useI18n();
  const season = seasons.find((name) => seasonRules[name] === plan.rrule);
  const occurrences = [...plan.occurrences].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <li className="card entity-card" data-testid="plan-card" data-plan-id={plan.id}>
      <div className="entity-head">
        <span className="entity-icon" aria-hidden="true">
          <CalendarIcon />
        </span>
        <div className="entity-title-block">
          <h2 className="entity-title">
            {plan.title}
            {plan.status !== 'active' && <span className="badge badge-muted">{t(`planStatus.${plan.status}`)}</span>}
          </h2>
          <p className="entity-subtitle">
            {season ? t(`plans.mode.${season}`) : <code>{plan.rrule}</code>}
            {' · '}
            {t('plans.leadDaysShort', { days: plan.leadDays })}
          </p>
        </div>
      </div>
      <dl className="equipment-facts">
        <div>
          <dt>{t('plans.customerLabel')}</dt>
          <dd>
            <Link to={`/customers/${plan.customerId}`} data-testid="plan-customer">
              {plan.customerName}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('plans.address')}</dt>
          <dd data-testid="plan-address">{plan.siteLabel}</dd>
        </div>
        <div>
          <dt>{t('plans.period')}</dt>
          <dd>
            {plan.endsOn ? `${formatDate(plan.startsOn)} – ${formatDate(plan.endsOn)}` : t('plans.openEnded', { date: formatDate(plan.startsOn) })}
            {plan.autoRenew && ` · ${t('plans.renews')}`}
          </dd>
        </div>
        {plan.priceGrosze !== null && (
          <div>
            <dt>{t('plans.priceLabel')}</dt>
            <dd>{formatPln(plan.priceGrosze, locale)}</dd>
          </div>
        )}
      </dl>
      <div className="plan-occurrences">
        <span className="fact-label">{t('plans.jobs')}</span>
        {occurrences.length === 0 ? (
          <p className="muted">{t('plans.noJobsYet')}</p>
        ) : (
          <ul className="occurrence-list">
            {occurrences.map((occurrence) => (
              <li key={occurrence.jobId}>
                <Link to={`/jobs/${occurrence.jobId}`} data-testid="plan-occurrence">
                  {t('plans.dueOn', { date: formatDate(occurrence.dueOn) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
