import { useState, type FormEvent } from 'react';
import { hvacApi, type Job } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { RelativeTime } from './crm-bits.tsx';
import { Field } from './field.tsx';
import { useSave } from './record-editing.tsx';

// The technician's notes on the job (what was found, what was done, what to bring next time),
// oldest first, as a log is read.
export function JobNotes({ job, canAdd, onChanged }: { job: Job; canAdd: boolean; onChanged(job: Job): void }) {
  const { t } = useI18n();
  const save = useSave(['body']);
  const [body, setBody] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) return save.reject({ body: t('validation.required') });
    if (await save.run(async () => onChanged(await hvacApi.addJobNote(job.id, body.trim())))) setBody('');
  };

  return (
    <section className="card job-section" aria-labelledby="job-notes-title" data-testid="job-notes">
      <h2 id="job-notes-title" className="section-title">
        {t('jobNotes.title')}
      </h2>
      {job.notes.length === 0 && <p className="muted">{t('jobNotes.empty')}</p>}
      {job.notes.length > 0 && (
        <ul className="job-notes">
          {job.notes.map((note) => (
            <li key={note.id} className="job-note" data-testid="job-note">
              <p className="job-note-body">{note.body}</p>
              <p className="job-note-meta">
                {note.author?.name ?? t('timeline.system')} · <RelativeTime iso={note.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <Field label={t('jobNotes.new')} error={save.fieldErrors.body}>
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={2}
                maxLength={10000}
                placeholder={t('jobNotes.placeholder')}
                value={body}
                onChange={(event) => setBody(event.target.value)}
                data-testid="job-note-body"
              />
            )}
          </Field>
          {save.error && (
            <div className="banner banner-error" role="alert">
              {save.error}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={save.busy} data-testid="job-note-submit">
              {save.busy ? t('common.saving') : t('jobNotes.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
