import { useState, type FormEvent } from 'react';
import {
  customerKinds,
  customerStatuses,
  type Customer,
  type CustomerInput,
  type CustomerKind,
  type CustomerStatus,
  type CustomFieldDefinition,
} from '../crm-api.ts';
import { customFieldChanges, type CustomFieldDraft } from '../custom-fields.ts';
import { formatNip, normalizeNip } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { parseTags } from './crm-bits.tsx';
import { CustomFieldInputs } from './custom-fields.tsx';
import { Field, RadioButtons, Select, TextInput } from './field.tsx';
import { BuildingIcon, PersonIcon } from './icons.tsx';
import { ConflictBanner, FormFooter, useSave } from './record-editing.tsx';

interface CustomerFormProps {
  // Without a customer the form creates one; with one it edits it (the kind stays fixed).
  customer?: Customer;
  // The tenant's custom customer fields, each with an input.
  customFields: readonly CustomFieldDefinition[];
  onSubmit(input: CustomerInput): Promise<void>;
  onCancel(): void;
  // Offered when the server answers 409: someone else saved the record first.
  onReload?: () => void;
}

const knownFields = ['kind', 'companyName', 'firstName', 'lastName', 'nip', 'regon', 'status', 'tags'];

export function CustomerForm({ customer, customFields, onSubmit, onCancel, onReload }: CustomerFormProps) {
  const { t } = useI18n();
  const editing = customer !== undefined;
  const [kind, setKind] = useState<CustomerKind>(customer?.kind ?? 'company');
  const [companyName, setCompanyName] = useState(customer?.companyName ?? '');
  const [firstName, setFirstName] = useState(customer?.firstName ?? '');
  const [lastName, setLastName] = useState(customer?.lastName ?? '');
  const [nip, setNip] = useState(formatNip(customer?.nip));
  const [regon, setRegon] = useState(customer?.regon ?? '');
  const [status, setStatus] = useState<CustomerStatus>(customer?.status ?? 'active');
  const [tags, setTags] = useState((customer?.tags ?? []).join(', '));
  const [customDrafts, setCustomDrafts] = useState<Record<string, CustomFieldDraft>>({});
  const save = useSave([...knownFields, ...customFields.map((definition) => `customFields/${definition.key}`)]);
  const { fieldErrors } = save;

  // Creating omits empty optional values; editing sends null to clear them.
  const optional = (value: string | null): string | null | undefined => {
    const trimmed = value?.trim() ?? '';
    if (trimmed) return trimmed;
    return editing ? null : undefined;
  };

  const buildInput = (): CustomerInput => {
    const common: CustomerInput = { status, tags: parseTags(tags) };
    if (!editing) common.kind = kind;
    if (kind === 'company') {
      return {
        ...common,
        companyName: companyName.trim(),
        nip: optional(normalizeNip(nip)),
        regon: optional(regon.replace(/\s/g, '')),
      };
    }
    return { ...common, firstName: firstName.trim(), lastName: lastName.trim() };
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const custom = customFieldChanges(customFields, customDrafts, customer ? customer.customFields : null);
    if (custom.invalid.length > 0) {
      return save.reject(Object.fromEntries(custom.invalid.map((key) => [`customFields/${key}`, t('validation.number')])));
    }
    const input = buildInput();
    if (Object.keys(custom.changes).length > 0) input.customFields = custom.changes;
    await save.run(() => onSubmit(input));
  };

  return (
    <form className="form customer-form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="customer-form">
      {save.conflict && <ConflictBanner onReload={onReload} />}
      {!editing && (
        <div className="field">
          <span className="field-label" id="customer-kind-label">
            {t('customerForm.kind')}
          </span>
          <RadioButtons
            options={customerKinds}
            value={kind}
            onChange={(option) => setKind(option)}
            labelledBy="customer-kind-label"
            className="segmented segmented-large"
            optionClassName="segmented-option"
            testId={(option) => `customer-kind-${option}`}
          >
            {(option) => (
              <>
                {option === 'company' ? <BuildingIcon /> : <PersonIcon />}
                {t(`kind.${option}`)}
              </>
            )}
          </RadioButtons>
        </div>
      )}
      <div className="form-grid">
        {kind === 'company' ? (
          <>
            <div className="form-span-2">
              <Field label={t('customerForm.companyName')} error={fieldErrors.companyName}>
                {(control) => (
                  <TextInput
                    {...control}
                    name="companyName"
                    autoComplete="organization"
                    required
                    autoFocus={!editing}
                    value={companyName}
                    onChange={(event) => setCompanyName(event.target.value)}
                    data-testid="customer-company-name"
                  />
                )}
              </Field>
            </div>
            <Field label={t('customerForm.nip')} error={fieldErrors.nip} hint={t('customerForm.nipHint')}>
              {(control) => (
                <TextInput
                  {...control}
                  name="nip"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={nip}
                  onChange={(event) => setNip(event.target.value)}
                  onBlur={() => setNip((value) => formatNip(normalizeNip(value)) || value)}
                  data-testid="customer-nip"
                />
              )}
            </Field>
            <Field label={t('customerForm.regon')} error={fieldErrors.regon}>
              {(control) => (
                <TextInput
                  {...control}
                  name="regon"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={regon}
                  onChange={(event) => setRegon(event.target.value)}
                  data-testid="customer-regon"
                />
              )}
            </Field>
          </>
        ) : (
          <>
            <Field label={t('customerForm.firstName')} error={fieldErrors.firstName}>
              {(control) => (
                <TextInput
                  {...control}
                  name="firstName"
                  autoComplete="off"
                  required
                  autoFocus={!editing}
                  value={firstName}
                  onChange={(event) => setFirstName(event.target.value)}
                  data-testid="customer-first-name"
                />
              )}
            </Field>
            <Field label={t('customerForm.lastName')} error={fieldErrors.lastName}>
              {(control) => (
                <TextInput
                  {...control}
                  name="lastName"
                  autoComplete="off"
                  required
                  value={lastName}
                  onChange={(event) => setLastName(event.target.value)}
                  data-testid="customer-last-name"
                />
              )}
            </Field>
          </>
        )}
        <Field label={t('customerForm.status')} error={fieldErrors.status}>
          {(control) => (
            <Select
              {...control}
              name="status"
              value={status}
              onChange={(event) => setStatus(customerStatuses.find((option) => option === event.target.value) ?? status)}
              data-testid="customer-status"
            >
              {customerStatuses.map((option) => (
                <option key={option} value={option}>
                  {t(`status.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('customerForm.tags')} error={fieldErrors.tags} hint={t('customerForm.tagsHint')}>
          {(control) => (
            <TextInput
              {...control}
              name="tags"
              autoComplete="off"
              value={tags}
              onChange={(event) => setTags(event.target.value)}
              data-testid="customer-tags"
            />
          )}
        </Field>
      </div>
      <CustomFieldInputs
        definitions={customFields}
        stored={customer?.customFields ?? {}}
        drafts={customDrafts}
        onChange={(key, draft) => setCustomDrafts((previous) => ({ ...previous, [key]: draft }))}
        fieldErrors={fieldErrors}
      />
      <FormFooter
        name="customer"
        busy={save.busy}
        error={save.error}
        submitLabel={editing ? t('customerForm.save') : t('customerForm.create')}
        busyLabel={editing ? undefined : t('customerForm.creating')}
        onCancel={onCancel}
      />
    </form>
  );
}
