import { describe, expect, it } from 'vitest';
import type { JobCard, Lane, PlannedVisit } from './dispatch-api.ts';
import {
  addDays,
  dayAxis,
  dispatchReasonText,
  dropPosition,
  expiryState,
  hourTicks,
  isCalendarDate,
  refusalsOf,
  routePoints,
  spanBox,
  timeAtX,
  visitBoxes,
  warsawDateOf,
  warsawInstant,
} from './dispatch-board.ts';
import type { MessageKey } from './i18n.ts';

function card(overrides: Partial<JobCard> = {}): JobCard {
  return {
    id: 'job',
    type: 'repair',
    priority: 'normal',
    status: 'scheduled',
    description: 'Nie chłodzi',
    customerName: 'Chłodpol',
    siteLabel: 'Puławska 12, Warszawa',
    location: { lat: 52.2, lng: 21.0 },
    windowStart: null,
    windowEnd: null,
    serviceMinutes: 60,
    requiredSkills: [],
    ...overrides,
  };
}

function visit(jobId: string, sequence: number, plannedStart: string, plannedEnd: string, overrides: Partial<PlannedVisit> = {}): PlannedVisit {
  return { jobId, technicianId: 'tech', sequence, plannedStart, plannedEnd, travelMinutes: 0, eta: null, locked: false, job: card({ id: jobId }), ...overrides };
}

function lane(overrides: Partial<Lane> = {}): Lane {
  return { technicianId: 'tech', name: 'Jan Kowalski', skills: [], vehicle: null, homeBase: null, shift: null, off: null, visits: [], ...overrides };
}

// Keys stand for their texts.
const t = (key: MessageKey) => key;

