import { useState, type FormEvent } from 'react';
import { canChangeSettings, type Me } from '../api.ts';
import { Field, Select, TextInput } from '../components/field.tsx';
import { ArrowLeftIcon } from '../components/icons.tsx';
import { LoadFailed } from '../components/load-failed.tsx';
import { ConflictBanner, FormFooter, Notice, useSave, type NoticeState } from '../components/record-editing.tsx';
import { hvacApi, jobPriorities, jobTypes, vatRates, type JobSettings } from '../hvac-api.ts';
import { useLoaded } from '../hooks.ts';
import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { jobSettingsDraftOf, jobSettingsInputOf, type JobSettingsDraft } from '../job-settings-drafts.ts';
import { Link } from '../router.tsx';

const loadSettings = () => hvacApi.jobSettings();

// The company's rules for jobs: SLA targets per priority, whether holds stop the clocks, the VAT
// rate new lines start with, and the checklist of each job type. Everyone may read them; owners
// and admins change them.
export function JobSettingsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { state, reload, set } = useLoaded(loadSettings);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  useDocumentTitle(t('settings.title'));

  return (
    <div className="page" data-testid="job-settings-page">
      <Link to="/jobs" className="back-link">
        <ArrowLeftIcon />
        {t('job.back')}
      </Link>
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('settings.title')}</h1>
          <p className="page-subtitle">{t('settings.subtitle')}</p>
        </div>
      </header>
      <Notice notice={notice} onDismiss={() => setNotice(null)} testId="settings-notice" />
      {state.status === 'loading' && <p className="page-loading">{t('app.loading')}</p>}
      {state.status === 'failed' && <LoadFailed message={state.message} onRetry={reload} testId="settings-error" />}
      {state.status === 'ready' && (
        <SettingsForm
          // A fresh form for each version: after a save, or after reloading on a conflict.
          key={state.data.version}
          settings={state.data}
          editable={canChangeSettings(me.role)}
          onSaved={(saved) => {
            set(saved);
            setNotice({ text: t('settings.saved'), focus: false });
          }}
          onReload={reload}
        />
      )}
    </div>
  );
}

interface SettingsFormProps {
  settings: JobSettings;
  editable: boolean;
  onSaved(settings: JobSettings): void;
  onReload(): void;
}

function SettingsForm({ settings, editable, onSaved, onReload }: SettingsFormProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<JobSettingsDraft>(() => jobSettingsDraftOf(settings, locale));
  const save = useSave(['slaTargets', 'pauseOnHold', 'defaultVatRate', 'checklists']);
  const { fieldErrors } = save;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = jobSettingsInputOf(draft, settings.version, t);
    if (!checked.ok) return save.reject(checked.fieldErrors);
    await save.run(async () => onSaved(await hvacApi.saveJobSettings(checked.input)));
  };

  const setTarget = (priority: (typeof jobPriorities)[number], clock: 'response' | 'resolution', value: string) =>
    setDraft((previous) => ({ ...previous, targets: { ...previous.targets, [priority]: { ...previous.targets[priority], [clock]: value } } }));

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="settings-form">
      {save.conflict && <ConflictBanner onReload={onReload} />}
      <fieldset className="card fieldset settings-section" disabled={!editable}>
        <legend className="card-title">{t('settings.sla')}</legend>
        <p className="field-hint">{t('settings.slaHint')}</p>
        <div className="settings-targets">
          {jobPriorities.map((priority) => (
            <div key={priority} className="settings-target" data-testid="settings-target" data-priority={priority}>
              <span className={`badge priority priority-${priority}`}>{t(`priority.${priority}`)}</span>
              <Field label={t('settings.responseHours')} error={fieldErrors[`slaTargets/${priority}/responseMinutes`]}>
                {(control) => (
                  <TextInput {...control} inputMode="decimal" value={draft.targets[priority].response} onChange={(event) => setTarget(priority, 'response', event.target.value)} />
                )}
              </Field>
              <Field label={t('settings.resolutionHours')} error={fieldErrors[`slaTargets/${priority}/resolutionMinutes`]}>
                {(control) => (
                  <TextInput {...control} inputMode="decimal" value={draft.targets[priority].resolution} onChange={(event) => setTarget(priority, 'resolution', event.target.value)} />
                )}
              </Field>
            </div>
          ))}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.pauseOnHold} onChange={(event) => setDraft((previous) => ({ ...previous, pauseOnHold: event.target.checked }))} data-testid="settings-pause-on-hold" />
          {t('settings.pauseOnHold')}
        </label>
      </fieldset>
      <fieldset className="card fieldset settings-section" disabled={!editable}>
        <legend className="card-title">{t('settings.vat')}</legend>
        <Field label={t('settings.defaultVatRate')} error={fieldErrors.defaultVatRate} hint={t('settings.defaultVatRateHint')}>
          {(control) => (
            <Select
              {...control}
              value={draft.defaultVatRate}
              onChange={(event) => setDraft((previous) => ({ ...previous, defaultVatRate: vatRates.find((rate) => String(rate) === event.target.value) ?? '' }))}
              data-testid="settings-vat"
            >
              <option value="">{t('settings.vatByLaw')}</option>
              {vatRates.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}%
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      <fieldset className="card fieldset settings-section" disabled={!editable}>
        <legend className="card-title">{t('settings.checklists')}</legend>
        <p className="field-hint">{t('settings.checklistsHint')}</p>
        <div className="form-grid">
          {jobTypes.map((type) => (
            <Field key={type} label={t(`jobType.${type}`)} error={fieldErrors[`checklists/${type}`]}>
              {(control) => (
                <textarea
                  {...control}
                  className="input textarea"
                  rows={5}
                  value={draft.checklists[type]}
                  onChange={(event) => {
                    const { value } = event.target;
                    setDraft((previous) => ({ ...previous, checklists: { ...previous.checklists, [type]: value } }));
                  }}
                  data-testid={`settings-checklist-${type}`}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      {editable ? <FormFooter name="settings" busy={save.busy} error={save.error} submitLabel={t('settings.save')} /> : <p className="muted">{t('settings.readOnly')}</p>}
    </form>
  );
}
