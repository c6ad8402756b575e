import { useState, type FormEvent } from 'react';
import { crmApi, type Consent, type ConsentInput, type Contact, type ContactInput, type ListLoad } from '../crm-api.ts';
import { formatPhone, phoneHref } from '../format.ts';
import { useI18n } from '../i18n-context.tsx';
import { Field, TextInput } from './field.tsx';
import { CheckIcon, MailIcon, PersonIcon, PhoneIcon, PlusIcon } from './icons.tsx';
import { ConflictBanner, FormFooter, useSave } from './record-editing.tsx';
import { RecordListPanel, type RecordForm } from './record-list-panel.tsx';

interface ContactsPanelProps {
  customerId: string;
  contacts: ListLoad<Contact>;
  canAdd: boolean;
  canChange: boolean;
  onSaved(contact: Contact): void;
  onRemoved(contact: Contact): void;
  onReload(): void;
}

export function ContactsPanel({ customerId, contacts, canAdd, canChange, onSaved, onRemoved, onReload }: ContactsPanelProps) {
  const { t } = useI18n();
  return (
    <RecordListPanel<Contact>
      name="contact"
      title={t('contacts.title')}
      addLabel={t('contacts.add')}
      emptyText={t('contacts.empty')}
      records={contacts}
      canAdd={canAdd}
      canChange={canChange}
      renderForm={(form) => <ContactForm customerId={customerId} form={form} onReload={onReload} />}
      renderCard={(contact) => <ContactCard contact={contact} />}
      describe={(contact) => contact.name}
      savedMessage={(contact, added) => t(added ? 'contacts.added' : 'contacts.saved', { name: contact.name })}
      removal={(contact) => ({
        question: t('contacts.deleteQuestion', { name: contact.name }),
        confirmLabel: t('contacts.delete'),
        run: () => crmApi.deleteContact(contact.id, contact.version),
      })}
      removedMessage={(contact) => t('contacts.deleted', { name: contact.name })}
      onSaved={onSaved}
      onRemoved={onRemoved}
      onReload={onReload}
    />
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
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

// A contact's phones or e-mails as editable rows; one blank row when there are none.
function rowsOf(entries: Array<{ value: string; label: string | null }>): Row[] {
  return entries.length > 0 ? entries.map((entry) => ({ value: entry.value, label: entry.label ?? '' })) : [emptyRow()];
}

const shownFields = ['firstName', 'lastName', 'role', 'phones', 'emails', 'consents'];

// Adds a contact, or edits one in place of its card (form.record).
function ContactForm({ customerId, form, onReload }: { customerId: string; form: RecordForm<Contact>; onReload(): void }) {
  const { t } = useI18n();
  const contact = form.record;
  const [firstName, setFirstName] = useState(contact?.firstName ?? '');
  const [lastName, setLastName] = useState(contact?.lastName ?? '');
  const [role, setRole] = useState(contact?.role ?? '');
  const [phones, setPhones] = useState<Row[]>(() => rowsOf((contact?.phones ?? []).map((p) => ({ value: formatPhone(p.number), label: p.label }))));
  const [emails, setEmails] = useState<Row[]>(() => rowsOf((contact?.emails ?? []).map((e) => ({ value: e.address, label: e.label }))));
  const [emailConsent, setEmailConsent] = useState(contact?.consents.emailMarketing?.granted ?? false);
  const [smsConsent, setSmsConsent] = useState(contact?.consents.smsMarketing?.granted ?? false);
  // Blank rows are not sent; the server's error paths (phones/1/number) refer to sent rows.
  const sentRows = (rows: Row[]) => rows.map((row, index) => ({ row, index })).filter(({ row }) => row.value.trim());
  const save = useSave(shownFields, (byField) => {
    // Re-key row errors to the rows on screen.
    const onScreen: Record<string, string> = {};
    for (const [key, message] of Object.entries(byField)) {
      const match = /^(phones|emails)\/(\d+)/.exec(key);
      if (match?.[1] && match[2]) {
        const rows = sentRows(match[1] === 'phones' ? phones : emails);
        onScreen[`${match[1]}/${rows[Number(match[2])]?.index ?? 0}`] ??= message;
      } else onScreen[key] = message;
    }
    return onScreen;
  });
  const { fieldErrors } = save;

  // A consent on record is sent again only when changed, so its original date and source stay.
  const consent = (granted: boolean, current: Consent | null | undefined): ConsentInput | null | undefined => {
    if (contact && granted === (current?.granted ?? false)) return undefined;
    if (granted) return { granted: true, source: 'crm-ui' };
    return contact ? { granted: false, source: 'crm-ui' } : null;
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: ContactInput = {
      firstName: firstName.trim(),
      lastName: lastName.trim() || null,
      role: role.trim() || null,
      phones: sentRows(phones).map(({ row }) => ({ number: row.value.trim(), label: row.label.trim() || null })),
      emails: sentRows(emails).map(({ row }) => ({ address: row.value.trim(), label: row.label.trim() || null })),
      consents: {
        emailMarketing: consent(emailConsent, contact?.consents.emailMarketing),
        smsMarketing: consent(smsConsent, contact?.consents.smsMarketing),
      },
    };
    await save.run(async () =>
      form.saved(contact ? await crmApi.updateContact(contact.id, contact.version, input) : await crmApi.createContact(customerId, input)),
    );
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
      <h3 className="card-title">{contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.add')}</h3>
      {save.conflict && <ConflictBanner onReload={onReload} />}
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
      <FormFooter name="contact" busy={save.busy} error={save.error} submitLabel={t('contacts.save')} onCancel={form.close} />
    </form>
  );
}
