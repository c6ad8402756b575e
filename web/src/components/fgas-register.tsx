import { useCallback, useState, type FormEvent } from 'react';
import type { Me } from '../api.ts';
import { formatDecimal, parseDecimal, toWarsawInput } from '../format.ts';
import { hvacApi, registerKinds, registerResults, type Equipment, type RegisterEntry, type RegisterEntryInput, type RegisterKind, type RegisterResult } from '../hvac-api.ts';
import { useLoaded } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, Select, TextInput } from './field.tsx';
import { PlusIcon } from './icons.tsx';
import { FormFooter, useSave } from './record-editing.tsx';

const entryFields = ['performedOn', 'kind', 'result', 'technicianName', 'certificateNumber', 'refrigerantAddedKg', 'refrigerantRecoveredKg', 'notes', 'voidsEntryId'];

// A unit's F-gas register (EU 2024/573 Art. 6): leak checks, repairs and refrigerant movements,
// newest first. It is append-only: a mistaken entry stays, crossed out by a "void" entry.
export function FgasRegister({ unit, me, canRecord, onRecorded }: { unit: Equipment; me: Me; canRecord: boolean; onRecorded(): void }) {
  const { t, locale, formatDate } = useI18n();
  const load = useCallback(() => hvacApi.fgasRegister(unit.id), [unit.id]);
  const { state, update } = useLoaded(load);
  // The form is open for a new entry, or to void an existing one.
  const [form, setForm] = useState<{ voids: RegisterEntry | null } | null>(null);
  const kg = (value: number) => (value > 0 ? `${formatDecimal(value, locale)} kg` : '—');

  return (
    <section className="register" aria-labelledby={`register-${unit.id}`} data-testid="fgas-register">
      <div className="section-header">
        <h3 id={`register-${unit.id}`} className="section-title">
          {t('register.title')}
        </h3>
        {canRecord && !form && (
          <button type="button" className="button button-secondary button-small" onClick={() => setForm({ voids: null })} data-testid="register-add">
            <PlusIcon />
            {t('register.add')}
          </button>
        )}
      </div>
      {form && (
        <RegisterEntryForm
          unit={unit}
          me={me}
          voids={form.voids}
          onCancel={() => setForm(null)}
          onSaved={(entry) => {
            // A void entry crosses out the one it names; the server says so on the next load too.
            update((register) => ({
              items: [entry, ...register.items.map((item) => (item.id === entry.voidsEntryId ? { ...item, voided: true } : item))],
            }));
            setForm(null);
            onRecorded();
          }}
        />
      )}
      {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.status === 'failed' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && <p className="muted">{t('register.empty')}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <table className="table register-table" data-testid="register-table">
          <thead>
            <tr>
              <th scope="col">{t('register.performedOn')}</th>
              <th scope="col">{t('register.kind')}</th>
              <th scope="col">{t('register.technician')}</th>
              <th scope="col">{t('register.added')}</th>
              <th scope="col">{t('register.recovered')}</th>
              {canRecord && <th scope="col">{t('register.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((entry) => (
              <tr key={entry.id} className={entry.voided ? 'register-voided' : undefined} data-testid="register-entry" data-kind={entry.kind}>
                <td data-label={t('register.performedOn')}>{formatDate(entry.performedOn)}</td>
                <td data-label={t('register.kind')}>
                  {t(`registerKind.${entry.kind}`)}
                  {entry.result && ` · ${t(`registerResult.${entry.result}`)}`}
                  {entry.voided && <span className="badge badge-muted">{t('register.voided')}</span>}
                  {entry.notes && <span className="register-notes">{entry.notes}</span>}
                </td>
                <td data-label={t('register.technician')}>
                  {entry.technicianName}
                  <span className="register-notes mono">{entry.certificateNumber}</span>
                </td>
                <td data-label={t('register.added')}>{kg(entry.refrigerantAddedKg)}</td>
                <td data-label={t('register.recovered')}>{kg(entry.refrigerantRecoveredKg)}</td>
                {canRecord && (
                  <td data-label={t('register.actions')}>
                    {!entry.voided && entry.kind !== 'void' && (
                      <button type="button" className="button button-ghost button-small" onClick={() => setForm({ voids: entry })} data-testid="register-void">
                        {t('register.void')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface EntryFormProps {
  unit: Equipment;
  me: Me;
  voids: RegisterEntry | null;
  onSaved(entry: RegisterEntry): void;
  onCancel(): void;
}

function RegisterEntryForm({ unit, me, voids, onSaved, onCancel }: EntryFormProps) {
  const { t, formatDate } = useI18n();
  const [performedOn, setPerformedOn] = useState(() => toWarsawInput(new Date()).slice(0, 10));
  const [kind, setKind] = useState<RegisterKind>(voids ? 'void' : 'leak_check');
  const [result, setResult] = useState<RegisterResult | ''>(voids ? '' : 'no_leak');
  const [technicianName, setTechnicianName] = useState(me.user.name);
  const [certificateNumber, setCertificateNumber] = useState('');
  const [added, setAdded] = useState('');
  const [recovered, setRecovered] = useState('');
  const [notes, setNotes] = useState('');
  const save = useSave(entryFields);
  const { fieldErrors } = save;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const addedKg = parseDecimal(added, 3);
    const recoveredKg = parseDecimal(recovered, 3);
    if (!performedOn) local.performedOn = t('validation.required');
    if (!technicianName.trim()) local.technicianName = t('validation.required');
    if (!certificateNumber.trim()) local.certificateNumber = t('validation.required');
    if (addedKg === undefined) local.refrigerantAddedKg = t('validation.kilograms');
    if (recoveredKg === undefined) local.refrigerantRecoveredKg = t('validation.kilograms');
    if (voids && !notes.trim()) local.notes = t('register.voidReasonNeeded');
    if (Object.keys(local).length > 0) return save.reject(local);
    const input: RegisterEntryInput = {
      performedOn,
      kind,
      technicianName: technicianName.trim(),
      certificateNumber: certificateNumber.trim(),
      notes: notes.trim() || null,
    };
    if (result) input.result = result;
    if (addedKg) input.refrigerantAddedKg = addedKg;
    if (recoveredKg) input.refrigerantRecoveredKg = recoveredKg;
    if (voids) input.voidsEntryId = voids.id;
    await save.run(async () => onSaved(await hvacApi.addRegisterEntry(unit.id, input)));
  };

  return (
    <form className="card form register-form" onSubmit={(event) => void submit(event)} noValidate data-testid="register-form">
      {voids && (
        <p className="banner banner-warning">
          {t('register.voiding', { kind: t(`registerKind.${voids.kind}`), date: formatDate(voids.performedOn) })}
        </p>
      )}
      <div className="form-grid form-grid-3">
        <Field label={t('register.performedOn')} error={fieldErrors.performedOn}>
          {(control) => <TextInput {...control} type="date" value={performedOn} onChange={(event) => setPerformedOn(event.target.value)} data-testid="register-date" />}
        </Field>
        {!voids && (
          <Field label={t('register.kind')} error={fieldErrors.kind}>
            {(control) => (
              <Select
                {...control}
                value={kind}
                onChange={(event) => {
                  const next = registerKinds.find((option) => option === event.target.value) ?? 'leak_check';
                  setKind(next);
                  setResult(next === 'leak_check' ? 'no_leak' : '');
                }}
                data-testid="register-kind"
              >
                {registerKinds
                  .filter((option) => option !== 'void')
                  .map((option) => (
                    <option key={option} value={option}>
                      {t(`registerKind.${option}`)}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        )}
        {!voids && (
          <Field label={`${t('register.result')} (${t('common.optional')})`} error={fieldErrors.result}>
            {(control) => (
              <Select {...control} value={result} onChange={(event) => setResult(registerResults.find((option) => option === event.target.value) ?? '')} data-testid="register-result">
                <option value="">—</option>
                {registerResults.map((option) => (
                  <option key={option} value={option}>
                    {t(`registerResult.${option}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <Field label={t('register.technician')} error={fieldErrors.technicianName}>
          {(control) => <TextInput {...control} value={technicianName} onChange={(event) => setTechnicianName(event.target.value)} data-testid="register-technician" />}
        </Field>
        <Field label={t('register.certificate')} error={fieldErrors.certificateNumber} hint={t('register.certificateHint')}>
          {(control) => <TextInput {...control} value={certificateNumber} onChange={(event) => setCertificateNumber(event.target.value)} data-testid="register-certificate" />}
        </Field>
        {!voids && (
          <Field label={`${t('register.addedKg')} (${t('common.optional')})`} error={fieldErrors.refrigerantAddedKg}>
            {(control) => <TextInput {...control} inputMode="decimal" placeholder="0" value={added} onChange={(event) => setAdded(event.target.value)} data-testid="register-added" />}
          </Field>
        )}
        {!voids && (
          <Field label={`${t('register.recoveredKg')} (${t('common.optional')})`} error={fieldErrors.refrigerantRecoveredKg}>
            {(control) => <TextInput {...control} inputMode="decimal" placeholder="0" value={recovered} onChange={(event) => setRecovered(event.target.value)} data-testid="register-recovered" />}
          </Field>
        )}
        <div className="form-span-all">
          <Field label={voids ? t('register.voidReason') : `${t('register.notes')} (${t('common.optional')})`} error={fieldErrors.notes}>
            {(control) => <textarea {...control} className="input textarea" rows={2} maxLength={5000} value={notes} onChange={(event) => setNotes(event.target.value)} data-testid="register-notes" />}
          </Field>
        </div>
      </div>
      <FormFooter name="register" busy={save.busy} error={save.error} submitLabel={voids ? t('register.voidSubmit') : t('register.submit')} onCancel={onCancel} />
    </form>
  );
}
