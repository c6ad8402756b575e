import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, isRecord, type Me, type TenantUser } from '../api.ts';
import {
  crmApi,
  interactionDirections,
  interactionKinds,
  timelineKinds,
  type Contact,
  type AuditData,
  type InteractionDirection,
  type InteractionInput,
  type InteractionKind,
  type Reminder,
  type ReminderInput,
  type TimelineItem,
  type TimelineKind,
} from '../crm-api.ts';
import { errorText, fieldErrorsOf, isUnauthorized } from '../error-text.ts';
import { fromWarsawInput, toWarsawInput } from '../format.ts';
import { useNow } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import type { MessageKey } from '../i18n.ts';
import { useSession } from '../session-context.tsx';
import { RelativeTime } from './crm-bits.tsx';
import { Field, Select, TextInput } from './field.tsx';
import { BellIcon, ChatIcon, CheckIcon, HistoryIcon, NoteIcon } from './icons.tsx';

const pageSize = 25;

const filterLabels: Record<TimelineKind, MessageKey> = {
  note: 'timeline.filter.note',
  interaction: 'timeline.filter.interaction',
  reminder: 'timeline.filter.reminder',
  audit: 'timeline.filter.audit',
};

type TimelineState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; items: TimelineItem[]; nextCursor: string | null };

interface TimelinePanelProps {
  customerId: string;
  me: Me;
  contacts: Contact[];
  editable: boolean;
}

// The customer's history, newest first, with a composer on top for notes, logged interactions
// and reminders. Kind chips narrow the list (server-side, ?kinds=).
export function TimelinePanel({ customerId, me, contacts, editable }: TimelinePanelProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [state, setState] = useState<TimelineState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const fail = useCallback(
    (error: unknown, set: (message: string) => void) => {
      if (isUnauthorized(error)) expire();
      else set(errorText(error, t, 'app.loadFailed'));
    },
    // t only shapes fallback messages.
    [expire],
  );

  useEffect(() => {
    const controller = new AbortController();
    crmApi.timeline(customerId, { kinds, limit: pageSize }, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) fail(error, (message) => setState({ status: 'failed', message }));
      },
    );
    return () => controller.abort();
  }, [customerId, kinds, attempt, fail]);

  const loadMore = async () => {
    if (state.status !== 'ready' || !state.nextCursor) return;
    const cursor = state.nextCursor;
    setLoadingMore(true);
    setActionError(null);
    try {
      const page = await crmApi.timeline(customerId, { kinds, limit: pageSize, cursor });
      setState((previous) =>
        previous.status === 'ready' && previous.nextCursor === cursor
          ? { status: 'ready', items: [...previous.items, ...page.items], nextCursor: page.nextCursor }
          : previous,
      );
    } catch (error) {
      fail(error, setActionError);
    } finally {
      setLoadingMore(false);
    }
  };

  // After adding an entry the first page is fetched again: the server decides titles and order.
  const refresh = (addedKind: TimelineKind) => {
    if (kinds.length > 0 && !kinds.includes(addedKind)) setKinds([]);
    else setAttempt((n) => n + 1);
  };

  const toggleKind = (kind: TimelineKind) => {
    setKinds((previous) => {
      const next = previous.includes(kind) ? previous.filter((k) => k !== kind) : [...previous, kind];
      // Chips keep the canonical order so the request (and its cache key) is stable.
      return timelineKinds.filter((k) => next.includes(k));
    });
  };

  const replaceReminder = (reminder: Reminder) => {
    setState((previous) =>
      previous.status === 'ready'
        ? {
            ...previous,
            items: previous.items.map((item) =>
              item.kind === 'reminder' && item.data.id === reminder.id ? { ...item, data: reminder } : item,
            ),
          }
        : previous,
    );
  };

  return (
    <section className="panel-stack timeline-panel" data-testid="timeline-panel" aria-label={t('timeline.title')}>
      {editable && <Composer customerId={customerId} me={me} contacts={contacts} onAdded={refresh} />}

      <div className="chips" role="group" aria-label={t('timeline.filters')} data-testid="timeline-filters">
        <button type="button" className="chip" aria-pressed={kinds.length === 0} onClick={() => setKinds([])} data-testid="timeline-filter-all">
          {t('timeline.filter.all')}
        </button>
        {timelineKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="chip"
            aria-pressed={kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
            data-testid={`timeline-filter-${kind}`}
          >
            <KindIcon kind={kind} />
            {t(filterLabels[kind])}
          </button>
        ))}
      </div>

      {actionError && (
        <div className="banner banner-error" role="alert">
          <span>{actionError}</span>
          <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={() => setActionError(null)}>
            ×
          </button>
        </div>
      )}

      {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.status === 'failed' && (
        <div className="card card-message" role="alert" data-testid="timeline-error">
          <p>{state.message}</p>
          <button type="button" className="button button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.items.length === 0 && (
        <p className="card card-message" data-testid="timeline-empty">
          {kinds.length > 0 ? t('timeline.emptyFiltered') : t('timeline.empty')}
        </p>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <ol className="timeline" data-testid="timeline-list">
          {state.items.map((item) => (
            <TimelineEntry
              key={`${item.kind}-${item.id}`}
              item={item}
              contacts={contacts}
              editable={editable}
              onReminder={replaceReminder}
              onError={(error) => fail(error, setActionError)}
            />
          ))}
        </ol>
      )}
      {state.status === 'ready' && state.nextCursor && (
        <button
          type="button"
          className="button button-secondary load-more"
          disabled={loadingMore}
          onClick={() => void loadMore()}
          data-testid="timeline-load-more"
        >
          {loadingMore ? t('common.loadingMore') : t('timeline.loadMore')}
        </button>
      )}
    </section>
  );
}

