import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import {
  customerKinds,
  customerStatuses,
  type Customer,
  type CustomerInput,
  type CustomerKind,
  type CustomerStatus,
} from '../crm-api.ts';
import { errorText, fieldErrorsOf, isUnauthorized } from '../error-text.ts';
import { formatNip, normalizeNip } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { parseTags } from './crm-bits.tsx';
import { Field, Select, TextInput } from './field.tsx';
import { BuildingIcon, PersonIcon } from './icons.tsx';

interface CustomerFormProps {
  // Without a customer the form creates one; with one it edits it (the kind stays fixed).
  customer?: Customer;
  onSubmit(input: CustomerInput): Promise<void>;
  onCancel(): void;
  // Offered when the server answers 409: someone else saved the record first.
  onReload?: () => void;
}

const knownFields = ['kind', 'companyName', 'firstName', 'lastName', 'nip', 'regon', 'status', 'tags'];

export function CustomerForm({ customer, onSubmit, onCancel, onReload }: CustomerFormProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const editing = customer !== undefined;
  const [kind, setKind] = useState<CustomerKind>(customer?.kind ?? 'company');
  const [companyName, setCompanyName] = useState(customer?.companyName ?? '');
  const [firstName, setFirstName] = useState(customer?.firstName ?? '');
  const [lastName, setLastName] = useState(customer?.lastName ?? '');
  const [nip, setNip] = useState(formatNip(customer?.nip));
  const [regon, setRegon] = useState(customer?.regon ?? '');
  const [status, setStatus] = useState<CustomerStatus>(customer?.status ?? 'active');
  const [tags, setTags] = useState((customer?.tags ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

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
    setBusy(true);
    setError(null);
    setConflict(false);
    setFieldErrors({});
    try {
      await onSubmit(buildInput());
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      // 409 is also a duplicate NIP (with a field error); only a bare 409 is a stale version.
      if (caught instanceof ApiError && caught.status === 409 && editing && caught.fieldErrors.length === 0) {
        setConflict(true);
      } else {
        const byField = fieldErrorsOf(caught, t);
        setFieldErrors(byField);
        const shown = knownFields.some((field) => byField[field]);
        if (!shown) setError(errorText(caught, t));
        else if (Object.keys(byField).some((field) => !knownFields.includes(field.split('/')[0] ?? ''))) {
          setError(t('common.fixErrors'));
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form customer-form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="customer-form">
      {conflict && (
        <div className="banner banner-warning" role="alert" data-testid="customer-conflict">
          <div>
            <strong>{t('customer.conflict')}</strong>
            <p>{t('customer.conflictHint')}</p>
          </div>
          {onReload && (
            <button type="button" className="button button-secondary" onClick={onReload} data-testid="customer-reload">
              {t('customer.reload')}
            </button>
          )}
        </div>
      )}
      {!editing && (
        <div className="field">
          <span className="field-label" id="customer-kind-label">
            {t('customerForm.kind')}
          </span>
          <div className="segmented segmented-large" role="radiogroup" aria-labelledby="customer-kind-label">
            {customerKinds.map((option) => (
              <button
                key={option}
                type="button"
                role="radio"
                aria-checked={kind === option}
                className="segmented-option"
                data-testid={`customer-kind-${option}`}
                onClick={() => setKind(option)}
              >
                {option === 'company' ? <BuildingIcon /> : <PersonIcon />}
                {t(`kind.${option}`)}
              </button>
            ))}
          </div>
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
      {error && (
        <div className="banner banner-error" role="alert" data-testid="customer-form-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="customer-submit">
          {editing
            ? busy
              ? t('common.saving')
              : t('customerForm.save')
            : busy
              ? t('customerForm.creating')
              : t('customerForm.create')}
        </button>
      </div>
    </form>
  );
}
