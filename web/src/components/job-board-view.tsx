import { useRef, useState, type DragEvent } from 'react';
import { errorText, isUnauthorized } from '../error-text.ts';
import { hvacApi, type AllowedMove, type Job, type JobStatus, type JobSummary } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { dropVerdict, groupByStatus, type DropVerdict } from '../job-board.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session-context.tsx';
import { JobStatusBadge, PriorityBadge, VisitWindow } from './job-bits.tsx';
import { MoveError, MoveJobForm, ReasonDialog, useJobMove } from './job-move.tsx';

interface BoardProps {
  jobs: JobSummary[];
  statuses: readonly JobStatus[];
  canMove: boolean;
  onMoved(job: Job): void;
  // The server refused a move (stale version, or no longer legal): the board loads again.
  onStale(): void;
}

interface Drag {
  job: JobSummary;
  // The statuses the server allows for this job now; null while they load.
  allowed: readonly AllowedMove[] | null;
}

// Columns by status. A card is dragged to another column only where the server's
// allowedTransitions say it may go: while dragging, those columns are highlighted and the others
// refuse the drop. Loading the job for its allowed moves starts when the pointer goes down on it.
export function JobBoardView({ jobs, statuses, canMove, onMoved, onStale }: BoardProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [over, setOver] = useState<JobStatus | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [awaitingReason, setAwaitingReason] = useState<{ job: JobSummary; move: AllowedMove } | null>(null);
  // One request per job version, shared by the pointer-down prefetch, the drag and the drop.
  const loads = useRef(new Map<string, Promise<Job>>());
  const mover = useJobMove(
    (job) => {
      onMoved(job);
      setAnnouncement(t('board.moved', { status: t(`jobStatus.${job.status}`) }));
    },
    onStale,
  );
  const columns = groupByStatus(jobs, statuses);

  const loadJob = (job: JobSummary): Promise<Job> => {
    const key = `${job.id}:${job.version}`;
    let load = loads.current.get(key);
    if (!load) {
      load = hvacApi.getJob(job.id);
      loads.current.set(key, load);
      // A failed load is not kept: the next drag tries again.
      load.catch(() => loads.current.delete(key));
    }
    return load;
  };

  const refuse = (job: JobSummary, to: JobStatus) => {
    setRefusal(t('board.refused', { from: t(`jobStatus.${job.status}`), to: t(`jobStatus.${to}`) }));
  };

  const startDrag = (event: DragEvent<HTMLElement>, job: JobSummary) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', job.id);
    setRefusal(null);
    mover.dismiss();
    setDrag({ job, allowed: null });
    loadJob(job).then(
      (full) => setDrag((current) => (current?.job.id === job.id ? { job, allowed: full.allowedTransitions } : current)),
      (error: unknown) => {
        if (isUnauthorized(error)) expire();
        else setRefusal(errorText(error, t, 'app.loadFailed'));
      },
    );
  };

  const verdictFor = (status: JobStatus): DropVerdict | null => (drag ? dropVerdict(drag.job.status, status, drag.allowed) : null);

  const dragOver = (event: DragEvent<HTMLElement>, status: JobStatus) => {
    const verdict = verdictFor(status);
    if (!verdict) return;
    setOver(status);
    // Not calling preventDefault refuses the drop: the browser shows the "no" cursor. A drop while
    // the allowed moves are still loading is accepted and judged when they arrive.
    if (verdict.kind === 'allowed' || verdict.kind === 'pending') {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    } else event.dataTransfer.dropEffect = 'none';
  };

  const drop = async (event: DragEvent<HTMLElement>, status: JobStatus) => {
    event.preventDefault();
    if (!drag) return;
    const { job } = drag;
    setDrag(null);
    setOver(null);
    let allowed = drag.allowed;
    if (allowed === null) {
      try {
        allowed = (await loadJob(job)).allowedTransitions;
      } catch {
        return;
      }
    }
    const verdict = dropVerdict(job.status, status, allowed);
    if (verdict.kind === 'refused') refuse(job, status);
    else if (verdict.kind === 'allowed') {
      const move = { to: status, reasonRequired: verdict.reasonRequired };
      if (move.reasonRequired) setAwaitingReason({ job, move });
      else await mover.move(job, status);
    }
  };

  // Released over a column that refused it: say why nothing happened.
  const endDrag = (event: DragEvent<HTMLElement>) => {
    if (drag && over && event.dataTransfer.dropEffect === 'none') {
      const verdict = verdictFor(over);
      if (verdict?.kind === 'refused') refuse(drag.job, over);
    }
    setDrag(null);
    setOver(null);
  };

  const confirmReason = async (reason: string) => {
    if (!awaitingReason) return;
    await mover.move(awaitingReason.job, awaitingReason.move.to, reason);
    setAwaitingReason(null);
  };

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {refusal && (
        <div className="banner banner-warning" role="alert" data-testid="board-refused">
          <span>{refusal}</span>
          <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={() => setRefusal(null)}>
            ×
          </button>
        </div>
      )}
      <MoveError mover={mover} />
      <div className="board" data-testid="job-board" data-dragging={drag ? 'true' : undefined}>
        {statuses.map((status) => {
          const cards = columns.get(status) ?? [];
          const verdict = verdictFor(status);
          const classes = ['board-column'];
          if (verdict?.kind === 'allowed') classes.push('board-column-allowed');
          if (verdict?.kind === 'refused') classes.push('board-column-refused');
          if (over === status) classes.push('board-column-over');
          return (
            <section
              key={status}
              className={classes.join(' ')}
              aria-labelledby={`board-column-${status}`}
              data-testid="board-column"
              data-status={status}
              data-drop={verdict?.kind}
              onDragOver={(event) => dragOver(event, status)}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver((current) => (current === status ? null : current));
              }}
              onDrop={(event) => void drop(event, status)}
            >
              <h2 id={`board-column-${status}`} className="board-column-title">
                <JobStatusBadge status={status} />
                <span className="board-count">{cards.length}</span>
              </h2>
              {cards.length === 0 ? (
                <p className="board-empty">{t('board.empty')}</p>
              ) : (
                <ul className="board-cards">
                  {cards.map((job) => (
                    <JobCard
                      key={job.id}
                      job={job}
                      draggable={canMove}
                      dragging={drag?.job.id === job.id}
                      onPointerDown={() => {
                        if (canMove) loadJob(job).catch(() => undefined);
                      }}
                      onDragStart={(event) => startDrag(event, job)}
                      onDragEnd={endDrag}
                      loadJob={loadJob}
                      onMoved={(moved) => {
                        onMoved(moved);
                        setAnnouncement(t('board.moved', { status: t(`jobStatus.${moved.status}`) }));
                      }}
                      onStale={onStale}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <ReasonDialog move={awaitingReason?.move ?? null} busy={mover.busy} onConfirm={(reason) => void confirmReason(reason)} onCancel={() => setAwaitingReason(null)} />
    </>
  );
}

interface JobCardProps {
  job: JobSummary;
  draggable: boolean;
  dragging: boolean;
  onPointerDown(): void;
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(event: DragEvent<HTMLElement>): void;
  loadJob(job: JobSummary): Promise<Job>;
  onMoved(job: Job): void;
  onStale(): void;
}

type CardMenu = { status: 'closed' } | { status: 'loading' } | { status: 'failed'; message: string } | { status: 'open'; job: Job };

// One job on the board. Its "move" button opens the same choice of statuses as the job page,
// for keyboards and phones, where dragging is not an option.
function JobCard({ job, draggable, dragging, onPointerDown, onDragStart, onDragEnd, loadJob, onMoved, onStale }: JobCardProps) {
  const { t } = useI18n();
  const { expire } = useSession();
  const [menu, setMenu] = useState<CardMenu>({ status: 'closed' });
  const mover = useJobMove(
    (moved) => {
      setMenu({ status: 'closed' });
      onMoved(moved);
    },
    onStale,
  );

  const openMenu = async () => {
    setMenu({ status: 'loading' });
    try {
      setMenu({ status: 'open', job: await loadJob(job) });
    } catch (error) {
      if (isUnauthorized(error)) expire();
      else setMenu({ status: 'failed', message: errorText(error, t, 'app.loadFailed') });
    }
  };

  return (
    <li
      className={dragging ? 'card job-card job-card-dragging' : 'card job-card'}
      draggable={draggable && menu.status === 'closed'}
      onPointerDown={onPointerDown}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      data-testid="job-card"
      data-job-id={job.id}
      data-status={job.status}
    >
      <div className="job-card-top">
        <span className="job-type">{t(`jobType.${job.type}`)}</span>
        <PriorityBadge priority={job.priority} />
      </div>
      <Link to={`/jobs/${job.id}`} className="job-card-title" draggable={false} data-testid="job-card-link">
        {job.customerName}
      </Link>
      <p className="job-card-description">{job.description}</p>
      <p className="job-card-meta">{job.siteLabel}</p>
      <p className="job-card-meta">
        <VisitWindow start={job.windowStart} end={job.windowEnd} />
      </p>
      {draggable && menu.status === 'closed' && (
        <button
          type="button"
          className="button button-ghost button-small job-card-move"
          aria-label={t('board.moveNamed', { name: job.customerName })}
          onClick={() => void openMenu()}
          data-testid="job-card-move"
        >
          {t('board.move')}
        </button>
      )}
      {menu.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {menu.status === 'failed' && (
        <p className="field-error" role="alert">
          {menu.message}
        </p>
      )}
      {menu.status === 'open' && (
        <div className="job-card-menu">
          <MoveJobForm job={menu.job} mover={mover} autoFocus />
          <button type="button" className="button button-ghost button-small" onClick={() => setMenu({ status: 'closed' })}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
