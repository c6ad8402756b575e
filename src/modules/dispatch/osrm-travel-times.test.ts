import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { osrmTravelTimes, type OsrmFallbackReason, type OsrmTravelTimesOptions } from './osrm-travel-times.ts';
import { defaultLegTiming, type GeoPoint, type TravelMatrixResult, type TravelTimeSource } from './travel-times.ts';

// ---- A local imitation of osrm-routed's Table service ----

type FakeMode = 'ok' | 'server_error' | 'hang_up' | 'slow' | 'reject';

interface FakeOsrm {
  baseUrl: string;
  requests: URL[];
  mode: FakeMode;
  close(): Promise<void>;
}

const fakeMaxTableSize = 100;

// Its own road rule, so every expected value is exact: 1 s per 0.00001° of latitude plus 1 s per
// 0.00001° of longitude, twice as slow going north (asymmetric, so a transposed block would show),
// 10 m per second. Longitude ≥ 30 is an island: no road to or from the mainland.
function fakeSeconds(from: GeoPoint, to: GeoPoint): number | null {
  if (isIsland(from) !== isIsland(to)) return null;
  const seconds = Math.round(Math.abs(to.lat - from.lat) * 1e5) + Math.round(Math.abs(to.lng - from.lng) * 1e5);
  return to.lat > from.lat ? 2 * seconds : seconds;
}

function isIsland(point: GeoPoint): boolean {
  return point.lng >= 30;
}

