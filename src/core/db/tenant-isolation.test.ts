import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import type { Database } from './database.ts';
import { createTestApp, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend } from '../../testing/test-database.ts';
import { onePixelPng, onePixelPngDataUrl } from '../../testing/sample-files.ts';

// Tables that are not owned by one tenant, and why. Every other table must have tenant_id and
// row-level security; a new table that is neither fails this suite until it is classified.
const globalTables: Record<string, 'no app access' | 'rls'> = {
  schema_migrations: 'no app access', // migration history, touched only by the migrator
  sessions: 'no app access', // a user's logins across tenants, read only by authentication (system scope)
  users: 'rls', // people who can log in; a tenant sees only its own members (policy via memberships)
};

interface TableInfo {
  name: string;
  hasTenantId: boolean;
  hasId: boolean;
  rls: boolean;
  policies: number;
}

async function listTables(db: Database): Promise<TableInfo[]> {
  const result = await sql<{ name: string; has_tenant_id: boolean; has_id: boolean; rls: boolean; policies: number }>`
    select c.relname as name,
      exists (select 1 from information_schema.columns col where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id') as has_tenant_id,
      exists (select 1 from information_schema.columns col where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'id') as has_id,
      c.relrowsecurity as rls,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`.execute(db.kysely);
  return result.rows.map((row) => ({ name: row.name, hasTenantId: row.has_tenant_id, hasId: row.has_id, rls: row.rls, policies: row.policies }));
}

// How to find tenant A's rows in a table.
function ownerColumn(table: TableInfo): 'tenant_id' | 'id' {
  return table.hasTenantId ? 'tenant_id' : 'id';
}

