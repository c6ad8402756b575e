import { describe, expect, it } from 'vitest';
import type { JobStatus, JobTransitionRecord } from './job-lifecycle.ts';
import {
  defaultSlaPolicy,
  breachedClocks,
  resolveSlaPolicy,
  slaStatus,
  type JobPriority,
  type SlaBreach,
  type SlaJob,
  type SlaStatus,
} from './job-sla.ts';

const createdAt = new Date('2025-01-15T08:00:00Z');
const minute = (n: number) => new Date(createdAt.getTime() + n * 60_000);
const minutesMs = (n: number) => n * 60_000;

function move(from: JobStatus, to: JobStatus, atMinute: number): JobTransitionRecord {
  return { from, to, at: minute(atMinute), actor: { id: 'user-1', role: 'dispatcher' }, reason: to === 'on_hold' || to === 'cancelled' ? 'customer asked' : null };
}

const emergency = (...history: JobTransitionRecord[]): SlaJob => ({ priority: 'emergency', createdAt, history });

describe('default targets', () => {
  it.each<[JobPriority, number, number]>([
    ['emergency', 30, 4 * 60],
    ['high', 4 * 60, 24 * 60],
    ['normal', 24 * 60, 3 * 24 * 60],
    ['low', 3 * 24 * 60, 7 * 24 * 60],
  ])('promises a %s job a response within %i min and a resolution within %i min by default', (priority, response, resolution) => {
    const sla = slaStatus({ priority, createdAt, history: [] }, defaultSlaPolicy, createdAt);
    expect({ response: sla.response.state === 'running' && sla.response.deadline, resolution: sla.resolution.state === 'running' && sla.resolution.deadline }).toEqual({
      response: minute(response),
      resolution: minute(resolution),
    });
  });
});

describe('resolveSlaPolicy', () => {
  it('changes only what the tenant names', () => {
    const sut = resolveSlaPolicy({ targets: { emergency: { responseMinutes: 45 }, low: { resolutionMinutes: 14 * 24 * 60 } } });
    expect(sut.targets).toEqual({
      emergency: { responseMinutes: 45, resolutionMinutes: 240 },
      high: { responseMinutes: 240, resolutionMinutes: 1440 },
      normal: { responseMinutes: 1440, resolutionMinutes: 4320 },
      low: { responseMinutes: 4320, resolutionMinutes: 20160 },
    });
    expect(sut.pauseOnHold).toBe(true);
    expect(defaultSlaPolicy.targets.emergency.responseMinutes).toBe(30);
  });

  it('keeps the defaults without a tenant policy, and lets a tenant keep clocks running on hold', () => {
    expect(resolveSlaPolicy(null)).toEqual(defaultSlaPolicy);
    expect(resolveSlaPolicy(undefined)).toEqual(defaultSlaPolicy);
    expect(resolveSlaPolicy({ pauseOnHold: false }).pauseOnHold).toBe(false);
  });
});

describe('slaStatus of a job with an agreed visit window', () => {
  const day = 24 * 60;
  // A maintenance visit opened 30 days ahead, to happen in the window [day 20, day 30].
  const planned = (...history: JobTransitionRecord[]): SlaJob => ({ priority: 'normal', createdAt, history, window: { start: minute(20 * day), end: minute(30 * day) } });

  it('is not late before its window: the clocks start when it opens', () => {
    expect(slaStatus(planned(), defaultSlaPolicy, minute(5 * day)).response).toEqual({ state: 'running', deadline: minute(30 * day), remainingMs: minutesMs(25 * day) });
  });

  it('expects arrival by the end of the window, and the priority\'s time for the work after it', () => {
    // normal: response 1 day, resolution 3 days, so 2 days of work after the arrival deadline.
    expect(slaStatus(planned(), defaultSlaPolicy, minute(21 * day)).resolution).toEqual({ state: 'running', deadline: minute(32 * day), remainingMs: minutesMs(11 * day) });
    const onTime = planned(move('new', 'scheduled', 60), move('scheduled', 'dispatched', 28 * day), move('dispatched', 'en_route', 28 * day), move('en_route', 'in_progress', 28 * day + 60));
    expect(slaStatus(onTime, defaultSlaPolicy, minute(29 * day)).response).toEqual({ state: 'met', deadline: minute(30 * day), metAt: minute(28 * day + 60) });
    expect(slaStatus(planned(), defaultSlaPolicy, minute(30 * day + 1)).response).toEqual({ state: 'breached', breachedAt: minute(30 * day) });
  });

  it('keeps the priority\'s target when the window is shorter than it, and starts at creation for a window already open', () => {
    const shortWindow: SlaJob = { priority: 'emergency', createdAt, history: [], window: { start: minute(-60), end: minute(10) } };
    expect(slaStatus(shortWindow, defaultSlaPolicy, minute(5))).toEqual({
      response: { state: 'running', deadline: minute(30), remainingMs: minutesMs(25) },
      resolution: { state: 'running', deadline: minute(240), remainingMs: minutesMs(235) },
    });
  });
});

