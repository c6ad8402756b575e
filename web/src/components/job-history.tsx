import { api, roles } from '../api.ts';
import type { JobTransition } from '../hvac-api.ts';
import { useOptionalData } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { JobStatusBadge } from './job-bits.tsx';

const listUsers = () => api.listUsers();

// Every status change of the job, newest first: who (named from the company's users when the
// list is available, by role otherwise), when, from where to where, and the reason given.
export function JobHistory({ history }: { history: readonly JobTransition[] }) {
  const { t, roleName, formatDateTime } = useI18n();
  const users = useOptionalData(listUsers);
  if (history.length === 0) return <p className="muted">{t('jobHistory.empty')}</p>;
  const nameOf = (id: string) => users?.items.find((user) => user.id === id)?.name ?? null;
  const roleOf = (role: string) => {
    const known = roles.find((candidate) => candidate === role);
    return known ? roleName(known) : role;
  };
  return (
    <ol className="job-history" data-testid="job-history">
      {[...history].reverse().map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="job-history-entry" data-testid="job-history-entry" data-to={entry.to}>
          <div className="job-history-move">
            <JobStatusBadge status={entry.from} />
            <span aria-label={t('jobHistory.to')}>→</span>
            <JobStatusBadge status={entry.to} />
          </div>
          <p className="job-history-meta">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {' · '}
            {nameOf(entry.actor.id) ?? t('jobHistory.someone')} ({roleOf(entry.actor.role)})
          </p>
          {entry.reason && <p className="job-history-reason">{entry.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