function KindIcon({ kind }: { kind: TimelineKind }) {
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

const auditTitles: Record<string, MessageKey> = {
  'customer.created': 'audit.customer.created',
  'customer.updated': 'audit.customer.updated',
  'customer.deleted': 'audit.customer.deleted',
  'customer.restored': 'audit.customer.restored',
  'contact.created': 'audit.contact.created',
  'contact.updated': 'audit.contact.updated',
  'contact.deleted': 'audit.contact.deleted',
  'site.created': 'audit.site.created',
  'site.updated': 'audit.site.updated',
  'site.deleted': 'audit.site.deleted',
};

// Field names in change details, as the forms label them.
const fieldLabels: Record<string, MessageKey> = {
  companyName: 'customerForm.companyName',
  firstName: 'customerForm.firstName',
  lastName: 'customerForm.lastName',
  nip: 'customerForm.nip',
  regon: 'customerForm.regon',
  status: 'customerForm.status',
  tags: 'customerForm.tags',
  role: 'contacts.role',
  phones: 'contacts.phone',
  emails: 'contacts.email',
  consents: 'contacts.consents',
  label: 'sites.label',
  street: 'sites.street',
  building: 'sites.building',
  flat: 'sites.flat',
  postalCode: 'sites.postalCode',
  city: 'sites.city',
  accessNotes: 'sites.accessNotes',
  region: 'sites.region',
};

// An audit entry in words: "Dodano kontakt: Jan Kowalski", "Zmienione pola: Status, Tagi". Unknown
// actions keep the server's title.
function describeAudit(data: AuditData, t: ReturnType<typeof useI18n>['t']): { title: string | null; body: string | null } {
  const key = auditTitles[data.action];
  const details = isRecord(data.details) ? data.details : {};
  const subject = typeof details.name === 'string' ? details.name : typeof details.address === 'string' ? details.address : null;
  // On the customer's own page its name adds nothing; a contact's name or a site's address does.
  const named = subject && !data.action.startsWith('customer.') && !data.action.endsWith('.updated');
  const title = key ? (named ? `${t(key)}: ${subject}` : t(key)) : null;
  if (!data.action.endsWith('.updated')) return { title, body: null };
  const fields = Object.keys(details)
    .filter((field) => !['updatedAt', 'version', 'name'].includes(field))
    .map((field) => {
      const label = fieldLabels[field];
      return label ? t(label) : field;
    });
  return { title, body: fields.length > 0 ? t('audit.changedFields', { fields: fields.join(', ') }) : null };
}

interface EntryProps {
  item: TimelineItem;
  contacts: Contact[];
  editable: boolean;
  onReminder(reminder: Reminder): void;
  onError(error: unknown): void;
}

function TimelineEntry({ item, contacts, editable, onReminder, onError }: EntryProps) {
  const { t } = useI18n();
  let heading: ReactNode = item.title;
  let body: ReactNode = item.body ? <p className="entry-body">{item.body}</p> : null;
  let extra: ReactNode = null;
  let stateClass = '';

  if (item.kind === 'note') {
    heading = t('composer.note');
    body = <p className="entry-body">{item.data.body ?? item.body}</p>;
  } else if (item.kind === 'interaction') {
    const data = item.data;
    const contact = data.contactId ? contacts.find((c) => c.id === data.contactId) : undefined;
    heading = (
      <>
        {t(`interaction.${data.kind}`)}
        {data.direction && <span className="entry-direction"> {t(`direction.${data.direction}`)}</span>}
        {contact && <span className="entry-direction"> · {contact.name}</span>}
        {data.subject && <span className="entry-subject"> — {data.subject}</span>}
      </>
    );
    body = data.outcome ? <p className="entry-body">{data.outcome}</p> : body;
  } else if (item.kind === 'audit') {
    const audit = describeAudit(item.data, t);
    if (audit.title) heading = audit.title;
    if (audit.body) body = <p className="entry-body entry-audit-body">{audit.body}</p>;
  } else if (item.kind === 'reminder') {
    heading = item.data.title || item.title;
    body = null;
    extra = <ReminderDetails reminder={item.data} editable={editable} onChange={onReminder} onError={onError} />;
    stateClass = item.data.doneAt ? ' entry-done' : '';
  }

  return (
    <li className={`entry entry-${item.kind}${stateClass}`} data-testid="timeline-item" data-kind={item.kind} data-id={item.id}>
      <span className="entry-icon" aria-hidden="true">
        <KindIcon kind={item.kind} />
      </span>
      <div className="entry-content">
        <div className="entry-head">
          <span className="entry-title">{heading}</span>
          <span className="entry-meta">
            <span className="entry-actor">{item.actor?.name ?? t('timeline.system')}</span>
            <span aria-hidden="true"> · </span>
            <RelativeTime iso={item.at} />
          </span>
        </div>
        {body}
        {extra}
      </div>
    </li>
  );
}

function ReminderDetails({
  reminder,
  editable,
  onChange,
  onError,
}: {
  reminder: Reminder;
  editable: boolean;
  onChange(reminder: Reminder): void;
  onError(error: unknown): void;
}) {
  const { t, formatDateTime } = useI18n();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const done = reminder.doneAt !== null;
  const overdue = !done && new Date(reminder.dueAt).getTime() < now;

  const toggle = async () => {
    setBusy(true);
    try {
      onChange(await crmApi.setReminderDone(reminder.id, !done));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reminder-details">
      <span className={overdue ? 'reminder-due reminder-overdue' : 'reminder-due'}>
        <time dateTime={reminder.dueAt}>{t('reminder.due', { date: formatDateTime(reminder.dueAt) })}</time>
        {' ('}
        <RelativeTime iso={reminder.dueAt} />
        {')'}
      </span>
      {reminder.assignee && <span className="reminder-assignee">{t('reminder.for', { name: reminder.assignee.name })}</span>}
      {reminder.recurrence && <span className="badge badge-muted">{t('reminder.recurring')}</span>}
      {overdue && <span className="badge badge-danger">{t('reminder.overdue')}</span>}
      {done && reminder.doneAt && (
        <span className="badge badge-success" title={formatDateTime(reminder.doneAt)} data-testid="reminder-done-badge">
          <CheckIcon />
          {t('reminder.done')}
        </span>
      )}
      {editable && (
        <button
          type="button"
          className={done ? 'button button-ghost button-small' : 'button button-secondary button-small'}
          disabled={busy}
          onClick={() => void toggle()}
          data-testid="reminder-toggle"
        >
          {!done && <CheckIcon />}
          {done ? t('reminder.markUndone') : t('reminder.markDone')}
        </button>
      )}
    </div>
  );
}

// ---------- Composer ----------

const composerModes = ['note', 'interaction', 'reminder'] as const;
type ComposerMode = (typeof composerModes)[number];

const recurrences = [
  { value: '', label: 'composer.recurrence.none' },
  { value: 'FREQ=WEEKLY', label: 'composer.recurrence.weekly' },
  { value: 'FREQ=MONTHLY', label: 'composer.recurrence.monthly' },
  { value: 'FREQ=YEARLY', label: 'composer.recurrence.yearly' },
] as const satisfies ReadonlyArray<{ value: string; label: MessageKey }>;

function tomorrowAtNine(): string {
  const tomorrow = toWarsawInput(new Date(Date.now() + 86_400_000));
  return `${tomorrow.slice(0, 10)}T09:00`;
}

function Composer({ customerId, me, contacts, onAdded }: { customerId: string; me: Me; contacts: Contact[]; onAdded(kind: TimelineKind): void }) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [mode, setMode] = useState<ComposerMode>('note');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const [noteBody, setNoteBody] = useState('');

  const [interactionKind, setInteractionKind] = useState<InteractionKind>('call');
  const [direction, setDirection] = useState<InteractionDirection | ''>('outbound');
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => toWarsawInput(new Date()));

  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState(tomorrowAtNine);
  const [assignee, setAssignee] = useState(me.user.id);
  const [recurrence, setRecurrence] = useState('');
  const [users, setUsers] = useState<TenantUser[] | null>(null);

  useEffect(() => {
    if (mode !== 'reminder' || users !== null) return;
    let cancelled = false;
    api.listUsers().then(
      (list) => !cancelled && setUsers(list.items),
      (caught: unknown) => {
        if (cancelled) return;
        if (isUnauthorized(caught)) expire();
        // Without the user list a reminder can still be assigned to oneself.
        else setUsers([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [mode, users, expire]);

  const switchMode = (next: ComposerMode) => {
    setMode(next);
    setError(null);
    setFieldErrors({});
    if (next === 'interaction') setOccurredAt(toWarsawInput(new Date()));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    let action: () => Promise<unknown>;
    let added: TimelineKind;
    let known: string[];
    if (mode === 'note') {
      if (!noteBody.trim()) return setFieldErrors({ body: t('validation.required') });
      action = () => crmApi.createNote(customerId, noteBody.trim());
      added = 'note';
      known = ['body'];
    } else if (mode === 'interaction') {
      const input: InteractionInput = { kind: interactionKind };
      if (direction) input.direction = direction;
      if (contactId) input.contactId = contactId;
      if (subject.trim()) input.subject = subject.trim();
      if (outcome.trim()) input.outcome = outcome.trim();
      const at = fromWarsawInput(occurredAt);
      if (at) input.occurredAt = at;
      action = () => crmApi.createInteraction(customerId, input);
      added = 'interaction';
      known = ['kind', 'direction', 'contactId', 'subject', 'outcome', 'occurredAt'];
    } else {
      const due = fromWarsawInput(dueAt);
      const local: Record<string, string> = {};
      if (!title.trim()) local.title = t('validation.required');
      if (!due) local.dueAt = t('validation.required');
      if (!due || !title.trim()) return setFieldErrors(local);
      const input: ReminderInput = { title: title.trim(), dueAt: due };
      if (assignee) input.assigneeUserId = assignee;
      if (recurrence) input.recurrence = recurrence;
      action = () => crmApi.createReminder(customerId, input);
      added = 'reminder';
      known = ['title', 'dueAt', 'assigneeUserId', 'recurrence'];
    }
    setBusy(true);
    try {
      await action();
      if (mode === 'note') setNoteBody('');
      if (mode === 'interaction') {
        setSubject('');
        setOutcome('');
        setOccurredAt(toWarsawInput(new Date()));
      }
      if (mode === 'reminder') {
        setTitle('');
        setRecurrence('');
        setDueAt(tomorrowAtNine());
      }
      onAdded(added);
    } catch (caught) {
      if (isUnauthorized(caught)) return expire();
      const byField = fieldErrorsOf(caught, t);
      setFieldErrors(byField);
      if (!known.some((field) => byField[field])) setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const assigneeOptions = users && users.length > 0 ? users : [{ id: me.user.id, name: me.user.name, email: me.user.email }];
  const modeLabels: Record<ComposerMode, string> = {
    note: t('composer.note'),
    interaction: t('composer.interaction'),
    reminder: t('composer.reminder'),
  };
  const submitLabels: Record<ComposerMode, string> = {
    note: t('composer.addNote'),
    interaction: t('composer.logInteraction'),
    reminder: t('composer.addReminder'),
  };

  return (
    <form className="card composer" onSubmit={(event) => void submit(event)} noValidate aria-label={t('composer.label')} data-testid="composer">
      <div className="composer-modes" role="radiogroup" aria-label={t('composer.label')}>
        {composerModes.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={mode === option}
            className="composer-mode"
            onClick={() => switchMode(option)}
            data-testid={`composer-mode-${option}`}
          >
            <KindIcon kind={option} />
            {modeLabels[option]}
          </button>
        ))}
      </div>

      {mode === 'note' && (
        <Field label={t('composer.noteBody')} error={fieldErrors.body}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={3}
              placeholder={t('composer.notePlaceholder')}
              value={noteBody}
              onChange={(event) => setNoteBody(event.target.value)}
              onKeyDown={(event) => {
                // Ctrl+Enter saves, as in most note fields.
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
              }}
              data-testid="composer-note-body"
            />
          )}
        </Field>
      )}

      {mode === 'interaction' && (
        <div className="composer-fields">
          <div className="field form-span-all">
            <span className="field-label" id="interaction-kind-label">
              {t('composer.kind')}
            </span>
            <div className="chips" role="radiogroup" aria-labelledby="interaction-kind-label">
              {interactionKinds.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  role="radio"
                  aria-checked={interactionKind === kind}
                  className="chip"
                  onClick={() => setInteractionKind(kind)}
                  data-testid={`interaction-kind-${kind}`}
                >
                  {t(`interaction.${kind}`)}
                </button>
              ))}
            </div>
            {fieldErrors.kind && <p className="field-error">{fieldErrors.kind}</p>}
          </div>
          <Field label={t('composer.direction')} error={fieldErrors.direction}>
            {(control) => (
              <Select
                {...control}
                value={direction}
                onChange={(event) => setDirection(interactionDirections.find((d) => d === event.target.value) ?? '')}
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
              <Select {...control} value={contactId} onChange={(event) => setContactId(event.target.value)} data-testid="interaction-contact">
                <option value="">{t('composer.noContact')}</option>
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
                value={occurredAt}
                onChange={(event) => setOccurredAt(event.target.value)}
                data-testid="interaction-occurred-at"
              />
            )}
          </Field>
          <Field label={t('composer.subject')} error={fieldErrors.subject}>
            {(control) => (
              <TextInput {...control} value={subject} onChange={(event) => setSubject(event.target.value)} data-testid="interaction-subject" />
            )}
          </Field>
          <div className="form-span-all">
            <Field label={t('composer.outcome')} error={fieldErrors.outcome}>
              {(control) => (
                <textarea
                  {...control}
                  className="input textarea"
                  rows={2}
                  placeholder={t('composer.outcomePlaceholder')}
                  value={outcome}
                  onChange={(event) => setOutcome(event.target.value)}
                  data-testid="interaction-outcome"
                />
              )}
            </Field>
          </div>
        </div>
      )}

      {mode === 'reminder' && (
        <div className="composer-fields">
          <div className="form-span-all">
            <Field label={t('composer.reminderTitle')} error={fieldErrors.title}>
              {(control) => (
                <TextInput
                  {...control}
                  placeholder={t('composer.reminderPlaceholder')}
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                  data-testid="reminder-title"
                />
              )}
            </Field>
          </div>
          <Field label={t('composer.dueAt')} error={fieldErrors.dueAt} hint={t('composer.warsawTime')}>
            {(control) => (
              <TextInput {...control} type="datetime-local" value={dueAt} onChange={(event) => setDueAt(event.target.value)} data-testid="reminder-due" />
            )}
          </Field>
          <Field label={t('composer.assignee')} error={fieldErrors.assigneeUserId}>
            {(control) => (
              <Select {...control} value={assignee} onChange={(event) => setAssignee(event.target.value)} data-testid="reminder-assignee">
                {assigneeOptions.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name || user.email}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('composer.recurrence')} error={fieldErrors.recurrence}>
            {(control) => (
              <Select {...control} value={recurrence} onChange={(event) => setRecurrence(event.target.value)} data-testid="reminder-recurrence">
                {recurrences.map((option) => (
                  <option key={option.value} value={option.value}>
                    {t(option.label)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      )}

      {error && (
        <div className="banner banner-error" role="alert" data-testid="composer-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="composer-submit">
          {busy ? t('common.saving') : submitLabels[mode]}
        </button>
      </div>
    </form>
  );
}