describe('slaStatus', () => {
  it('counts down both clocks of a new job', () => {
    expect(slaStatus(emergency(), defaultSlaPolicy, minute(10))).toEqual({
      response: { state: 'running', deadline: minute(30), remainingMs: minutesMs(20) },
      resolution: { state: 'running', deadline: minute(240), remainingMs: minutesMs(230) },
    });
  });

  it('meets the response on the first move into in_progress, also at the deadline itself', () => {
    const early = emergency(move('en_route', 'in_progress', 25));
    const onTheDot = emergency(move('en_route', 'in_progress', 30));
    expect(slaStatus(early, defaultSlaPolicy, minute(100)).response).toEqual({ state: 'met', deadline: minute(30), metAt: minute(25) });
    expect(slaStatus(onTheDot, defaultSlaPolicy, minute(100)).response).toEqual({ state: 'met', deadline: minute(30), metAt: minute(30) });
  });

  it('takes an explicit arrival time over the later start of work', () => {
    const sut: SlaJob = { ...emergency(move('en_route', 'in_progress', 40)), arrivedAt: minute(28) };
    expect(slaStatus(sut, defaultSlaPolicy, minute(100)).response).toEqual({ state: 'met', deadline: minute(30), metAt: minute(28) });
  });

  it('breaches at the deadline, whether the technician arrives late or not yet', () => {
    expect(slaStatus(emergency(move('en_route', 'in_progress', 31)), defaultSlaPolicy, minute(100)).response).toEqual({ state: 'breached', breachedAt: minute(30) });
    expect(slaStatus(emergency(), defaultSlaPolicy, minute(31)).response).toEqual({ state: 'breached', breachedAt: minute(30) });
    expect(slaStatus(emergency(), defaultSlaPolicy, minute(30)).response).toEqual({ state: 'running', deadline: minute(30), remainingMs: 0 });
  });

  it('resolves on completion', () => {
    const sut = emergency(move('en_route', 'in_progress', 20), move('in_progress', 'completed', 200));
    expect(slaStatus(sut, defaultSlaPolicy, minute(300)).resolution).toEqual({ state: 'met', deadline: minute(240), metAt: minute(200) });
  });

  describe('on hold', () => {
    it('pauses both clocks with the time that was left', () => {
      const sut = emergency(move('scheduled', 'on_hold', 10));
      expect(slaStatus(sut, defaultSlaPolicy, minute(500))).toEqual({
        response: { state: 'paused', since: minute(10), remainingMs: minutesMs(20) },
        resolution: { state: 'paused', since: minute(10), remainingMs: minutesMs(230) },
      });
    });

    it('moves the deadlines by the length of the hold once it ends', () => {
      const sut = emergency(move('scheduled', 'on_hold', 10), move('on_hold', 'scheduled', 70));
      expect(slaStatus(sut, defaultSlaPolicy, minute(80))).toEqual({
        response: { state: 'running', deadline: minute(90), remainingMs: minutesMs(10) },
        resolution: { state: 'running', deadline: minute(300), remainingMs: minutesMs(220) },
      });
    });

    it('adds up several holds', () => {
      const sut = emergency(move('new', 'on_hold', 5), move('on_hold', 'new', 15), move('new', 'on_hold', 20), move('on_hold', 'new', 50));
      expect(slaStatus(sut, defaultSlaPolicy, minute(60)).response).toEqual({ state: 'running', deadline: minute(70), remainingMs: minutesMs(10) });
    });

    it('does not rescue a clock that had already breached', () => {
      const sut = emergency(move('scheduled', 'on_hold', 40));
      expect(slaStatus(sut, defaultSlaPolicy, minute(50)).response).toEqual({ state: 'breached', breachedAt: minute(30) });
    });

    it('pauses only the resolution clock when work stops after arrival', () => {
      const sut = emergency(
        move('en_route', 'in_progress', 20),
        move('in_progress', 'on_hold', 60),
        move('on_hold', 'in_progress', 180),
        move('in_progress', 'completed', 300),
      );
      expect(slaStatus(sut, defaultSlaPolicy, minute(400))).toEqual({
        response: { state: 'met', deadline: minute(30), metAt: minute(20) },
        resolution: { state: 'met', deadline: minute(360), metAt: minute(300) },
      });
    });

    it('keeps the clocks running for a tenant that does not pause on hold', () => {
      const sut = emergency(move('scheduled', 'on_hold', 10));
      expect(slaStatus(sut, resolveSlaPolicy({ pauseOnHold: false }), minute(100)).response).toEqual({ state: 'breached', breachedAt: minute(30) });
    });
  });

  describe('cancelled jobs', () => {
    it('stops the clocks without a verdict when cancelled in time', () => {
      const sut = emergency(move('scheduled', 'cancelled', 20));
      expect(slaStatus(sut, defaultSlaPolicy, minute(500))).toEqual({
        response: { state: 'cancelled', cancelledAt: minute(20) },
        resolution: { state: 'cancelled', cancelledAt: minute(20) },
      });
    });

    it('keeps a breach that happened before the cancellation', () => {
      const sut = emergency(move('scheduled', 'cancelled', 45));
      expect(slaStatus(sut, defaultSlaPolicy, minute(500))).toEqual({
        response: { state: 'breached', breachedAt: minute(30) },
        resolution: { state: 'cancelled', cancelledAt: minute(45) },
      });
    });

    it('counts a hold that ended in cancellation as paused time', () => {
      const sut = emergency(move('scheduled', 'on_hold', 10), move('on_hold', 'cancelled', 100));
      expect(slaStatus(sut, defaultSlaPolicy, minute(500)).response).toEqual({ state: 'cancelled', cancelledAt: minute(100) });
    });
  });
});

