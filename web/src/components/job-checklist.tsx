import { useState, type FormEvent } from 'react';
import { hvacApi, type Job } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, TextInput } from './field.tsx';
import { PlusIcon } from './icons.tsx';
import { ActionFeedback, useSave } from './record-editing.tsx';

interface JobChecklistProps {
  job: Job;
  canEdit: boolean;
  onChanged(job: Job): void;
  onReload(): void;
}

// What the technician has to do on site (from the company's checklist for the job type, plus
// items added for this job). Each tick is saved at once, with who ticked it and when.
export function JobChecklist({ job, canEdit, onChanged, onReload }: JobChecklistProps) {
  const { t, formatDateTime } = useI18n();
  const tick = useSave([]);
  const add = useSave(['label']);
  const [label, setLabel] = useState('');
  const done = job.checklist.filter((item) => item.done).length;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!label.trim()) return add.reject({ label: t('validation.required') });
    if (await add.run(async () => onChanged(await hvacApi.addChecklistItem(job.id, label.trim())))) setLabel('');
  };

  return (
    <section className="card job-section" aria-labelledby="job-checklist-title" data-testid="job-checklist">
      <div className="section-header">
        <h2 id="job-checklist-title" className="section-title">
          {t('checklist.title')}
        </h2>
        {job.checklist.length > 0 && (
          <span className="count-pill" data-testid="checklist-progress">
            {t('checklist.progress', { done, total: job.checklist.length })}
          </span>
        )}
      </div>
      {job.checklist.length === 0 && <p className="muted">{t('checklist.empty')}</p>}
      {job.checklist.length > 0 && (
        <ul className="checklist">
          {job.checklist.map((item) => (
            <li key={item.id} className={item.done ? 'checklist-item checklist-item-done' : 'checklist-item'} data-testid="checklist-item" data-done={item.done}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!canEdit || tick.busy}
                  onChange={(event) => void tick.run(async () => onChanged(await hvacApi.setChecklistItemDone(job.id, item.id, event.target.checked)))}
                  data-testid="checklist-check"
                />
                <span className="checklist-label">{item.label}</span>
              </label>
              {item.done && item.doneAt && (
                <span className="checklist-done-by">
                  {item.doneBy?.name ? t('checklist.doneBy', { name: item.doneBy.name, date: formatDateTime(item.doneAt) }) : formatDateTime(item.doneAt)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionFeedback name="checklist" state={tick} onReload={onReload} />
      {canEdit && (
        <form className="inline-add" onSubmit={(event) => void submit(event)} noValidate>
          <Field label={t('checklist.newItem')} error={add.fieldErrors.label ?? add.error ?? undefined}>
            {(control) => (
              <div className="input-row">
                <TextInput {...control} maxLength={300} value={label} onChange={(event) => setLabel(event.target.value)} data-testid="checklist-new" />
                <button type="submit" className="button button-secondary" disabled={add.busy} data-testid="checklist-add">
                  <PlusIcon />
                  {t('checklist.add')}
                </button>
              </div>
            )}
          </Field>
        </form>
      )}
    </section>
  );
}
