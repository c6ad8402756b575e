import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/db/database.ts';
import { describeOnRedis, testRedisUrl } from '../../testing/backends.ts';
import { createTestApp, sessionCookieOf, signUpTenant, type SignedUpTenant, type TestApp } from '../../testing/test-app.ts';
import { describeEachBackend, testBackends } from '../../testing/test-database.ts';

// A closed axis-aligned square ring, [lng, lat].
function square(minLng: number, minLat: number, size = 0.01): number[][] {
  return [
    [minLng, minLat],
    [minLng + size, minLat],
    [minLng + size, minLat + size],
    [minLng, minLat + size],
    [minLng, minLat],
  ];
}

function regionsFile(...regions: Array<[name: string, minLng: number]>): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: regions.map(([name, minLng]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [square(minLng, 52.2)] } })),
  };
}

// Three squares side by side at lat 52.20–52.21: 21.00–21.01, 21.01–21.02, 21.02–21.03.
const threeDistricts = regionsFile(['Praga-Południe', 21.0], ['Wola', 21.01], ['Ochota', 21.02]);
const inFirst = { lat: 52.205, lng: 21.005 };
const inSecond = { lat: 52.205, lng: 21.015 };
const inThird = { lat: 52.205, lng: 21.025 };

function caller(app: TestApp, cookie: () => string) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.http.inject({ method, url, headers: { cookie: cookie(), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
}
type Call = ReturnType<typeof caller>;

describeEachBackend('regions: GeoJSON import, name matching, site placement', (backend) => {
  let db: Database;
  let sut: TestApp;
  let owner: SignedUpTenant;
  let call: Call;

  beforeAll(async () => {
    db = await backend.open();
    sut = await createTestApp(db);
    owner = await signUpTenant(sut, 'regiony');
    call = caller(sut, () => owner.cookie);
  });
  afterAll(async () => {
    await sut.close();
    await db.close();
  });

  const newCustomer = async () => (await call('POST', '/api/customers', { kind: 'company', companyName: `Klient ${Math.random()}` })).json<{ id: string }>().id;
  const newSite = async (customerId: string, at: { lat: number; lng: number } | null) =>
    (await call('POST', `/api/customers/${customerId}/sites`, { street: 'ul. Grochowska 1', postalCode: '04-186', city: 'Warszawa', ...(at ?? {}) })).json<{ id: string; region: { id: string; name: string } | null }>();
  const regionOf = async (siteId: string) => (await call('GET', `/api/sites/${siteId}`)).json<{ region: { id: string; name: string } | null }>().region;
  const listRegions = async () => (await call('GET', '/api/regions')).json<{ items: Array<{ id: string; name: string; siteCount: number; geometry: { type: string }; center: { lat: number; lng: number } }> }>().items;

  let regionIds: Record<string, string> = {};
  const sites: Record<string, string> = {};

  it('imports a FeatureCollection of named squares and lists them with outlines, centres and site counts', async () => {
    const response = await call('POST', '/api/regions/import', threeDistricts);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 3, replaced: 0, removed: 0, sitesResolved: 0 });
    const items = await listRegions();
    expect(items.map((r) => r.name)).toEqual(['Ochota', 'Praga-Południe', 'Wola']);
    expect(items[0]).toMatchObject({ siteCount: 0, geometry: { type: 'Polygon', coordinates: [square(21.02, 52.2)] } });
    expect(items[0]?.center.lat).toBeCloseTo(52.205, 6);
    expect(items[0]?.center.lng).toBeCloseTo(21.025, 6);
    regionIds = Object.fromEntries(items.map((r) => [r.name, r.id]));
    const audit = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'regions.imported').execute());
    expect(audit).toHaveLength(1);
    const events = await db.inTenant(owner.tenantId, (tx) => tx.selectFrom('outbox').select(['event_type', 'payload']).where('event_type', '=', 'regions.imported').execute());
    expect(events[0]?.payload).toMatchObject({ imported: 3, replaced: 0, removed: 0 });
  });

  it('places a new site in the region its coordinates lie in, and a site without coordinates in none', async () => {
    const customerId = await newCustomer();
    const first = await newSite(customerId, inFirst);
    const second = await newSite(customerId, inSecond);
    const third = await newSite(customerId, inThird);
    const outside = await newSite(customerId, { lat: 50.06, lng: 19.94 });
    const nowhere = await newSite(customerId, null);
    expect(first.region).toEqual({ id: regionIds['Praga-Południe'], name: 'Praga-Południe' });
    expect(second.region).toEqual({ id: regionIds.Wola, name: 'Wola' });
    expect(third.region?.name).toBe('Ochota');
    expect(outside.region).toBeNull();
    expect(nowhere.region).toBeNull();
    Object.assign(sites, { first: first.id, second: second.id, third: third.id, outside: outside.id, nowhere: nowhere.id });
    expect((await listRegions()).map((r) => [r.name, r.siteCount])).toEqual([['Ochota', 1], ['Praga-Południe', 1], ['Wola', 1]]);
  });

  it('replaces a region named with another spelling instead of adding one, removes the missing, and places every site again', async () => {
    // "Praga Poludnie" is "Praga-Południe" without the dash and diacritics; the two squares swap.
    const response = await call('POST', '/api/regions/import', regionsFile(['Praga Poludnie', 21.01], ['WOLA', 21.0]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 2, replaced: 2, removed: 1, sitesResolved: 2 });
    const items = await listRegions();
    expect(items.map((r) => [r.name, r.id])).toEqual([
      ['Praga Poludnie', regionIds['Praga-Południe']],
      ['WOLA', regionIds.Wola],
    ]);
    expect(await regionOf(sites.first ?? '')).toEqual({ id: regionIds.Wola, name: 'WOLA' });
    expect(await regionOf(sites.second ?? '')).toEqual({ id: regionIds['Praga-Południe'], name: 'Praga Poludnie' });
    expect(await regionOf(sites.third ?? '')).toBeNull();
    expect(await regionOf(sites.nowhere ?? '')).toBeNull();
    // Placement is derived: the sites keep their version, so open edit forms still save.
    expect((await call('GET', `/api/sites/${sites.first}`)).headers.etag).toBe('"1"');
    // A site created now is placed with the new regions at once.
    const later = await newSite(await newCustomer(), inFirst);
    expect(later.region?.name).toBe('WOLA');
  });

  it('refuses invalid GeoJSON with 400 naming each problem under /body, and changes nothing', async () => {
    const before = await listRegions();
    const broken = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Bemowo' }, geometry: { type: 'Polygon', coordinates: [[[20.9, 52.2], [20.91, 52.2], [20.91, 52.21], [20.9, 52.2]].slice(0, 3)] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(20.8, 52.2)] } },
        { type: 'Feature', properties: { name: 'Wola' }, geometry: { type: 'Point', coordinates: [21, 52] } },
      ],
    };
    const response = await call('POST', '/api/regions/import', broken);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json<{ errors: Array<{ field: string; rule: string }> }>().errors.map((e) => `${e.field} ${e.rule}`);
    expect(errors).toEqual(['/body/features/0/geometry/coordinates/0 min_positions', '/body/features/1/properties name', '/body/features/2/geometry/type geometry_type']);
    const notGeoJson = await call('POST', '/api/regions/import', { type: 'Polygon', coordinates: [] });
    expect(notGeoJson.json().errors[0]).toMatchObject({ field: '/body/type', rule: 'type' });
    expect(await listRegions()).toEqual(before);
  });

  it('reads the name from the property given in nameProperty', async () => {
    const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { dzielnica: 'Wola', name: 'ignored' }, geometry: { type: 'Polygon', coordinates: [square(21.0, 52.2)] } }] };
    const response = await call('POST', '/api/regions/import?nameProperty=dzielnica', file);
    expect(response.json()).toMatchObject({ imported: 1, replaced: 1, removed: 1 });
    expect((await listRegions()).map((r) => r.name)).toEqual(['Wola']);
  });

  it('lets a viewer read regions and the map settings but not import', async () => {
    await sut.identity.addUser('regiony', { email: 'viewer@regiony.test', name: 'Viewer', password: 'correct horse battery', role: 'viewer' });
    const login = await sut.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'viewer@regiony.test', password: 'correct horse battery' } });
    const viewer = caller(sut, () => sessionCookieOf(login.headers['set-cookie']));
    expect((await viewer('GET', '/api/regions')).statusCode).toBe(200);
    expect((await viewer('POST', '/api/regions/import', threeDistricts)).statusCode).toBe(403);
    expect((await viewer('GET', '/api/ui-config')).json()).toEqual({ mapTilesUrl: null, mapAttribution: null });
  });

  it('serves the configured tile layer in /api/ui-config', async () => {
    const configured = await createTestApp(db, { MAP_TILES_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_ATTRIBUTION: '© OpenStreetMap contributors' });
    try {
      const response = await configured.http.inject({ method: 'GET', url: '/api/ui-config', headers: { cookie: owner.cookie } });
      expect(response.json()).toEqual({ mapTilesUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', mapAttribution: '© OpenStreetMap contributors' });
    } finally {
      await configured.close();
    }
  });

  it('accepts a file larger than the default body limit', async () => {
    // ≈ 1.6 MB: one region outlined by 60,000 vertices, as detailed OSM boundaries are.
    const ring = Array.from({ length: 60_000 }, (_, i) => {
      const angle = (2 * Math.PI * i) / 60_000;
      return [21.1 + 0.01 * Math.cos(angle), 52.3 + 0.01 * Math.sin(angle)];
    });
    ring.push(ring[0] ?? []);
    const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Koło' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
    expect(JSON.stringify(file).length).toBeGreaterThan(sut.config.BODY_LIMIT_BYTES);
    const response = await call('POST', '/api/regions/import', file);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json()).toMatchObject({ imported: 1, removed: 1 });
  });
});

