import { useState, type DragEvent } from 'react';
import type { AllowedMove, Job, JobStatus, JobSummary } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { dropVerdict, groupByStatus, type DropVerdict } from '../job-board.ts';
import { Link } from '../router.tsx';
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

// Columns by status. A card is dragged to another column only where the server's
// allowedTransitions say it may go: each card brings them with the list, so while dragging, those
// columns are highlighted at once and the others refuse the drop. They are as fresh as the list;
// a move someone else's change made stale is refused by the server, and the board loads again.
export function JobBoardView({ jobs, statuses, canMove, onMoved, onStale }: BoardProps) {
  const { t } = useI18n();
  const [dragged, setDragged] = useState<JobSummary | null>(null);
  const [over, setOver] = useState<JobStatus | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [awaitingReason, setAwaitingReason] = useState<{ job: JobSummary; move: AllowedMove } | null>(null);
  const mover = useJobMove(
    (job) => {
      onMoved(job);
      setAnnouncement(t('board.moved', { status: t(`jobStatus.${job.status}`) }));
    },
    onStale,
  );
  const columns = groupByStatus(jobs, statuses);

  const refuse = (job: JobSummary, to: JobStatus) => {
    setRefusal(t('board.refused', { from: t(`jobStatus.${job.status}`), to: t(`jobStatus.${to}`) }));
  };

  const startDrag = (event: DragEvent<HTMLElement>, job: JobSummary) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', job.id);
    setRefusal(null);
    mover.dismiss();
    setDragged(job);
  };

  const verdictFor = (status: JobStatus): DropVerdict | null => (dragged ? dropVerdict(dragged.status, status, dragged.allowedTransitions) : null);

  const dragOver = (event: DragEvent<HTMLElement>, status: JobStatus) => {
    const verdict = verdictFor(status);
    if (!verdict) return;
    setOver(status);
    // Not calling preventDefault refuses the drop: the browser shows the "no" cursor.
    if (verdict.kind === 'allowed') {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    } else event.dataTransfer.dropEffect = 'none';
  };

  const drop = async (event: DragEvent<HTMLElement>, status: JobStatus) => {
    event.preventDefault();
    const verdict = verdictFor(status);
    const job = dragged;
    setDragged(null);
    setOver(null);
    if (!job || verdict?.kind !== 'allowed') return;
    if (verdict.reasonRequired) setAwaitingReason({ job, move: { to: status, reasonRequired: true } });
    else await mover.move(job, status);
  };

  // Released over a column that refused it: say why nothing happened.
  const endDrag = (event: DragEvent<HTMLElement>) => {
    if (dragged && over && event.dataTransfer.dropEffect === 'none' && verdictFor(over)?.kind === 'refused') refuse(dragged, over);
    setDragged(null);
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
      <div className="board" data-testid="job-board" data-dragging={dragged ? 'true' : undefined}>
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
                      dragging={dragged?.id === job.id}
                      onDragStart={(event) => startDrag(event, job)}
                      onDragEnd={endDrag}
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
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(event: DragEvent<HTMLElement>): void;
  onMoved(job: Job): void;
  onStale(): void;
}

// One job on the board. Its "move" button opens the same choice of statuses as the job page,
// for keyboards and phones, where dragging is not an option.
function JobCard({ job, draggable, dragging, onDragStart, onDragEnd, onMoved, onStale }: JobCardProps) {
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const mover = useJobMove(
    (moved) => {
      setMenuOpen(false);
      onMoved(moved);
    },
    onStale,
  );

  return (
    <li
      className={dragging ? 'card job-card job-card-dragging' : 'card job-card'}
      draggable={draggable && !menuOpen}
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
      {draggable && !menuOpen && (
        <button
          type="button"
          className="button button-ghost button-small job-card-move"
          aria-label={t('board.moveNamed', { name: job.customerName })}
          onClick={() => setMenuOpen(true)}
          data-testid="job-card-move"
        >
          {t('board.move')}
        </button>
      )}
      {menuOpen && (
        <div className="job-card-menu">
          <MoveJobForm job={job} mover={mover} autoFocus />
          <button type="button" className="button button-ghost button-small" onClick={() => setMenuOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
