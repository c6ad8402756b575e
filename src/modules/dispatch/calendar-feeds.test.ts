import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { createHttpServer, type HttpServer } from '../../core/http/http-server.ts';
import { createMetrics } from '../../core/metrics.ts';
import { addMember, addTechnician, createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { visitUid, type CalendarVisit } from './calendar-feed.ts';
import { CalendarFeedsRepo } from './calendar-feeds.repo.ts';
import { registerCalendarFeedRoutes } from './calendar-feeds.routes.ts';
import { CalendarFeedsService } from './calendar-feeds.service.ts';

const now = new Date('2026-11-23T09:00:00Z');
const clock: Clock = { now: () => now };
const dayMs = 24 * 60 * 60_000;

const visits: CalendarVisit[] = [
  { id: '0190a4f0-0000-7000-8000-00000000000a', start: new Date('2026-11-24T07:00:00Z'), end: new Date('2026-11-24T09:00:00Z'), title: 'Przegląd klimatyzacji', address: 'ul. Prosta 1, Warszawa', customerName: 'Kowalski', status: 'confirmed' },
  { id: '0190a4f0-0000-7000-8000-00000000000b', start: new Date('2026-11-25T12:00:00Z'), end: new Date('2026-11-25T13:00:00Z'), title: 'Naprawa pompy ciepła', address: 'ul. Krzywa 2, Piaseczno', customerName: 'Nowak', status: 'cancelled' },
];

function eventsOf(ics: string): Array<{ uid: string; summary: string; status: string; start: string }> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, status: String(vevent.getFirstPropertyValue('status')), start: event.startDate.toJSDate().toISOString() };
  });
}