// Two API instances over one database and one Redis: an import on one must reach the other's
// in-memory point-in-polygon index before its next placement.
describeOnRedis('regions: a second instance places sites with the regions another instance imported', () => {
  const [pglite] = testBackends();
  let db: Database;
  let first: TestApp;
  let second: TestApp;
  let owner: SignedUpTenant;

  beforeAll(async () => {
    if (!pglite || !testRedisUrl) throw new Error('PGlite backend or Redis missing');
    db = await pglite.open();
    first = await createTestApp(db, { REDIS_URL: testRedisUrl });
    second = await createTestApp(db, { REDIS_URL: testRedisUrl });
    owner = await signUpTenant(first, `regiony-redis-${Date.now()}`);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.close();
  });

  it('rebuilds the other instance\'s index after an import', async () => {
    const onFirst = caller(first, () => owner.cookie);
    const onSecond = caller(second, () => owner.cookie);
    await onFirst('POST', '/api/regions/import', regionsFile(['Wola', 21.0]));
    const customerId = (await onFirst('POST', '/api/customers', { kind: 'company', companyName: 'Dwie Instancje' })).json<{ id: string }>().id;
    const site = { street: 'Prosta 1', postalCode: '00-838', city: 'Warszawa', ...inSecond };
    // The second instance builds its index now: the point lies in no region yet.
    expect((await onSecond('POST', `/api/customers/${customerId}/sites`, site)).json().region).toBeNull();
    await onFirst('POST', '/api/regions/import', regionsFile(['Wola', 21.0], ['Ochota', 21.01]));
    expect((await onSecond('POST', `/api/customers/${customerId}/sites`, site)).json().region).toMatchObject({ name: 'Ochota' });
  });
});

