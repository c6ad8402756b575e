import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { hvacApi, type Job } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, TextInput } from './field.tsx';
import { FormFooter, useSave } from './record-editing.tsx';
import { SignaturePad } from './signature-pad.tsx';

// The server takes a signature only while the work is under way or just finished.
const signableStatuses: readonly Job['status'][] = ['in_progress', 'completed'];

// The customer confirms the work: their name and a signature drawn on the screen. Once signed
// it shows who signed, when, and the signature; it cannot be signed twice.
export function SignOffPanel({ job, canSign, onChanged, onReload }: { job: Job; canSign: boolean; onChanged(job: Job): void; onReload(): void }) {
  const { t, formatDateTime } = useI18n();

  let content;
  if (job.signOff) {
    content = (
      <figure className="sign-off-done" data-testid="sign-off-done">
        <img className="signature-image" src={job.signOff.signatureUrl} alt={t('signOff.signatureOf', { name: job.signOff.signerName })} />
        <figcaption>
          {t('signOff.signedBy', { name: job.signOff.signerName, date: formatDateTime(job.signOff.signedAt) })}
        </figcaption>
      </figure>
    );
  } else if (!canSign) content = <p className="muted">{t('signOff.none')}</p>;
  else if (!signableStatuses.includes(job.status)) content = <p className="muted">{t('signOff.notYet')}</p>;
  else content = <SignOffForm job={job} onChanged={onChanged} onReload={onReload} />;

  return (
    <section className="card job-section" aria-labelledby="sign-off-title" data-testid="sign-off">
      <h2 id="sign-off-title" className="section-title">
        {t('signOff.title')}
      </h2>
      {content}
    </section>
  );
}

function SignOffForm({ job, onChanged, onReload }: { job: Job; onChanged(job: Job): void; onReload(): void }) {
  const { t } = useI18n();
  const [signerName, setSignerName] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [clearSignal, setClearSignal] = useState(0);
  const save = useSave(['signerName', 'signature']);
  const padLabel = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!signerName.trim()) local.signerName = t('validation.required');
    if (!signature) local.signature = t('signOff.signFirst');
    if (Object.keys(local).length > 0) return save.reject(local);
    await save.run(async () => {
      try {
        onChanged(await hvacApi.signOff(job.id, signerName.trim(), signature ?? ''));
      } catch (error) {
        // Signed by someone else meanwhile, or no longer signable: the page loads the job as it is now.
        if (error instanceof ApiError && error.status === 409) onReload();
        throw error;
      }
    });
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="sign-off-form">
      <Field label={t('signOff.signerName')} error={save.fieldErrors.signerName}>
        {(control) => (
          <TextInput {...control} autoComplete="name" maxLength={200} value={signerName} onChange={(event) => setSignerName(event.target.value)} data-testid="sign-off-name" />
        )}
      </Field>
      <div className={save.fieldErrors.signature ? 'field field-invalid' : 'field'}>
        <span id={padLabel} className="field-label">
          {t('signOff.signature')}
        </span>
        <SignaturePad labelledBy={padLabel} clearSignal={clearSignal} onChange={setSignature} />
        <div className="signature-actions">
          <p className={save.fieldErrors.signature ? 'field-error' : 'field-hint'}>{save.fieldErrors.signature ?? t('signOff.hint')}</p>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={!signature}
            onClick={() => {
              setSignature(null);
              setClearSignal((n) => n + 1);
            }}
            data-testid="sign-off-clear"
          >
            {t('signOff.clear')}
          </button>
        </div>
      </div>
      <FormFooter name="sign-off" busy={save.busy} error={save.error ?? (save.conflict ? t('signOff.conflict') : null)} submitLabel={t('signOff.submit')} />
    </form>
  );
}
