import { useState, type FormEvent } from 'react';
import { crmApi, type Consent, type Contact, type ContactInput, type ListLoad } from '../crm-api.ts';
import { errorText, fieldErrorsOf, isUnauthorized } from '../error-text.ts';
import { formatPhone, phoneHref } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { Field, TextInput } from './field.tsx';
import { RecordListPanel } from './record-list-panel.tsx';
import { CheckIcon, MailIcon, PersonIcon, PhoneIcon, PlusIcon } from './icons.tsx';

interface ContactsPanelProps {
  customerId: string;
  contacts: ListLoad<Contact>;
  editable: boolean;
  onAdded(contact: Contact): void;
}

export function ContactsPanel({ customerId, contacts, editable, onAdded }: ContactsPanelProps) {
  const { t } = useI18n();
  return (
    <RecordListPanel
      name="contact"
      title={t('contacts.title')}
      addLabel={t('contacts.add')}
      emptyText={t('contacts.empty')}
      records={contacts}
      editable={editable}
      renderForm={(form) => <ContactForm customerId={customerId} onCancel={form.close} onSaved={form.saved} />}
      addedMessage={(contact) => t('contacts.added', { name: contact.name })}
      onAdded={onAdded}
      renderCard={(contact) => <ContactCard key={contact.id} contact={contact} />}
    />
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  return (
    <li className="card entity-card" data-testid="contact-card" data-contact-id={contact.id}>
      <div className="entity-head">
        <span className="entity-icon" aria-hidden="true">
          <PersonIcon />
        </span>
        <div className="entity-title-block">
          <h3 className="entity-title">
            {contact.name}
            {contact.isPrimary && <span className="badge badge-accent">{t('contacts.primary')}</span>}
          </h3>
          {contact.role && <p className="entity-subtitle">{contact.role}</p>}
        </div>
      </div>
      {(contact.phones.length > 0 || contact.emails.length > 0) && (
        <ul className="entity-lines">
          {contact.phones.map((phone) => (
            <li key={`p-${phone.number}`}>
              <a href={phoneHref(phone.number)} className="contact-line" data-testid="contact-phone">
                <PhoneIcon />
                {formatPhone(phone.number)}
              </a>
              {phone.label && <span className="line-label">{phone.label}</span>}
            </li>
          ))}
          {contact.emails.map((email) => (
            <li key={`e-${email.address}`}>
              <a href={`mailto:${email.address}`} className="contact-line">
                <MailIcon />
                {email.address}
              </a>
              {email.label && <span className="line-label">{email.label}</span>}
            </li>
          ))}
        </ul>
      )}
      <ConsentBadges emailMarketing={contact.consents.emailMarketing} smsMarketing={contact.consents.smsMarketing} />
    </li>
  );
}

function ConsentBadges({ emailMarketing, smsMarketing }: { emailMarketing: Consent | null; smsMarketing: Consent | null }) {
  const { t, formatDateTime } = useI18n();
  const entries = [
    { key: 'email', consent: emailMarketing, label: t('contacts.consentEmailShort') },
    { key: 'sms', consent: smsMarketing, label: t('contacts.consentSmsShort') },
  ].filter((entry) => entry.consent?.granted);
  if (entries.length === 0) return null;
  return (
    <div className="consent-badges">
      {entries.map(({ key, consent, label }) => (
        <span
          key={key}
          className="badge badge-consent"
          title={consent ? t('contacts.consentSince', { date: formatDateTime(consent.at), source: consent.source }) : undefined}
        >
          <CheckIcon />
          {label}
        </span>
      ))}
    </div>
  );
}

interface Row {
  value: string;
  label: string;
}

const emptyRow = (): Row => ({ value: '', label: '' });

function ContactForm({ customerId, onCancel, onSaved }: { customerId: string; onCancel(): void; onSaved(contact: Contact): void }) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [role, setRole] = useState('');
  const [phones, setPhones] = useState<Row[]>([emptyRow()]);
  const [emails, setEmails] = useState<Row[]>([emptyRow()]);
  const [emailConsent, setEmailConsent] = useState(false);
  const [smsConsent, setSmsConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Blank rows are not sent; the server's error paths (phones/1/number) refer to sent rows.
    const phoneRows = phones.map((row, index) => ({ row, index })).filter(({ row }) => row.value.trim());
    const emailRows = emails.map((row, index) => ({ row, index })).filter(({ row }) => row.value.trim());
    const consent = (granted: boolean) => (granted ? { granted: true, source: 'crm-ui' } : null);
    const input: ContactInput = {
      firstName: firstName.trim(),
      lastName: lastName.trim() || null,
      role: role.trim() || null,
      phones: phoneRows.map(({ row }) => ({ number: row.value.trim(), label: row.label.trim() || null })),
      emails: emailRows.map(({ row }) => ({ address: row.value.trim(), label: row.label.trim() || null })),
      consents: { emailMarketing: consent(emailConsent), smsMarketing: consent(smsConsent) },
    };
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      onSaved(await crmApi.createContact(customerId, input));
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      const raw = fieldErrorsOf(caught, t);
      // Re-key row errors to the rows on screen.
      const byField: Record<string, string> = {};
      for (const [key, message] of Object.entries(raw)) {
        const match = /^(phones|emails)\/(\d+)/.exec(key);
        if (match?.[1] && match[2]) {
          const rows = match[1] === 'phones' ? phoneRows : emailRows;
          const shown = rows[Number(match[2])]?.index ?? 0;
          byField[`${match[1]}/${shown}`] ??= message;
        } else byField[key] = message;
      }
      setFieldErrors(byField);
      const shown = Object.keys(byField).some((key) => /^(firstName|lastName|role|consents|(phones|emails)\/\d+)$/.test(key));
      if (!shown) setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const rowsEditor = (kind: 'phones' | 'emails', rows: Row[], setRows: (rows: Row[]) => void) => {
    const isPhone = kind === 'phones';
    return (
      <div className="rows-editor">
        {rows.map((row, index) => (
          <div className="row-entry" key={index}>
            <Field label={isPhone ? t('contacts.phone') : t('contacts.email')} error={fieldErrors[`${kind}/${index}`]}>
              {(control) => (
                <TextInput
                  {...control}
                  type={isPhone ? 'tel' : 'email'}
                  inputMode={isPhone ? 'tel' : 'email'}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={row.value}
                  onChange={(event) => setRows(rows.map((r, i) => (i === index ? { ...r, value: event.target.value } : r)))}
                  data-testid={isPhone ? `contact-phone-${index}` : `contact-email-${index}`}
                />
              )}
            </Field>
            <Field label={t('contacts.entryLabel')}>
              {(control) => (
                <TextInput
                  {...control}
                  placeholder={isPhone ? t('contacts.phoneLabelPlaceholder') : t('contacts.emailLabelPlaceholder')}
                  value={row.label}
                  onChange={(event) => setRows(rows.map((r, i) => (i === index ? { ...r, label: event.target.value } : r)))}
                />
              )}
            </Field>
            {rows.length > 1 && (
              <button
                type="button"
                className="icon-button row-remove"
                aria-label={t('common.remove')}
                title={t('common.remove')}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </div>
        ))}
        <button type="button" className="button button-ghost button-small" onClick={() => setRows([...rows, emptyRow()])}>
          <PlusIcon />
          {isPhone ? t('contacts.addPhone') : t('contacts.addEmail')}
        </button>
      </div>
    );
  };

  return (
    <form className="card form" onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="contact-form">
      <h3 className="card-title">{t('contacts.add')}</h3>
      <div className="form-grid form-grid-3">
        <Field label={t('contacts.firstName')} error={fieldErrors.firstName}>
          {(control) => (
            <TextInput
              {...control}
              required
              autoFocus
              autoComplete="off"
              value={firstName}
              onChange={(event) => setFirstName(event.target.value)}
              data-testid="contact-first-name"
            />
          )}
        </Field>
        <Field label={t('contacts.lastName')} error={fieldErrors.lastName}>
          {(control) => (
            <TextInput
              {...control}
              autoComplete="off"
              value={lastName}
              onChange={(event) => setLastName(event.target.value)}
              data-testid="contact-last-name"
            />
          )}
        </Field>
        <Field label={t('contacts.role')} error={fieldErrors.role}>
          {(control) => (
            <TextInput
              {...control}
              placeholder={t('contacts.rolePlaceholder')}
              value={role}
              onChange={(event) => setRole(event.target.value)}
              data-testid="contact-role"
            />
          )}
        </Field>
      </div>
      <div className="form-grid">
        {rowsEditor('phones', phones, setPhones)}
        {rowsEditor('emails', emails, setEmails)}
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('contacts.consents')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={emailConsent} onChange={(event) => setEmailConsent(event.target.checked)} data-testid="contact-consent-email" />
          {t('contacts.consentEmail')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={smsConsent} onChange={(event) => setSmsConsent(event.target.checked)} data-testid="contact-consent-sms" />
          {t('contacts.consentSms')}
        </label>
        {fieldErrors.consents && <p className="field-error">{fieldErrors.consents}</p>}
      </fieldset>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="contact-form-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="contact-submit">
          {busy ? t('common.saving') : t('contacts.save')}
        </button>
      </div>
    </form>
  );
}
