import { useState, type FormEvent } from 'react';
import { fromWarsawInput } from '../format.ts';
import { hvacApi, jobPriorities, jobTypes, type Job, type JobPriority, type JobType, type NewJobInput } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import type { CustomerChoice } from './customer-picker.tsx';
import { Field, Select, TextInput } from './field.tsx';
import { PlaceFields, type Place } from './place-fields.tsx';
import { FormFooter, useSave } from './record-editing.tsx';

const shownFields = ['siteId', 'equipmentId', 'type', 'priority', 'description', 'windowStart', 'windowEnd'];

// Opening a job: where (customer, site, optionally a unit), what, how urgent, and when the
// customer can receive the technician (Warsaw time).
export function NewJobForm({ customer, onCreated, onCancel }: { customer: CustomerChoice | null; onCreated(job: Job): void; onCancel(): void }) {
  const { t } = useI18n();
  const [place, setPlace] = useState<Place>({ customer, siteId: '', equipmentId: '' });
  const [type, setType] = useState<JobType>('repair');
  const [priority, setPriority] = useState<JobPriority>('normal');
  // An emergency job is an emergency unless the dispatcher says otherwise.
  const [priorityTouched, setPriorityTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [windowStart, setWindowStart] = useState('');
  const [windowEnd, setWindowEnd] = useState('');
  const save = useSave(shownFields);
  const { fieldErrors } = save;

  const chooseType = (next: JobType) => {
    setType(next);
    if (!priorityTouched) setPriority(next === 'emergency' ? 'emergency' : 'normal');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!place.customer) local.customer = t('validation.required');
    else if (!place.siteId) local.siteId = t('validation.required');
    if (!description.trim()) local.description = t('validation.required');
    const start = windowStart ? fromWarsawInput(windowStart) : null;
    const end = windowEnd ? fromWarsawInput(windowEnd) : null;
    if (start && end && end <= start) local.windowEnd = t('validation.afterStart');
    if (Object.keys(local).length > 0) return save.reject(local);

    const input: NewJobInput = { siteId: place.siteId, type, priority, description: description.trim() };
    if (place.equipmentId) input.equipmentId = place.equipmentId;
    if (start) input.windowStart = start;
    if (end) input.windowEnd = end;
    await save.run(async () => onCreated(await hvacApi.createJob(input)));
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="job-form">
      <div className="form-grid">
        <PlaceFields name="job" value={place} onChange={setPlace} fieldErrors={fieldErrors} />
        <Field label={t('jobForm.type')} error={fieldErrors.type}>
          {(control) => (
            <Select {...control} value={type} onChange={(event) => chooseType(jobTypes.find((option) => option === event.target.value) ?? 'repair')} data-testid="job-type">
              {jobTypes.map((option) => (
                <option key={option} value={option}>
                  {t(`jobType.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('jobForm.priority')} error={fieldErrors.priority}>
          {(control) => (
            <Select
              {...control}
              value={priority}
              onChange={(event) => {
                setPriorityTouched(true);
                setPriority(jobPriorities.find((option) => option === event.target.value) ?? 'normal');
              }}
              data-testid="job-priority-select"
            >
              {jobPriorities.map((option) => (
                <option key={option} value={option}>
                  {t(`priority.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="form-span-all">
          <Field label={t('jobForm.description')} error={fieldErrors.description}>
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={3}
                maxLength={5000}
                placeholder={t('jobForm.descriptionPlaceholder')}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                data-testid="job-description"
              />
            )}
          </Field>
        </div>
        <Field label={`${t('jobForm.windowStart')} (${t('common.optional')})`} error={fieldErrors.windowStart} hint={t('composer.warsawTime')}>
          {(control) => <TextInput {...control} type="datetime-local" value={windowStart} onChange={(event) => setWindowStart(event.target.value)} data-testid="job-window-start" />}
        </Field>
        <Field label={`${t('jobForm.windowEnd')} (${t('common.optional')})`} error={fieldErrors.windowEnd}>
          {(control) => <TextInput {...control} type="datetime-local" value={windowEnd} onChange={(event) => setWindowEnd(event.target.value)} data-testid="job-window-end" />}
        </Field>
      </div>
      <FormFooter name="job" busy={save.busy} error={save.error} submitLabel={t('jobForm.create')} onCancel={onCancel} />
    </form>
  );
}
