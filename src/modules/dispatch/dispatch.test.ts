import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { addMember, createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import type { DayBoard, Proposal } from './dispatch.schemas.ts';

// Tuesday 24 November 2026, 07:00 in Warsaw: before the 08:00 shifts start.
let now = new Date('2026-11-24T06:00:00Z');
const clock: Clock = { now: () => now };
const day = '2026-11-24';

describeEachBackend('dispatch: day board, proposals, acceptance, drag, emergencies', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  const technicians: Record<string, string> = {};
  let janCookie = '';
  const jobs: Record<string, string> = {};

  const call = async <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await sut.http.inject({ method, url, headers: { cookie: owner.cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.json<T>(), raw: response.body };
  };
  const board = async () => (await call<DayBoard>('GET', `/api/dispatch/days/${day}`)).body;
  const laneOf = (dayBoard: DayBoard, technicianId: string) => dayBoard.lanes.find((lane) => lane.technicianId === technicianId)!;
  const statusOf = async (jobId: string) => (await call<{ status: string }>('GET', `/api/jobs/${jobId}`)).body.status;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db, {}, { clock });
    owner = await signUpTenant(sut, 'dispatch-test');
    const jan = await addMember(sut, owner, 'Jan Chłodnik', 'technician');
    janCookie = jan.cookie;
    const ewa = await addMember(sut, owner, 'Ewa Gazowa', 'technician');
    const create = async (payload: object) => {
      const response = await call<{ id: string }>('POST', '/api/technicians', payload);
      if (response.status !== 201) throw new Error(response.raw);
      return response.body.id;
    };
    technicians.jan = await create({ userId: jan.userId, skills: ['refrigeration'], fgasCertificate: { category: 'I', number: 'FG-1', expiresOn: '2028-01-01' }, homeBase: { label: 'Mokotów', lat: 52.1936, lng: 21.0345 } });
    technicians.ewa = await create({ userId: ewa.userId, skills: ['gas'], homeBase: { label: 'Praga-Południe', lat: 52.2393, lng: 21.0834 } });
    const customer = (await call<{ id: string }>('POST', '/api/customers', { kind: 'company', companyName: 'Biurowiec Sp. z o.o.', nip: '5261040828' })).body.id;
    const site = async (street: string, lat?: number, lng?: number) =>
      (await call<{ id: string }>('POST', `/api/customers/${customer}/sites`, { street, postalCode: '00-001', city: 'Warszawa', ...(lat === undefined ? {} : { lat, lng }) })).body.id;
    const job = async (siteId: string, type: string, priority: string, requiredSkills: string[] = []) => {
      const response = await call<{ id: string }>('POST', '/api/jobs', { siteId, type, priority, description: `${type} ${priority}`, requiredSkills, estimatedMinutes: 60 });
      if (response.status !== 201) throw new Error(response.raw);
      return response.body.id;
    };
    jobs.ac1 = await job(await site('ul. Puławska 100', 52.2019, 21.0232), 'repair', 'high', ['refrigeration']);
    jobs.ac2 = await job(await site('ul. Wołoska 12', 52.1905, 21.0029), 'maintenance', 'normal', ['refrigeration']);
    jobs.gas = await job(await site('ul. Grochowska 200', 52.2464, 21.0905), 'repair', 'normal', ['gas']);
    jobs.noSkill = await job(await site('ul. Marszałkowska 10', 52.2246, 21.0148), 'inspection', 'low');
    jobs.nowhere = await job(await site('ul. Nieznana 1'), 'inspection', 'normal');
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('shows a lane per technician with the shift, and the day\'s open jobs as unassigned', async () => {
    const dayBoard = await board();
    expect(dayBoard.lanes.map((lane) => lane.name)).toEqual(['Ewa Gazowa', 'Jan Chłodnik']);
    expect(laneOf(dayBoard, technicians.jan!).shift).toEqual({ start: '2026-11-24T07:00:00.000Z', end: '2026-11-24T15:00:00.000Z' });
    expect(dayBoard.unassigned.map((job) => job.id).sort()).toEqual(Object.values(jobs).sort());
    expect(dayBoard.latestProposal).toBeNull();
  });

  it('proposes a plan honouring skills, reports jobs it cannot place with the reason, and changes nothing yet', async () => {
    const proposed = await call<Proposal>('POST', `/api/dispatch/days/${day}/proposals`, { seconds: 1, seed: 7 });
    expect(proposed.status, proposed.raw).toBe(201);
    const proposal = proposed.body;
    const routeOf = (jobId: string) => proposal.routes.find((route) => route.visits.some((visit) => visit.jobId === jobId))?.technicianId;
    expect(routeOf(jobs.ac1!)).toBe(technicians.jan);
    expect(routeOf(jobs.ac2!)).toBe(technicians.jan);
    expect(routeOf(jobs.gas!)).toBe(technicians.ewa);
    expect(routeOf(jobs.noSkill!)).toBeDefined();
    expect(proposal.unassigned).toEqual([{ jobId: jobs.nowhere, reason: 'no_location' }]);
    for (const route of proposal.routes) {
      for (const visit of route.visits) {
        expect(visit.start >= '2026-11-24T07:00:00.000Z').toBe(true);
        expect(visit.end <= '2026-11-24T15:00:00.000Z').toBe(true);
      }
    }
    expect(proposal).toMatchObject({ status: 'proposed', travelSource: 'straight_line', solver: { seed: 7 } });
    expect(proposal.travelMinutes).toBeGreaterThan(0);
    expect(await statusOf(jobs.ac1!)).toBe('new');
    expect((await board()).latestProposal?.id).toBe(proposal.id);
  });

  it('accepts the proposal: jobs scheduled with times and ETAs; the same proposal cannot be accepted twice', async () => {
    const proposal = (await board()).latestProposal!;
    const accepted = await call<DayBoard>('POST', `/api/dispatch/proposals/${proposal.id}/accept`);
    expect(accepted.status, accepted.raw).toBe(200);
    const jan = laneOf(accepted.body, technicians.jan!);
    expect(jan.visits.map((visit) => visit.jobId)).toEqual(expect.arrayContaining([jobs.ac1, jobs.ac2]));
    expect(laneOf(accepted.body, technicians.ewa!).visits.map((visit) => visit.jobId)).toContain(jobs.gas);
    expect(jan.visits.every((visit) => visit.eta === visit.plannedStart && !visit.locked)).toBe(true);
    expect(accepted.body.unassigned.map((job) => job.id)).toEqual([jobs.nowhere]);
    expect(accepted.body.latestProposal?.status).toBe('accepted');
    expect(await statusOf(jobs.ac1!)).toBe('scheduled');
    expect((await call('POST', `/api/dispatch/proposals/${proposal.id}/accept`)).status).toBe(409);
    const events = await db.inTenant(owner.tenantId, (tx) => sql<{ n: number }>`select count(*)::int as n from outbox where event_type = 'dispatch.plan_accepted'`.execute(tx));
    expect(events.rows[0]?.n).toBe(1);
  });

  it('refuses a drag that breaks a rule, naming it, and leaves the plan as it was', async () => {
    const before = await board();
    const refused = await call<{ errors: Array<{ field: string; rule: string }> }>('PUT', `/api/dispatch/visits/${jobs.gas}`, { technicianId: technicians.jan, date: day, position: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: '/body/position', rule: 'missing_skill' }));
    const outOfRange = await call('PUT', `/api/dispatch/visits/${jobs.gas}`, { technicianId: technicians.ewa, date: day, position: 9 });
    expect(outOfRange.status).toBe(400);
    expect(await board()).toEqual(before);
  });

  it('moves a visit to another lane, locked, and re-optimisation keeps it there at its time', async () => {
    const moved = await call<DayBoard>('PUT', `/api/dispatch/visits/${jobs.noSkill}`, { technicianId: technicians.ewa, date: day, position: 0 });
    expect(moved.status, moved.raw).toBe(200);
    const ewa = laneOf(moved.body, technicians.ewa!);
    expect(ewa.visits[0]).toMatchObject({ jobId: jobs.noSkill, locked: true, sequence: 0 });
    const pinnedAt = ewa.visits[0]!.plannedStart;
    const again = await call<Proposal>('POST', `/api/dispatch/days/${day}/proposals`, { seconds: 1, seed: 3 });
    const visit = again.body.routes.flatMap((route) => route.visits.map((entry) => ({ ...entry, technicianId: route.technicianId }))).find((entry) => entry.jobId === jobs.noSkill);
    expect(visit).toMatchObject({ technicianId: technicians.ewa, start: pinnedAt });
  });

  it('takes a visit off the plan: the job is open again and unassigned', async () => {
    const removed = await call<DayBoard>('DELETE', `/api/dispatch/visits/${jobs.gas}`);
    expect(removed.status, removed.raw).toBe(200);
    expect(removed.body.unassigned.map((job) => job.id)).toContain(jobs.gas);
    expect(await statusOf(jobs.gas!)).toBe('new');
  });

  it('inserts an emergency into the live plan for a qualified technician and tells them by event', async () => {
    now = new Date('2026-11-24T09:00:00Z'); // 10:00 in Warsaw
    const customer = (await call<{ items: Array<{ id: string }> }>('GET', '/api/customers')).body.items[0]!.id;
    const siteId = (await call<{ id: string }>('POST', `/api/customers/${customer}/sites`, { street: 'ul. Belwederska 5', postalCode: '00-001', city: 'Warszawa', lat: 52.2069, lng: 21.0299 })).body.id;
    const emergency = (await call<{ id: string }>('POST', '/api/jobs', { siteId, type: 'emergency', priority: 'emergency', description: 'Wyciek czynnika', requiredSkills: ['refrigeration'], estimatedMinutes: 60 })).body.id;
    const inserted = await call<{ technicianId: string; eta: string; board: DayBoard }>('POST', '/api/dispatch/emergencies', { jobId: emergency });
    expect(inserted.status, inserted.raw).toBe(200);
    expect(inserted.body.technicianId).toBe(technicians.jan);
    expect(inserted.body.eta >= now.toISOString()).toBe(true);
    expect(laneOf(inserted.body.board, technicians.jan!).visits.map((visit) => visit.jobId)).toContain(emergency);
    expect(await statusOf(emergency)).toBe('scheduled');
    const event = await db.inTenant(owner.tenantId, (tx) => sql<{ payload: { technicianId: string; eta: string } }>`select payload from outbox where event_type = 'dispatch.emergency_inserted'`.execute(tx));
    expect(event.rows[0]?.payload).toMatchObject({ technicianId: technicians.jan, eta: inserted.body.eta });
    expect((await call('POST', '/api/dispatch/emergencies', { jobId: emergency })).status).toBe(409);
  });

  it('updates the ETAs of a technician\'s remaining visits from the position their phone sends', async () => {
    now = new Date('2026-11-24T09:05:00Z');
    // Jan is stuck on the far side of the city, in Białołęka.
    const posted = await sut.http.inject({ method: 'POST', url: '/api/technicians/me/positions', headers: { cookie: janCookie }, payload: { positions: [{ recordedAt: '2026-11-24T09:04:30Z', lat: 52.3206, lng: 20.9962 }] } });
    expect(posted.statusCode, posted.body).toBe(200);
    const lane = laneOf(await board(), technicians.jan!);
    const first = lane.visits[0]!;
    // Over 13 km straight line from the first site: the ETA moves past 09:05 by well over half an hour.
    expect(first.eta! > '2026-11-24T09:35:00.000Z').toBe(true);
    for (const [index, visit] of lane.visits.entries()) if (index > 0) expect(visit.eta! > lane.visits[index - 1]!.eta!).toBe(true);
  });

  it('refuses an emergency no qualified technician can take', async () => {
    const customer = (await call<{ items: Array<{ id: string }> }>('GET', '/api/customers')).body.items[0]!.id;
    const siteId = (await call<{ id: string }>('POST', `/api/customers/${customer}/sites`, { street: 'ul. Daleka 1', postalCode: '00-001', city: 'Warszawa', lat: 52.23, lng: 21.01 })).body.id;
    const emergency = (await call<{ id: string }>('POST', '/api/jobs', { siteId, type: 'emergency', priority: 'emergency', description: 'Wentylacja stoi', requiredSkills: ['ventilation'] })).body.id;
    const refused = await call<{ reason: string }>('POST', '/api/dispatch/emergencies', { jobId: emergency });
    expect(refused.status).toBe(409);
    expect(refused.raw).toContain('no_qualified_technician');
  });

  it('gives the calendar feed the technician\'s visits, and refuses to plan a past day', async () => {
    const visits = await db.inTenant(owner.tenantId, (tx) => sut.dispatch.calendarVisits(tx, technicians.jan!, new Date('2026-11-23T00:00:00Z'), new Date('2026-11-25T00:00:00Z')));
    expect(visits.length).toBeGreaterThanOrEqual(3);
    expect(visits[0]).toMatchObject({ address: expect.stringContaining('Warszawa'), customerName: 'Biurowiec Sp. z o.o.', status: 'scheduled' });
    const past = await call<{ errors: Array<{ field: string; rule: string }> }>('POST', '/api/dispatch/days/2026-11-20/proposals', {});
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: '/params/date', rule: 'not_past' })]);
  });
});
