import { useState, type FormEvent } from 'react';
import { crmApi, type ListLoad, type Site, type SiteInput } from '../crm-api.ts';
import { errorText, fieldErrorsOf, isUnauthorized } from '../error-text.ts';
import { formatPostalCodeInput, isPostalCode, parseCoordinates, siteAddressLine } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { Field, TextInput } from './field.tsx';
import { RecordListPanel } from './record-list-panel.tsx';
import { LocateIcon, MapIcon, NavigateIcon, PinIcon } from './icons.tsx';

interface SitesPanelProps {
  customerId: string;
  sites: ListLoad<Site>;
  editable: boolean;
  onAdded(site: Site): void;
}

export function SitesPanel({ customerId, sites, editable, onAdded }: SitesPanelProps) {
  const { t } = useI18n();
  return (
    <RecordListPanel
      name="site"
      title={t('sites.title')}
      addLabel={t('sites.add')}
      emptyText={t('sites.empty')}
      records={sites}
      editable={editable}
      renderForm={(form) => <SiteForm customerId={customerId} onCancel={form.close} onSaved={form.saved} />}
      addedMessage={(site) => t('sites.added', { address: siteAddressLine(site) })}
      onAdded={onAdded}
      renderCard={(site) => <SiteCard key={site.id} site={site} />}
    />
  );
}

