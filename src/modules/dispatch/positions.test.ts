import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import type { Principal } from '../../core/http/access.ts';
import { createHttpServer, type HttpServer } from '../../core/http/http-server.ts';
import { createMetrics } from '../../core/metrics.ts';
import { addMember, addTechnician, createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { PositionsRepo, type NewestPosition } from './positions.repo.ts';
import { registerPositionRoutes } from './positions.routes.ts';
import { PositionsService } from './positions.service.ts';

const now = new Date('2026-11-23T09:00:00Z');
const clock: Clock = { now: () => now };
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60_000);

describeEachBackend('GPS positions: batches, trails, last known positions and retention', (backend) => {
  let db: Database;
  let sut: TestApp;
  // These routes on a server of their own (sessions checked by the app's identity), with a
  // listener the test records, to see exactly when the newest position is announced.
  let http: HttpServer;
  let positions: PositionsService;
  let owner: SignedUpTenant;
  let jan: { userId: string; cookie: string; technicianId: string };
  let ewa: { userId: string; cookie: string; technicianId: string };
  let dispatcher: { userId: string; cookie: string };
  const heard: Array<{ tenantId: string; technicianId: string; latest: NewestPosition }> = [];

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => http.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
  const principalOf = (member: { userId: string }): Principal => ({ tenantId: owner.tenantId, role: 'technician', userId: member.userId, tokenId: null, sessionId: null });
  const storedCount = async (technicianId: string) =>
    (await db.inTenant(owner.tenantId, (tx) => sql<{ n: number }>`select count(*)::int as n from technician_positions where technician_id = ${technicianId}`.execute(tx))).rows[0]?.n;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, { GPS_RETENTION_DAYS: '30' }, { clock });
    positions = new PositionsService({
      db,
      repo: new PositionsRepo(),
      technicians: sut.technicians,
      clock,
      logger: sut.logger,
      retentionDays: sut.config.GPS_RETENTION_DAYS,
      onPositions: async (_tx, tenantId, technicianId, latest) => {
        heard.push({ tenantId, technicianId, latest });
      },
    });
    http = await createHttpServer({ logger: sut.logger, metrics: createMetrics(), authenticator: sut.identity, bodyLimitBytes: sut.config.BODY_LIMIT_BYTES, trustProxy: false, version: 'test' });
    registerPositionRoutes(http, positions);
    owner = await signUpTenant(sut, 'serwis-gps');
    jan = await addTechnician(sut, owner, 'Jan Trasa');
    ewa = await addTechnician(sut, owner, 'Ewa Mapa');
    dispatcher = await addMember(sut, owner, 'Dorota Dyspozytor', 'dispatcher');
  });
  afterAll(async () => {
    await http.close();
    await sut.close();
    await db.close();
  });

  it('stores a batch sent out of order and counts a resent batch as duplicates', async () => {
    const batch = [
      { recordedAt: minutesAgo(10), lat: 52.23, lng: 21.01, accuracyM: 12.5, speedKmh: 30, heading: 90.5 },
      { recordedAt: minutesAgo(30), lat: 52.21, lng: 21.0 },
      { recordedAt: minutesAgo(20), lat: 52.22, lng: 21.005 },
    ];
    const first = await call(jan.cookie, 'POST', '/api/technicians/me/positions', { positions: batch });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: 3, duplicates: 0, latest: { recordedAt: minutesAgo(10), lat: 52.23, lng: 21.01 } });
    const resent = await call(jan.cookie, 'POST', '/api/technicians/me/positions', { positions: [...batch, { recordedAt: minutesAgo(40), lat: 52.2, lng: 20.99 }] });
    expect(resent.json()).toEqual({ accepted: 1, duplicates: 3, latest: { recordedAt: minutesAgo(10), lat: 52.23, lng: 21.01 } });
    expect(await storedCount(jan.technicianId)).toBe(4);
  });

  it('tells the listener only when a batch moves the newest position, by recording time', async () => {
    heard.length = 0;
    await positions.record(principalOf(ewa), { positions: [{ recordedAt: minutesAgo(15), lat: 52.1, lng: 21.1 }] });
    expect(heard).toEqual([{ tenantId: owner.tenantId, technicianId: ewa.technicianId, latest: { recordedAt: new Date(minutesAgo(15)), lat: 52.1, lng: 21.1 } }]);
    // A late batch of older fixes arrives after the newer one: the newest stays, nobody is told.
    const late = await positions.record(principalOf(ewa), { positions: [{ recordedAt: minutesAgo(50), lat: 52.0, lng: 21.0 }, { recordedAt: minutesAgo(40), lat: 52.05, lng: 21.05 }] });
    expect(late).toMatchObject({ accepted: 2, latest: { recordedAt: minutesAgo(15) } });
    await positions.record(principalOf(ewa), { positions: [{ recordedAt: minutesAgo(15), lat: 52.1, lng: 21.1 }] });
    expect(heard).toHaveLength(1);
    await positions.record(principalOf(ewa), { positions: [{ recordedAt: minutesAgo(5), lat: 52.15, lng: 21.15 }, { recordedAt: minutesAgo(45), lat: 52.02, lng: 21.02 }] });
    expect(heard.map((entry) => entry.latest.recordedAt.toISOString())).toEqual([minutesAgo(15), minutesAgo(5)]);
  });

  it('refuses a whole batch naming each position from the future or beyond retention', async () => {
    const before = await storedCount(jan.technicianId);
    const skewed = { recordedAt: new Date(now.getTime() + 4 * 60_000).toISOString(), lat: 52.3, lng: 21.2 };
    const response = await call(jan.cookie, 'POST', '/api/technicians/me/positions', {
      positions: [skewed, { recordedAt: new Date(now.getTime() + 6 * 60_000).toISOString(), lat: 52.3, lng: 21.2 }, { recordedAt: daysAgo(31).toISOString(), lat: 52.3, lng: 21.2 }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ errors: Array<{ field: string; rule: string }> }>().errors).toEqual([
      expect.objectContaining({ field: '/body/positions/1/recordedAt', rule: 'not_in_future' }),
      expect.objectContaining({ field: '/body/positions/2/recordedAt', rule: 'within_retention' }),
    ]);
    expect(await storedCount(jan.technicianId)).toBe(before);
    // Four minutes ahead is a device clock within tolerance.
    expect((await call(jan.cookie, 'POST', '/api/technicians/me/positions', { positions: [skewed] })).json()).toMatchObject({ accepted: 1 });
    const outOfRange = await call(jan.cookie, 'POST', '/api/technicians/me/positions', { positions: [{ recordedAt: minutesAgo(1), lat: 91, lng: 0, heading: 360 }] });
    expect(outOfRange.json<{ errors: Array<{ field: string }> }>().errors.map((error) => error.field)).toEqual(['/body/positions/0/lat', '/body/positions/0/heading']);
  });

  it('lets only a member with a technician profile record positions', async () => {
    const noProfile = await call(dispatcher.cookie, 'POST', '/api/technicians/me/positions', { positions: [{ recordedAt: minutesAgo(1), lat: 52, lng: 21 }] });
    expect(noProfile.statusCode).toBe(403);
    const viewer = await addMember(sut, owner, 'Wiktor Widz', 'viewer');
    expect((await call(viewer.cookie, 'POST', '/api/technicians/me/positions', { positions: [{ recordedAt: minutesAgo(1), lat: 52, lng: 21 }] })).statusCode).toBe(403);
  });

  it("serves a technician's trail in recording order, by default over the last 12 hours", async () => {
    await positions.record(principalOf(jan), { positions: [{ recordedAt: minutesAgo(13 * 60), lat: 51.9, lng: 20.9 }] });
    const trail = await call(dispatcher.cookie, 'GET', `/api/technicians/${jan.technicianId}/positions`);
    expect(trail.statusCode, trail.body).toBe(200);
    expect(trail.json()).toMatchObject({ technicianId: jan.technicianId, from: minutesAgo(12 * 60), to: now.toISOString(), truncated: false });
    expect(trail.json<{ items: Array<{ recordedAt: string }> }>().items.map((point) => point.recordedAt)).toEqual([minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(10)]);
    expect(trail.json<{ items: unknown[] }>().items[3]).toEqual({ recordedAt: minutesAgo(10), lat: 52.23, lng: 21.01, accuracyM: 12.5, speedKmh: 30, heading: 90.5 });
    const window = await call(dispatcher.cookie, 'GET', `/api/technicians/${jan.technicianId}/positions?from=${minutesAgo(14 * 60)}&to=${minutesAgo(25)}`);
    expect(window.json<{ items: Array<{ recordedAt: string }> }>().items.map((point) => point.recordedAt)).toEqual([minutesAgo(13 * 60), minutesAgo(40), minutesAgo(30)]);
    const reversed = await call(dispatcher.cookie, 'GET', `/api/technicians/${jan.technicianId}/positions?from=${minutesAgo(10)}&to=${minutesAgo(20)}`);
    expect(reversed.json()).toMatchObject({ errors: [{ field: '/querystring/from', rule: 'not_after_to' }] });
    expect((await call(dispatcher.cookie, 'GET', '/api/technicians/0190a4f0-0000-7000-8000-000000000000/positions')).statusCode).toBe(404);
    expect((await call(jan.cookie, 'GET', `/api/technicians/${jan.technicianId}/positions`)).statusCode).toBe(403);
  });

  it('shows the last known position of every active technician, one row each', async () => {
    const board = await call(dispatcher.cookie, 'GET', '/api/dispatch/positions');
    expect(board.statusCode, board.body).toBe(200);
    const items = board.json<{ items: Array<{ technicianId: string; recordedAt: string }> }>().items;
    expect(items.map((item) => [item.technicianId, item.recordedAt]).sort()).toEqual(
      [
        [jan.technicianId, new Date(now.getTime() + 4 * 60_000).toISOString()],
        [ewa.technicianId, minutesAgo(5)],
      ].sort(),
    );
    const latest = await db.inTenant(owner.tenantId, (tx) => positions.latestIn(tx, [ewa.technicianId]));
    expect([...latest.keys()]).toEqual([ewa.technicianId]);
    expect(latest.get(ewa.technicianId)).toMatchObject({ lat: 52.15, lng: 21.15, accuracyM: null });
    const retired = await sut.http.inject({ method: 'PATCH', url: `/api/technicians/${ewa.technicianId}`, headers: { cookie: owner.cookie, 'if-match': '"1"' }, payload: { active: false } });
    expect(retired.statusCode, retired.body).toBe(200);
    const after = (await call(dispatcher.cookie, 'GET', '/api/dispatch/positions')).json<{ items: Array<{ technicianId: string }> }>();
    expect(after.items.map((item) => item.technicianId)).toEqual([jan.technicianId]);
  });

  it('removes positions older than the retention window but keeps each technician\'s newest', async () => {
    const piotr = await addTechnician(sut, owner, 'Piotr Stary');
    const marek = await addTechnician(sut, owner, 'Marek Dawny');
    const repo = new PositionsRepo();
    const old = (days: number) => ({ recordedAt: daysAgo(days), lat: 52, lng: 21, accuracyM: null, speedKmh: null, heading: null });
    await db.inTenant(owner.tenantId, async (tx) => {
      await repo.insertNew(tx, owner.tenantId, piotr.technicianId, [old(40), old(35), old(1)], now);
      await repo.insertNew(tx, owner.tenantId, marek.technicianId, [old(40), old(39)], now);
    });
    const janBefore = await storedCount(jan.technicianId);
    expect(await positions.purgeOldPositions(now)).toBe(3);
    expect(await positions.purgeOldPositions(now)).toBe(0);
    expect(await storedCount(piotr.technicianId)).toBe(1);
    const kept = await db.inTenant(owner.tenantId, (tx) => positions.latestIn(tx, [marek.technicianId]));
    expect(kept.get(marek.technicianId)?.recordedAt).toEqual(daysAgo(39));
    expect(await storedCount(jan.technicianId)).toBe(janBefore);
  });
});
