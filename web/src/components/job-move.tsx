import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { hvacApi, type AllowedMove, type Job, type JobStatus, type JobSummary } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { Field, Select } from './field.tsx';

// Moving a job to another status, the same way from the board (drag and drop, or the card's
// menu) and from the job page. The server decides what is legal; a refusal (409: someone moved
// the job first, or the move is not allowed from where it is now) is shown as the server words
// it, and the screen loads the job again so it shows where the job really is.
export function useJobMove(onMoved: (job: Job) => void, onRefused: () => void) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const move = async (job: Pick<Job, 'id' | 'version'>, to: JobStatus, reason?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onMoved(await hvacApi.moveJob(job, to, reason));
      return true;
    } catch (caught) {
      if (isUnauthorized(caught)) expire();
      else {
        setError(errorText(caught, t));
        if (caught instanceof ApiError && caught.status === 409) onRefused();
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, move, dismiss: () => setError(null) };
}

export type JobMove = ReturnType<typeof useJobMove>;

// A select of the statuses the job may go to now, and the reason when the chosen one needs it:
// the way to move a job without dragging (keyboard, phone). A board card's summary carries the
// allowed moves as well as the full job does.
export function MoveJobForm({ job, mover, autoFocus = false }: { job: JobSummary; mover: JobMove; autoFocus?: boolean }) {
  const { t } = useI18n();
  const moves = job.allowedTransitions;
  const [to, setTo] = useState<JobStatus | ''>('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const chosen = moves.find((move) => move.to === to);

  if (moves.length === 0) {
    return (
      <p className="muted" data-testid="job-move-none">
        {t('jobMove.none')}
      </p>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    if (chosen.reasonRequired && !reason.trim()) return setReasonError(t('validation.required'));
    setReasonError(undefined);
    if (await mover.move(job, chosen.to, reason.trim() || undefined)) {
      setTo('');
      setReason('');
    }
  };

  return (
    <form className="move-form" onSubmit={(event) => void submit(event)} noValidate data-testid="job-move-form">
      <div className="move-row">
        <Field label={t('jobMove.to')}>
          {(control) => (
            <Select
              {...control}
              autoFocus={autoFocus}
              value={to}
              onChange={(event) => setTo(moves.find((move) => move.to === event.target.value)?.to ?? '')}
              data-testid="job-move-select"
            >
              <option value="">{t('jobMove.choose')}</option>
              {moves.map((move) => (
                <option key={move.to} value={move.to}>
                  {t(`jobStatus.${move.to}`)}
                  {move.reasonRequired ? ` — ${t('jobMove.needsReason')}` : ''}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={!chosen || mover.busy} data-testid="job-move-submit">
          {mover.busy ? t('common.saving') : t('jobMove.submit')}
        </button>
      </div>
      {chosen?.reasonRequired && (
        <Field label={t('jobMove.reason')} error={reasonError}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="job-move-reason"
            />
          )}
        </Field>
      )}
      <MoveError mover={mover} />
    </form>
  );
}

export function MoveError({ mover }: { mover: JobMove }) {
  const { t } = useI18n();
  if (!mover.error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="job-move-error">
      <span>{mover.error}</span>
      <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={mover.dismiss}>
        ×
      </button>
    </div>
  );
}

interface ReasonDialogProps {
  // The move waiting for its reason; null when the dialog is closed.
  move: AllowedMove | null;
  busy: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}

// Asks why before a move that needs a reason (on hold, cancelled), after a card was dropped.
// A modal <dialog>: focus stays inside it and Escape cancels.
export function ReasonDialog({ move, busy, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (move && !element.open) {
      setReason('');
      setError(undefined);
      element.showModal();
    } else if (!move && element.open) element.close();
  }, [move]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('validation.required'));
    onConfirm(reason.trim());
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="reason-dialog"
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={titleId} className="card-title">
          {move ? t('jobMove.reasonTitle', { status: t(`jobStatus.${move.to}`) }) : ''}
        </h2>
        <Field label={t('jobMove.reason')} error={error}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={3}
              maxLength={1000}
              autoFocus
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="reason-dialog-input"
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="reason-dialog-submit">
            {busy ? t('common.saving') : t('jobMove.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
