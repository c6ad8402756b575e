import { useState, type FormEvent } from 'react';
import type { Site } from '../crm-api.ts';
import { commonRefrigerants, equipmentDraftOf, equipmentFields, equipmentInputOf, newEquipmentDraft, type EquipmentDraft } from '../equipment-drafts.ts';
import { equipmentCategories, equipmentStatuses, hvacApi, type Equipment } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { changedOnly } from '../timeline-drafts.ts';
import { Field, Select, TextInput } from './field.tsx';
import { siteOptionLabel } from './place-fields.tsx';
import { ConflictBanner, FormFooter, useSave } from './record-editing.tsx';
import type { RecordForm } from './record-list-panel.tsx';

type TextField = 'brand' | 'model' | 'serialNumber' | 'refrigerant' | 'chargeKg' | 'installer';

// Adds a unit at one of the customer's sites, or edits one in place of its card (form.record).
// Editing sends only what changed, under the unit's version.
export function EquipmentForm({ sites, form, onReload }: { sites: Site[]; form: RecordForm<Equipment>; onReload(): void }) {
  const { t } = useI18n();
  const unit = form.record;
  const [draft, setDraft] = useState<EquipmentDraft>(() => (unit ? equipmentDraftOf(unit) : newEquipmentDraft(sites.length === 1 ? (sites[0]?.id ?? '') : '')));
  const save = useSave(equipmentFields);
  const { fieldErrors } = save;
  const change = (patch: Partial<EquipmentDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = equipmentInputOf(draft, t);
    if (!checked.ok) return save.reject(checked.fieldErrors);
    const { input } = checked;
    await save.run(async () => {
      if (!unit) return form.saved(await hvacApi.createEquipment(input));
      const original = equipmentInputOf(equipmentDraftOf(unit), t);
      const changes = original.ok ? changedOnly(input, original.input) : input;
      form.saved(await hvacApi.updateEquipment(unit.id, unit.version, changes));
    });
  };

  // A text input for one of the draft's text fields; its errors come under the API's name.
  const text = (field: TextField, label: string, extra: { placeholder?: string; list?: string } = {}) => (
    <Field label={label} error={fieldErrors[field === 'chargeKg' ? 'refrigerantChargeKg' : field]}>
      {(control) => (
        <TextInput
          {...control}
          {...extra}
          value={draft[field]}
          onChange={(event) => {
            const { value } = event.target;
            setDraft((previous) => ({ ...previous, [field]: value }));
          }}
          data-testid={`equipment-${field}`}
        />
      )}
    </Field>
  );

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} noValidate data-testid="equipment-form">
      <h3 className="card-title">{unit ? t('equipment.editTitle', { name: unit.brand }) : t('equipment.add')}</h3>
      {save.conflict && <ConflictBanner onReload={onReload} />}
      <div className="form-grid form-grid-3">
        <Field label={t('equipment.category')} error={fieldErrors.category}>
          {(control) => (
            <Select
              {...control}
              value={draft.category}
              onChange={(event) => change({ category: equipmentCategories.find((option) => option === event.target.value) ?? draft.category })}
              data-testid="equipment-category"
            >
              {equipmentCategories.map((option) => (
                <option key={option} value={option}>
                  {t(`equipmentCategory.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {text('brand', t('equipment.brand'), { placeholder: 'Daikin' })}
        {text('model', `${t('equipment.model')} (${t('common.optional')})`)}
        {text('serialNumber', `${t('equipment.serialNumber')} (${t('common.optional')})`)}
        <div className="form-span-2">
          <Field label={t('equipment.site')} error={fieldErrors.siteId}>
            {(control) => (
              <Select {...control} value={draft.siteId} onChange={(event) => change({ siteId: event.target.value })} data-testid="equipment-site">
                <option value="">{t('place.chooseSite')}</option>
                {sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {siteOptionLabel(site)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field label={`${t('equipment.installedOn')} (${t('common.optional')})`} error={fieldErrors.installedOn}>
          {(control) => <TextInput {...control} type="date" value={draft.installedOn} onChange={(event) => change({ installedOn: event.target.value })} data-testid="equipment-installedOn" />}
        </Field>
        <Field label={`${t('equipment.warrantyUntil')} (${t('common.optional')})`} error={fieldErrors.warrantyUntil}>
          {(control) => <TextInput {...control} type="date" value={draft.warrantyUntil} onChange={(event) => change({ warrantyUntil: event.target.value })} data-testid="equipment-warrantyUntil" />}
        </Field>
        <Field label={t('equipment.status')} error={fieldErrors.status}>
          {(control) => (
            <Select
              {...control}
              value={draft.status}
              onChange={(event) => change({ status: equipmentStatuses.find((option) => option === event.target.value) ?? draft.status })}
              data-testid="equipment-status"
            >
              {equipmentStatuses.map((option) => (
                <option key={option} value={option}>
                  {t(`equipmentStatus.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {text('installer', `${t('equipment.installer')} (${t('common.optional')})`)}
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('equipment.fgasData')}</legend>
        <div className="form-grid form-grid-3">
          {text('refrigerant', t('equipment.refrigerant'), { placeholder: 'R-32', list: 'refrigerant-options' })}
          {text('chargeKg', t('equipment.chargeKg'), { placeholder: '1,2' })}
          <datalist id="refrigerant-options">
            {commonRefrigerants.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <div className="checkbox-stack">
            <label className="checkbox">
              <input type="checkbox" checked={draft.hermeticallySealed} onChange={(event) => change({ hermeticallySealed: event.target.checked })} data-testid="equipment-hermetic" />
              {t('equipment.hermeticallySealed')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={draft.leakDetection} onChange={(event) => change({ leakDetection: event.target.checked })} data-testid="equipment-leak-detection" />
              {t('equipment.leakDetection')}
            </label>
          </div>
        </div>
      </fieldset>
      <Field label={`${t('equipment.notes')} (${t('common.optional')})`} error={fieldErrors.notes}>
        {(control) => (
          <textarea {...control} className="input textarea" rows={2} maxLength={5000} value={draft.notes} onChange={(event) => change({ notes: event.target.value })} data-testid="equipment-notes" />
        )}
      </Field>
      <FormFooter name="equipment" busy={save.busy} error={save.error} submitLabel={t('equipment.save')} onCancel={form.close} />
    </form>
  );
}
