import { describe, expect, it } from 'vitest';
import type { JobSummary } from './hvac-api.ts';
import { boardStatuses, compareCards, dropVerdict, groupByStatus, withMoved } from './job-board.ts';

function job(overrides: Partial<JobSummary>): JobSummary {
  return {
    id: 'job',
    customerId: 'customer',
    customerName: 'Chłodpol',
    siteId: 'site',
    siteLabel: 'Puławska 12, Warszawa',
    equipmentId: null,
    type: 'repair',
    priority: 'normal',
    status: 'new',
    description: 'Nie grzeje',
    windowStart: null,
    windowEnd: null,
    allowedTransitions: [],
    createdAt: '2026-01-10T08:00:00.000Z',
    updatedAt: '2026-01-10T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe('job board', () => {
  it('puts emergencies first, then the earliest visit, then the oldest job', () => {
    const cards = [
      job({ id: 'low', priority: 'low' }),
      job({ id: 'no-window' }),
      job({ id: 'later', windowStart: '2026-01-12T08:00:00.000Z' }),
      job({ id: 'sooner', windowStart: '2026-01-11T08:00:00.000Z' }),
      job({ id: 'emergency', priority: 'emergency', createdAt: '2026-01-11T08:00:00.000Z' }),
    ];
    expect([...cards].sort(compareCards).map((card) => card.id)).toEqual(['emergency', 'sooner', 'later', 'no-window', 'low']);
  });

  it('groups jobs into the columns shown and leaves out the others', () => {
    const columns = groupByStatus([job({ id: 'a', status: 'scheduled' }), job({ id: 'b', status: 'closed' })], boardStatuses);
    expect(columns.get('scheduled')?.map((card) => card.id)).toEqual(['a']);
    expect(columns.get('new')).toEqual([]);
    expect(columns.has('closed')).toBe(false);
  });

  it('allows a drop only where the server says the job may go', () => {
    const allowed = [
      { to: 'scheduled' as const, reasonRequired: false },
      { to: 'on_hold' as const, reasonRequired: true },
    ];
    expect(dropVerdict('new', 'scheduled', allowed)).toEqual({ kind: 'allowed', reasonRequired: false });
    expect(dropVerdict('new', 'on_hold', allowed)).toEqual({ kind: 'allowed', reasonRequired: true });
    expect(dropVerdict('new', 'completed', allowed)).toEqual({ kind: 'refused' });
    expect(dropVerdict('new', 'new', allowed)).toEqual({ kind: 'same' });
    expect(dropVerdict('closed', 'new', [])).toEqual({ kind: 'refused' });
  });

  it('moves a card to its new column with the version and the moves the server gave', () => {
    const fromScheduled = [{ to: 'dispatched' as const, reasonRequired: false }];
    const before = [job({ id: 'a', allowedTransitions: [{ to: 'scheduled', reasonRequired: false }] }), job({ id: 'b' })];
    const moved = withMoved(before, job({ id: 'a', status: 'scheduled', version: 2, allowedTransitions: fromScheduled }));
    expect(moved.map((card) => [card.id, card.status, card.version])).toEqual([
      ['a', 'scheduled', 2],
      ['b', 'new', 1],
    ]);
    expect(moved[0]?.allowedTransitions).toEqual(fromScheduled);
  });
});
