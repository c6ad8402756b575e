import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { recordEvent, retryDelayMs, type DomainEvent } from './outbox.ts';
import { currentCorrelationId, runWithContext } from '../log/context.ts';
import { createTestApp, signUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';

describeEachBackend('transactional outbox', (backend) => {
  let db: Database;
  let sut: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    tenantId = (await signUpTenant(sut, 'outbox')).tenantId;
    await sut.outbox.dispatchPending(); // the sign-up's own events
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('keeps no event of a transaction that rolled back', async () => {
    await expect(
      db.inTenant(tenantId, async (tx) => {
        await recordEvent(tx, { tenantId, type: 'test.rolled_back', payload: {} });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const seen: string[] = [];
    sut.outbox.on('test.rolled_back', 'collector', async (event) => void seen.push(event.id));
    await sut.outbox.dispatchPending();
    expect(seen).toEqual([]);
  });

  it('delivers a committed event with its correlation id, and retries only the handler that failed', async () => {
    const calls: Record<string, number> = { stable: 0, flaky: 0 };
    let seenCorrelation = '';
    sut.outbox.on('test.flaky', 'stable', async () => {
      calls.stable = (calls.stable ?? 0) + 1;
      seenCorrelation = currentCorrelationId();
    });
    sut.outbox.on('test.flaky', 'flaky', async () => {
      calls.flaky = (calls.flaky ?? 0) + 1;
      if (calls.flaky === 1) throw new Error('temporary failure');
    });
    await runWithContext({ correlationId: 'outbox-corr-1' }, () => db.inTenant(tenantId, (tx) => recordEvent(tx, { tenantId, type: 'test.flaky', payload: { n: 1 } })));
    await sut.outbox.dispatchPending();
    expect(calls).toEqual({ stable: 1, flaky: 1 });
    expect(seenCorrelation).toBe('outbox-corr-1');
    // make the retry due now instead of after the backoff
    await db.asSystem((tx) => tx.updateTable('outbox').set({ available_at: new Date(0) }).where('event_type', '=', 'test.flaky').execute());
    await sut.outbox.dispatchPending();
    expect(calls).toEqual({ stable: 1, flaky: 2 });
    const row = await db.asSystem((tx) => tx.selectFrom('outbox').select(['delivered_at', 'attempts']).where('event_type', '=', 'test.flaky').executeTakeFirstOrThrow());
    expect(row.delivered_at).not.toBeNull();
    expect(row.attempts).toBe(2);
  });

  it('redelivers an event whose claim expired (a worker died mid-delivery)', async () => {
    const delivered: DomainEvent[] = [];
    sut.outbox.on('test.crash', 'collector', async (event) => void delivered.push(event));
    await db.inTenant(tenantId, (tx) => recordEvent(tx, { tenantId, type: 'test.crash', payload: {} }));
    // a claim by a worker that then died: attempts counted, lease set, never marked delivered
    await db.asSystem((tx) => tx.updateTable('outbox').set({ attempts: 1, available_at: new Date(Date.now() - 1) }).where('event_type', '=', 'test.crash').execute());
    await sut.outbox.dispatchPending();
    expect(delivered).toHaveLength(1);
  });

  it('backs off exponentially, capped at one hour', () => {
    expect([1, 2, 3, 30].map(retryDelayMs)).toEqual([1000, 2000, 4000, 3_600_000]);
  });
});
