import { formatMinutes } from '../format.ts';
import type { Job, SlaClock } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';

// The job's two SLA clocks as the server computed them when the job was loaded: technician on
// site (response) and the fault fixed (resolution).
export function SlaClocks({ sla }: { sla: Job['sla'] }) {
  const { t } = useI18n();
  return (
    <dl className="sla-clocks" data-testid="job-sla">
      <Clock name="response" label={t('sla.response')} clock={sla.response} />
      <Clock name="resolution" label={t('sla.resolution')} clock={sla.resolution} />
    </dl>
  );
}

// Under an hour left is shown as a warning: time to call the customer or send someone else.
const warningMinutes = 60;

function Clock({ name, label, clock }: { name: string; label: string; clock: SlaClock }) {
  const { t, locale, formatDateTime } = useI18n();
  const remaining = clock.remainingMinutes === undefined ? '' : formatMinutes(clock.remainingMinutes, locale);
  const at = clock.at ? formatDateTime(clock.at) : '';
  let detail: string;
  switch (clock.state) {
    case 'running':
      detail = t('sla.remaining', { time: remaining });
      break;
    case 'paused':
      detail = t('sla.pausedSince', { date: at, time: remaining });
      break;
    case 'met':
      detail = t('sla.metAt', { date: at });
      break;
    case 'breached':
      detail = t('sla.breachedAt', { date: at });
      break;
    case 'cancelled':
      detail = t('sla.cancelledAt', { date: at });
      break;
  }
  const urgent = clock.state === 'running' && (clock.remainingMinutes ?? Infinity) < warningMinutes;
  return (
    <div className={`sla-clock sla-${clock.state}${urgent ? ' sla-urgent' : ''}`} data-testid="sla-clock" data-clock={name} data-state={clock.state}>
      <dt className="sla-label">
        {label}
        <span className={`badge sla-badge sla-badge-${clock.state}`}>{t(`sla.state.${clock.state}`)}</span>
      </dt>
      <dd className="sla-value">
        <span className="sla-detail">{detail}</span>
        {clock.deadline && <span className="sla-deadline">{t('sla.deadline', { date: formatDateTime(clock.deadline) })}</span>}
      </dd>
    </div>
  );
}