describe('dispatch board', () => {
  it('reads dates on the Warsaw calendar', () => {
    expect(warsawDateOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(warsawDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(warsawDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('steps days across month ends and tells real dates apart', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('tomorrow')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('finds Warsaw wall-clock hours in winter, summer and on the days the clocks change', () => {
    expect(new Date(warsawInstant('2026-11-23', 6)).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(new Date(warsawInstant('2026-07-01', 6)).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(new Date(warsawInstant('2026-03-29', 6)).toISOString()).toBe('2026-03-29T04:00:00.000Z');
    expect(new Date(warsawInstant('2026-10-25', 20)).toISOString()).toBe('2026-10-25T19:00:00.000Z');
  });

  it('spans 06:00 to 20:00 Warsaw when every shift and visit fits inside', () => {
    const axis = dayAxis({ date: '2026-11-23', lanes: [lane({ shift: { start: '2026-11-23T07:00:00Z', end: '2026-11-23T15:00:00Z' } })] });
    expect(new Date(axis.start).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(new Date(axis.end).toISOString()).toBe('2026-11-23T19:00:00.000Z');
    expect(hourTicks(axis)).toHaveLength(15);
  });

  it('widens the axis to whole hours around a shift and a drive outside the default day', () => {
    const early = visit('a', 0, '2026-11-23T04:40:00Z', '2026-11-23T05:30:00Z', { travelMinutes: 20 });
    const axis = dayAxis({ date: '2026-11-23', lanes: [lane({ shift: { start: '2026-11-23T05:00:00Z', end: '2026-11-23T20:30:00Z' }, visits: [early] })] });
    expect(new Date(axis.start).toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(new Date(axis.end).toISOString()).toBe('2026-11-23T21:00:00.000Z');
  });

  it('places a block by its start and length, with its drive just before it', () => {
    const axis = { start: Date.parse('2026-11-23T05:00:00Z'), end: Date.parse('2026-11-23T15:00:00Z') };
    const boxes = visitBoxes(axis, { plannedStart: '2026-11-23T07:00:00Z', plannedEnd: '2026-11-23T08:00:00Z', travelMinutes: 30 });
    expect(boxes.block.left).toBeCloseTo(20);
    expect(boxes.block.width).toBeCloseTo(10);
    expect(boxes.travel?.left).toBeCloseTo(15);
    expect(boxes.travel?.width).toBeCloseTo(5);
    expect(visitBoxes(axis, { plannedStart: '2026-11-23T07:00:00Z', plannedEnd: '2026-11-23T08:00:00Z', travelMinutes: 0 }).travel).toBeNull();
  });

  it('clips a span that runs past the axis', () => {
    const axis = { start: 0, end: 100 };
    expect(spanBox(axis, -50, 20)).toEqual({ left: 0, width: 20 });
    expect(spanBox(axis, 90, 200)).toEqual({ left: 90, width: 10 });
  });

  it('turns a pointer x into a time, held inside the track', () => {
    const axis = { start: 1_000, end: 2_000 };
    expect(timeAtX(axis, 250, 1_000)).toBe(1_250);
    expect(timeAtX(axis, -10, 1_000)).toBe(1_000);
    expect(timeAtX(axis, 5_000, 1_000)).toBe(2_000);
  });

  it('drops before the first visit whose middle lies after the pointer', () => {
    const visits = [visit('a', 0, '2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z'), visit('b', 1, '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z')];
    expect(dropPosition(visits, Date.parse('2026-11-23T06:00:00Z'), 'new')).toBe(0);
    expect(dropPosition(visits, Date.parse('2026-11-23T07:45:00Z'), 'new')).toBe(1);
    expect(dropPosition(visits, Date.parse('2026-11-23T12:00:00Z'), 'new')).toBe(2);
  });

  it('leaves the dragged visit itself out when it is moved within its lane', () => {
    const visits = [visit('a', 0, '2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z'), visit('b', 1, '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z')];
    expect(dropPosition(visits, Date.parse('2026-11-23T12:00:00Z'), 'a')).toBe(1);
  });

  it('never drops before a visit already under way', () => {
    const visits = [visit('a', 0, '2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z', { job: card({ id: 'a', status: 'in_progress' }) })];
    expect(dropPosition(visits, Date.parse('2026-11-23T05:00:00Z'), 'new')).toBe(1);
  });

  it('draws a route from home through the placed visits in order and back', () => {
    const home = { label: 'Baza', lat: 52.1, lng: 20.9 };
    const visits = [
      visit('b', 1, '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', { job: card({ id: 'b', location: { lat: 2, lng: 2 } }) }),
      visit('a', 0, '2026-11-23T07:00:00Z', '2026-11-23T08:00:00Z', { job: card({ id: 'a', location: { lat: 1, lng: 1 } }) }),
      visit('c', 2, '2026-11-23T11:00:00Z', '2026-11-23T12:00:00Z', { job: card({ id: 'c', location: null }) }),
    ];
    expect(routePoints({ homeBase: home, visits })).toEqual([home, { lat: 1, lng: 1 }, { lat: 2, lng: 2 }, home]);
    expect(routePoints({ homeBase: home, visits: [] })).toEqual([]);
  });

  it('says a refused drop rule by rule, and keeps the server text for rules it does not know', () => {
    const refusals = refusalsOf(
      {
        fieldErrors: [
          { rule: 'missing_skill', message: 'job-1: needs gas' },
          { rule: 'brand_new_rule', message: 'job-1: something else' },
        ],
      },
      t,
    );
    expect(refusals.map((refusal) => refusal.text)).toEqual(['dispatch.reason.missing_skill', 'job-1: something else']);
    expect(refusalsOf({ fieldErrors: [], detail: 'Jan does not work on 2026-11-23', reason: 'not_working' }, t)[0]?.text).toBe('dispatch.reason.not_working');
    expect(dispatchReasonText('no_location', t)).toBe('dispatch.reason.no_location');
  });

  it('flags a certificate from 30 days before it expires', () => {
    expect(expiryState('2026-11-22', '2026-11-23')).toBe('expired');
    expect(expiryState('2026-12-23', '2026-11-23')).toBe('soon');
    expect(expiryState('2026-12-24', '2026-11-23')).toBe('ok');
  });
});