const run = promisify(execFile);
const cliPath = new URL('../../../bin/pasja.js', import.meta.url).pathname;

async function pasja(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [cliPath, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DEMO_SEED: 'false', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pasja regions import', () => {
  it('imports a GeoJSON file into a tenant, and refuses an invalid one naming the places in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pasja-regions-'));
    const env = { DATA_DIR: join(dir, 'data') };
    const good = join(dir, 'districts.geojson');
    const bad = join(dir, 'broken.geojson');
    writeFileSync(good, JSON.stringify(regionsFile(['Praga-Południe', 21.0], ['Wola', 21.01])));
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nazwa: 'Wola' }, geometry: { type: 'Polygon', coordinates: [[[21, 52], [21.1, 52], [21.1, 52.1], [21.05, 52.2]]] } }] }));
    const created = await pasja(['create-tenant', '--slug', 'mapa', '--name', 'Mapa', '--owner-email', 'szef@mapa.pl', '--owner-password', 'bardzo-tajne-1'], env);
    expect(created.code, created.stderr).toBe(0);

    const imported = await pasja(['regions', 'import', good, '--tenant', 'mapa', '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 2, replaced: 0, removed: 0, sitesResolved: 0 });

    const again = await pasja(['regions', 'import', good, '--tenant', 'mapa'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Imported 2 regions into mapa: 2 replaced, 0 new, 0 removed');

    const refused = await pasja(['regions', 'import', bad, '--tenant', 'mapa'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('/features/0/geometry/coordinates/0: A linear ring must end where it starts');

    const unknownTenant = await pasja(['regions', 'import', good, '--tenant', 'nie-ma'], env);
    expect(unknownTenant.code).toBe(1);
    expect(unknownTenant.stderr).toContain('Tenant "nie-ma" not found');
  }, 120_000);
});
