import { useCallback, useEffect, useState } from 'react';
import { api, canInvite, type Me, type TenantUser } from '../api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { InvitePanel } from '../components/invite-panel.tsx';
import { LoadFailed } from '../components/load-failed.tsx';

type UsersState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; users: TenantUser[] };

export function UsersPage({ me }: { me: Me }) {
  const { t, plural } = useI18n();
  const { expire } = useSession();
  const [state, setState] = useState<UsersState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [inviteOpen, setInviteOpen] = useState(false);
  useDocumentTitle(t('users.title'));

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api.listUsers().then(
      (list) => {
        if (!cancelled) setState({ status: 'ready', users: list.items });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (isUnauthorized(error)) expire();
        else setState({ status: 'failed', message: errorText(error, t, 'app.loadFailed') });
      },
    );
    return () => {
      cancelled = true;
    };
    // t changes with the language; re-fetching for that is not wanted, the message is a fallback.
  }, [attempt, expire]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const inviteAllowed = canInvite(me.role);

  return (
    <div className="page" data-testid="users-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">
            {t('users.title')}
            {state.status === 'ready' && (
              <span className="count-pill" data-testid="users-count">
                {plural('users.count', state.users.length)}
              </span>
            )}
          </h1>
          <p className="page-subtitle">{t('users.subtitle')}</p>
        </div>
        {inviteAllowed && !inviteOpen && (
          <button
            type="button"
            className="button button-primary"
            data-testid="invite-open"
            onClick={() => setInviteOpen(true)}
          >
            <PlusIcon />
            {t('invite.title')}
          </button>
        )}
      </header>

      {inviteAllowed && inviteOpen && <InvitePanel me={me} onClose={() => setInviteOpen(false)} />}

      <section className="card card-flush" aria-label={t('users.title')}>
        {state.status === 'loading' && (
          <p className="card-message" aria-busy="true">
            {t('app.loading')}
          </p>
        )}
        {state.status === 'failed' && (
          <LoadFailed message={state.message} onRetry={retry} inCard={false} testId="users-error" />
        )}
        {state.status === 'ready' && state.users.length === 0 && <p className="card-message">{t('users.empty')}</p>}
        {state.status === 'ready' && state.users.length > 0 && <UsersTable users={state.users} me={me} />}
      </section>
    </div>
  );
}

function UsersTable({ users, me }: { users: TenantUser[]; me: Me }) {
  const { t, roleName, formatDate, formatDateTime } = useI18n();
  return (
    <table className="table" data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">{t('users.col.name')}</th>
          <th scope="col">{t('users.col.email')}</th>
          <th scope="col">{t('users.col.role')}</th>
          <th scope="col">{t('users.col.joined')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid="users-row" data-user-id={user.id}>
            <td data-label={t('users.col.name')}>
              <span className="cell-name">
                {user.name}
                {user.id === me.user.id && <span className="badge badge-muted">{t('users.you')}</span>}
              </span>
            </td>
            <td data-label={t('users.col.email')}>
              <a className="cell-email" href={`mailto:${user.email}`} data-testid="users-email">
                {user.email}
              </a>
            </td>
            <td data-label={t('users.col.role')}>
              <span className={`badge badge-role badge-role-${user.role}`} data-testid="users-role">
                {roleName(user.role)}
              </span>
            </td>
            <td data-label={t('users.col.joined')}>
              <time dateTime={user.joinedAt} title={formatDateTime(user.joinedAt)}>
                {formatDate(user.joinedAt)}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlusIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}