describe('breach checker: breachedClocks recorded once per job and clock', () => {
  const running: SlaStatus = {
    response: { state: 'running', deadline: minute(30), remainingMs: 1 },
    resolution: { state: 'running', deadline: minute(240), remainingMs: 1 },
  };
  const responseBreached: SlaStatus = { ...running, response: { state: 'breached', breachedAt: minute(30) } };

  // The unique (job, clock) key of job_sla_breaches: what is recorded is never announced again.
  function announceNew(recorded: Set<string>, current: SlaStatus): SlaBreach[] {
    return breachedClocks(current).filter((breach) => !recorded.has(breach.clock) && recorded.add(breach.clock));
  }

  it('announces a clock that has just breached, and only once', () => {
    const recorded = new Set<string>();
    expect(announceNew(recorded, running)).toEqual([]);
    expect(announceNew(recorded, responseBreached)).toEqual([{ clock: 'response', breachedAt: minute(30) }]);
    expect(announceNew(recorded, responseBreached)).toEqual([]);
  });

  it('announces breaches found at the first evaluation', () => {
    expect(announceNew(new Set(), responseBreached)).toEqual([{ clock: 'response', breachedAt: minute(30) }]);
    expect(announceNew(new Set(), running)).toEqual([]);
  });

  // A checker that runs every 5 minutes, as the periodic job does.
  function runChecker(job: (now: Date) => SlaJob, untilMinute: number): SlaBreach[] {
    const announced: SlaBreach[] = [];
    const recorded = new Set<string>();
    for (let at = 0; at <= untilMinute; at += 5) announced.push(...announceNew(recorded, slaStatus(job(minute(at)), defaultSlaPolicy, minute(at))));
    return announced;
  }

  it('announces each breach of a neglected job exactly once over many runs', () => {
    expect(runChecker(() => emergency(), 24 * 60)).toEqual([
      { clock: 'response', breachedAt: minute(30) },
      { clock: 'resolution', breachedAt: minute(240) },
    ]);
  });

  it('announces a late completion that happened between two runs', () => {
    const history = [move('en_route', 'in_progress', 10), move('in_progress', 'completed', 243)];
    const job = (now: Date) => emergency(...history.filter((entry) => entry.at.getTime() <= now.getTime()));
    expect(runChecker(job, 600)).toEqual([{ clock: 'resolution', breachedAt: minute(240) }]);
  });

  it('announces nothing for a job paused before its deadlines and never resumed', () => {
    const job = (now: Date) => emergency(...[move('scheduled', 'on_hold', 12)].filter((entry) => entry.at.getTime() <= now.getTime()));
    expect(runChecker(job, 24 * 60)).toEqual([]);
  });
});