async function startFakeOsrm(): Promise<FakeOsrm> {
  const fake: Omit<FakeOsrm, 'baseUrl' | 'close'> = { requests: [], mode: 'ok' };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://osrm.test');
    fake.requests.push(url);
    answer(fake.mode, url, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function answer(mode: FakeMode, url: URL, request: IncomingMessage, response: ServerResponse): void {
  switch (mode) {
    case 'ok':
      return sendTable(url, response);
    case 'slow':
      setTimeout(() => sendTable(url, response), 300);
      return;
    case 'server_error':
      return sendJson(response, 500, { code: 'InternalError' });
    case 'reject':
      return sendJson(response, 400, { code: 'NoSegment', message: 'Could not find a matching segment for coordinate 0' });
    case 'hang_up':
      request.socket.destroy();
      return;
  }
}

function sendTable(url: URL, response: ServerResponse): void {
  const match = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
  if (!match?.[1]) return sendJson(response, 400, { code: 'InvalidUrl' });
  const places = match[1].split(';').map((pair) => {
    const [lng, lat] = pair.split(',').map(Number);
    return { lat: lat as number, lng: lng as number };
  });
  const sources = indicesOf(url.searchParams.get('sources'), places.length);
  const destinations = indicesOf(url.searchParams.get('destinations'), places.length);
  if (sources.length * destinations.length > fakeMaxTableSize ** 2) return sendJson(response, 400, { code: 'TooBig' });
  const durations = sources.map((from) => destinations.map((to) => fakeSeconds(places[from] as GeoPoint, places[to] as GeoPoint)));
  const distances = durations.map((row) => row.map((seconds) => (seconds === null ? null : seconds * 10)));
  const waypoint = (index: number) => ({ name: '', location: [places[index]?.lng, places[index]?.lat] });
  sendJson(response, 200, { code: 'Ok', durations, distances, sources: sources.map(waypoint), destinations: destinations.map(waypoint) });
}

function indicesOf(parameter: string | null, count: number): number[] {
  return parameter === null || parameter === 'all' ? Array.from({ length: count }, (_, index) => index) : parameter.split(';').map(Number);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

// ---- Helpers ----

// Distinct places on a grid, at five decimals like the coordinates sent.
function places(count: number): GeoPoint[] {
  return Array.from({ length: count }, (_, index) => ({ lat: round5(52.1 + index * 0.001), lng: round5(20.9 + (index % 7) * 0.002) }));
}

function round5(value: number): number {
  return Number(value.toFixed(5));
}

function expectedMinutes(from: GeoPoint, to: GeoPoint): number {
  return (fakeSeconds(from, to) as number) / 60 + defaultLegTiming.overheadMinutes;
}

function expectMatchesFakeRule(points: readonly GeoPoint[], result: TravelMatrixResult): void {
  const size = points.length;
  const wrong: string[] = [];
  for (let from = 0; from < size; from++) {
    for (let to = 0; to < size; to++) {
      const want = from === to ? 0 : expectedMinutes(points[from] as GeoPoint, points[to] as GeoPoint);
      const got = result.minutes[from * size + to] as number;
      if (Math.abs(got - want) > 1e-9) wrong.push(`[${from},${to}] ${got} ≠ ${want}`);
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
}

const fallbackMinutes = 999;
const fallbackKilometres = 888;

// Answers every leg between distinct indices with one recognisable value.
function recognisableFallback(): TravelTimeSource & { calls: number } {
  const fallback = {
    calls: 0,
    async matrix(points: readonly GeoPoint[]): Promise<TravelMatrixResult> {
      fallback.calls++;
      const size = points.length;
      const offDiagonal = (value: number) => Float64Array.from({ length: size * size }, (_, index) => (index % (size + 1) === 0 ? 0 : value));
      return { size, minutes: offDiagonal(fallbackMinutes), kilometres: offDiagonal(fallbackKilometres), source: 'straight_line' };
    },
  };
  return fallback;
}

// ---- Tests ----

describe('osrmTravelTimes', () => {
  let osrm: FakeOsrm;
  let fallback: ReturnType<typeof recognisableFallback>;
  let fallbackReasons: OsrmFallbackReason[];

  beforeEach(async () => {
    osrm = await startFakeOsrm();
    fallback = recognisableFallback();
    fallbackReasons = [];
  });

  afterEach(async () => {
    await osrm.close();
  });

  function createSut(options: Partial<OsrmTravelTimesOptions> = {}) {
    return osrmTravelTimes({ baseUrl: osrm.baseUrl, fallback, onFallback: (reason) => fallbackReasons.push(reason), ...options });
  }

  it('asks the Table service with longitude first and both annotations', async () => {
    const sut = createSut({ baseUrl: `${osrm.baseUrl}/` });
    const points = [
      { lat: 52.2318, lng: 21.006 },
      { lat: 52.1651, lng: 21.0904 },
    ];
    const result = await sut.matrix(points);
    expect(osrm.requests).toHaveLength(1);
    const [request] = osrm.requests as [URL];
    expect(request.pathname).toBe('/table/v1/driving/21.00600,52.23180;21.09040,52.16510');
    expect(request.searchParams.get('annotations')).toBe('duration,distance');
    expect(request.searchParams.has('sources')).toBe(false);
    expect(result.source).toBe('osrm');
    expectMatchesFakeRule(points, result);
    expect(result.kilometres[1]).toBe(((fakeSeconds(points[0] as GeoPoint, points[1] as GeoPoint) as number) * 10) / 1000);
  });

  it("assembles 130 places from blocks within OSRM's default 100×100 limit", async () => {
    const points = places(130);
    const result = await createSut().matrix(points);
    expect(osrm.requests).toHaveLength(4);
    for (const request of osrm.requests) {
      const count = (name: string) => request.searchParams.get(name)?.split(';').length ?? request.pathname.split(';').length;
      expect(count('sources') * count('destinations')).toBeLessThanOrEqual(100 * 100);
    }
    expect(result.source).toBe('osrm');
    expectMatchesFakeRule(points, result);
    expect(fallbackReasons).toEqual([]);
  });

  it('names sources and destinations in blocks off the diagonal', async () => {
    const points = places(20);
    const result = await createSut({ maxTableSize: 7 }).matrix(points);
    expect(osrm.requests).toHaveLength(9); // 3 × 3 blocks of up to 7
    const offDiagonal = osrm.requests.find((request) => request.searchParams.get('sources') === '0;1;2;3;4;5;6' && request.searchParams.get('destinations') === '7;8;9;10;11;12');
    expect(offDiagonal).toBeDefined();
    expectMatchesFakeRule(points, result);
  });

  it('fills pairs OSRM has no route for from the fallback', async () => {
    const island = { lat: 54.5, lng: 30.5 };
    const [a, b] = places(2) as [GeoPoint, GeoPoint];
    const result = await createSut().matrix([a, b, island]);
    expect(result.source).toBe('osrm');
    expect(result.minutes[0 * 3 + 1]).toBeCloseTo(expectedMinutes(a, b), 9);
    expect([result.minutes[0 * 3 + 2], result.minutes[2 * 3 + 1]]).toEqual([fallbackMinutes, fallbackMinutes]);
    expect(result.kilometres[1 * 3 + 2]).toBe(fallbackKilometres);
    expect(fallbackReasons).toEqual(['no_route']);
  });

  it('asks OSRM once for the same places, whatever the departure time', async () => {
    const sut = createSut();
    const points = places(5);
    const nearlyTheSame = points.map((point) => ({ lat: point.lat + 1e-7, lng: point.lng }));
    const midday = await sut.matrix(points, new Date('2026-03-10T11:00:00+01:00'));
    const rush = await sut.matrix(nearlyTheSame, new Date('2026-03-10T08:00:00+01:00'));
    expect(osrm.requests).toHaveLength(1);
    const drivingAt = (result: TravelMatrixResult) => (result.minutes[1] as number) - defaultLegTiming.overheadMinutes;
    expect(drivingAt(rush)).toBeCloseTo(drivingAt(midday) * defaultLegTiming.rushHourFactor, 9);
  });

  it('asks again once a cached table has expired', async () => {
    const sut = createSut({ cache: { ttlMs: 30 } });
    await sut.matrix(places(3));
    await sleep(60);
    await sut.matrix(places(3));
    expect(osrm.requests).toHaveLength(2);
  });

  it('asks nothing for fewer than two places', async () => {
    const result = await createSut().matrix(places(1));
    expect([...result.minutes]).toEqual([0]);
    expect(osrm.requests).toHaveLength(0);
  });

  describe.each([
    ['answers 500', 'server_error'],
    ['hangs up', 'hang_up'],
  ] as const)('when OSRM %s', (_, mode) => {
    it('opens the circuit after consecutive failures, and the fallback answers without calling OSRM', async () => {
      const sut = createSut({ cache: false, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
      osrm.mode = mode;
      const answers = [await sut.matrix(places(3)), await sut.matrix(places(3))];
      expect(sut.state()).toBe('open');
      answers.push(await sut.matrix(places(3)));
      expect(osrm.requests).toHaveLength(2);
      expect(answers.map((answer) => answer.source)).toEqual(['straight_line', 'straight_line', 'straight_line']);
      expect(answers[2]?.minutes[1]).toBe(fallbackMinutes);
      expect(fallbackReasons).toEqual(['unavailable', 'unavailable', 'circuit_open']);
    });
  });

  // Two failed calls open a circuit that lets a test call through after 100 ms.
  async function openBriefCircuit() {
    const sut = createSut({ cache: false, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 100 } });
    osrm.mode = 'server_error';
    await sut.matrix(places(3));
    await sut.matrix(places(3));
    expect(sut.state()).toBe('open');
    return sut;
  }

  it('closes the circuit when OSRM answers the first call after the half-open period', async () => {
    const sut = await openBriefCircuit();
    osrm.mode = 'ok';
    await sleep(150);
    const result = await sut.matrix(places(3));
    expect(result.source).toBe('osrm');
    expect(sut.state()).toBe('closed');
    expect(osrm.requests).toHaveLength(3);
  });

  it('opens again when the half-open test call fails too', async () => {
    const sut = await openBriefCircuit();
    await sleep(150);
    await sut.matrix(places(3));
    expect(sut.state()).toBe('open');
    expect(osrm.requests).toHaveLength(3);
  });

  it('falls back when OSRM is slower than the timeout', async () => {
    const sut = createSut({ timeoutMs: 50 });
    osrm.mode = 'slow';
    const result = await sut.matrix(places(3));
    expect(result.source).toBe('straight_line');
    expect(fallbackReasons).toEqual(['timeout']);
  });

  it('keeps the circuit closed when OSRM rejects a request, which says nothing of its health', async () => {
    const sut = createSut({ cache: false, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    osrm.mode = 'reject';
    for (let call = 0; call < 3; call++) await sut.matrix(places(3));
    expect(sut.state()).toBe('closed');
    expect(osrm.requests).toHaveLength(3);
    expect(fallbackReasons).toEqual(['rejected', 'rejected', 'rejected']);
  });
});
