import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, canDispatch, type Me } from '../api.ts';
import { DispatchLanes, type LaneDrop } from '../components/dispatch-lanes.tsx';
import { DispatchMap } from '../components/dispatch-map.tsx';
import { PriorityBadge, VisitWindow } from '../components/job-bits.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { crmApi } from '../crm-api.ts';
import { dispatchApi, type DayBoard, type JobCard, type LastKnownPosition, type PlannedVisit, type Proposal } from '../dispatch-api.ts';
import { addDays, dayAxis, dispatchReasonText, isCalendarDate, jobsById, refusalsOf, skillText, warsawDateOf, type DropRefusal } from '../dispatch-board.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { useLoaded, useOptionalData } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session-context.tsx';

// /dispatch?date=YYYY-MM-DD: a day's plan. Lanes per technician on a time axis, the unassigned
// jobs to drag onto them, the optimiser's proposal to accept or discard, emergencies inserted into
// the live plan, and the routes on a map. `budget` (seconds, 1–120) sets the optimiser's time;
// tests use it to keep runs short. Loaded lazily (app.tsx): it pulls in Leaflet.

const defaultBudgetSeconds = 5;
const positionsRefreshMs = 30_000;

function budgetOf(search: URLSearchParams): number {
  const value = Number(search.get('budget'));
  return Number.isInteger(value) && value >= 1 && value <= 120 ? value : defaultBudgetSeconds;
}

type Notice = { kind: 'refused'; refusals: DropRefusal[] } | { kind: 'error'; message: string } | { kind: 'success'; message: string };