// A link that opens the phone's map app (or the browser's) with directions to the site.
function directionsHref(site: Site): string {
  const destination =
    site.lat !== null && site.lng !== null
      ? `${site.lat},${site.lng}`
      : `${siteAddressLine(site)}, ${site.postalCode} ${site.city}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}

function SiteCard({ site }: { site: Site }) {
  const { t } = useI18n();
  const address = siteAddressLine(site);
  return (
    <li className="card entity-card" data-testid="site-card" data-site-id={site.id}>
      <div className="entity-head">
        <span className="entity-icon" aria-hidden="true">
          <PinIcon />
        </span>
        <div className="entity-title-block">
          <h3 className="entity-title">{site.label ?? address}</h3>
          <p className="entity-subtitle" data-testid="site-address">
            {site.label ? `${address}, ` : ''}
            {site.postalCode} {site.city}
          </p>
        </div>
      </div>
      <div className="site-meta">
        <span className={site.region ? 'badge badge-region' : 'badge badge-muted'} data-testid="site-region">
          <MapIcon />
          {site.region ? site.region.name : t('sites.noRegion')}
        </span>
        <a className="button button-ghost button-small" href={directionsHref(site)} target="_blank" rel="noreferrer noopener">
          <NavigateIcon />
          {t('sites.navigate')}
        </a>
      </div>
      {site.accessNotes && (
        <p className="access-notes">
          <span className="fact-label">{t('sites.accessNotes')}</span>
          {site.accessNotes}
        </p>
      )}
    </li>
  );
}

function SiteForm({ customerId, onCancel, onSaved }: { customerId: string; onCancel(): void; onSaved(site: Site): void }) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [label, setLabel] = useState('');
  const [street, setStreet] = useState('');
  const [building, setBuilding] = useState('');
  const [flat, setFlat] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [accessNotes, setAccessNotes] = useState('');
  const [coordinates, setCoordinates] = useState('');
  const [locating, setLocating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const locate = () => {
    if (!('geolocation' in navigator)) return setError(t('sites.locationFailed'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setCoordinates(`${position.coords.latitude.toFixed(6)}, ${position.coords.longitude.toFixed(6)}`);
      },
      () => {
        setLocating(false);
        setError(t('sites.locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const local: Record<string, string> = {};
    const code = formatPostalCodeInput(postalCode.trim());
    if (code && !isPostalCode(code)) local.postalCode = t('validation.postalCode');
    const point = parseCoordinates(coordinates);
    if (point === undefined) local.coordinates = t('validation.coordinates');
    setFieldErrors(local);
    if (Object.keys(local).length > 0) return;

    const input: SiteInput = {
      label: label.trim() || null,
      street: street.trim(),
      building: building.trim() || null,
      flat: flat.trim() || null,
      postalCode: code,
      city: city.trim(),
      accessNotes: accessNotes.trim() || null,
    };
    if (point) {
      input.lat = point.lat;
      input.lng = point.lng;
    }
    setBusy(true);
    try {
      onSaved(await crmApi.createSite(customerId, input));
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      const byField = fieldErrorsOf(caught, t);
      if (byField.lat ?? byField.lng) byField.coordinates = byField.lat ?? byField.lng ?? '';
      setFieldErrors(byField);
      const shown = ['label', 'street', 'building', 'flat', 'postalCode', 'city', 'accessNotes', 'coordinates'].some((key) => byField[key]);
      if (!shown) setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="site-form">
      <h3 className="card-title">{t('sites.add')}</h3>
      <div className="form-grid site-form-grid">
        <div className="site-street">
          <Field label={t('sites.street')} error={fieldErrors.street}>
            {(control) => (
              <TextInput
                {...control}
                required
                autoFocus
                autoComplete="address-line1"
                value={street}
                onChange={(event) => setStreet(event.target.value)}
                data-testid="site-street"
              />
            )}
          </Field>
        </div>
        <div className="site-number">
          <Field label={t('sites.building')} error={fieldErrors.building}>
            {(control) => (
              <TextInput {...control} autoComplete="off" value={building} onChange={(event) => setBuilding(event.target.value)} data-testid="site-building" />
            )}
          </Field>
        </div>
        <div className="site-number">
          <Field label={t('sites.flat')} error={fieldErrors.flat}>
            {(control) => (
              <TextInput {...control} autoComplete="off" value={flat} onChange={(event) => setFlat(event.target.value)} data-testid="site-flat" />
            )}
          </Field>
        </div>
        <div className="site-postal">
          <Field label={t('sites.postalCode')} error={fieldErrors.postalCode}>
            {(control) => (
              <TextInput
                {...control}
                required
                inputMode="numeric"
                autoComplete="postal-code"
                placeholder="00-950"
                maxLength={6}
                value={postalCode}
                onChange={(event) => setPostalCode(event.target.value)}
                onBlur={() => setPostalCode((value) => formatPostalCodeInput(value.trim()))}
                data-testid="site-postal-code"
              />
            )}
          </Field>
        </div>
        <div className="site-city">
          <Field label={t('sites.city')} error={fieldErrors.city}>
            {(control) => (
              <TextInput
                {...control}
                required
                autoComplete="address-level2"
                value={city}
                onChange={(event) => setCity(event.target.value)}
                data-testid="site-city"
              />
            )}
          </Field>
        </div>
        <div className="site-label">
          <Field label={`${t('sites.label')} (${t('common.optional')})`} error={fieldErrors.label}>
            {(control) => (
              <TextInput
                {...control}
                placeholder={t('sites.labelPlaceholder')}
                value={label}
                onChange={(event) => setLabel(event.target.value)}
                data-testid="site-label"
              />
            )}
          </Field>
        </div>
        <div className="site-coordinates">
          <Field label={`${t('sites.coordinates')} (${t('common.optional')})`} error={fieldErrors.coordinates} hint={t('sites.coordinatesHint')}>
            {(control) => (
              <div className="input-row">
                <TextInput
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={coordinates}
                  onChange={(event) => setCoordinates(event.target.value)}
                  data-testid="site-coordinates"
                />
                <button type="button" className="button button-secondary" onClick={locate} disabled={locating}>
                  <LocateIcon />
                  {locating ? t('sites.locating') : t('sites.useMyLocation')}
                </button>
              </div>
            )}
          </Field>
        </div>
        <div className="form-span-all">
          <Field label={t('sites.accessNotes')} error={fieldErrors.accessNotes}>
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={2}
                placeholder={t('sites.accessNotesPlaceholder')}
                value={accessNotes}
                onChange={(event) => setAccessNotes(event.target.value)}
                data-testid="site-access-notes"
              />
            )}
          </Field>
        </div>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="site-form-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="site-submit">
          {busy ? t('common.saving') : t('sites.save')}
        </button>
      </div>
    </form>
  );
}
