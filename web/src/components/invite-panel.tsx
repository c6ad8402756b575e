import { useState, type FormEvent } from 'react';
import { api, invitableRoles, type Invitation, type Me, type Role } from '../api.ts';
import { errorText, fieldErrorsOf, isUnauthorized } from '../error-text.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { Field, Select, TextInput } from './field.tsx';

// The accept link is built here from the token; the server only returns the token.
export function invitationLink(token: string): string {
  return `${window.location.origin}/accept-invitation?token=${encodeURIComponent(token)}`;
}

export function InvitePanel({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useI18n();
  const { expire } = useSession();
  const roleOptions = invitableRoles(me.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [invitation, setInvitation] = useState<Invitation | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      setInvitation(await api.inviteUser(email.trim(), role));
      setEmail('');
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      const byField = fieldErrorsOf(caught, t);
      setFieldErrors(byField);
      // A validation problem is explained next to its field; only other errors need the banner.
      if (!byField.email && !byField.role) setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card invite-card" aria-labelledby="invite-title" data-testid="invite-panel">
      <div className="card-header">
        <div>
          <h2 id="invite-title" className="card-title">
            {t('invite.title')}
          </h2>
          <p className="card-subtitle">{t('invite.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={onClose}>
          ×
        </button>
      </div>
      <form className="invite-form" onSubmit={(event) => void handleSubmit(event)} data-testid="invite-form" noValidate>
        <Field label={t('invite.email')} error={fieldErrors.email}>
          {(control) => (
            <TextInput
              {...control}
              type="email"
              name="email"
              autoComplete="off"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="invite-email"
            />
          )}
        </Field>
        <Field label={t('invite.role')} error={fieldErrors.role}>
          {(control) => (
            <Select
              {...control}
              name="role"
              value={role}
              onChange={(event) => setRole(roleOptions.find((option) => option === event.target.value) ?? role)}
              data-testid="invite-role"
            >
              {roleOptions.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="invite-submit">
          {busy ? t('invite.submitting') : t('invite.submit')}
        </button>
      </form>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="invite-error">
          {error}
        </div>
      )}
      {invitation && <InvitationResult invitation={invitation} />}
    </section>
  );
}

function InvitationResult({ invitation }: { invitation: Invitation }) {
  const { t, roleName, formatDateTime } = useI18n();
  const [copied, setCopied] = useState(false);
  const link = invitationLink(invitation.token);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard needs a secure context; selecting the text lets the user copy by hand.
      const input = document.getElementById('invite-link');
      if (input instanceof HTMLInputElement) input.select();
    }
  };

  return (
    <div className="invite-result" role="status" data-testid="invite-result">
      <p className="invite-result-title">
        {t('invite.created', { email: invitation.email, role: roleName(invitation.role) })}
      </p>
      <label className="field-label" htmlFor="invite-link">
        {t('invite.link')}
      </label>
      <div className="copy-row">
        <input
          id="invite-link"
          className="input input-mono"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          data-testid="invite-link"
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
      </div>
      <p className="invite-meta">
        {t('invite.token')}: <code data-testid="invite-token">{invitation.token}</code>
        <span aria-hidden="true"> · </span>
        {t('invite.expires', { date: formatDateTime(invitation.expiresAt) })}
      </p>
      <p className="invite-warning">{t('invite.onceWarning')}</p>
    </div>
  );
}
