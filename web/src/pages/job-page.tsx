import { useCallback } from 'react';
import { canWorkOnJobs, type Me } from '../api.ts';
import { AttachmentsPanel } from '../components/attachments-panel.tsx';
import { ArrowLeftIcon, PinIcon, ToolIcon } from '../components/icons.tsx';
import { JobStatusBadge, PriorityBadge, VisitWindow } from '../components/job-bits.tsx';
import { JobChecklist } from '../components/job-checklist.tsx';
import { JobHistory } from '../components/job-history.tsx';
import { JobLines } from '../components/job-lines-editor.tsx';
import { MoveJobForm, useJobMove } from '../components/job-move.tsx';
import { JobNotes } from '../components/job-notes.tsx';
import { SlaClocks } from '../components/job-sla.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { equipmentName } from '../components/place-fields.tsx';
import { SignOffPanel } from '../components/sign-off-panel.tsx';
import { hvacApi, type Job } from '../hvac-api.ts';
import { useLoaded, useOptionalData } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link } from '../router.tsx';

// One job, as the technician and the office work on it: what and where, the status and the moves
// allowed now, the SLA clocks and history, then the checklist, priced lines, the customer's
// sign-off, photos and notes. Every change answers with the whole job, which replaces the one on screen.
export function JobPage({ id, me }: { id: string; me: Me }) {
  const { t } = useI18n();
  const load = useCallback(() => hvacApi.getJob(id), [id]);
  const { state, reload, set, update } = useLoaded(load);
  const mover = useJobMove(set, reload);
  useDocumentTitle(state.status === 'ready' ? `${t(`jobType.${state.data.type}`)} · ${state.data.customerName}` : t('jobs.title'));

  if (state.status === 'loading') {
    return (
      <div className="page" data-testid="job-page">
        <p className="page-loading">{t('app.loading')}</p>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="page" data-testid="job-page">
        <BackLink />
        <LoadFailed message={state.notFound ? t('job.notFound') : state.message} {...(!state.notFound && { onRetry: reload })} testId="job-error" />
      </div>
    );
  }

  const job = state.data;
  const working = canWorkOnJobs(me.role);
  // Closed and cancelled jobs are history: nothing is ticked or noted on them any more.
  const open = !['closed', 'cancelled'].includes(job.status);

  return (
    <div className="page page-wide job-page" data-testid="job-page" data-job-id={job.id} data-status={job.status}>
      <BackLink />
      <JobHeader job={job} />
      <div className="job-layout">
        <aside className="job-side">
          <section className="card job-section" aria-labelledby="job-status-title" data-testid="job-status-panel">
            <div className="section-header">
              <h2 id="job-status-title" className="section-title">
                {t('job.status')}
              </h2>
              <JobStatusBadge status={job.status} />
            </div>
            {/* Re-keyed by version: after a move the form starts empty, with the new choices. */}
            <MoveJobForm key={job.version} job={job} mover={mover} />
            <SlaClocks sla={job.sla} />
          </section>
          <section className="card job-section" aria-labelledby="job-history-title">
            <h2 id="job-history-title" className="section-title">
              {t('jobHistory.title')}
            </h2>
            <JobHistory history={job.history} />
          </section>
        </aside>
        <div className="job-main">
          <JobChecklist job={job} canEdit={working && open} onChanged={set} onReload={reload} />
          <JobLines job={job} canEdit={working} defaultVatRate={job.defaultVatRate} onChanged={set} onReload={reload} />
          <SignOffPanel job={job} canSign={working} onChanged={set} onReload={reload} />
          <AttachmentsPanel
            name="job"
            title={t('attachments.jobTitle')}
            items={job.attachments}
            canUpload={working && open}
            canDelete={working}
            upload={(file, fileName, contentType) => hvacApi.uploadJobAttachment(job.id, file, fileName, contentType)}
            onUploaded={(attachment) => update((current) => ({ ...current, attachments: [...current.attachments, attachment] }))}
            onDeleted={(attachment) => update((current) => ({ ...current, attachments: current.attachments.filter((each) => each.id !== attachment.id) }))}
            onReload={reload}
          />
          <JobNotes job={job} canAdd={working && open} onChanged={set} />
        </div>
      </div>
    </div>
  );
}

function JobHeader({ job }: { job: Job }) {
  const { t, formatDate } = useI18n();
  const { equipmentId } = job;
  const loadUnit = useCallback(() => hvacApi.getEquipment(equipmentId ?? ''), [equipmentId]);
  const unit = useOptionalData(equipmentId ? loadUnit : null);
  return (
    <header className="card job-header" data-testid="job-header">
      <div className="job-header-badges">
        <span className="job-type">{t(`jobType.${job.type}`)}</span>
        <PriorityBadge priority={job.priority} />
        <JobStatusBadge status={job.status} />
      </div>
      <h1 className="customer-name">
        <Link to={`/customers/${job.customerId}`} data-testid="job-customer">
          {job.customerName}
        </Link>
      </h1>
      <p className="job-description" data-testid="job-description-text">
        {job.description}
      </p>
      <div className="customer-facts">
        <span className="fact" data-testid="job-site">
          <PinIcon />
          {job.siteLabel}
        </span>
        {job.equipmentId && (
          <Link to={`/customers/${job.customerId}?tab=equipment#equipment-${job.equipmentId}`} className="fact" data-testid="job-equipment">
            <ToolIcon />
            {unit ? equipmentName(unit, t) : t('job.equipment')}
          </Link>
        )}
        <span className="fact">
          <span className="fact-label">{t('job.window')}</span>
          <VisitWindow start={job.windowStart} end={job.windowEnd} />
        </span>
        <span className="fact fact-muted">{t('job.created', { date: formatDate(job.createdAt) })}</span>
      </div>
    </header>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/jobs" className="back-link" data-testid="job-back">
      <ArrowLeftIcon />
      {t('job.back')}
    </Link>
  );
}
