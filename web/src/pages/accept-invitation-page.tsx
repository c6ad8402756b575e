import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Field, TextInput } from '../components/field.tsx';
import { errorText, fieldErrorsOf } from '../error-text.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session-context.tsx';

export function AcceptInvitationPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useDocumentTitle(t('accept.title'));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      signIn(await api.acceptInvitation(token, name.trim(), password));
      navigate('/users', { replace: true });
    } catch (caught) {
      const byField = fieldErrorsOf(caught, t);
      setFieldErrors(byField);
      if (!byField.name && !byField.password) setError(errorText(caught, t));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('accept.title')} subtitle={t('accept.subtitle')}>
      {token ? (
        <form className="form" onSubmit={(event) => void handleSubmit(event)} data-testid="accept-form" noValidate>
          {error && (
            <div className="banner banner-error" role="alert" data-testid="accept-error">
              {error}
            </div>
          )}
          <Field label={t('accept.name')} error={fieldErrors.name}>
            {(control) => (
              <TextInput
                {...control}
                name="name"
                autoComplete="name"
                required
                autoFocus
                value={name}
                onChange={(event) => setName(event.target.value)}
                data-testid="accept-name"
              />
            )}
          </Field>
          <Field label={t('accept.password')} error={fieldErrors.password} hint={t('accept.passwordHint')}>
            {(control) => (
              <TextInput
                {...control}
                type="password"
                name="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                data-testid="accept-password"
              />
            )}
          </Field>
          <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="accept-submit">
            {busy ? t('accept.submitting') : t('accept.submit')}
          </button>
        </form>
      ) : (
        <div className="banner banner-error" role="alert" data-testid="accept-error">
          {t('accept.missingToken')}
        </div>
      )}
      <p className="auth-footer">
        <Link to="/login">{t('accept.toLogin')}</Link>
      </p>
    </AuthLayout>
  );
}
