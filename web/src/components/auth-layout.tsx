import type { ReactNode } from 'react';
import { useI18n } from '../i18n-context.tsx';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitch } from './language-switch.tsx';

// Frame for pages shown without a session: login and accepting an invitation.
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <header className="auth-header">
        <div className="brand">
          <BrandMark />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-title">
            {title}
          </h1>
          <p className="auth-subtitle">{subtitle}</p>
          {children}
        </section>
        <p className="auth-tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}
