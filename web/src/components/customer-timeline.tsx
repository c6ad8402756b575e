import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { isRecord, type Me } from '../api.ts';
import {
  crmApi,
  timelineKinds,
  type AuditData,
  type Contact,
  type Interaction,
  type Note,
  type Reminder,
  type TimelineItem,
  type TimelineKind,
} from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { useNow } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import type { MessageKey } from '../i18n.ts';
import { useSession } from '../session-context.tsx';
import {
  changedOnly,
  interactionDraftOf,
  interactionFields,
  interactionInputOf,
  noteFields,
  reminderDraftOf,
  reminderFields,
  reminderInputOf,
} from '../timeline-drafts.ts';
import { RelativeTime } from './crm-bits.tsx';
import { CheckIcon } from './icons.tsx';
import { ConflictBanner, FormFooter, Notice, RecordActions, useEditInPlace, useSave, type NoticeState, type SaveState } from './record-editing.tsx';
import { Composer } from './timeline-composer.tsx';
import { InteractionFields, KindIcon, NoteBodyField, ReminderFields } from './timeline-fields.tsx';
import { LoadFailed } from './load-failed.tsx';

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

// The entries that are records of their own (the audit entries are history, not editable).
type RecordItem = Exclude<TimelineItem, { kind: 'audit' }>;
type NoteItem = Extract<TimelineItem, { kind: 'note' }>;
type InteractionItem = Extract<TimelineItem, { kind: 'interaction' }>;
type ReminderItem = Extract<TimelineItem, { kind: 'reminder' }>;

// An entry with its record as the server now has it. The entry's time is the one the timeline
// orders it by: a note's creation, an interaction's occurrence, a reminder's due date.
const withNote = (item: NoteItem, note: Note): NoteItem => ({ ...item, data: note });
const withInteraction = (item: InteractionItem, interaction: Interaction): InteractionItem => ({ ...item, at: interaction.occurredAt, data: interaction });
const withReminder = (item: ReminderItem, reminder: Reminder): ReminderItem => ({ ...item, at: reminder.dueAt, data: reminder });

interface TimelinePanelProps {
  customerId: string;
  me: Me;
  contacts: Contact[];
  // Adding entries and ticking reminders off; changing and removing them needs canChange.
  canAdd: boolean;
  canChange: boolean;
}

// The customer's history, newest first, with a composer on top for notes, logged interactions
// and reminders. Kind chips narrow the list (server-side, ?kinds=). Notes, interactions and
// reminders are edited in place and removed after a confirmation.
export function TimelinePanel({ customerId, me, contacts, canAdd, canChange }: TimelinePanelProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [state, setState] = useState<TimelineState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const editor = useEditInPlace();

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
    setNotice(null);
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

  // A changed or removed entry is updated where it is, so the pages loaded below it stay.
  const updateItems = (update: (items: TimelineItem[]) => TimelineItem[]) => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, items: update(previous.items) } : previous));
  };
  const replaceItem = (changed: RecordItem) =>
    updateItems((items) => items.map((item) => (item.kind === changed.kind && item.id === changed.id ? changed : item)));

  return (
    <section className="panel-stack timeline-panel" data-testid="timeline-panel" aria-label={t('timeline.title')}>
      {canAdd && <Composer customerId={customerId} me={me} contacts={contacts} onAdded={refresh} />}

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

      <Notice notice={notice} onDismiss={() => setNotice(null)} testId="timeline-notice" />
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
        <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} testId="timeline-error" />
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
              me={me}
              contacts={contacts}
              canToggle={canAdd}
              canChange={canChange}
              editing={item.kind !== 'audit' && editor.isEditing(item.kind, item.id)}
              onEdit={(entry) => {
                setNotice(null);
                editor.open(entry.kind, entry.id);
              }}
              onCloseEditor={() => editor.close()}
              onChanged={replaceItem}
              onSaved={(entry) => {
                replaceItem(entry);
                editor.close();
                setNotice({ text: t(`timeline.${entry.kind}.saved`), focus: false });
              }}
              onRemoved={(entry) => {
                updateItems((items) => items.filter((other) => other.kind !== entry.kind || other.id !== entry.id));
                setNotice({ text: t(`timeline.${entry.kind}.deleted`), focus: true });
              }}
              onReload={() => setAttempt((n) => n + 1)}
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
  lat: 'sites.coordinates',
  lng: 'sites.coordinates',
  customFields: 'customerForm.customFields',
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
  // A set: latitude and longitude are one "Współrzędne" field on the form.
  const fields = new Set(
    Object.keys(details)
      .filter((field) => !['updatedAt', 'version', 'name', 'customerId'].includes(field))
      .map((field) => {
        const label = fieldLabels[field];
        return label ? t(label) : field;
      }),
  );
  return { title, body: fields.size > 0 ? t('audit.changedFields', { fields: [...fields].join(', ') }) : null };
}

