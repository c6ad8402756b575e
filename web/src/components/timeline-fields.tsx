import { useId } from 'react';
import { api, type Me, type TenantUser } from '../api.ts';
import { interactionDirections, interactionKinds, type Contact, type PersonRef, type TimelineKind } from '../crm-api.ts';
import { useOptionalData } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import type { MessageKey } from '../i18n.ts';
import type { InteractionDraft, ReminderDraft } from '../timeline-drafts.ts';
import { Field, RadioButtons, Select, TextInput } from './field.tsx';
import { BellIcon, ChatIcon, HistoryIcon, NoteIcon } from './icons.tsx';

// The inputs of notes, interactions and reminders, shared by the timeline's composer (adding)
// and its entries (editing in place); the drafts they edit are in timeline-drafts.ts.

type FieldErrors = Record<string, string>;

export function KindIcon({ kind }: { kind: TimelineKind }) {
  switch (kind) {
    case 'note':
      return <NoteIcon />;
    case 'interaction':
      return <ChatIcon />;
    case 'reminder':
      return <BellIcon />;
    case 'audit':
      return <HistoryIcon />;
  }
}

// ---------- Notes ----------

interface NoteBodyFieldProps {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  testId: string;
  autoFocus?: boolean;
}

export function NoteBodyField({ value, onChange, error, testId, autoFocus = false }: NoteBodyFieldProps) {
  const { t } = useI18n();
  return (
    <Field label={t('composer.noteBody')} error={error}>
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={3}
          placeholder={t('composer.notePlaceholder')}
          autoFocus={autoFocus}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter saves, as in most note fields.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

// ---------- Interactions ----------

interface InteractionFieldsProps {
  draft: InteractionDraft;
  onChange(draft: InteractionDraft): void;
  contacts: Contact[];
  fieldErrors: FieldErrors;
}

export function InteractionFields({ draft, onChange, contacts, fieldErrors }: InteractionFieldsProps) {
  const { t } = useI18n();
  const kindLabelId = useId();
  const set = <K extends keyof InteractionDraft>(key: K, value: InteractionDraft[K]) => onChange({ ...draft, [key]: value });
  // An interaction may name a contact removed since; it stays selected until changed.
  const missingContact = draft.contactId !== '' && !contacts.some((contact) => contact.id === draft.contactId);
  return (
    <div className="composer-fields">
      <div className="field form-span-all">
        <span className="field-label" id={kindLabelId}>
          {t('composer.kind')}
        </span>
        <RadioButtons
          options={interactionKinds}
          value={draft.kind}
          onChange={(kind) => set('kind', kind)}
          labelledBy={kindLabelId}
          className="chips"
          optionClassName="chip"
          testId={(kind) => `interaction-kind-${kind}`}
        >
          {(kind) => t(`interaction.${kind}`)}
        </RadioButtons>
        {fieldErrors.kind && <p className="field-error">{fieldErrors.kind}</p>}
      </div>
      <Field label={t('composer.direction')} error={fieldErrors.direction}>
        {(control) => (
          <Select
            {...control}
            value={draft.direction}
            onChange={(event) => set('direction', interactionDirections.find((d) => d === event.target.value) ?? '')}
            data-testid="interaction-direction"
          >
            <option value="">{t('composer.noDirection')}</option>
            {interactionDirections.map((d) => (
              <option key={d} value={d}>
                {t(`direction.${d}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('composer.contact')} error={fieldErrors.contactId}>
        {(control) => (
          <Select {...control} value={draft.contactId} onChange={(event) => set('contactId', event.target.value)} data-testid="interaction-contact">
            <option value="">{t('composer.noContact')}</option>
            {missingContact && <option value={draft.contactId}>{t('composer.removedContact')}</option>}
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('composer.occurredAt')} error={fieldErrors.occurredAt} hint={t('composer.warsawTime')}>
        {(control) => (
          <TextInput
            {...control}
            type="datetime-local"
            value={draft.occurredAt}
            onChange={(event) => set('occurredAt', event.target.value)}
            data-testid="interaction-occurred-at"
          />
        )}
      </Field>
      <Field label={t('composer.subject')} error={fieldErrors.subject}>
        {(control) => <TextInput {...control} value={draft.subject} onChange={(event) => set('subject', event.target.value)} data-testid="interaction-subject" />}
      </Field>
      <div className="form-span-all">
        <Field label={t('composer.outcome')} error={fieldErrors.outcome}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={2}
              placeholder={t('composer.outcomePlaceholder')}
              value={draft.outcome}
              onChange={(event) => set('outcome', event.target.value)}
              data-testid="interaction-outcome"
            />
          )}
        </Field>
      </div>
    </div>
  );
}

// ---------- Reminders ----------

const recurrences = [
  { value: '', label: 'composer.recurrence.none' },
  { value: 'FREQ=WEEKLY', label: 'composer.recurrence.weekly' },
  { value: 'FREQ=MONTHLY', label: 'composer.recurrence.monthly' },
  { value: 'FREQ=YEARLY', label: 'composer.recurrence.yearly' },
] as const satisfies ReadonlyArray<{ value: string; label: MessageKey }>;

// The company's users a reminder can be assigned to; without the list (it failed to load), the
// signed-in user alone.
function useAssignableUsers(me: Me): Array<Pick<TenantUser, 'id' | 'name' | 'email'>> {
  const users = useOptionalData(api.listUsers)?.items ?? [];
  return users.length > 0 ? users : [{ id: me.user.id, name: me.user.name, email: me.user.email }];
}

interface ReminderFieldsProps {
  draft: ReminderDraft;
  onChange(draft: ReminderDraft): void;
  me: Me;
  // The assignee on record, shown even if they are no longer in the company's user list.
  assignee?: PersonRef | null;
  fieldErrors: FieldErrors;
}

export function ReminderFields({ draft, onChange, me, assignee = null, fieldErrors }: ReminderFieldsProps) {
  const { t } = useI18n();
  const users = useAssignableUsers(me);
  const set = <K extends keyof ReminderDraft>(key: K, value: ReminderDraft[K]) => onChange({ ...draft, [key]: value });
  const missingAssignee = assignee && !users.some((user) => user.id === assignee.id) ? assignee : null;
  const customRule = draft.recurrence !== '' && !recurrences.some((option) => option.value === draft.recurrence);
  return (
    <div className="composer-fields">
      <div className="form-span-all">
        <Field label={t('composer.reminderTitle')} error={fieldErrors.title}>
          {(control) => (
            <TextInput
              {...control}
              placeholder={t('composer.reminderPlaceholder')}
              value={draft.title}
              onChange={(event) => set('title', event.target.value)}
              data-testid="reminder-title"
            />
          )}
        </Field>
      </div>
      <Field label={t('composer.dueAt')} error={fieldErrors.dueAt} hint={t('composer.warsawTime')}>
        {(control) => (
          <TextInput {...control} type="datetime-local" value={draft.dueAt} onChange={(event) => set('dueAt', event.target.value)} data-testid="reminder-due" />
        )}
      </Field>
      <Field label={t('composer.assignee')} error={fieldErrors.assigneeUserId}>
        {(control) => (
          <Select {...control} value={draft.assigneeUserId} onChange={(event) => set('assigneeUserId', event.target.value)} data-testid="reminder-assignee">
            {draft.assigneeUserId === '' && <option value="">{t('composer.noAssignee')}</option>}
            {missingAssignee && <option value={missingAssignee.id}>{missingAssignee.name}</option>}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name || user.email}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('composer.recurrence')} error={fieldErrors.recurrence}>
        {(control) => (
          <Select {...control} value={draft.recurrence} onChange={(event) => set('recurrence', event.target.value)} data-testid="reminder-recurrence">
            {recurrences.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
            {customRule && <option value={draft.recurrence}>{t('composer.recurrence.custom', { rule: draft.recurrence })}</option>}
          </Select>
        )}
      </Field>
    </div>
  );
}
