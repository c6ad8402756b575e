import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { Field, TextInput } from '../components/field.tsx';
import { errorText, fieldErrorsOf } from '../error-text.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useDocumentTitle(t('login.title'));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      // The router sends a signed-in user from /login to the app.
      signIn(await api.login(email.trim(), password));
    } catch (caught) {
      const byField = fieldErrorsOf(caught, t);
      setFieldErrors(byField);
      // Wrong password, rate limiting and the like have no field: the server's detail goes on top.
      if (!byField.email && !byField.password) setError(errorText(caught, t, 'login.failed'));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form className="form" onSubmit={(event) => void handleSubmit(event)} data-testid="login-form" noValidate>
        {error && (
          <div className="banner banner-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <Field label={t('login.email')} error={fieldErrors.email}>
          {(control) => (
            <TextInput
              {...control}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="login-email"
            />
          )}
        </Field>
        <Field label={t('login.password')} error={fieldErrors.password}>
          {(control) => (
            <TextInput
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          )}
        </Field>
        <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