interface EntryProps {
  item: TimelineItem;
  me: Me;
  contacts: Contact[];
  canToggle: boolean;
  canChange: boolean;
  editing: boolean;
  onEdit(item: RecordItem): void;
  onCloseEditor(): void;
  // The record changed in place (a reminder ticked off) or through the editor.
  onChanged(item: RecordItem): void;
  onSaved(item: RecordItem): void;
  onRemoved(item: RecordItem): void;
  onReload(): void;
  onError(error: unknown): void;
}

function removeRecord(item: RecordItem): Promise<unknown> {
  switch (item.kind) {
    case 'note':
      return crmApi.deleteNote(item.id, item.data.version);
    case 'interaction':
      return crmApi.deleteInteraction(item.id, item.data.version);
    case 'reminder':
      return crmApi.deleteReminder(item.id, item.data.version);
  }
}

// What an entry is called in its buttons' accessible names.
function subjectOf(item: RecordItem, t: ReturnType<typeof useI18n>['t']): string {
  switch (item.kind) {
    case 'note': {
      const firstLine = item.data.body.split('\n')[0] ?? '';
      return firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
    }
    case 'interaction':
      return item.data.subject ?? t(`interaction.${item.data.kind}`);
    case 'reminder':
      return item.data.title;
  }
}

function TimelineEntry(props: EntryProps) {
  const { item, contacts } = props;
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
  } else {
    heading = item.data.title || item.title;
    body = null;
    extra = (
      <ReminderDetails
        reminder={item.data}
        canToggle={props.canToggle}
        onChange={(reminder) => props.onChanged(withReminder(item, reminder))}
        onError={props.onError}
      />
    );
    stateClass = item.data.doneAt ? ' entry-done' : '';
  }

  let content: ReactNode = (
    <>
      {body}
      {extra}
    </>
  );
  if (item.kind !== 'audit' && props.editing) {
    content = (
      <EntryEditor
        key={item.data.version}
        item={item}
        me={props.me}
        contacts={contacts}
        onCancel={props.onCloseEditor}
        onSaved={props.onSaved}
        onReload={props.onReload}
      />
    );
  } else if (item.kind !== 'audit' && props.canChange) {
    content = (
      <>
        {content}
        <RecordActions
          key={item.data.version}
          name={item.kind}
          recordId={item.id}
          subject={subjectOf(item, t)}
          onEdit={() => props.onEdit(item)}
          remove={{
            question: t(`timeline.${item.kind}.deleteQuestion`),
            confirmLabel: t(`timeline.${item.kind}.delete`),
            run: async () => {
              await removeRecord(item);
              props.onRemoved(item);
            },
          }}
          onReload={props.onReload}
        />
      </>
    );
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
        {content}
      </div>
    </li>
  );
}

