import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { saveProblemOf } from '../error-text.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { EditIcon, TrashIcon } from './icons.tsx';

// The one way the CRM screens change and remove records: a save hook for forms, edit in place
// with focus returning to the record, a two-step delete, and the conflict banner that offers to
// reload a record someone else changed first (the server answers a stale If-Match with 409).

type FieldErrors = Record<string, string>;

// A form's save: busy flag, banner message, stale-version conflict and per-field messages.
// `shownFields` are the body properties the form has inputs for (see saveProblemOf).
export function useSave(shownFields: readonly string[], mapFieldErrors?: (byField: FieldErrors) => FieldErrors) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  // Resolves true when the action succeeded; failures are shown, never thrown.
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setConflict(false);
    setFieldErrors({});
    try {
      await action();
      return true;
    } catch (caught) {
      const problem = saveProblemOf(caught, t, shownFields);
      if (problem.kind === 'unauthorized') expire();
      else if (problem.kind === 'stale') setConflict(true);
      else {
        setFieldErrors(mapFieldErrors ? mapFieldErrors(problem.fieldErrors) : problem.fieldErrors);
        setError(problem.message);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  // Problems found before sending anything (a required field left empty).
  const reject = (errors: FieldErrors) => {
    setError(null);
    setConflict(false);
    setFieldErrors(errors);
  };

  const dismiss = () => {
    setError(null);
    setConflict(false);
  };

  return { busy, error, conflict, fieldErrors, run, reject, dismiss };
}

export type SaveState = ReturnType<typeof useSave>;

// What went wrong with an action that has no form (delete, restore): a stale version, with the
// offer to reload, or a message the user can dismiss.
export function ActionFeedback({ name, state, onReload }: { name: string; state: SaveState; onReload(): void }) {
  const { t } = useI18n();
  return (
    <>
      {state.conflict && <ConflictBanner onReload={onReload} />}
      {state.error && (
        <div className="banner banner-error" role="alert" data-testid={`${name}-action-error`}>
          <span>{state.error}</span>
          <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={state.dismiss}>
            ×
          </button>
        </div>
      )}
    </>
  );
}

export function ConflictBanner({ onReload }: { onReload?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-warning" role="alert" data-testid="record-conflict">
      <div>
        <strong>{t('record.conflict')}</strong>
        <p>{t('record.conflictHint')}</p>
      </div>
      {onReload && (
        <button type="button" className="button button-secondary" onClick={onReload} data-testid="record-reload">
          {t('record.reload')}
        </button>
      )}
    </div>
  );
}

interface FormFooterProps {
  // Test ids: `${name}-form-error`, `${name}-submit`.
  name: string;
  busy: boolean;
  error: string | null;
  submitLabel: string;
  // While saving; "Zapisywanie…" unless told otherwise.
  busyLabel?: string | undefined;
  onCancel?: () => void;
}

// The end of every CRM form: what went wrong (if anything), then Cancel and the submit button.
export function FormFooter({ name, busy, error, submitLabel, busyLabel, onCancel }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <div className="banner banner-error" role="alert" data-testid={`${name}-form-error`}>
          {error}
        </div>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid={`${name}-submit`}>
          {busy ? (busyLabel ?? t('common.saving')) : submitLabel}
        </button>
      </div>
    </>
  );
}

export const editButtonId = (name: string, id: string) => `${name}-edit-${id}`;

// One record at a time is edited in place of its card; closing the editor (saved or cancelled)
// puts focus back on that record's Edit button, so keyboard users stay where they were.
export function useEditInPlace() {
  const [editing, setEditing] = useState<{ name: string; id: string } | null>(null);
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    document.getElementById(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [editing]);

  return {
    isEditing: (name: string, id: string) => editing?.name === name && editing.id === id,
    open: (name: string, id: string) => setEditing({ name, id }),
    close: () => {
      if (editing) returnFocusTo.current = editButtonId(editing.name, editing.id);
      setEditing(null);
    },
    // Closing because something else opens (the add form) and takes the focus itself.
    dismiss: () => setEditing(null),
  };
}

export interface Removal {
  // "Usunąć kontakt Jan Kowalski?"
  question: string;
  confirmLabel: string;
  run(): Promise<void>;
}

interface RecordActionsProps {
  // Test ids: `${name}-edit`, `${name}-delete`, `${name}-delete-confirm`, `${name}-delete-cancel`.
  name: string;
  recordId: string;
  // What the record is called, for the buttons' accessible names ("Edytuj: Jan Kowalski").
  subject: string;
  onEdit?: (() => void) | undefined;
  remove?: Removal | undefined;
  // Offered when the server says the record changed since it was loaded.
  onReload(): void;
  // Cards and timeline entries use small quiet buttons; a page header uses full ones.
  prominent?: boolean;
}

// Edit and Delete for one record. Delete asks first, in place; Cancel or Escape takes it back.
export function RecordActions({ name, recordId, subject, onEdit, remove, onReload, prominent = false }: RecordActionsProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const action = useSave([]);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const buttonClass = prominent ? 'button button-secondary' : 'button button-ghost button-small';

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    // After the confirmation is gone from the DOM.
    window.requestAnimationFrame(() => deleteButton.current?.focus());
  };

  // Done, the record leaves the screen with this component; failed, the problem shows below.
  const confirm = async () => {
    if (remove && !(await action.run(remove.run))) setConfirming(false);
  };

  let content: ReactNode;
  if (confirming && remove) {
    content = (
      <div
        className="confirm-delete"
        role="group"
        aria-labelledby={questionId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
        }}
      >
        <p id={questionId} className="confirm-question">
          {remove.question}
        </p>
        <div className="confirm-buttons">
          <button
            type="button"
            className={prominent ? 'button button-danger' : 'button button-danger button-small'}
            disabled={action.busy}
            onClick={() => void confirm()}
            data-testid={`${name}-delete-confirm`}
          >
            {action.busy ? t('record.deleting') : remove.confirmLabel}
          </button>
          <button ref={cancelButton} type="button" className={buttonClass} disabled={action.busy} onClick={cancel} data-testid={`${name}-delete-cancel`}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  } else {
    content = (
      <div className="record-buttons">
        {onEdit && (
          <button
            id={editButtonId(name, recordId)}
            type="button"
            className={buttonClass}
            aria-label={t('record.editNamed', { name: subject })}
            onClick={onEdit}
            data-testid={`${name}-edit`}
          >
            <EditIcon />
            <span className="button-label">{t('record.edit')}</span>
          </button>
        )}
        {remove && (
          <button
            ref={deleteButton}
            type="button"
            className={`${buttonClass} button-danger-quiet`}
            aria-label={t('record.deleteNamed', { name: subject })}
            onClick={() => {
              action.dismiss();
              setConfirming(true);
            }}
            data-testid={`${name}-delete`}
          >
            <TrashIcon />
            <span className="button-label">{t('record.delete')}</span>
          </button>
        )}
      </div>
    );
  }

  return (
    <div className={prominent ? 'record-actions record-actions-prominent' : 'record-actions'}>
      {content}
      <ActionFeedback name={name} state={action} onReload={onReload} />
    </div>
  );
}

export interface NoticeState {
  text: string;
  // Focus moves to the notice when the thing the user acted on is gone (a deleted record).
  focus: boolean;
}

export function Notice({ notice, onDismiss, testId }: { notice: NoticeState | null; onDismiss(): void; testId?: string }) {
  const { t } = useI18n();
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.focus) banner.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div ref={banner} tabIndex={-1} className="banner banner-success" role="status" data-testid={testId}>
      <span>{notice.text}</span>
      <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
