import { useState, type FormEvent } from 'react';
import { crmApi, premisesKinds, type ListLoad, type PremisesKind, type Site, type SiteInput } from '../crm-api.ts';
import { formatPostalCodeInput, isPostalCode, parseCoordinates, siteAddressLine } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { areaInputOf, hasUsableArea, premisesInput, premisesKindOf, premisesText } from '../site-premises.ts';
import { Field, Select, TextInput } from './field.tsx';
import { BuildingIcon, HomeIcon, LocateIcon, MapIcon, NavigateIcon, PinIcon } from './icons.tsx';
import { ConflictBanner, FormFooter, useSave } from './record-editing.tsx';
import { RecordListPanel, type RecordForm } from './record-list-panel.tsx';

interface SitesPanelProps {
  customerId: string;
  sites: ListLoad<Site>;
  canAdd: boolean;
  canChange: boolean;
  onSaved(site: Site): void;
  onRemoved(site: Site): void;
  onReload(): void;
}

export function SitesPanel({ customerId, sites, canAdd, canChange, onSaved, onRemoved, onReload }: SitesPanelProps) {
  const { t } = useI18n();
  // The server places a site in a region from its coordinates; the message says where it landed.
  const savedMessage = (site: Site, added: boolean) => {
    const address = siteAddressLine(site);
    const saved = added ? t('sites.added', { address }) : t('sites.saved', { address });
    return `${saved} ${site.region ? t('sites.inRegion', { region: site.region.name }) : t('sites.outsideRegions')}`;
  };
  return (
    <RecordListPanel<Site>
      name="site"
      title={t('sites.title')}
      addLabel={t('sites.add')}
      emptyText={t('sites.empty')}
      records={sites}
      canAdd={canAdd}
      canChange={canChange}
      renderForm={(form) => <SiteForm customerId={customerId} form={form} onReload={onReload} />}
      renderCard={(site) => <SiteCard site={site} />}
      describe={siteAddressLine}
      savedMessage={savedMessage}
      removal={(site) => ({
        question: t('sites.deleteQuestion', { address: siteAddressLine(site) }),
        confirmLabel: t('sites.delete'),
        run: () => crmApi.deleteSite(site.id, site.version),
      })}
      removedMessage={(site) => t('sites.deleted', { address: siteAddressLine(site) })}
      onSaved={onSaved}
      onRemoved={onRemoved}
      onReload={onReload}
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
  const { t, locale } = useI18n();
  const address = siteAddressLine(site);
  const premises = premisesText(site, t, locale);
  return (
    <>
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
          {premises && (
            <p className="entity-subtitle site-premises" data-testid="site-premises" data-kind={site.premisesKind}>
              {site.premisesKind === 'non_residential' ? <BuildingIcon /> : <HomeIcon />}
              {premises}
            </p>
          )}
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
    </>
  );
}

const shownFields = ['label', 'street', 'building', 'flat', 'postalCode', 'city', 'accessNotes', 'lat', 'lng', 'premisesKind', 'usableAreaM2'];

// The server checks latitude and longitude apart; the form has one input for both.
function withCoordinateError(byField: Record<string, string>): Record<string, string> {
  const message = byField.lat ?? byField.lng;
  return message ? { ...byField, coordinates: message } : byField;
}

// Adds a site, or edits one in place of its card (form.record).
function SiteForm({ customerId, form, onReload }: { customerId: string; form: RecordForm<Site>; onReload(): void }) {
  const { t, locale } = useI18n();
  const site = form.record;
  const [label, setLabel] = useState(site?.label ?? '');
  const [street, setStreet] = useState(site?.street ?? '');
  const [building, setBuilding] = useState(site?.building ?? '');
  const [flat, setFlat] = useState(site?.flat ?? '');
  const [postalCode, setPostalCode] = useState(site?.postalCode ?? '');
  const [city, setCity] = useState(site?.city ?? '');
  const [accessNotes, setAccessNotes] = useState(site?.accessNotes ?? '');
  const [premisesKind, setPremisesKind] = useState<PremisesKind | ''>(site?.premisesKind ?? '');
  const [area, setArea] = useState(areaInputOf(site?.usableAreaM2 ?? null, locale));
  const [coordinates, setCoordinates] = useState(site && site.lat !== null && site.lng !== null ? `${site.lat}, ${site.lng}` : '');
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);
  const save = useSave(shownFields, withCoordinateError);
  const { fieldErrors } = save;

  const locate = () => {
    setLocateError(null);
    if (!('geolocation' in navigator)) return setLocateError(t('sites.locationFailed'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setCoordinates(`${position.coords.latitude.toFixed(6)}, ${position.coords.longitude.toFixed(6)}`);
      },
      () => {
        setLocating(false);
        setLocateError(t('sites.locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setLocateError(null);
    const local: Record<string, string> = {};
    const code = formatPostalCodeInput(postalCode.trim());
    if (code && !isPostalCode(code)) local.postalCode = t('validation.postalCode');
    const point = parseCoordinates(coordinates);
    if (point === undefined) local.coordinates = t('validation.coordinates');
    const premises = premisesInput(premisesKind, area, t);
    if (!premises.ok) local.usableAreaM2 = premises.error;
    if (Object.keys(local).length > 0 || !premises.ok) return save.reject(local);

    const input: SiteInput = {
      label: label.trim() || null,
      street: street.trim(),
      building: building.trim() || null,
      flat: flat.trim() || null,
      postalCode: code,
      city: city.trim(),
      accessNotes: accessNotes.trim() || null,
      ...premises.input,
    };
    // Editing sends null to take a site off the map; a new site without coordinates omits them.
    if (point || site) {
      input.lat = point?.lat ?? null;
      input.lng = point?.lng ?? null;
    }
    await save.run(async () => form.saved(site ? await crmApi.updateSite(site.id, site.version, input) : await crmApi.createSite(customerId, input)));
  };

  return (
    <form className="card form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="site-form">
      <h3 className="card-title">{site ? t('sites.editTitle', { address: siteAddressLine(site) }) : t('sites.add')}</h3>
      {save.conflict && <ConflictBanner onReload={onReload} />}
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
        <div className="site-premises">
          <Field label={t('sites.premises')} error={fieldErrors.premisesKind} hint={t('sites.premisesHint')}>
            {(control) => (
              <Select {...control} value={premisesKind} onChange={(event) => setPremisesKind(premisesKindOf(event.target.value))} data-testid="site-premises-kind">
                <option value="">{t('sites.premisesUnknown')}</option>
                {premisesKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`premises.${kind}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {hasUsableArea(premisesKind) && (
          <div className="site-area">
            <Field label={`${t('sites.area')} (${t('common.optional')})`} error={fieldErrors.usableAreaM2} hint={t('sites.areaHint')}>
              {(control) => (
                <TextInput
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={locale === 'pl' ? '62,5' : '62.5'}
                  value={area}
                  onChange={(event) => setArea(event.target.value)}
                  data-testid="site-area"
                />
              )}
            </Field>
          </div>
        )}
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
      <FormFooter name="site" busy={save.busy} error={save.error ?? locateError} submitLabel={t('sites.save')} onCancel={form.close} />
    </form>
  );
}