function ReminderDetails({
  reminder,
  canToggle,
  onChange,
  onError,
}: {
  reminder: Reminder;
  canToggle: boolean;
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
      {canToggle && (
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

// ---------- Editing an entry in place ----------

interface EntryEditorProps {
  item: RecordItem;
  me: Me;
  contacts: Contact[];
  onCancel(): void;
  onSaved(item: RecordItem): void;
  onReload(): void;
}

function EntryEditor({ item, ...props }: EntryEditorProps) {
  switch (item.kind) {
    case 'note':
      return <NoteEditor item={item} {...props} />;
    case 'interaction':
      return <InteractionEditor item={item} {...props} />;
    case 'reminder':
      return <ReminderEditor item={item} {...props} />;
  }
}

type EditorProps = Omit<EntryEditorProps, 'item'>;

interface EditorFormProps {
  kind: RecordItem['kind'];
  save: SaveState;
  onSubmit(): Promise<void>;
  onCancel(): void;
  onReload(): void;
  children: ReactNode;
}

// Test ids: note-editor, note-edit-submit, note-edit-form-error (and interaction-…, reminder-…).
function EditorForm({ kind, save, onSubmit, onCancel, onReload, children }: EditorFormProps) {
  const { t } = useI18n();
  return (
    <form
      className="form entry-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
      aria-label={t(`timeline.${kind}.edit`)}
      data-testid={`${kind}-editor`}
    >
      {save.conflict && <ConflictBanner onReload={onReload} />}
      {children}
      <FormFooter name={`${kind}-edit`} busy={save.busy} error={save.error} submitLabel={t('record.saveChanges')} onCancel={onCancel} />
    </form>
  );
}

function NoteEditor({ item, onCancel, onSaved, onReload }: EditorProps & { item: NoteItem }) {
  const { t } = useI18n();
  const note = item.data;
  const [body, setBody] = useState(note.body);
  const save = useSave(noteFields);
  const submit = async () => {
    if (!body.trim()) return save.reject({ body: t('validation.required') });
    if (body.trim() === note.body) return onCancel();
    await save.run(async () => onSaved(withNote(item, await crmApi.updateNote(note.id, note.version, { body: body.trim() }))));
  };
  return (
    <EditorForm kind="note" save={save} onSubmit={submit} onCancel={onCancel} onReload={onReload}>
      <NoteBodyField value={body} onChange={setBody} error={save.fieldErrors.body} testId="note-edit-body" autoFocus />
    </EditorForm>
  );
}

function InteractionEditor({ item, contacts, onCancel, onSaved, onReload }: EditorProps & { item: InteractionItem }) {
  const interaction = item.data;
  const [original] = useState(() => interactionDraftOf(interaction));
  const [draft, setDraft] = useState(original);
  const save = useSave(interactionFields);
  const submit = async () => {
    const changes = changedOnly(interactionInputOf(draft, true), interactionInputOf(original, true));
    if (Object.keys(changes).length === 0) return onCancel();
    await save.run(async () => onSaved(withInteraction(item, await crmApi.updateInteraction(interaction.id, interaction.version, changes))));
  };
  return (
    <EditorForm kind="interaction" save={save} onSubmit={submit} onCancel={onCancel} onReload={onReload}>
      <InteractionFields draft={draft} onChange={setDraft} contacts={contacts} fieldErrors={save.fieldErrors} />
    </EditorForm>
  );
}

function ReminderEditor({ item, me, onCancel, onSaved, onReload }: EditorProps & { item: ReminderItem }) {
  const { t } = useI18n();
  const reminder = item.data;
  const [original] = useState(() => reminderDraftOf(reminder));
  const [draft, setDraft] = useState(original);
  const save = useSave(reminderFields);
  const submit = async () => {
    const checked = reminderInputOf(draft, true, t);
    const before = reminderInputOf(original, true, t);
    if ('errors' in checked) return save.reject(checked.errors);
    const changes = 'input' in before ? changedOnly(checked.input, before.input) : checked.input;
    if (Object.keys(changes).length === 0) return onCancel();
    await save.run(async () => onSaved(withReminder(item, await crmApi.updateReminder(reminder.id, reminder.version, changes))));
  };
  return (
    <EditorForm kind="reminder" save={save} onSubmit={submit} onCancel={onCancel} onReload={onReload}>
      <ReminderFields draft={draft} onChange={setDraft} me={me} assignee={reminder.assignee} fieldErrors={save.fieldErrors} />
    </EditorForm>
  );
}