export function DispatchPage({ me }: { me: Me }) {
  const { t, formatTime } = useI18n();
  const { expire } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const requested = params.get('date');
  const date = isCalendarDate(requested) ? requested : warsawDateOf(new Date());
  const budget = budgetOf(params);
  const canChange = canDispatch(me.role);
  useDocumentTitle(t('dispatch.title'));

  const load = useCallback(() => dispatchApi.board(date), [date]);
  const { state, reload, set } = useLoaded(load);
  const regions = useOptionalData(crmApi.listRegions);
  const config = useOptionalData(crmApi.uiConfig);
  const positions = usePositions(canChange);

  const [busy, setBusy] = useState(false);
  const [optimising, setOptimising] = useState(false);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [draggedJobId, setDraggedJobId] = useState<string | null>(null);

  // A new day starts clean.
  useEffect(() => {
    setProposal(null);
    setNotice(null);
  }, [date]);

  const goTo = (next: string) => {
    const query = new URLSearchParams(search);
    query.set('date', next);
    navigate(`/dispatch?${query.toString()}`);
  };

  // One way to change the plan: the server answers with the whole day, or says why not (and the
  // board stays as it was).
  const change = async (action: () => Promise<DayBoard>, done?: string): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    try {
      set(await action());
      if (done) setNotice({ kind: 'success', message: done });
      return true;
    } catch (error) {
      if (isUnauthorized(error)) expire();
      else if (error instanceof ApiError && (error.status === 409 || error.status === 400)) setNotice({ kind: 'refused', refusals: refusalsOf(error, t) });
      else setNotice({ kind: 'error', message: errorText(error, t) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const drop = ({ jobId, technicianId, position }: LaneDrop) => void change(() => dispatchApi.moveVisit(jobId, { technicianId, date, position }), t('dispatch.moved'));
  const remove = (visit: PlannedVisit) => void change(() => dispatchApi.removeVisit(visit.jobId), t('dispatch.moved'));

  const optimise = async () => {
    setOptimising(true);
    setNotice(null);
    setProposal(null);
    try {
      setProposal(await dispatchApi.propose(date, budget));
    } catch (error) {
      if (isUnauthorized(error)) expire();
      else setNotice({ kind: 'error', message: errorText(error, t) });
    } finally {
      setOptimising(false);
    }
  };

  const accept = async (chosen: Proposal) => {
    if (await change(() => dispatchApi.accept(chosen.id), t('dispatch.proposal.accepted'))) setProposal(null);
  };

  const insertEmergency = async (job: JobCard) => {
    setBusy(true);
    setNotice(null);
    try {
      const result = await dispatchApi.insertEmergency(job.id);
      set(result.board);
      const name = result.board.lanes.find((lane) => lane.technicianId === result.technicianId)?.name ?? '';
      setNotice({ kind: 'success', message: t('dispatch.emergency.inserted', { customer: job.customerName, name, eta: formatTime(result.eta), minutes: Math.round(result.addedTravelMinutes) }) });
    } catch (error) {
      if (isUnauthorized(error)) expire();
      else if (error instanceof ApiError && error.status === 409) setNotice({ kind: 'refused', refusals: refusalsOf(error, t) });
      else setNotice({ kind: 'error', message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const board = state.status === 'ready' ? state.data : null;
  const axis = useMemo(() => (board ? dayAxis(board) : null), [board]);
  const today = warsawDateOf(new Date());

  return (
    <div className="page page-wide dispatch-page" data-testid="dispatch-page" data-date={date}>
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('dispatch.title')}</h1>
          <p className="page-subtitle">{t('dispatch.subtitle')}</p>
        </div>
        <div className="dispatch-toolbar">
          <div className="dispatch-day" role="group" aria-label={t('dispatch.date')}>
            <button type="button" className="button button-secondary button-small" onClick={() => goTo(addDays(date, -1))} aria-label={t('dispatch.previousDay')} data-testid="dispatch-prev">
              ‹
            </button>
            <input
              type="date"
              className="input dispatch-date"
              value={date}
              aria-label={t('dispatch.date')}
              onChange={(event) => isCalendarDate(event.target.value) && goTo(event.target.value)}
              data-testid="dispatch-date"
            />
            <button type="button" className="button button-secondary button-small" onClick={() => goTo(addDays(date, 1))} aria-label={t('dispatch.nextDay')} data-testid="dispatch-next">
              ›
            </button>
            {date !== today && (
              <button type="button" className="button button-ghost button-small" onClick={() => goTo(today)}>
                {t('dispatch.today')}
              </button>
            )}
          </div>
          <Link to="/technicians" className="button button-ghost button-small" data-testid="dispatch-technicians">
            {t('nav.technicians')}
          </Link>
          {canChange && (
            <button type="button" className="button button-primary" disabled={optimising || busy || !board} onClick={() => void optimise()} data-testid="dispatch-optimise">
              {optimising ? t('dispatch.optimising') : t('dispatch.optimise')}
            </button>
          )}
        </div>
      </header>

      {!canChange && <p className="banner banner-warning">{t('dispatch.readOnly')}</p>}

      {optimising && (
        <div className="card dispatch-optimising" role="status" data-testid="dispatch-progress">
          <p>{t('dispatch.optimisingHint', { seconds: budget })}</p>
          <div className="dispatch-progress">
            <span style={{ animationDuration: `${budget}s` }} />
          </div>
        </div>
      )}

      {proposal && board && <ProposalPanel proposal={proposal} board={board} busy={busy} onAccept={() => void accept(proposal)} onDiscard={() => setProposal(null)} />}

      {!board && <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />}

      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="dispatch-error" />}
      {state.status === 'loading' && <p className="page-loading">{t('app.loading')}</p>}

      {board && axis && (
        <>
          {/* Kept in view while scrolling down the lanes, so a card can be dragged to any of them. */}
          <div className="dispatch-dock">
            <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
            <UnassignedList jobs={board.unassigned} canChange={canChange} busy={busy} draggedJobId={draggedJobId} onDragJob={setDraggedJobId} onEmergency={(job) => void insertEmergency(job)} />
          </div>
          <section className="card card-flush dispatch-board" aria-label={t('dispatch.lanes')} data-busy={busy ? 'true' : undefined}>
            {board.lanes.length === 0 ? (
              <p className="card-message" data-testid="dispatch-no-technicians">
                {t('dispatch.noTechnicians')}
              </p>
            ) : (
              <DispatchLanes lanes={board.lanes} axis={axis} canChange={canChange} busy={busy} draggedJobId={draggedJobId} onDragJob={setDraggedJobId} onDrop={drop} onRemove={remove} />
            )}
          </section>
          <section className="card card-flush dispatch-map" data-testid="dispatch-map">
            <DispatchMap lanes={board.lanes} positions={positions} regions={regions?.items ?? []} config={config} />
          </section>
        </>
      )}
    </div>
  );
}

// Last known positions, refreshed every 30 seconds; none for those who may not see them.
function usePositions(enabled: boolean): LastKnownPosition[] {
  const { expire } = useSession();
  const [positions, setPositions] = useState<LastKnownPosition[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const refresh = () =>
      dispatchApi.positions().then(
        (items) => !cancelled && setPositions(items),
        (error: unknown) => {
          if (!cancelled && isUnauthorized(error)) expire();
        },
      );
    void refresh();
    const timer = window.setInterval(() => void refresh(), positionsRefreshMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [enabled, expire]);
  return positions;
}

function NoticeBanner({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  const { t } = useI18n();
  if (!notice) return null;
  const close = (
    <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={onDismiss}>
      ×
    </button>
  );
  if (notice.kind !== 'refused') {
    const success = notice.kind === 'success';
    return (
      <div className={success ? 'banner banner-success' : 'banner banner-error'} role={success ? 'status' : 'alert'} data-testid={success ? 'dispatch-notice' : 'dispatch-failed'}>
        <span>{notice.message}</span>
        {close}
      </div>
    );
  }
  return (
    <div className="banner banner-warning" role="alert" data-testid="dispatch-refused">
      <div>
        <p>{t('dispatch.refused')}</p>
        <ul className="dispatch-refusals">
          {notice.refusals.map((refusal, index) => (
            <li key={`${refusal.rule}-${index}`} data-testid="dispatch-refusal" data-rule={refusal.rule} title={refusal.detail}>
              {refusal.text}
            </li>
          ))}
        </ul>
      </div>
      {close}
    </div>
  );
}

interface ProposalPanelProps {
  proposal: Proposal;
  board: DayBoard;
  busy: boolean;
  onAccept(): void;
  onDiscard(): void;
}

function ProposalPanel({ proposal, board, busy, onAccept, onDiscard }: ProposalPanelProps) {
  const { t, plural, formatNumber } = useI18n();
  const jobs = jobsById(board);
  const laneName = (technicianId: string) => board.lanes.find((lane) => lane.technicianId === technicianId)?.name ?? technicianId;
  return (
    <section className="card dispatch-proposal" aria-labelledby="dispatch-proposal-title" data-testid="dispatch-proposal">
      <div className="card-header">
        <div>
          <h2 id="dispatch-proposal-title" className="card-title">
            {t('dispatch.proposal.title')}
          </h2>
          <p className="card-subtitle" data-testid="dispatch-proposal-travel">
            {t('dispatch.proposal.travel', { minutes: formatNumber(Math.round(proposal.travelMinutes)) })}
            {proposal.travelSource === 'straight_line' && ` · ${t('dispatch.proposal.straightLine')}`}
          </p>
        </div>
        <div className="dispatch-proposal-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={onAccept} data-testid="dispatch-accept">
            {busy ? t('dispatch.proposal.accepting') : t('dispatch.proposal.accept')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={onDiscard} data-testid="dispatch-discard">
            {t('dispatch.proposal.discard')}
          </button>
        </div>
      </div>
      <ul className="dispatch-proposal-routes">
        {proposal.routes.map((route) => (
          <li key={route.technicianId}>
            {t('dispatch.proposal.technicianLine', { name: laneName(route.technicianId), visits: plural('dispatch.proposal.visits', route.visits.length), minutes: formatNumber(Math.round(route.travelMinutes)) })}
          </li>
        ))}
      </ul>
      {proposal.unassigned.length === 0 ? (
        <p className="muted">{t('dispatch.proposal.allPlanned')}</p>
      ) : (
        <>
          <h3 className="dispatch-subtitle">{t('dispatch.proposal.unassigned')}</h3>
          <ul className="dispatch-proposal-unassigned" data-testid="dispatch-proposal-unassigned">
            {proposal.unassigned.map((entry) => (
              <li key={entry.jobId} data-reason={entry.reason}>
                <strong>{jobs.get(entry.jobId)?.customerName ?? entry.jobId}</strong> — {dispatchReasonText(entry.reason, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface UnassignedProps {
  jobs: JobCard[];
  canChange: boolean;
  busy: boolean;
  draggedJobId: string | null;
  onDragJob(jobId: string | null): void;
  onEmergency(job: JobCard): void;
}

function UnassignedList({ jobs, canChange, busy, draggedJobId, onDragJob, onEmergency }: UnassignedProps) {
  const { t } = useI18n();
  return (
    <section className="card card-flush dispatch-unassigned" aria-labelledby="dispatch-unassigned-title" data-testid="dispatch-unassigned">
      <div className="dispatch-unassigned-head">
        <h2 id="dispatch-unassigned-title" className="card-title">
          {t('dispatch.unassigned.title')} <span className="count-pill">{jobs.length}</span>
        </h2>
        {canChange && jobs.length > 0 && <p className="card-subtitle">{t('dispatch.unassigned.hint')}</p>}
      </div>
      {jobs.length === 0 ? (
        <p className="card-message" data-testid="dispatch-unassigned-empty">
          {t('dispatch.unassigned.empty')}
        </p>
      ) : (
        <ul className="dispatch-cards">
          {jobs.map((job) => (
            <li
              key={job.id}
              className={`dispatch-card priority-edge-${job.priority}${draggedJobId === job.id ? ' dispatch-card-dragging' : ''}`}
              draggable={canChange && !busy}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', job.id);
                onDragJob(job.id);
              }}
              onDragEnd={() => onDragJob(null)}
              data-testid="dispatch-card"
              data-job-id={job.id}
              data-priority={job.priority}
            >
              <div className="dispatch-card-top">
                <PriorityBadge priority={job.priority} />
                <span className="dispatch-card-minutes">{t('dispatch.serviceMinutes', { minutes: job.serviceMinutes })}</span>
              </div>
              <p className="dispatch-card-name">{job.customerName}</p>
              <p className="dispatch-card-meta">
                {job.siteLabel}
                {!job.location && <span className="badge badge-danger dispatch-card-flag">{t('dispatch.noLocation')}</span>}
              </p>
              <p className="dispatch-card-meta">
                <VisitWindow start={job.windowStart} end={job.windowEnd} />
              </p>
              <p className="dispatch-card-skills">
                {job.requiredSkills.length === 0 ? (
                  <span className="muted">{t('dispatch.noSkills')}</span>
                ) : (
                  job.requiredSkills.map((skill) => (
                    <span key={skill} className="badge badge-muted" data-testid="dispatch-skill">
                      {skillText(skill, t)}
                    </span>
                  ))
                )}
              </p>
              {canChange && job.priority === 'emergency' && (
                <button type="button" className="button button-danger button-small" disabled={busy} onClick={() => onEmergency(job)} data-testid="dispatch-emergency">
                  {busy ? t('dispatch.emergency.inserting') : t('dispatch.emergency.insert')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
