import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.ts';
import type { Database } from '../../core/db/database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { ReminderJobs } from './reminders.jobs.ts';
import { RemindersRepo } from './reminders.repo.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Item = { kind: string; id: string; at: string; title: string; body: string | null; actor: { id: string; name: string } | null; data: Record<string, unknown> };

describeEachBackend('activities: notes, interactions, reminders, due reminders, customer timeline', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let other: SignedUpTenant;
  let customerId: string;
  let contactId: string;
  let strangerContactId: string;
  let technician: { cookie: string; userId: string };
  let viewer: { cookie: string; userId: string };

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'aktywnosci');
    other = await signUpTenant(sut, 'konkurencja');
    customerId = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Klimatyzacja Wola' })).json<{ id: string }>().id;
    contactId = (await call('POST', `/api/customers/${customerId}/contacts`, { firstName: 'Anna', lastName: 'Nowak' })).json<{ id: string }>().id;
    const stranger = (await call('POST', '/api/customers', { kind: 'company', companyName: 'Inny Klient' })).json<{ id: string }>().id;
    strangerContactId = (await call('POST', `/api/customers/${stranger}/contacts`, { firstName: 'Jan' })).json<{ id: string }>().id;
    technician = await invite('technik@aktywnosci.test', 'technician');
    viewer = await invite('widz@aktywnosci.test', 'viewer');
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    sut.http.inject({ method, url, headers: { cookie: owner.cookie, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const callAs = (cookie: string, method: Method, url: string, payload?: unknown) =>
    sut.http.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const fieldsOf = (body: { errors?: Array<{ field: string; rule: string }> }) => (body.errors ?? []).map((e) => `${e.field} ${e.rule}`);
  const count = async (table: 'notes' | 'interactions' | 'reminders') =>
    Number((await db.inTenant(owner.tenantId, (tx) => tx.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow())).n);
  const auditOf = (entityId: string) =>
    db.inTenant(owner.tenantId, async (tx) => (await tx.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('occurred_at').orderBy('id').execute()).map((row) => row.action));
  const eventsOf = (type: string, key: string, id: string) =>
    db.asSystem(async (tx) => (await tx.selectFrom('outbox').select('payload').where('event_type', '=', type).execute()).filter((row) => (row.payload as Record<string, unknown>)[key] === id));
  const newCustomer = async (name: string) => (await call('POST', '/api/customers', { kind: 'company', companyName: name })).json<{ id: string }>().id;
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  async function invite(email: string, role: string): Promise<{ cookie: string; userId: string }> {
    const invitation = await call('POST', '/api/users/invitations', { email, role });
    const accepted = await sut.http.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: invitation.json().token, name: `Użytkownik ${role}`, password: 'long enough password' } });
    const cookie = String(accepted.headers['set-cookie']).match(/pasja_session=[^;]+/)?.[0] ?? '';
    // Accepting logs into the invited tenant already.
    return { cookie, userId: accepted.json<{ user: { id: string } }>().user.id };
  }

  // Notes

  it('adds a note with its author, changes it with If-Match, refuses a stale version, soft-deletes it', async () => {
    const created = await call('POST', `/api/customers/${customerId}/notes`, { body: '  Klient prosi o kontakt po 15:00  ' });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json();
    expect(note).toMatchObject({ customerId, body: 'Klient prosi o kontakt po 15:00', author: { id: owner.userId, name: 'Owner aktywnosci' }, version: 1, deletedAt: null });
    expect(created.headers.etag).toBe('"1"');

    const changed = await call('PATCH', `/api/notes/${note.id}`, { body: 'Klient prosi o kontakt po 16:00' }, { 'if-match': '"1"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ body: 'Klient prosi o kontakt po 16:00', version: 2, author: { id: owner.userId } });
    expect(changed.headers.etag).toBe('"2"');

    const stale = await call('PATCH', `/api/notes/${note.id}`, { body: 'Nadpisane' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    const unversioned = await call('PATCH', `/api/notes/${note.id}`, { body: 'Bez wersji' });
    expect(fieldsOf(unversioned.json())).toContain('/headers/if-match required');

    const deleted = await call('DELETE', `/api/notes/${note.id}`, undefined, { 'if-match': '"2"' });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().deletedAt).not.toBeNull();
    expect((await call('PATCH', `/api/notes/${note.id}`, { body: 'Po usunięciu' }, { 'if-match': '"3"' })).statusCode).toBe(404);
    expect(await auditOf(note.id)).toEqual(['note.created', 'note.updated', 'note.deleted']);
    expect(await eventsOf('note.updated', 'noteId', note.id)).toHaveLength(1);
  });

  it('refuses a blank or malformed note naming the field and rule, and writes nothing', async () => {
    const before = await count('notes');
    const cases: Array<[object, string]> = [
      [{ body: '   ' }, '/body/body pattern'],
      [{ body: '' }, '/body/body minLength'],
      [{}, '/body/body required'],
      [{ body: 'ok', pinned: true }, '/body/pinned additionalProperties'],
      [{ body: 'x'.repeat(20001) }, '/body/body maxLength'],
    ];
    for (const [payload, expected] of cases) {
      const response = await call('POST', `/api/customers/${customerId}/notes`, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(fieldsOf(response.json())).toContain(expected);
    }
    expect((await call('POST', '/api/customers/0190a4f0-0000-7000-8000-000000000000/notes', { body: 'Nikt' })).statusCode).toBe(404);
    expect(await count('notes')).toBe(before);
  });

  it('writes a note without an author for an API token', async () => {
    const token = (await call('POST', '/api/tokens', { name: 'integracja', role: 'dispatcher' })).json<{ token: string }>().token;
    const response = await sut.http.inject({ method: 'POST', url: `/api/customers/${customerId}/notes`, headers: { authorization: `Bearer ${token}` }, payload: { body: 'Z integracji' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().author).toBeNull();
  });

  // Interactions

  it('logs an interaction with a contact of the customer, at now unless told, and changes and removes it', async () => {
    const before = Date.now();
    const created = await call('POST', `/api/customers/${customerId}/interactions`, { kind: 'call', direction: 'inbound', contactId, subject: 'Awaria klimatyzatora', outcome: 'Umówiona wizyta' });
    expect(created.statusCode, created.body).toBe(201);
    const interaction = created.json();
    expect(interaction).toMatchObject({ customerId, contactId, kind: 'call', direction: 'inbound', user: { id: owner.userId }, subject: 'Awaria klimatyzatora', outcome: 'Umówiona wizyta', version: 1 });
    expect(Date.parse(interaction.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(interaction.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);

    const changed = await call('PATCH', `/api/interactions/${interaction.id}`, { kind: 'visit', occurredAt: '2025-05-05T08:30:00.000Z', contactId: null }, { 'if-match': '"1"' });
    expect(changed.json()).toMatchObject({ kind: 'visit', occurredAt: '2025-05-05T08:30:00.000Z', contactId: null, version: 2 });
    const stale = await call('PATCH', `/api/interactions/${interaction.id}`, { kind: 'sms' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    const removed = await call('DELETE', `/api/interactions/${interaction.id}`, undefined, { 'if-match': '"2"' });
    expect(removed.json().deletedAt).not.toBeNull();
    expect(await auditOf(interaction.id)).toEqual(['interaction.created', 'interaction.updated', 'interaction.deleted']);
    expect(await eventsOf('interaction.created', 'interactionId', interaction.id)).toHaveLength(1);
  });

  it('refuses a wrong kind or a contact of another customer naming the field, and writes nothing', async () => {
    const before = await count('interactions');
    const cases: Array<[object, string]> = [
      [{ kind: 'fax' }, '/body/kind anyOf'],
      [{ direction: 'inbound' }, '/body/kind required'],
      [{ kind: 'call', direction: 'sideways' }, '/body/direction anyOf'],
      [{ kind: 'call', occurredAt: 'wczoraj' }, '/body/occurredAt format'],
      [{ kind: 'call', contactId: strangerContactId }, '/body/contactId contact'],
      [{ kind: 'call', contactId: '0190a4f0-0000-7000-8000-000000000000' }, '/body/contactId contact'],
    ];
    for (const [payload, expected] of cases) {
      const response = await call('POST', `/api/customers/${customerId}/interactions`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(response.json()), JSON.stringify(payload)).toContain(expected);
    }
    expect(await count('interactions')).toBe(before);
  });

  // Reminders

  it('sets a reminder for its creator by default, or for another member, and changes it with If-Match', async () => {
    const mine = await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Oddzwonić w sprawie oferty', dueAt: hoursFromNow(48) });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ customerId, title: 'Oddzwonić w sprawie oferty', assignee: { id: owner.userId, name: 'Owner aktywnosci' }, recurrence: null, doneAt: null, version: 1 });
    const theirs = await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Przegląd', dueAt: hoursFromNow(72), assigneeUserId: technician.userId, recurrence: 'rrule:freq=monthly;interval=6' });
    expect(theirs.json()).toMatchObject({ assignee: { id: technician.userId }, recurrence: 'FREQ=MONTHLY;INTERVAL=6' });

    const changed = await call('PATCH', `/api/reminders/${mine.json().id}`, { title: 'Oddzwonić jutro', assigneeUserId: null }, { 'if-match': '"1"' });
    expect(changed.json()).toMatchObject({ title: 'Oddzwonić jutro', assignee: null, version: 2 });
    const stale = await call('PATCH', `/api/reminders/${mine.json().id}`, { title: 'X' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect((await call('GET', `/api/reminders/${mine.json().id}`)).headers.etag).toBe('"2"');
  });

  it('refuses a bad RRULE, a too frequent one and a non-member assignee naming the field and rule, and writes nothing', async () => {
    const before = await count('reminders');
    const dueAt = hoursFromNow(24);
    const cases: Array<[object, string]> = [
      [{ title: 'R', dueAt, recurrence: 'FREQ=SOMETIMES' }, '/body/recurrence rrule'],
      [{ title: 'R', dueAt, recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, '/body/recurrence rrule'],
      [{ title: 'R', dueAt, recurrence: 'COUNT=3' }, '/body/recurrence rrule'],
      [{ title: 'R', dueAt, recurrence: 'DTSTART:20250101T090000Z\nRRULE:FREQ=DAILY' }, '/body/recurrence rrule'],
      [{ title: 'R', dueAt, recurrence: 'FREQ=HOURLY' }, '/body/recurrence frequency'],
      [{ title: 'R', dueAt, recurrence: 'FREQ=DAILY;BYHOUR=8,16' }, '/body/recurrence frequency'],
      [{ title: 'R', dueAt, assigneeUserId: other.userId }, '/body/assigneeUserId member'],
      [{ title: 'R', dueAt: 'jutro' }, '/body/dueAt format'],
      [{ title: ' ', dueAt }, '/body/title pattern'],
    ];
    for (const [payload, expected] of cases) {
      const response = await call('POST', `/api/customers/${customerId}/reminders`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldsOf(response.json()), JSON.stringify(payload)).toContain(expected);
    }
    expect(await count('reminders')).toBe(before);
  });

  it('marks a repeating reminder done once: the next occurrence is created once, however often done is called', async () => {
    const created = (await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Codzienny telefon', dueAt: hoursFromNow(2), recurrence: 'FREQ=DAILY;COUNT=3' })).json();
    const seriesCount = async () =>
      Number((await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('reminders').select((eb) => eb.fn.countAll<string>().as('n')).where('title', '=', 'Codzienny telefon').executeTakeFirstOrThrow())).n);

    const [first, second] = await Promise.all([call('POST', `/api/reminders/${created.id}/done`), call('POST', `/api/reminders/${created.id}/done`, {})]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(first.json().doneAt).not.toBeNull();
    expect(second.json()).toMatchObject({ doneAt: first.json().doneAt, version: 2 });
    expect(await seriesCount()).toBe(2);

    const next = (await call('GET', `/api/reminders?customerId=${customerId}&status=open&assignee=me`)).json().items.filter((r: { title: string }) => r.title === 'Codzienny telefon');
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ recurrence: 'FREQ=DAILY;COUNT=2', doneAt: null, assignee: { id: owner.userId } });
    const gapHours = (Date.parse(next[0].dueAt) - Date.parse(created.dueAt)) / 3_600_000;
    expect(gapHours).toBeGreaterThanOrEqual(23); // one day on the Warsaw clock: 23–25 h around DST
    expect(gapHours).toBeLessThanOrEqual(25);

    const reopened = await call('POST', `/api/reminders/${created.id}/undone`);
    expect(reopened.json()).toMatchObject({ doneAt: null, version: 3 });
    await call('POST', `/api/reminders/${created.id}/done`);
    expect(await seriesCount()).toBe(2);
    expect(await auditOf(created.id)).toEqual(['reminder.created', 'reminder.done', 'reminder.undone', 'reminder.done']);
    expect(await eventsOf('reminder.created', 'reminderId', next[0].id)).toHaveLength(1);

    // The last of the series (COUNT=1 left) ends it.
    const last = (await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Ostatni', dueAt: hoursFromNow(1), recurrence: 'FREQ=WEEKLY;COUNT=1' })).json();
    const before = await count('reminders');
    await call('POST', `/api/reminders/${last.id}/done`);
    expect(await count('reminders')).toBe(before);
  });

  it('lists reminders by assignee, status and due date in cursor pages', async () => {
    const customer = await newCustomer('Lista Przypomnień');
    const dueTimes = [10, 20, 30, 40].map((hours) => hoursFromNow(-1000 + hours));
    for (const [index, dueAt] of dueTimes.entries()) {
      await call('POST', `/api/customers/${customer}/reminders`, { title: `Lista ${index}`, dueAt, assigneeUserId: technician.userId });
    }
    const base = `/api/reminders?customerId=${customer}&assignee=${technician.userId}`;
    const first = (await call('GET', `${base}&status=open&limit=3&withTotal=true`)).json();
    expect(first.items.map((r: { title: string }) => r.title)).toEqual(['Lista 0', 'Lista 1', 'Lista 2']);
    expect(first.total).toBe(4);
    const second = (await call('GET', `${base}&status=open&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ title: 'Lista 3' }], nextCursor: null });
    const dueSoon = (await call('GET', `${base}&dueBefore=${encodeURIComponent(dueTimes[2] ?? '')}`)).json();
    expect(dueSoon.items.map((r: { title: string }) => r.title)).toEqual(['Lista 0', 'Lista 1']);

    const techList = (await callAs(technician.cookie, 'GET', `/api/reminders?assignee=me&customerId=${customer}&fields=title`)).json();
    expect(techList.items).toHaveLength(4);
    expect(Object.keys(techList.items[0]).sort()).toEqual(['id', 'title']);
    expect((await call('GET', `/api/reminders?assignee=me&customerId=${customer}`)).json().items).toEqual([]);
    const bad = await call('GET', '/api/reminders?status=later');
    expect(fieldsOf(bad.json())).toContain('/querystring/status anyOf');
  });

  it('announces each due reminder exactly once across passes and concurrent workers', async () => {
    const customer = await newCustomer('Terminy');
    const make = async (title: string, dueAt: string) => (await call('POST', `/api/customers/${customer}/reminders`, { title, dueAt })).json<{ id: string }>().id;
    const dueA = await make('Zaległe A', hoursFromNow(-3));
    const dueB = await make('Zaległe B', hoursFromNow(-1));
    const future = await make('Przyszłe', hoursFromNow(5));
    const doneEarly = await make('Zrobione', hoursFromNow(-2));
    expect((await call('POST', `/api/reminders/${doneEarly}/done`)).statusCode).toBe(200);

    const workers = [1, 2].map(() => new ReminderJobs({ db, repo: new RemindersRepo(), clock: systemClock, logger: sut.logger, batchSize: 1 }));
    const [sut1, sut2] = workers as [ReminderJobs, ReminderJobs];
    const now = new Date();
    const firstPass = await Promise.all([sut1.emitDueReminders(now), sut2.emitDueReminders(now)]);
    const secondPass = await Promise.all([sut1.emitDueReminders(now), sut2.emitDueReminders(now)]);
    expect(secondPass).toEqual([0, 0]);
    expect(firstPass[0] + firstPass[1]).toBeGreaterThanOrEqual(2);
    for (const id of [dueA, dueB]) {
      const events = await eventsOf('reminder.due', 'reminderId', id);
      expect(events, id).toHaveLength(1);
      expect(events[0]?.payload).toMatchObject({ customerId: customer, assigneeUserId: owner.userId });
    }
    expect(await eventsOf('reminder.due', 'reminderId', future)).toHaveLength(0);
    expect(await eventsOf('reminder.due', 'reminderId', doneEarly)).toHaveLength(0);

    // A new due date announces it again when that comes.
    const moved = await call('PATCH', `/api/reminders/${future}`, { dueAt: hoursFromNow(-0.5) }, { 'if-match': '"1"' });
    expect(moved.statusCode).toBe(200);
    await sut1.emitDueReminders(new Date());
    expect(await eventsOf('reminder.due', 'reminderId', future)).toHaveLength(1);
  });

  // Timeline

  it('merges notes, interactions, reminders and the customer audit trail newest first, filtered by kind and date', async () => {
    const customer = await newCustomer('Oś Czasu');
    await call('PATCH', `/api/customers/${customer}`, { status: 'lead' }, { 'if-match': '"1"' });
    const contact = (await call('POST', `/api/customers/${customer}/contacts`, { firstName: 'Ewa' })).json<{ id: string }>().id;
    const note = (await call('POST', `/api/customers/${customer}/notes`, { body: 'Pierwsza linia\nDruga linia' })).json<{ id: string }>().id;
    const interactionIds: string[] = [];
    for (const occurredAt of ['2024-01-10T10:00:00.000Z', '2024-02-10T10:00:00.000Z', '2024-03-10T10:00:00.000Z']) {
      interactionIds.push((await call('POST', `/api/customers/${customer}/interactions`, { kind: 'email', occurredAt, outcome: 'Wysłano ofertę' })).json<{ id: string }>().id);
    }
    const reminder = (await call('POST', `/api/customers/${customer}/reminders`, { title: 'Oferta — przypomnienie', dueAt: '2030-01-01T09:00:00.000Z' })).json<{ id: string }>().id;

    const response = await call('GET', `/api/customers/${customer}/timeline`);
    expect(response.statusCode, response.body).toBe(200);
    const items: Item[] = response.json().items;
    expect(items[0]).toMatchObject({ kind: 'reminder', id: reminder, at: '2030-01-01T09:00:00.000Z', title: 'Oferta — przypomnienie', actor: { id: owner.userId }, data: { id: reminder, dueAt: '2030-01-01T09:00:00.000Z', assignee: { id: owner.userId } } });
    expect(items.find((i) => i.kind === 'note')).toMatchObject({ id: note, title: 'Pierwsza linia', body: 'Pierwsza linia\nDruga linia', actor: { id: owner.userId, name: 'Owner aktywnosci' }, data: { id: note, author: { id: owner.userId }, version: 1 } });
    expect(items.slice(-3).map((i) => i.id)).toEqual([...interactionIds].reverse());
    expect(items.at(-1)).toMatchObject({ kind: 'interaction', title: 'email', body: 'Wysłano ofertę', data: { kind: 'email', occurredAt: '2024-01-10T10:00:00.000Z', user: { id: owner.userId } } });
    const audit = items.filter((i) => i.kind === 'audit');
    expect(audit.map((i) => i.title).sort()).toEqual(['contact.created', 'customer.created', 'customer.updated']);
    expect(audit.find((i) => i.title === 'contact.created')).toMatchObject({ actor: { id: owner.userId }, data: { action: 'contact.created', details: { customerId: customer } } });
    expect(audit.find((i) => i.title === 'customer.updated')?.data).toMatchObject({ details: { status: { from: 'active', to: 'lead' } } });
    expect(items.some((i) => i.id === contact)).toBe(false);
    const keys = items.map((i) => [i.at, i.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1)));

    const onlyNotes = (await call('GET', `/api/customers/${customer}/timeline?kinds=note,reminder`)).json().items as Item[];
    expect(onlyNotes.map((i) => i.kind)).toEqual(['reminder', 'note']);
    const february = (await call('GET', `/api/customers/${customer}/timeline?kinds=interaction&from=2024-02-01T00:00:00Z&to=2024-03-10T10:00:00Z`)).json().items as Item[];
    expect(february.map((i) => i.id)).toEqual([interactionIds[1]]); // `to` is exclusive
    const badKind = await call('GET', `/api/customers/${customer}/timeline?kinds=note,gossip`);
    expect(fieldsOf(badKind.json())).toContain('/querystring/kinds pattern');
  });

  it('pages the timeline with a cursor that stays put when newer items arrive', async () => {
    const customer = await newCustomer('Stronicowanie Osi');
    for (let day = 1; day <= 7; day += 1) {
      await call('POST', `/api/customers/${customer}/interactions`, { kind: 'call', occurredAt: `2024-05-0${day}T12:00:00.000Z`, subject: `Dzień ${day}` });
    }
    const all = (await call('GET', `/api/customers/${customer}/timeline?kinds=interaction,note`)).json().items as Item[];
    expect(all).toHaveLength(7);
    const first = (await call('GET', `/api/customers/${customer}/timeline?kinds=interaction,note&limit=3`)).json();
    expect(first.items.map((i: Item) => i.id)).toEqual(all.slice(0, 3).map((i) => i.id));
    await call('POST', `/api/customers/${customer}/notes`, { body: 'Nowsza notatka' }); // newer than everything above
    await call('POST', `/api/customers/${customer}/interactions`, { kind: 'sms', occurredAt: '2024-05-06T12:00:00.000Z' }); // above the cursor too
    const second = (await call('GET', `/api/customers/${customer}/timeline?kinds=interaction,note&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: Item) => i.id)).toEqual(all.slice(3, 6).map((i) => i.id));
    const third = (await call('GET', `/api/customers/${customer}/timeline?kinds=interaction,note&limit=3&cursor=${second.nextCursor}`)).json();
    expect(third).toEqual({ items: [expect.objectContaining({ id: all[6]?.id })], nextCursor: null });
    const forged = await call('GET', `/api/customers/${customer}/timeline?cursor=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`);
    expect(fieldsOf(forged.json())).toContain('/querystring/cursor cursor');
  });

  it('answers 404 for an unknown customer and for another tenant\'s', async () => {
    expect((await call('GET', '/api/customers/0190a4f0-0000-7000-8000-000000000000/timeline')).statusCode).toBe(404);
    const theirs = await callAs(other.cookie, 'GET', `/api/customers/${customerId}/timeline`);
    expect(theirs.statusCode).toBe(404);
    expect((await callAs(other.cookie, 'POST', `/api/customers/${customerId}/notes`, { body: 'Cudza' })).statusCode).toBe(404);
    const reminders = (await callAs(other.cookie, 'GET', '/api/reminders?limit=200')).json();
    expect(reminders.items).toEqual([]);
  });

  // Access

  it('lets viewers read, technicians add notes and interactions and tick off their own reminders, dispatchers and up the rest', async () => {
    expect((await callAs(viewer.cookie, 'GET', `/api/customers/${customerId}/timeline`)).statusCode).toBe(200);
    expect((await callAs(viewer.cookie, 'GET', '/api/reminders')).statusCode).toBe(200);
    expect((await callAs(viewer.cookie, 'POST', `/api/customers/${customerId}/notes`, { body: 'Widz' })).statusCode).toBe(403);

    const note = await callAs(technician.cookie, 'POST', `/api/customers/${customerId}/notes`, { body: 'Wymieniono filtr' });
    expect(note.statusCode).toBe(201);
    expect(note.json().author).toEqual({ id: technician.userId, name: 'Użytkownik technician' });
    expect((await callAs(technician.cookie, 'POST', `/api/customers/${customerId}/interactions`, { kind: 'visit' })).statusCode).toBe(201);
    expect((await callAs(technician.cookie, 'PATCH', `/api/notes/${note.json().id}`, { body: 'Zmiana', version: 1 })).statusCode).toBe(403);
    expect((await callAs(technician.cookie, 'POST', `/api/customers/${customerId}/reminders`, { title: 'T', dueAt: hoursFromNow(1) })).statusCode).toBe(403);

    const forTechnician = (await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Dla technika', dueAt: hoursFromNow(1), assigneeUserId: technician.userId })).json();
    const forOwner = (await call('POST', `/api/customers/${customerId}/reminders`, { title: 'Dla właściciela', dueAt: hoursFromNow(1) })).json();
    const ticked = await callAs(technician.cookie, 'POST', `/api/reminders/${forTechnician.id}/done`);
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().doneAt).not.toBeNull();
    expect((await callAs(technician.cookie, 'POST', `/api/reminders/${forOwner.id}/done`)).statusCode).toBe(403);
  });
});