describeEachBackend('calendar feeds: secret, revocable ICS subscriptions of technicians', (backend) => {
  let db: Database;
  let sut: TestApp;
  // These routes on a server of their own (sessions checked by the app's identity), with a visit
  // provider the test controls: fixed visits, and a record of the window each fetch asked for.
  let http: HttpServer;
  let owner: SignedUpTenant;
  let jan: { userId: string; cookie: string; technicianId: string };
  let ewa: { userId: string; cookie: string; technicianId: string };
  let dispatcher: { userId: string; cookie: string };
  const asked: Array<{ technicianId: string; from: Date; to: Date }> = [];

  const call = (cookie: string, method: 'POST' | 'DELETE', technicianId: string) => http.inject({ method, url: `/api/technicians/${technicianId}/calendar-feed`, headers: { cookie } });
  const fetchFeed = (url: string) => http.inject({ method: 'GET', url });
  const newFeed = async (cookie: string, technicianId: string) => {
    const response = await call(cookie, 'POST', technicianId);
    if (response.statusCode !== 201) throw new Error(`feed: ${response.statusCode} ${response.body}`);
    return response.json<{ url: string; createdAt: string }>().url;
  };

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    const feeds = new CalendarFeedsService({
      db,
      repo: new CalendarFeedsRepo(),
      technicians: sut.technicians,
      clock,
      visits: async (_tx, technicianId, from, to) => {
        asked.push({ technicianId, from, to });
        return technicianId === jan.technicianId ? visits : [];
      },
    });
    http = await createHttpServer({ logger: sut.logger, metrics: createMetrics(), authenticator: sut.identity, bodyLimitBytes: sut.config.BODY_LIMIT_BYTES, trustProxy: false, version: 'test' });
    registerCalendarFeedRoutes(http, feeds);
    owner = await signUpTenant(sut, 'serwis-kalendarz');
    jan = await addTechnician(sut, owner, 'Jan Kalendarz');
    ewa = await addTechnician(sut, owner, 'Ewa Terminarz');
    dispatcher = await addMember(sut, owner, 'Dorota Plan', 'dispatcher');
  });
  afterAll(async () => {
    await http.close();
    await sut.close();
    await db.close();
  });

  it("gives a dispatcher a secret URL serving the technician's visits as ICS, keeping only the token's hash", async () => {
    const created = await call(dispatcher.cookie, 'POST', jan.technicianId);
    expect(created.statusCode, created.body).toBe(201);
    const { url, createdAt } = created.json<{ url: string; createdAt: string }>();
    expect(createdAt).toBe(now.toISOString());
    const token = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1] ?? '';
    expect(token).not.toBe('');
    const stored = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('calendar_feeds').select(['token_sha256', 'created_by']).where('technician_id', '=', jan.technicianId).execute());
    expect(stored).toEqual([{ token_sha256: createHash('sha256').update(token).digest('hex'), created_by: dispatcher.userId }]);

    const feed = await fetchFeed(url);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, max-age=900');
    expect(eventsOf(feed.body)).toEqual([
      { uid: visitUid(visits[0]!.id), summary: 'Przegląd klimatyzacji – Kowalski', status: 'CONFIRMED', start: '2026-11-24T07:00:00.000Z' },
      { uid: visitUid(visits[1]!.id), summary: 'Naprawa pompy ciepła – Nowak', status: 'CANCELLED', start: '2026-11-25T12:00:00.000Z' },
    ]);
    expect(asked.at(-1)).toEqual({ technicianId: jan.technicianId, from: new Date(now.getTime() - 14 * dayMs), to: new Date(now.getTime() + 60 * dayMs) });
  });

  it('stops serving the old URL when a new one is made, and any URL once revoked', async () => {
    const before = await newFeed(dispatcher.cookie, jan.technicianId);
    const rotated = await newFeed(jan.cookie, jan.technicianId);
    expect(rotated).not.toBe(before);
    const old = await fetchFeed(before);
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect((await fetchFeed(rotated)).statusCode).toBe(200);

    expect((await call(jan.cookie, 'DELETE', jan.technicianId)).statusCode).toBe(204);
    expect((await fetchFeed(rotated)).statusCode).toBe(404);
    expect((await call(jan.cookie, 'DELETE', jan.technicianId)).statusCode).toBe(404);
    const trail = await db.inTenant(owner.tenantId, (tx) =>
      sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_log where entity_id = ${jan.technicianId} and action like 'technician.calendar_feed_%' group by action order by action`.execute(tx),
    );
    expect(trail.rows).toEqual([
      { action: 'technician.calendar_feed_created', n: 3 },
      { action: 'technician.calendar_feed_revoked', n: 1 },
    ]);
  });

  it("lets a technician manage only their own feed, and a viewer none", async () => {
    expect((await call(jan.cookie, 'POST', ewa.technicianId)).statusCode).toBe(403);
    await newFeed(dispatcher.cookie, ewa.technicianId);
    expect((await call(jan.cookie, 'DELETE', ewa.technicianId)).statusCode).toBe(403);
    const viewer = await addMember(sut, owner, 'Wanda Widz', 'viewer');
    expect((await call(viewer.cookie, 'POST', viewer.userId)).statusCode).toBe(403);
    expect((await call(dispatcher.cookie, 'POST', '0190a4f0-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers unknown and malformed tokens with 404', async () => {
    // A well-formed token with both URL-safe punctuation characters reaches the lookup.
    const unknown = await fetchFeed(`/calendar/${'a-b_'.repeat(10)}xyz.ics`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', detail: 'Calendar feed not found' });
    expect((await fetchFeed('/calendar/short.ics')).json()).toMatchObject({ detail: 'Calendar feed not found' });
    expect((await fetchFeed(`/calendar/${'a'.repeat(43)}`)).statusCode).toBe(404);
  });

  it('stops serving the feed of a technician who no longer works for the company', async () => {
    const url = await newFeed(dispatcher.cookie, ewa.technicianId);
    expect((await fetchFeed(url)).statusCode).toBe(200);
    const retired = await sut.http.inject({ method: 'PATCH', url: `/api/technicians/${ewa.technicianId}`, headers: { cookie: owner.cookie, 'if-match': '"1"' }, payload: { active: false } });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });
});
