import { lazy, Suspense, type ReactNode } from 'react';
import type { Me } from './api.ts';
import { AppFrame } from './components/app-frame.tsx';
import { errorText } from './error-text.ts';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { AcceptInvitationPage } from './pages/accept-invitation-page.tsx';
import { CompliancePage } from './pages/compliance-page.tsx';
import { CustomerPage } from './pages/customer-page.tsx';
import { CustomersPage } from './pages/customers-page.tsx';
import { JobPage } from './pages/job-page.tsx';
import { JobSettingsPage } from './pages/job-settings-page.tsx';
import { JobsPage } from './pages/jobs-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MaintenancePage } from './pages/maintenance-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { TechniciansPage } from './pages/technicians-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { Redirect, useLocation } from './router.tsx';
import { SessionProvider, useSession } from './session-context.tsx';

// The map page pulls in Leaflet; it loads only when someone opens it.
const RegionsPage = lazy(() => import('./pages/regions-page.tsx').then((module) => ({ default: module.RegionsPage })));
const DispatchPage = lazy(() => import('./pages/dispatch-page.tsx').then((module) => ({ default: module.DispatchPage })));

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
  if (pathname === '/' || pathname === '/login') return <Redirect to="/customers" />;

  return (
    <AppFrame me={me}>
      <SignedInRoute pathname={pathname} me={me} t={t} />
    </AppFrame>
  );
}

// Pages are keyed by tenant so switching company starts them from a clean state.
function SignedInRoute({ pathname, me, t }: { pathname: string; me: Me; t: ReturnType<typeof useI18n>['t'] }) {
  const tenant = me.tenant.id;
  if (pathname === '/users') return <UsersPage key={tenant} me={me} />;
  if (pathname === '/customers') return <CustomersPage key={tenant} me={me} />;
  const customer = /^\/customers\/([^/]+)\/?$/.exec(pathname);
  if (customer?.[1]) {
    const id = decodeURIComponent(customer[1]);
    return <CustomerPage key={`${tenant}:${id}`} id={id} me={me} />;
  }
  if (pathname === '/jobs') return <JobsPage key={tenant} me={me} />;
  const job = /^\/jobs\/([^/]+)\/?$/.exec(pathname);
  if (job?.[1]) {
    const id = decodeURIComponent(job[1]);
    return <JobPage key={`${tenant}:${id}`} id={id} me={me} />;
  }
  if (pathname === '/settings/jobs') return <JobSettingsPage key={tenant} me={me} />;
  if (pathname === '/maintenance') return <MaintenancePage key={tenant} me={me} />;
  if (pathname === '/compliance') return <CompliancePage key={tenant} />;
  if (pathname === '/regions') {
    return (
      <Suspense fallback={<p className="page-loading">{t('app.loading')}</p>}>
        <RegionsPage key={tenant} me={me} />
      </Suspense>
    );
  }
  if (pathname === '/technicians') return <TechniciansPage key={tenant} />;
  if (pathname === '/dispatch') {
    return (
      <Suspense fallback={<p className="page-loading">{t('app.loading')}</p>}>
        <DispatchPage key={tenant} me={me} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}

function Splash({ children }: { children: ReactNode }) {
  return (
    <div className="splash" data-testid="splash">
      {children}
    </div>
  );
}
