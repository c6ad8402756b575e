import type { ReactNode } from 'react';
import { AppFrame } from './components/app-frame.tsx';
import { errorText } from './error-text.ts';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { AcceptInvitationPage } from './pages/accept-invitation-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { Redirect, useLocation } from './router.tsx';
import { SessionProvider, useSession } from './session-context.tsx';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </I18nProvider>
  );
}

// The whole route table. Without a session every path except the public ones leads to /login.
function Routes() {
  const { pathname } = useLocation();
  const { state, reload } = useSession();
  const { t } = useI18n();

  if (pathname === '/accept-invitation') return <AcceptInvitationPage />;
  if (state.status === 'loading') return <Splash>{t('app.loading')}</Splash>;
  if (state.status === 'failed') {
    return (
      <Splash>
        <p role="alert">{errorText(state.error, t, 'app.loadFailed')}</p>
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('app.retry')}
        </button>
      </Splash>
    );
  }

  const { me } = state;
  if (!me) return pathname === '/login' ? <LoginPage /> : <Redirect to="/login" />;
  if (pathname === '/' || pathname === '/login') return <Redirect to="/users" />;

  return (
    <AppFrame me={me}>
      {/* Keyed by tenant so switching company starts the page from a clean state. */}
      {pathname === '/users' ? <UsersPage key={me.tenant.id} me={me} /> : <NotFoundPage />}
    </AppFrame>
  );
}

function Splash({ children }: { children: ReactNode }) {
  return (
    <div className="splash" data-testid="splash">
      {children}
    </div>
  );
}
