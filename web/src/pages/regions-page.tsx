import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, canManageRegions, isRecord, type FieldError, type Me } from '../api.ts';
import { Field, Select } from '../components/field.tsx';
import { UploadIcon } from '../components/icons.tsx';
import { RegionsMap, regionColor } from '../components/regions-map.tsx';
import { crmApi, type Region, type RegionImportResult, type UiConfig } from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { LoadFailed } from '../components/load-failed.tsx';

type RegionsState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; regions: Region[] };

// Loaded lazily (React.lazy in app.tsx): this module is the only one that pulls in Leaflet.
export function RegionsPage({ me }: { me: Me }) {
  const { t, plural } = useI18n();
  const { expire } = useSession();
  const [state, setState] = useState<RegionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [config, setConfig] = useState<UiConfig | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const listRef = useRef<HTMLUListElement | null>(null);
  const admin = canManageRegions(me.role);
  useDocumentTitle(t('regions.title'));

  useEffect(() => {
    let cancelled = false;
    crmApi.listRegions().then(
      (result) => {
        if (!cancelled) setState({ status: 'ready', regions: result.items });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (isUnauthorized(error)) expire();
        else setState({ status: 'failed', message: errorText(error, t, 'app.loadFailed') });
      },
    );
    return () => {
      cancelled = true;
    };
    // t only shapes the fallback message.
  }, [attempt, expire]);

  useEffect(() => {
    let cancelled = false;
    // Without a configuration the map simply has no tile background.
    crmApi.uiConfig().then(
      (result) => !cancelled && setConfig(result),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    // Scrolls only the side list (scrollIntoView would also move the page under the map).
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>(`[data-region-id="${CSS.escape(id)}"]`);
    const scroller = list?.parentElement;
    if (!item || !scroller || scroller.scrollHeight <= scroller.clientHeight) return;
    const box = scroller.getBoundingClientRect();
    const target = item.getBoundingClientRect();
    if (target.top < box.top || target.bottom > box.bottom) {
      scroller.scrollBy({ top: target.top - box.top - (box.height - target.height) / 2, behavior: 'smooth' });
    }
  }, []);

  const regions = state.status === 'ready' ? state.regions : [];

  return (
    <div className="page page-wide regions-page" data-testid="regions-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">
            {t('regions.title')}
            {state.status === 'ready' && (
              <span className="count-pill" data-testid="regions-count">
                {plural('regions.count', regions.length)}
              </span>
            )}
          </h1>
          <p className="page-subtitle">{t('regions.subtitle')}</p>
        </div>
        {admin && !importOpen && (
          <button type="button" className="button button-primary" onClick={() => setImportOpen(true)} data-testid="regions-import-open">
            <UploadIcon />
            {t('regions.import.open')}
          </button>
        )}
      </header>

      {admin && importOpen && (
        <ImportPanel
          onClose={() => setImportOpen(false)}
          onImported={() => {
            setSelectedId(null);
            setAttempt((n) => n + 1);
          }}
        />
      )}

      {state.status === 'failed' && (
        <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} testId="regions-error" />
      )}

      <div className="regions-layout">
        <div className="card card-flush regions-map" data-testid="regions-map">
          <RegionsMap regions={regions} selectedId={selectedId} onSelect={select} config={config} />
        </div>
        <aside className="card card-flush regions-side" aria-label={t('regions.list')}>
          {state.status === 'loading' && <p className="card-message">{t('app.loading')}</p>}
          {state.status === 'ready' && regions.length === 0 && (
            <p className="card-message" data-testid="regions-empty">
              {admin ? t('regions.emptyAdmin') : t('regions.empty')}
            </p>
          )}
          {regions.length > 0 && (
            <ul className="region-list" ref={listRef} data-testid="regions-list">
              {regions.map((region, index) => (
                <li key={region.id} data-region-id={region.id}>
                  <button
                    type="button"
                    className={region.id === selectedId ? 'region-item region-item-selected' : 'region-item'}
                    aria-pressed={region.id === selectedId}
                    onClick={() => select(region.id)}
                    data-testid="region-item"
                  >
                    <span className="region-swatch" style={{ background: regionColor(index) }} aria-hidden="true" />
                    <span className="region-name">{region.name}</span>
                    <span className="region-count">{plural('regions.sites', region.siteCount)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
}

interface ParsedFile {
  name: string;
  collection: unknown;
  featureCount: number;
  properties: string[];
}

// Reads the chosen file in the browser: it must be a FeatureCollection; the string properties of
// its features are offered as the region name.
function parseCollection(name: string, text: string): ParsedFile | 'invalidJson' | 'notCollection' {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return 'invalidJson';
  }
  if (!isRecord(payload) || payload.type !== 'FeatureCollection' || !Array.isArray(payload.features)) return 'notCollection';
  const properties = new Set<string>();
  for (const feature of payload.features.slice(0, 200)) {
    if (!isRecord(feature) || !isRecord(feature.properties)) continue;
    for (const [key, value] of Object.entries(feature.properties)) if (typeof value === 'string') properties.add(key);
  }
  return { name, collection: payload, featureCount: payload.features.length, properties: [...properties] };
}

function preferredNameProperty(properties: string[]): string {
  const preferred = ['name', 'nazwa', 'NAME', 'Name', 'region', 'district', 'dzielnica'];
  return preferred.find((key) => properties.includes(key)) ?? properties[0] ?? '';
}

function ImportPanel({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const { t, plural } = useI18n();
  const { expire } = useSession();
  const [file, setFile] = useState<ParsedFile | null>(null);
  const [nameProperty, setNameProperty] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<RegionImportResult | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setFieldErrors([]);
    setResult(null);
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const parsed = parseCollection(chosen.name, await chosen.text());
    if (parsed === 'invalidJson') return setError(t('regions.import.invalidJson'));
    if (parsed === 'notCollection') return setError(t('regions.import.notCollection'));
    setFile(parsed);
    setNameProperty(preferredNameProperty(parsed.properties));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    setResult(null);
    try {
      setResult(await crmApi.importRegions(file.collection, nameProperty || undefined));
      onImported();
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      if (caught instanceof ApiError && caught.fieldErrors.length > 0) setFieldErrors(caught.fieldErrors);
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="regions-import-title" data-testid="regions-import-panel">
      <div className="card-header">
        <div>
          <h2 id="regions-import-title" className="card-title">
            {t('regions.import.title')}
          </h2>
          <p className="card-subtitle">{t('regions.import.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={onClose}>
          ×
        </button>
      </div>
      <form className="import-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('regions.import.file')} hint={file ? plural('regions.import.features', file.featureCount) : undefined}>
          {(control) => (
            <input
              {...control}
              className="input input-file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(event) => void choose(event)}
              data-testid="regions-import-file"
            />
          )}
        </Field>
        {file && file.properties.length > 0 && (
          <Field label={t('regions.import.nameProperty')}>
            {(control) => (
              <Select {...control} value={nameProperty} onChange={(event) => setNameProperty(event.target.value)} data-testid="regions-import-name-property">
                {file.properties.map((property) => (
                  <option key={property} value={property}>
                    {property}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <button type="submit" className="button button-primary" disabled={!file || busy} data-testid="regions-import-submit">
          {busy ? t('regions.import.submitting') : t('regions.import.submit')}
        </button>
      </form>
      {result && (
        <div className="banner banner-success import-banner" role="status" data-testid="regions-import-result">
          {t('regions.import.result', { imported: result.imported, replaced: result.replaced })}
          {result.sitesResolved !== undefined && ` ${plural('regions.import.sitesResolved', result.sitesResolved)}`}
        </div>
      )}
      {error && (
        <div className="banner banner-error import-banner" role="alert" data-testid="regions-import-error">
          <div>
            <p>{fieldErrors.length > 0 ? t('regions.import.rejected') : error}</p>
            {fieldErrors.length > 0 && (
              <ul className="import-errors" data-testid="regions-import-errors">
                {fieldErrors.map((fieldError, index) => (
                  <li key={`${fieldError.field}-${index}`}>
                    <code>{fieldError.field}</code> {fieldError.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
