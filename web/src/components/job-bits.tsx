import type { FgasSummary, JobPriority, JobStatus } from '../hvac-api.ts';
import { fgasReasonText } from '../fgas-reasons.ts';
import { useI18n } from '../i18n-context.tsx';

// Small presentational pieces shared by the job board, the job page, the equipment tab and the
// compliance page.

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge job-status job-status-${status}`} data-testid="job-status" data-status={status}>
      {t(`jobStatus.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: JobPriority }) {
  const { t } = useI18n();
  return (
    <span className={`badge priority priority-${priority}`} data-testid="job-priority" data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}

// "12 mar 2026, 09:00–11:00" for a visit; a window of several days (a maintenance period) by its dates only.
export function VisitWindow({ start, end }: { start: string | null; end: string | null }) {
  const { t, formatDate, formatDateTime, formatTime } = useI18n();
  if (!start && !end) return <span className="muted">{t('jobs.noWindow')}</span>;
  const sameDay = start && end && formatDate(start) === formatDate(end);
  let text: string;
  if (start && end) text = sameDay ? `${formatDateTime(start)}–${formatTime(end)}` : `${formatDate(start)} – ${formatDate(end)}`;
  else if (start) text = t('jobs.windowFrom', { date: formatDateTime(start) });
  else text = t('jobs.windowUntil', { date: formatDateTime(end ?? '') });
  return (
    <time className="visit-window" dateTime={start ?? end ?? undefined} data-testid="job-window">
      {text}
    </time>
  );
}

export function FgasBadge({ fgas }: { fgas: FgasSummary }) {
  const { t } = useI18n();
  return (
    <span className={`badge fgas fgas-${fgas.status}`} data-testid="fgas-status" data-status={fgas.status} title={fgasReasonText(fgas.reason, t)}>
      {t(`fgasStatus.${fgas.status}`)}
    </span>
  );
}
