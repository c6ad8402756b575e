import { useMemo } from 'react';
import { LoadFailed } from '../components/load-failed.tsx';
import { dispatchApi, type Technician } from '../dispatch-api.ts';
import { expiryState, skillText, warsawDateOf } from '../dispatch-board.ts';
import { useLoaded } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { intlTagOf } from '../i18n.ts';

// /technicians: who works in the field, with skills, certificates (flagged from 30 days before
// they expire), home base and weekly hours. Read-only: profiles are changed through the API.
export function TechniciansPage() {
  const { t, plural } = useI18n();
  useDocumentTitle(t('technicians.title'));
  const { state, reload } = useLoaded(dispatchApi.listTechnicians);
  const technicians = state.status === 'ready' ? state.data.items : [];

  return (
    <div className="page page-wide" data-testid="technicians-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">
            {t('technicians.title')}
            {state.status === 'ready' && <span className="count-pill">{plural('technicians.count', technicians.length)}</span>}
          </h1>
          <p className="page-subtitle">{t('technicians.subtitle')}</p>
        </div>
      </header>
      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="technicians-error" />}
      <section className="card card-flush technicians-card">
        {state.status === 'loading' && <p className="card-message">{t('app.loading')}</p>}
        {state.status === 'ready' && technicians.length === 0 && <p className="card-message">{t('technicians.empty')}</p>}
        {technicians.length > 0 && (
          <div className="technicians-scroll">
            <table className="table" data-testid="technicians-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.col.name')}</th>
                  <th scope="col">{t('technicians.skills')}</th>
                  <th scope="col">{t('technicians.certificates')}</th>
                  <th scope="col">{t('technicians.homeBase')}</th>
                  <th scope="col">{t('technicians.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {technicians.map((technician) => (
                  <TechnicianRow key={technician.id} technician={technician} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function TechnicianRow({ technician }: { technician: Technician }) {
  const { t, locale, formatDate } = useI18n();
  const today = warsawDateOf(new Date());
  // Monday first, as the server sends the week: 2024-01-01 was a Monday.
  const weekdays = useMemo(() => {
    const format = new Intl.DateTimeFormat(intlTagOf(locale), { weekday: 'short', timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
  }, [locale]);
  const { fgasCertificate: fgas, sepLicence: sep } = technician;
  return (
    <tr data-testid="technician-row" data-technician-id={technician.id}>
      <td>
        <span className="cell-name">{technician.name}</span>
        {!technician.active && <span className="badge badge-muted">{t('technicians.inactive')}</span>}
        <div className="muted">{technician.vehicle ?? ''}</div>
      </td>
      <td>
        <span className="dispatch-card-skills">
          {technician.skills.length === 0 ? (
            <span className="muted">{t('technicians.none')}</span>
          ) : (
            technician.skills.map((skill) => (
              <span key={skill} className="badge badge-muted">
                {skillText(skill, t)}
              </span>
            ))
          )}
        </span>
      </td>
      <td>
        <div className="technician-certificates">
        {!fgas && !sep && <span className="muted">{t('technicians.none')}</span>}
        {fgas && (
          <Certificate expiresOn={fgas.expiresOn} today={today}>
            {t('technicians.fgas', { category: fgas.category, number: fgas.number, date: formatDate(fgas.expiresOn) })}
          </Certificate>
        )}
        {sep && (
          <Certificate expiresOn={sep.expiresOn} today={today}>
            {sep.expiresOn ? t('technicians.sepUntil', { number: sep.number, date: formatDate(sep.expiresOn) }) : t('technicians.sep', { number: sep.number })}
          </Certificate>
        )}
        </div>
      </td>
      <td>{technician.homeBase?.label ?? <span className="muted">{t('technicians.none')}</span>}</td>
      <td>
        <ul className="technician-hours">
          {technician.workingHours.map((day, index) => (
            <li key={weekdays[index]}>
              <span>{weekdays[index]}</span> {day ? `${day.start}–${day.end}` : <span className="muted">{t('technicians.dayOff')}</span>}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function Certificate({ expiresOn, today, children }: { expiresOn: string | null; today: string; children: string }) {
  const { t } = useI18n();
  const state = expiresOn ? expiryState(expiresOn, today) : 'ok';
  return (
    <div className={`technician-certificate technician-certificate-${state}`} data-testid="technician-certificate" data-expiry={state}>
      {children}
      {state === 'expired' && <span className="badge badge-danger">{t('technicians.expired')}</span>}
      {state === 'soon' && <span className="badge badge-warning-soft">{t('technicians.expiresSoon')}</span>}
    </div>
  );
}
