import { useState, type DragEvent } from 'react';
import type { Lane, PlannedVisit } from '../dispatch-api.ts';
import { dropPosition, hourTicks, spanBox, technicianColor, timeAtX, visitBoxes, visitsInOrder, type TimeAxis } from '../dispatch-board.ts';
import { useI18n } from '../i18n-context.tsx';

// The day's lanes, one per technician, on a shared horizontal time axis: each visit a block from
// its planned start to its end, with a thin bar for the drive before it. A job (an unassigned
// card or a block) dropped on a lane goes to the position the drop's x means on the axis.

export interface LaneDrop {
  jobId: string;
  technicianId: string;
  position: number;
}

interface LanesProps {
  lanes: Lane[];
  axis: TimeAxis;
  canChange: boolean;
  busy: boolean;
  // The job being dragged (from the unassigned list or a lane), or null.
  draggedJobId: string | null;
  onDragJob(jobId: string | null): void;
  onDrop(drop: LaneDrop): void;
  onRemove(visit: PlannedVisit): void;
}

export function DispatchLanes({ lanes, axis, canChange, busy, draggedJobId, onDragJob, onDrop, onRemove }: LanesProps) {
  const { t, formatTime } = useI18n();
  const [overLane, setOverLane] = useState<string | null>(null);
  const ticks = hourTicks(axis);

  const dragOver = (event: DragEvent<HTMLElement>, lane: Lane) => {
    if (!draggedJobId || !lane.shift) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOverLane(lane.technicianId);
  };

  const drop = (event: DragEvent<HTMLElement>, lane: Lane) => {
    event.preventDefault();
    setOverLane(null);
    const jobId = draggedJobId;
    onDragJob(null);
    if (!jobId) return;
    const track = event.currentTarget.getBoundingClientRect();
    const at = timeAtX(axis, event.clientX - track.left, track.width);
    onDrop({ jobId, technicianId: lane.technicianId, position: dropPosition(lane.visits, at, jobId) });
  };

  return (
    <div className="dispatch-lanes-scroll" data-testid="dispatch-lanes">
      <div className="dispatch-lanes" role="list" aria-label={t('dispatch.lanes')}>
        <div className="dispatch-scale" aria-hidden="true">
          <div className="dispatch-lane-head" />
          <div className="dispatch-scale-track">
            {ticks.map((tick) => (
              <span key={tick.at} className="dispatch-tick" style={{ left: `${tick.left}%` }}>
                {formatTime(new Date(tick.at).toISOString())}
              </span>
            ))}
          </div>
        </div>
        {lanes.map((lane, index) => {
          const color = technicianColor(index);
          const shiftBox = lane.shift ? spanBox(axis, Date.parse(lane.shift.start), Date.parse(lane.shift.end)) : null;
          return (
            <div key={lane.technicianId} role="listitem" className="dispatch-lane" data-testid="dispatch-lane" data-technician-id={lane.technicianId}>
              <div className="dispatch-lane-head" style={{ borderLeftColor: color }}>
                <span className="dispatch-lane-name">{lane.name}</span>
                {lane.vehicle && <span className="dispatch-lane-meta">{lane.vehicle}</span>}
                <span className="dispatch-lane-meta" data-testid="dispatch-lane-shift">
                  {lane.shift ? t('dispatch.shift', { start: formatTime(lane.shift.start), end: formatTime(lane.shift.end) }) : <OffText off={lane.off} />}
                </span>
              </div>
              <div
                className={['dispatch-track', lane.shift ? '' : 'dispatch-track-off', overLane === lane.technicianId ? 'dispatch-track-over' : ''].join(' ').trim()}
                data-testid="dispatch-track"
                onDragOver={(event) => dragOver(event, lane)}
                onDragLeave={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOverLane((current) => (current === lane.technicianId ? null : current));
                }}
                onDrop={(event) => drop(event, lane)}
              >
                {ticks.map((tick) => (
                  <span key={tick.at} className="dispatch-gridline" style={{ left: `${tick.left}%` }} aria-hidden="true" />
                ))}
                {shiftBox && <span className="dispatch-shift" style={{ left: `${shiftBox.left}%`, width: `${shiftBox.width}%` }} aria-hidden="true" />}
                {lane.visits.length === 0 && <span className="dispatch-lane-empty">{canChange && lane.shift ? t('dispatch.lane.empty') : t('dispatch.lane.emptyReadOnly')}</span>}
                {visitsInOrder(lane).map((visit) => (
                  <VisitBlock
                    key={visit.jobId}
                    visit={visit}
                    axis={axis}
                    color={color}
                    canChange={canChange && !busy}
                    dragging={draggedJobId === visit.jobId}
                    onDragJob={onDragJob}
                    onRemove={onRemove}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function OffText({ off }: { off: Lane['off'] }) {
  const { t } = useI18n();
  if (!off) return <>{t('dispatch.off.day_off')}</>;
  const kind = off.absenceKind;
  const known = kind === 'vacation' || kind === 'sick' || kind === 'training' || kind === 'other';
  return (
    <>
      {t(`dispatch.off.${off.reason}`)}
      {known && ` (${t(`dispatch.absence.${kind}`)})`}
    </>
  );
}

interface VisitBlockProps {
  visit: PlannedVisit;
  axis: TimeAxis;
  color: string;
  canChange: boolean;
  dragging: boolean;
  onDragJob(jobId: string | null): void;
  onRemove(visit: PlannedVisit): void;
}

function VisitBlock({ visit, axis, color, canChange, dragging, onDragJob, onRemove }: VisitBlockProps) {
  const { t, formatTime } = useI18n();
  const { block, travel } = visitBoxes(axis, visit);
  const time = t('dispatch.visitTime', { start: formatTime(visit.plannedStart), end: formatTime(visit.plannedEnd) });
  const { job } = visit;
  return (
    <>
      {travel && (
        <span
          className="dispatch-travel"
          style={{ left: `${travel.left}%`, width: `${travel.width}%`, background: color }}
          title={t('dispatch.travel', { minutes: visit.travelMinutes })}
          data-testid="dispatch-travel"
        />
      )}
      <div
        className={`dispatch-block priority-edge-${job.priority}${dragging ? ' dispatch-block-dragging' : ''}`}
        style={{ left: `${block.left}%`, width: `${block.width}%` }}
        draggable={canChange}
        onDragStart={(event) => {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', visit.jobId);
          onDragJob(visit.jobId);
        }}
        onDragEnd={() => onDragJob(null)}
        title={`${job.customerName} · ${job.siteLabel} · ${time}${visit.locked ? ` · ${t('dispatch.locked')}` : ''}`}
        data-testid="dispatch-block"
        data-job-id={visit.jobId}
        data-priority={job.priority}
        data-locked={visit.locked ? 'true' : 'false'}
      >
        <span className="dispatch-block-top">
          <span className="dispatch-block-seq" style={{ background: color }}>
            {visit.sequence + 1}
          </span>
          {visit.locked && <LockIcon label={t('dispatch.locked')} />}
          <span className="dispatch-block-time">{formatTime(visit.plannedStart)}</span>
        </span>
        <span className="dispatch-block-name">{job.customerName}</span>
        <span className="dispatch-block-site">{job.siteLabel}</span>
        {canChange && (
          <button
            type="button"
            className="dispatch-block-remove"
            aria-label={t('dispatch.removeNamed', { name: job.customerName })}
            title={t('dispatch.remove')}
            onClick={() => onRemove(visit)}
            data-testid="dispatch-block-remove"
          >
            ×
          </button>
        )}
      </div>
    </>
  );
}

function LockIcon({ label }: { label: string }) {
  return (
    <svg className="dispatch-lock" viewBox="0 0 24 24" role="img" aria-label={label} data-testid="dispatch-lock">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