describeEachBackend('tenant isolation: no tenant reads or writes another tenant\'s rows', (backend) => {
  let db: Database;
  let sut: TestApp;
  let a: SignedUpTenant;
  let b: SignedUpTenant;
  let tables: TableInfo[];
  const ids: Record<string, string> = {};
  let calendarUrl = '';

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    // A handler so the dispatcher records deliveries (outbox_deliveries gets rows of both tenants).
    sut.outbox.on('tenant.created', 'isolation-test', async () => {});
    a = await signUpTenant(sut, 'tenant-a');
    b = await signUpTenant(sut, 'tenant-b');
    // Give tenant A a row in every table, through the API.
    const invitation = await sut.http.inject({ method: 'POST', url: '/api/users/invitations', headers: { cookie: a.cookie }, payload: { email: 'new@tenant-a.test', role: 'viewer' } });
    ids.invitation = invitation.json<{ id: string }>().id;
    const token = await sut.http.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: a.cookie }, payload: { name: 'a-token', role: 'viewer' } });
    ids.token = token.json<{ id: string }>().id;
    const post = async (url: string, payload: object) => {
      const response = await sut.http.inject({ method: 'POST', url, headers: { cookie: a.cookie }, payload });
      if (response.statusCode !== 201) throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
      return response.json<{ id: string }>().id;
    };
    ids.customer = await post('/api/customers', { kind: 'company', companyName: 'Firma A', nip: '5261040828' });
    ids.contact = await post(`/api/customers/${ids.customer}/contacts`, { firstName: 'Anna', phones: [{ number: '600100200' }] });
    ids.customField = await post('/api/custom-fields', { entity: 'customer', key: 'floor', label: 'Piętro', type: 'number' });
    const square = { type: 'Polygon', coordinates: [[[21, 52], [21.1, 52], [21.1, 52.1], [21, 52.1], [21, 52]]] };
    const imported = await sut.http.inject({ method: 'POST', url: '/api/regions/import', headers: { cookie: a.cookie }, payload: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Rejon A' }, geometry: square }] } });
    if (imported.statusCode !== 200) throw new Error(`fixture regions: ${imported.body}`);
    ids.site = await post(`/api/customers/${ids.customer}/sites`, { street: 'ul. Prosta 1', postalCode: '00-001', city: 'Warszawa', lat: 52.05, lng: 21.05 });
    ids.note = await post(`/api/customers/${ids.customer}/notes`, { body: 'Notatka A' });
    ids.interaction = await post(`/api/customers/${ids.customer}/interactions`, { kind: 'call', direction: 'inbound' });
    ids.reminder = await post(`/api/customers/${ids.customer}/reminders`, { title: 'Oddzwonić', dueAt: '2026-12-01T09:00:00Z', recurrence: 'FREQ=MONTHLY' });
    ids.equipment = await post('/api/equipment', { siteId: ids.site, category: 'split_ac', brand: 'Daikin', serialNumber: 'A-1', refrigerant: 'R-32', refrigerantChargeKg: 8 });
    ids.fgasEntry = await post(`/api/equipment/${ids.equipment}/fgas-register`, { performedOn: '2026-01-10', kind: 'leak_check', result: 'no_leak', technicianName: 'Jan A', certificateNumber: 'FGAZ-A' });
    ids.job = await post('/api/jobs', { siteId: ids.site, equipmentId: ids.equipment, type: 'repair', description: 'Naprawa A' });
    const moved = await sut.http.inject({ method: 'POST', url: `/api/jobs/${ids.job}/transitions`, headers: { cookie: a.cookie }, payload: { to: 'scheduled', version: 1 } });
    if (moved.statusCode !== 200) throw new Error(`fixture job transition: ${moved.body}`);
    const priced = await sut.http.inject({ method: 'PUT', url: `/api/jobs/${ids.job}/lines`, headers: { cookie: a.cookie }, payload: { version: 2, lines: [{ kind: 'labour', description: 'Praca', quantity: 1, unitPriceGrosze: 10000, vatRate: 8 }] } });
    if (priced.statusCode !== 200) throw new Error(`fixture job lines: ${priced.body}`);
    await sut.jobs.checkSlaBreaches(new Date(Date.now() + 30 * 24 * 60 * 60_000)); // the job's clocks breached: rows in job_sla_breaches
    const settings = await sut.http.inject({ method: 'PUT', url: '/api/settings/jobs', headers: { cookie: a.cookie }, payload: { defaultVatRate: 8 } });
    if (settings.statusCode !== 200) throw new Error(`fixture job settings: ${settings.body}`);
    const job = (await sut.http.inject({ method: 'GET', url: `/api/jobs/${ids.job}`, headers: { cookie: a.cookie } })).json<{ checklist: Array<{ id: string }> }>();
    ids.checklistItem = job.checklist[0]?.id ?? '';
    const ticked = await sut.http.inject({ method: 'PATCH', url: `/api/jobs/${ids.job}/checklist/${ids.checklistItem}`, headers: { cookie: a.cookie }, payload: { done: true } });
    if (ticked.statusCode !== 200) throw new Error(`fixture checklist: ${ticked.body}`);
    await post(`/api/jobs/${ids.job}/notes`, { body: 'Notatka technika A' });
    const upload = async (url: string) => {
      const response = await sut.http.inject({ method: 'POST', url, headers: { cookie: a.cookie, 'content-type': 'image/png' }, payload: onePixelPng });
      if (response.statusCode !== 201) throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
      return response.json<{ id: string }>().id;
    };
    ids.photo = await upload(`/api/jobs/${ids.job}/attachments?fileName=a.png`);
    ids.document = await upload(`/api/equipment/${ids.equipment}/attachments?fileName=karta-a.png`);
    ids.signedJob = await post('/api/jobs', { siteId: ids.site, type: 'inspection', description: 'Przegląd A' });
    for (const [version, to] of ['scheduled', 'dispatched', 'en_route', 'in_progress'].entries()) {
      const step = await sut.http.inject({ method: 'POST', url: `/api/jobs/${ids.signedJob}/transitions`, headers: { cookie: a.cookie }, payload: { to, version: version + 1 } });
      if (step.statusCode !== 200) throw new Error(`fixture signed job ${to}: ${step.body}`);
    }
    const signed = await sut.http.inject({ method: 'POST', url: `/api/jobs/${ids.signedJob}/sign-off`, headers: { cookie: a.cookie }, payload: { signerName: 'Anna A', signature: onePixelPngDataUrl } });
    if (signed.statusCode !== 200) throw new Error(`fixture sign-off: ${signed.body}`);
    ids.plan = await post('/api/maintenance-plans', { siteId: ids.site, title: 'Przegląd A', season: 'heating', leadDays: 365, startsOn: '2026-01-01' });
    const run = await sut.http.inject({ method: 'POST', url: '/api/maintenance-plans/run', headers: { cookie: a.cookie } });
    if (run.json<{ jobsCreated: number }>().jobsCreated < 1) throw new Error(`fixture maintenance run: ${run.body}`);
    // Dispatch: the owner works as a technician every day, so tomorrow always has a shift.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString().slice(0, 10);
    const expiresSoon = new Date(Date.now() + 10 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    const allWeek = Array.from({ length: 7 }, () => ({ start: '00:00', end: '23:59' }));
    ids.technician = await post('/api/technicians', { userId: a.userId, skills: ['refrigeration'], fgasCertificate: { category: 'I', number: 'FG-A', expiresOn: expiresSoon }, homeBase: { label: 'Baza A', lat: 52.04, lng: 21.04 }, workingHours: allWeek });
    ids.absence = await post(`/api/technicians/${ids.technician}/absences`, { startsOn: '2027-01-01', endsOn: '2027-01-02', kind: 'vacation' });
    const noticed = await sut.http.inject({ method: 'POST', url: '/api/technicians/certificate-check', headers: { cookie: a.cookie } });
    if (noticed.json<{ noticesSent: number }>().noticesSent !== 1) throw new Error(`fixture certificate notice: ${noticed.body}`);
    ids.proposal = await post(`/api/dispatch/days/${tomorrow}/proposals`, { seconds: 1 });
    const placed = await sut.http.inject({ method: 'PUT', url: `/api/dispatch/visits/${ids.job}`, headers: { cookie: a.cookie }, payload: { technicianId: ids.technician, date: tomorrow, position: 0 } });
    if (placed.statusCode !== 200) throw new Error(`fixture dispatch visit: ${placed.body}`);
    const gps = await sut.http.inject({ method: 'POST', url: '/api/technicians/me/positions', headers: { cookie: a.cookie }, payload: { positions: [{ recordedAt: new Date().toISOString(), lat: 52.05, lng: 21.05 }] } });
    if (gps.statusCode !== 200) throw new Error(`fixture positions: ${gps.body}`);
    const feed = await sut.http.inject({ method: 'POST', url: `/api/technicians/${ids.technician}/calendar-feed`, headers: { cookie: a.cookie }, payload: {} });
    if (feed.statusCode !== 201) throw new Error(`fixture calendar feed: ${feed.body}`);
    calendarUrl = feed.json<{ url: string }>().url;
    await sut.outbox.dispatchPending();
    tables = await listTables(db);
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  it('classifies every table: tenant-owned with RLS, or a listed global table', () => {
    const unclassified = tables.filter((t) => !t.hasTenantId && t.name !== 'tenants' && !(t.name in globalTables)).map((t) => t.name);
    expect(unclassified, 'tables without tenant_id that are not listed as global').toEqual([]);
    const tenantOwned = tables.filter((t) => t.hasTenantId || t.name === 'tenants' || globalTables[t.name] === 'rls');
    const unprotected = tenantOwned.filter((t) => !t.rls || t.policies === 0).map((t) => t.name);
    expect(unprotected, 'tenant-owned tables without row-level security').toEqual([]);
  });

  it('gives the app role no access at all to system-only tables', async () => {
    for (const [name, kind] of Object.entries(globalTables)) {
      if (kind !== 'no app access') continue;
      const result = await sql<{ allowed: boolean }>`select has_table_privilege('pasja_app', ${name}, 'SELECT,INSERT,UPDATE,DELETE') as allowed`.execute(db.kysely);
      expect(result.rows[0]?.allowed, name).toBe(false);
    }
  });

  it('has tenant A rows in every tenant-owned table (so every check below is a real one)', async () => {
    for (const table of tables.filter((t) => t.hasTenantId || t.name === 'tenants')) {
      const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)} where ${sql.ref(ownerColumn(table))} = ${a.tenantId}`.execute(db.kysely);
      expect(count.rows[0]?.n, `rows of tenant A in ${table.name}: add a fixture for this table`).toBeGreaterThan(0);
    }
  });

  it('repository layer: inside tenant B no statement reads, changes, deletes or plants tenant A rows', async () => {
    const leaks: string[] = [];
    for (const table of tables.filter((t) => t.hasTenantId || t.name === 'tenants' || t.name === 'users')) {
      const column = table.name === 'users' ? 'id' : ownerColumn(table);
      const key = table.name === 'users' ? a.userId : a.tenantId;
      const target = sql`${sql.table(table.name)}`;
      const where = sql`${sql.ref(column)} = ${key}`;
      const attempt = async (label: string, statement: ReturnType<typeof sql>) => {
        try {
          const result = await db.inTenant(b.tenantId, (tx) => statement.execute(tx));
          const touched = Number(result.numAffectedRows ?? 0n) + (result.rows.length > 0 && label === 'read' ? Number((result.rows[0] as { n: number }).n) : 0);
          if (touched > 0) leaks.push(`${label} ${table.name}: ${touched} rows`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (!/row-level security|permission denied/.test(message)) leaks.push(`${label} ${table.name} failed for another reason: ${message}`);
        }
      };
      await attempt('read', sql`select count(*)::int as n from ${target} where ${where}`);
      await attempt('update', sql`update ${target} set ${sql.ref(column)} = ${sql.ref(column)} where ${where}`);
      await attempt('delete', sql`delete from ${target} where ${where}`);
      // Plant a copy of A's row (new id) from inside tenant B: RLS's check must refuse it.
      const original = await sql<{ row: Record<string, unknown> }>`select to_jsonb(t) as row from ${target} t where ${where} limit 1`.execute(db.kysely);
      const row = original.rows[0]?.row;
      if (row) {
        if (table.hasId) row.id = newId();
        if (table.name === 'tenants') row.slug = `planted-${Date.now()}`;
        await attempt('insert', sql`insert into ${target} select * from jsonb_populate_record(null::${sql.table(table.name)}, ${JSON.stringify(row)}::jsonb)`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('API layer: tenant B reaching A\'s records by id gets 404 or 403, and A\'s records are unchanged', async () => {
    const attempts: Record<string, { url: string; payload?: Record<string, unknown> | Buffer; headers?: Record<string, string> }> = {
      'PATCH /api/users/:userId': { url: `/api/users/${a.userId}`, payload: { role: 'viewer' } },
      'DELETE /api/users/:userId': { url: `/api/users/${a.userId}` },
      'DELETE /api/users/invitations/:id': { url: `/api/users/invitations/${ids.invitation}` },
      'DELETE /api/tokens/:id': { url: `/api/tokens/${ids.token}` },
      'GET /api/customers/:id': { url: `/api/customers/${ids.customer}` },
      'PATCH /api/customers/:id': { url: `/api/customers/${ids.customer}`, payload: { status: 'inactive', version: 1 } },
      'DELETE /api/customers/:id': { url: `/api/customers/${ids.customer}`, headers: { 'if-match': '"1"' } },
      'POST /api/customers/:id/restore': { url: `/api/customers/${ids.customer}/restore`, payload: { version: 1 } },
      'GET /api/customers/:id/contacts': { url: `/api/customers/${ids.customer}/contacts` },
      'POST /api/customers/:id/contacts': { url: `/api/customers/${ids.customer}/contacts`, payload: { firstName: 'Intruz' } },
      'GET /api/contacts/:id': { url: `/api/contacts/${ids.contact}` },
      'PATCH /api/contacts/:id': { url: `/api/contacts/${ids.contact}`, payload: { firstName: 'Intruz', version: 1 } },
      'DELETE /api/contacts/:id': { url: `/api/contacts/${ids.contact}`, headers: { 'if-match': '"1"' } },
      'DELETE /api/custom-fields/:id': { url: `/api/custom-fields/${ids.customField}` },
      'GET /api/customers/:id/sites': { url: `/api/customers/${ids.customer}/sites` },
      'POST /api/customers/:id/sites': { url: `/api/customers/${ids.customer}/sites`, payload: { street: 'ul. Obca 2', postalCode: '00-002', city: 'Warszawa' } },
      'GET /api/sites/:id': { url: `/api/sites/${ids.site}` },
      'PATCH /api/sites/:id': { url: `/api/sites/${ids.site}`, payload: { city: 'Kraków', version: 1 } },
      'DELETE /api/sites/:id': { url: `/api/sites/${ids.site}`, headers: { 'if-match': '"1"' } },
      'POST /api/customers/:id/notes': { url: `/api/customers/${ids.customer}/notes`, payload: { body: 'intruz' } },
      'PATCH /api/notes/:id': { url: `/api/notes/${ids.note}`, payload: { body: 'intruz', version: 1 } },
      'DELETE /api/notes/:id': { url: `/api/notes/${ids.note}`, headers: { 'if-match': '"1"' } },
      'POST /api/customers/:id/interactions': { url: `/api/customers/${ids.customer}/interactions`, payload: { kind: 'call' } },
      'PATCH /api/interactions/:id': { url: `/api/interactions/${ids.interaction}`, payload: { outcome: 'intruz', version: 1 } },
      'DELETE /api/interactions/:id': { url: `/api/interactions/${ids.interaction}`, headers: { 'if-match': '"1"' } },
      'POST /api/customers/:id/reminders': { url: `/api/customers/${ids.customer}/reminders`, payload: { title: 'intruz', dueAt: '2026-12-01T09:00:00Z' } },
      'GET /api/reminders/:id': { url: `/api/reminders/${ids.reminder}` },
      'PATCH /api/reminders/:id': { url: `/api/reminders/${ids.reminder}`, payload: { title: 'intruz', version: 1 } },
      'DELETE /api/reminders/:id': { url: `/api/reminders/${ids.reminder}`, headers: { 'if-match': '"1"' } },
      'POST /api/reminders/:id/done': { url: `/api/reminders/${ids.reminder}/done`, payload: {} },
      'POST /api/reminders/:id/undone': { url: `/api/reminders/${ids.reminder}/undone`, payload: {} },
      'GET /api/customers/:id/timeline': { url: `/api/customers/${ids.customer}/timeline` },
      'GET /api/customers/:id/equipment': { url: `/api/customers/${ids.customer}/equipment` },
      'GET /api/equipment/:id': { url: `/api/equipment/${ids.equipment}` },
      'PATCH /api/equipment/:id': { url: `/api/equipment/${ids.equipment}`, payload: { brand: 'Intruz', version: 1 } },
      'DELETE /api/equipment/:id': { url: `/api/equipment/${ids.equipment}`, headers: { 'if-match': '"1"' } },
      'GET /api/jobs/:id': { url: `/api/jobs/${ids.job}` },
      'GET /api/maintenance-plans/:id': { url: `/api/maintenance-plans/${ids.plan}` },
      'POST /api/jobs/:id/transitions': { url: `/api/jobs/${ids.job}/transitions`, payload: { to: 'dispatched', version: 3 } },
      'PUT /api/jobs/:id/lines': { url: `/api/jobs/${ids.job}/lines`, payload: { version: 3, lines: [] } },
      'GET /api/equipment/:id/fgas-register': { url: `/api/equipment/${ids.equipment}/fgas-register` },
      'POST /api/equipment/:id/fgas-register': { url: `/api/equipment/${ids.equipment}/fgas-register`, payload: { performedOn: '2026-01-11', kind: 'void', voidsEntryId: ids.fgasEntry, technicianName: 'Intruz', certificateNumber: 'X' } },
      'POST /api/auth/switch-tenant': { url: '/api/auth/switch-tenant', payload: { tenantId: a.tenantId } },
      'PATCH /api/jobs/:id/checklist/:itemId': { url: `/api/jobs/${ids.job}/checklist/${ids.checklistItem}`, payload: { done: false } },
      'POST /api/jobs/:id/checklist': { url: `/api/jobs/${ids.job}/checklist`, payload: { label: 'intruz' } },
      'POST /api/jobs/:id/notes': { url: `/api/jobs/${ids.job}/notes`, payload: { body: 'intruz' } },
      'POST /api/jobs/:id/sign-off': { url: `/api/jobs/${ids.signedJob}/sign-off`, payload: { signerName: 'Intruz', signature: onePixelPngDataUrl } },
      'POST /api/jobs/:id/attachments': { url: `/api/jobs/${ids.job}/attachments?fileName=x.png`, payload: onePixelPng, headers: { 'content-type': 'image/png' } },
      'GET /api/jobs/:id/attachments': { url: `/api/jobs/${ids.job}/attachments` },
      'POST /api/equipment/:id/attachments': { url: `/api/equipment/${ids.equipment}/attachments?fileName=x.png`, payload: onePixelPng, headers: { 'content-type': 'image/png' } },
      'GET /api/equipment/:id/attachments': { url: `/api/equipment/${ids.equipment}/attachments` },
      'GET /api/attachments/:id/content': { url: `/api/attachments/${ids.photo}/content` },
      'DELETE /api/attachments/:id': { url: `/api/attachments/${ids.document}` },
      'GET /api/technicians/:id': { url: `/api/technicians/${ids.technician}` },
      'PATCH /api/technicians/:id': { url: `/api/technicians/${ids.technician}`, payload: { vehicle: 'Intruz', version: 1 } },
      'GET /api/technicians/:id/absences': { url: `/api/technicians/${ids.technician}/absences` },
      'POST /api/technicians/:id/absences': { url: `/api/technicians/${ids.technician}/absences`, payload: { startsOn: '2027-02-01', endsOn: '2027-02-01', kind: 'other' } },
      'DELETE /api/technicians/:id/absences/:absenceId': { url: `/api/technicians/${ids.technician}/absences/${ids.absence}` },
      'POST /api/dispatch/proposals/:id/accept': { url: `/api/dispatch/proposals/${ids.proposal}/accept`, payload: {} },
      'PUT /api/dispatch/visits/:jobId': { url: `/api/dispatch/visits/${ids.job}`, payload: { technicianId: ids.technician, date: '2099-01-01', position: 0 } },
      'DELETE /api/dispatch/visits/:jobId': { url: `/api/dispatch/visits/${ids.job}` },
      'POST /api/dispatch/emergencies': { url: '/api/dispatch/emergencies', payload: { jobId: ids.job } },
      'GET /api/technicians/:id/positions': { url: `/api/technicians/${ids.technician}/positions` },
      'POST /api/technicians/:id/calendar-feed': { url: `/api/technicians/${ids.technician}/calendar-feed`, payload: {} },
      'DELETE /api/technicians/:id/calendar-feed': { url: `/api/technicians/${ids.technician}/calendar-feed` },
    };
    // Routes that take no record id act on the caller's own tenant by construction; listing them
    // here is a decision, and a new route fails this test until someone makes it.
    const ownTenantOnly = new Set([
      'GET /api/auth/me', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/signup', 'POST /api/invitations/accept',
      'GET /api/tenant', 'PATCH /api/tenant', 'GET /api/users', 'POST /api/users/invitations', 'GET /api/users/invitations',
      'POST /api/tokens', 'GET /api/tokens',
      'GET /api/customers', 'POST /api/customers', 'POST /api/customers/batch', 'GET /api/contacts', 'GET /api/custom-fields', 'POST /api/custom-fields',
      'GET /api/sites', 'GET /api/equipment', 'POST /api/equipment', 'GET /api/fgas/compliance', 'GET /api/jobs', 'POST /api/jobs', 'GET /api/maintenance-plans', 'POST /api/maintenance-plans', 'POST /api/maintenance-plans/run', 'GET /api/regions', 'POST /api/regions/import', 'GET /api/ui-config', 'GET /api/reminders', 'GET /api/search',
      'GET /api/settings/jobs', 'PUT /api/settings/jobs', 'GET /api/kpis',
      'GET /api/technicians', 'POST /api/technicians', 'POST /api/technicians/certificate-check', 'GET /api/dispatch/days/:date', 'POST /api/dispatch/days/:date/proposals',
      'POST /api/technicians/me/positions', 'GET /api/dispatch/positions', 'GET /api/exports/customers',
      'GET /api/performance', // per-process request statistics, no tenant rows
    ]);
    const apiRoutes = sut.http.routeCatalog.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.filter((r) => !(r in attempts) && !ownTenantOnly.has(r)), 'routes not covered by the cross-tenant suite').toEqual([]);

    for (const [route, attempt] of Object.entries(attempts)) {
      const method = route.split(' ')[0] as 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
      const response = await sut.http.inject({ method, url: attempt.url, headers: { cookie: b.cookie, ...attempt.headers }, ...(attempt.payload ? { payload: attempt.payload } : {}) });
      expect([403, 404], `${route} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
    }
    // B could not rotate or revoke A's calendar feed: its secret URL still answers.
    expect((await sut.http.inject({ method: 'GET', url: calendarUrl })).statusCode).toBe(200);
    const members = await sut.http.inject({ method: 'GET', url: '/api/users', headers: { cookie: a.cookie } });
    expect(members.json()).toMatchObject({ items: [{ id: a.userId, role: 'owner' }] });
    const tokens = await sut.http.inject({ method: 'GET', url: '/api/tokens', headers: { cookie: a.cookie } });
    expect(tokens.json()).toMatchObject({ items: [{ id: ids.token, revokedAt: null }] });
    const invitations = await sut.http.inject({ method: 'GET', url: '/api/users/invitations', headers: { cookie: a.cookie } });
    expect(invitations.json()).toMatchObject({ items: [{ id: ids.invitation, status: 'pending' }] });
    const customer = await sut.http.inject({ method: 'GET', url: `/api/customers/${ids.customer}`, headers: { cookie: a.cookie } });
    expect(customer.json()).toMatchObject({ name: 'Firma A', version: 1, deletedAt: null });
    const contact = await sut.http.inject({ method: 'GET', url: `/api/contacts/${ids.contact}`, headers: { cookie: a.cookie } });
    expect(contact.json()).toMatchObject({ name: 'Anna', version: 1 });
    const site = await sut.http.inject({ method: 'GET', url: `/api/sites/${ids.site}`, headers: { cookie: a.cookie } });
    expect(site.json()).toMatchObject({ city: 'Warszawa', version: 1, region: { name: 'Rejon A' } });
    const timeline = await sut.http.inject({ method: 'GET', url: `/api/customers/${ids.customer}/timeline`, headers: { cookie: a.cookie } });
    const items = timeline.json<{ items: Array<{ kind: string; id: string; data: { version?: number; doneAt?: string | null } }> }>().items;
    for (const id of [ids.note, ids.interaction, ids.reminder]) expect(items.find((item) => item.id === id)?.data, id).toMatchObject({ version: 1 });
    expect(items.find((item) => item.id === ids.reminder)?.data.doneAt).toBeNull();
    const fields = await sut.http.inject({ method: 'GET', url: '/api/custom-fields', headers: { cookie: a.cookie } });
    expect(fields.json().items).toHaveLength(1);
    const equipment = await sut.http.inject({ method: 'GET', url: `/api/equipment/${ids.equipment}`, headers: { cookie: a.cookie } });
    expect(equipment.json()).toMatchObject({ brand: 'Daikin', version: 1, deletedAt: null });
    const register = await sut.http.inject({ method: 'GET', url: `/api/equipment/${ids.equipment}/fgas-register`, headers: { cookie: a.cookie } });
    expect(register.json()).toMatchObject({ items: [{ id: ids.fgasEntry, voided: false }] });
    const job = await sut.http.inject({ method: 'GET', url: `/api/jobs/${ids.job}`, headers: { cookie: a.cookie } });
    expect(job.json()).toMatchObject({ status: 'scheduled', version: 3, lines: [{ description: 'Praca' }], notes: [{ body: 'Notatka technika A' }], attachments: [{ id: ids.photo }] });
    const checklist = job.json<{ checklist: Array<{ id: string; label: string; done: boolean }> }>().checklist;
    expect(checklist.find((item) => item.id === ids.checklistItem)).toMatchObject({ done: true });
    expect(checklist.map((item) => item.label)).not.toContain('intruz');
    const signedJob = await sut.http.inject({ method: 'GET', url: `/api/jobs/${ids.signedJob}`, headers: { cookie: a.cookie } });
    expect(signedJob.json()).toMatchObject({ signOff: { signerName: 'Anna A' } });
    const documents = await sut.http.inject({ method: 'GET', url: `/api/equipment/${ids.equipment}/attachments`, headers: { cookie: a.cookie } });
    expect(documents.json()).toMatchObject({ items: [{ id: ids.document }] });
  });

  it('API layer: tenant B\'s lists never show tenant A\'s records', async () => {
    for (const url of ['/api/users', '/api/tokens', '/api/users/invitations', '/api/tenant', '/api/auth/me', '/api/customers?includeDeleted=true', '/api/contacts', '/api/custom-fields', '/api/sites', '/api/equipment', '/api/fgas/compliance?status=ok,due_soon,overdue,non_compliant', '/api/jobs', '/api/maintenance-plans', '/api/regions', '/api/reminders', '/api/search?q=Firma', '/api/search?q=600100200', '/api/search?q=5261040828', '/api/technicians', `/api/dispatch/days/${new Date().toISOString().slice(0, 10)}`, '/api/dispatch/positions']) {
      const response = await sut.http.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
      expect(response.statusCode, url).toBe(200);
      for (const secret of [a.userId, a.tenantId, a.email, ...Object.values(ids)]) expect(response.body, url).not.toContain(secret);
    }
  });
});
