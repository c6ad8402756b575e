import { useState, type FormEvent } from 'react';
import { parseZloty, toWarsawInput } from '../format.ts';
import { hvacApi, type MaintenancePlan, type NewPlanInput } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, RadioButtons, TextInput } from './field.tsx';
import { PlaceFields, type Place } from './place-fields.tsx';
import { FormFooter, useSave } from './record-editing.tsx';

const scheduleModes = ['heating', 'cooling', 'rrule'] as const;
type ScheduleMode = (typeof scheduleModes)[number];

const shownFields = ['siteId', 'equipmentId', 'title', 'description', 'rrule', 'season', 'leadDays', 'priceGrosze', 'startsOn', 'endsOn', 'autoRenew'];

// Agreeing a maintenance plan with a customer: where, what, when it falls due (before the heating
// or the cooling season, or an RRULE of one's own), how many days ahead its job is created, the
// agreed price, and for how long.
export function PlanForm({ onCreated, onCancel }: { onCreated(plan: MaintenancePlan): void; onCancel(): void }) {
  const { t } = useI18n();
  const [place, setPlace] = useState<Place>({ customer: null, siteId: '', equipmentId: '' });
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<ScheduleMode>('heating');
  const [rrule, setRrule] = useState('');
  const [leadDays, setLeadDays] = useState('30');
  const [price, setPrice] = useState('');
  const [startsOn, setStartsOn] = useState(() => toWarsawInput(new Date()).slice(0, 10));
  const [endsOn, setEndsOn] = useState('');
  const [autoRenew, setAutoRenew] = useState(true);
  const save = useSave(shownFields);
  const { fieldErrors } = save;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const priceGrosze = parseZloty(price);
    const lead = Number(leadDays);
    if (!place.customer) local.customer = t('validation.required');
    else if (!place.siteId) local.siteId = t('validation.required');
    if (!title.trim()) local.title = t('validation.required');
    if (mode === 'rrule' && !rrule.trim()) local.rrule = t('validation.required');
    if (!/^\d+$/.test(leadDays.trim()) || lead > 365) local.leadDays = t('plans.leadDaysRange');
    if (priceGrosze === undefined || (priceGrosze !== null && priceGrosze < 0)) local.priceGrosze = t('validation.amount');
    if (!startsOn) local.startsOn = t('validation.required');
    if (endsOn && startsOn && endsOn < startsOn) local.endsOn = t('validation.afterStart');
    if (Object.keys(local).length > 0) return save.reject(local);

    const input: NewPlanInput = { siteId: place.siteId, title: title.trim(), leadDays: lead, startsOn, autoRenew };
    if (place.equipmentId) input.equipmentId = place.equipmentId;
    if (mode === 'rrule') input.rrule = rrule.trim();
    else input.season = mode;
    if (typeof priceGrosze === 'number') input.priceGrosze = priceGrosze;
    if (endsOn) input.endsOn = endsOn;
    await save.run(async () => onCreated(await hvacApi.createPlan(input)));
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="plan-form">
      <div className="form-grid">
        <PlaceFields name="plan" value={place} onChange={setPlace} fieldErrors={fieldErrors} />
        <div className="form-span-all">
          <Field label={t('plans.planTitle')} error={fieldErrors.title}>
            {(control) => (
              <TextInput {...control} maxLength={200} placeholder={t('plans.titlePlaceholder')} value={title} onChange={(event) => setTitle(event.target.value)} data-testid="plan-title" />
            )}
          </Field>
        </div>
        <div className="form-span-all field">
          <span id="plan-schedule-label" className="field-label">
            {t('plans.schedule')}
          </span>
          <RadioButtons<ScheduleMode>
            options={scheduleModes}
            value={mode}
            onChange={setMode}
            labelledBy="plan-schedule-label"
            className="chips"
            optionClassName="chip"
            testId={(option) => `plan-schedule-${option}`}
          >
            {(option) => t(`plans.mode.${option}`)}
          </RadioButtons>
          {mode !== 'rrule' && <p className="field-hint">{t(`plans.modeHint.${mode}`)}</p>}
        </div>
        {mode === 'rrule' && (
          <div className="form-span-all">
            <Field label={t('plans.rrule')} error={fieldErrors.rrule} hint={t('plans.rruleHint')}>
              {(control) => (
                <TextInput {...control} className="input input-mono" spellCheck={false} placeholder="FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31" value={rrule} onChange={(event) => setRrule(event.target.value)} data-testid="plan-rrule" />
              )}
            </Field>
          </div>
        )}
        <Field label={t('plans.leadDays')} error={fieldErrors.leadDays} hint={t('plans.leadDaysHint')}>
          {(control) => <TextInput {...control} inputMode="numeric" value={leadDays} onChange={(event) => setLeadDays(event.target.value)} data-testid="plan-lead-days" />}
        </Field>
        <Field label={`${t('plans.price')} (${t('common.optional')})`} error={fieldErrors.priceGrosze}>
          {(control) => <TextInput {...control} inputMode="decimal" placeholder="0,00" value={price} onChange={(event) => setPrice(event.target.value)} data-testid="plan-price" />}
        </Field>
        <Field label={t('plans.startsOn')} error={fieldErrors.startsOn}>
          {(control) => <TextInput {...control} type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} data-testid="plan-starts-on" />}
        </Field>
        <Field label={`${t('plans.endsOn')} (${t('common.optional')})`} error={fieldErrors.endsOn}>
          {(control) => <TextInput {...control} type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} data-testid="plan-ends-on" />}
        </Field>
        <label className="checkbox form-span-all">
          <input type="checkbox" checked={autoRenew} onChange={(event) => setAutoRenew(event.target.checked)} data-testid="plan-auto-renew" />
          {t('plans.autoRenew')}
        </label>
      </div>
      <FormFooter name="plan" busy={save.busy} error={save.error} submitLabel={t('plans.create')} onCancel={onCancel} />
    </form>
  );
}
