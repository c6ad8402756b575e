import { useState, type ReactNode } from 'react';
import type { Me } from '../api.ts';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n-context.tsx';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session-context.tsx';
import { BrandMark } from './brand-mark.tsx';
import { GlobalSearch } from './global-search.tsx';
import { CalendarIcon, CustomersIcon, JobsIcon, MapIcon, NavigateIcon, ShieldIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  testId: string;
}

// Signed-in layout: sidebar navigation, top bar with tenant, language and user, then the page.
export function AppFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [notice, setNotice] = useState<string | null>(null);

  const navItems: NavItem[] = [
    { to: '/customers', label: t('nav.customers'), icon: <CustomersIcon />, testId: 'nav-customers' },
    { to: '/jobs', label: t('nav.jobs'), icon: <JobsIcon />, testId: 'nav-jobs' },
    { to: '/dispatch', label: t('nav.dispatch'), icon: <NavigateIcon />, testId: 'nav-dispatch' },
    { to: '/maintenance', label: t('nav.maintenance'), icon: <CalendarIcon />, testId: 'nav-maintenance' },
    { to: '/compliance', label: t('nav.compliance'), icon: <ShieldIcon />, testId: 'nav-compliance' },
    { to: '/regions', label: t('nav.regions'), icon: <MapIcon />, testId: 'nav-regions' },
    { to: '/users', label: t('nav.users'), icon: <UsersIcon />, testId: 'nav-users' },
  ];

  return (
    <div className="app-shell" data-testid="app-frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar" data-testid="sidebar">
        <Link to="/customers" className="brand brand-on-dark">
          <BrandMark />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {navItems.map((item) => {
              const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
              return (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    className={active ? 'nav-link nav-link-active' : 'nav-link'}
                    aria-current={active ? 'page' : undefined}
                    data-testid={item.testId}
                  >
                    {item.icon}
                    <span className="nav-label">{item.label}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>
      <div className="app-body">
        <header className="topbar" data-testid="topbar">
          <TenantSwitch me={me} onError={setNotice} />
          <GlobalSearch />
          <div className="topbar-actions">
            <LanguageSwitch />
            <UserMenu me={me} onError={setNotice} />
          </div>
        </header>
        {notice && (
          <div className="banner banner-error" role="alert" data-testid="frame-error">
            <span>{notice}</span>
            <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

function TenantSwitch({ me, onError }: { me: Me; onError: (message: string) => void }) {
  const { t } = useI18n();
  const { switchTenant } = useSession();
  const [busy, setBusy] = useState(false);

  if (me.memberships.length < 2) {
    return (
      <div className="tenant">
        <span className="tenant-label">{t('topbar.tenant')}</span>
        <span className="tenant-name" data-testid="tenant-name">
          {me.tenant.name}
        </span>
      </div>
    );
  }

  const handleChange = async (tenantId: string) => {
    if (tenantId === me.tenant.id) return;
    setBusy(true);
    try {
      await switchTenant(tenantId);
    } catch (error) {
      onError(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tenant">
      <label className="tenant-label" htmlFor="tenant-switch">
        {t('topbar.tenant')}
      </label>
      <select
        id="tenant-switch"
        className="tenant-select"
        title={t('topbar.switchTenant')}
        value={me.tenant.id}
        disabled={busy}
        data-testid="tenant-switch"
        onChange={(event) => void handleChange(event.target.value)}
      >
        {me.memberships.map((membership) => (
          <option key={membership.tenant.id} value={membership.tenant.id}>
            {membership.tenant.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserMenu({ me, onError }: { me: Me; onError: (message: string) => void }) {
  const { t, roleName } = useI18n();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);

  const handleLogout = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch (error) {
      onError(errorText(error, t));
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" title={`${me.user.name} <${me.user.email}>`}>
      <span className="avatar" aria-hidden="true">
        {initialsOf(me.user.name || me.user.email)}
      </span>
      <span className="user-text">
        <span className="user-name" data-testid="user-name">
          {me.user.name}
        </span>
        <span className="user-role">{roleName(me.role)}</span>
      </span>
      <button
        type="button"
        className="button button-ghost"
        disabled={busy}
        data-testid="logout-button"
        onClick={() => void handleLogout()}
      >
        <LogoutIcon />
        <span className="logout-label">{busy ? t('topbar.loggingOut') : t('topbar.logout')}</span>
      </button>
    </div>
  );
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((part) => part?.charAt(0) ?? '')
    .join('')
    .toUpperCase();
}

function UsersIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19" />
      <circle cx="10" cy="7.5" r="3.5" />
      <path d="M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.15a3.5 3.5 0 0 1 0 6.7" />
    </svg>
  );
}

function LogoutIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 16l-4-4 4-4M6 12h10" />
    </svg>
  );
}
