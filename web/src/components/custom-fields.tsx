import { crmApi, type CustomFieldDefinition } from '../crm-api.ts';
import { customFieldDraft, filledCustomFields, type CustomFieldDraft } from '../custom-fields.ts';
import { useOptionalData } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, Select, TextInput } from './field.tsx';

// The tenant's own customer fields: their definitions, the customer form's inputs for them and
// the filled values in the customer's header.

// The definitions, or none while they load (or when they cannot be loaded: the rest of the
// customer still works without them).
export function useCustomFieldDefinitions(): CustomFieldDefinition[] {
  return useOptionalData(crmApi.listCustomFields)?.items ?? [];
}

interface CustomFieldInputsProps {
  definitions: readonly CustomFieldDefinition[];
  // The stored values (none for a new customer) and the inputs changed since.
  stored: Readonly<Record<string, unknown>>;
  drafts: Readonly<Record<string, CustomFieldDraft>>;
  onChange(key: string, draft: CustomFieldDraft): void;
  // Keyed "customFields/<key>", as the server names them.
  fieldErrors: Readonly<Record<string, string>>;
}

export function CustomFieldInputs({ definitions, stored, drafts, onChange, fieldErrors }: CustomFieldInputsProps) {
  const { t } = useI18n();
  if (definitions.length === 0) return null;
  return (
    <fieldset className="fieldset custom-fields" data-testid="custom-fields">
      <legend className="field-label">{t('customerForm.customFields')}</legend>
      <div className="form-grid">
        {definitions.map((definition) => {
          const draft = drafts[definition.key] ?? customFieldDraft(definition, stored[definition.key]);
          const error = fieldErrors[`customFields/${definition.key}`];
          const testId = `custom-field-${definition.key}`;
          if (definition.type === 'boolean') {
            return (
              <div key={definition.key} className={error ? 'field field-invalid custom-field-check' : 'field custom-field-check'}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft === true}
                    aria-invalid={Boolean(error)}
                    onChange={(event) => onChange(definition.key, event.target.checked)}
                    data-testid={testId}
                  />
                  {definition.label}
                </label>
                {error && <p className="field-error">{error}</p>}
              </div>
            );
          }
          const text = typeof draft === 'string' ? draft : '';
          return (
            <Field key={definition.key} label={definition.label} error={error} hint={definition.type === 'number' ? t('customFields.numberHint') : undefined}>
              {(control) =>
                definition.type === 'select' ? (
                  <Select {...control} required={definition.required} value={text} onChange={(event) => onChange(definition.key, event.target.value)} data-testid={testId}>
                    <option value="">{t('customFields.none')}</option>
                    {definition.options.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <TextInput
                    {...control}
                    type={definition.type === 'date' ? 'date' : 'text'}
                    inputMode={definition.type === 'number' ? 'decimal' : undefined}
                    autoComplete="off"
                    required={definition.required}
                    value={text}
                    onChange={(event) => onChange(definition.key, event.target.value)}
                    data-testid={testId}
                  />
                )
              }
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}

// "Nr umowy U/2025/7 · Klimatyzatory 4 · Klient VIP Tak" among the header's facts.
export function CustomFieldFacts({ definitions, values }: { definitions: readonly CustomFieldDefinition[]; values: Readonly<Record<string, unknown>> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const filled = filledCustomFields(definitions, values);
  if (filled.length === 0) return null;
  const shown = (definition: CustomFieldDefinition, value: string | number | boolean): string => {
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number') return formatNumber(value);
    // Noon UTC is the same calendar day in Warsaw.
    if (definition.type === 'date') return formatDate(`${value}T12:00:00Z`);
    return value;
  };
  return (
    <dl className="custom-facts" data-testid="customer-custom-fields">
      {filled.map(({ definition, value }) => (
        <div key={definition.key} className="fact" data-testid="customer-custom-field" data-key={definition.key}>
          <dt className="fact-label">{definition.label}</dt>
          <dd className="custom-fact-value">{shown(definition, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
