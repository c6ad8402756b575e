// Road travel times from an OSRM server's Table service, behind a circuit breaker: while OSRM is
// down or slow, the fallback (the straight-line estimate) answers, so dispatch never waits on it.
//
// OSRM's car profile gives free-flow driving, so the same per-leg overhead and Warsaw rush-hour
// slowdown as the straight-line estimate are applied on top (travel-times.ts): plans made while
// OSRM is down stay comparable with those made while it is up.

import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { assertUnreachable } from '../../core/errors.ts';
import {
  assertGeoPoints,
  doorToDoorMinutes,
  isSamePlace,
  legTimingAt,
  type GeoPoint,
  type LegTimingOptions,
  type TravelMatrixResult,
  type TravelTimeSource,
} from './travel-times.ts';

// 'no_route': OSRM answered but found no road between some pairs (the fallback filled those in).
export type OsrmFallbackReason = 'circuit_open' | 'timeout' | 'unavailable' | 'rejected' | 'no_route';
export type OsrmCircuitState = 'closed' | 'open' | 'half_open';

export interface OsrmCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
}

export interface OsrmBreakerOptions {
  consecutiveFailures?: number;
  halfOpenAfterMs?: number;
}

export interface OsrmTravelTimesOptions {
  baseUrl: string;
  fallback: TravelTimeSource;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number; // per HTTP request
  maxTableSize?: number; // the server's --max-table-size: sources and destinations per request
  concurrency?: number; // block requests in flight for one large matrix
  cache?: OsrmCacheOptions | false;
  breaker?: OsrmBreakerOptions;
  legTiming?: LegTimingOptions;
  onFallback?: (reason: OsrmFallbackReason) => void;
}

export interface OsrmTravelTimes extends TravelTimeSource {
  state(): OsrmCircuitState;
}

export const osrmDefaults = {
  // A 100×100 table takes OSRM well under a second (CH or MLD); 5 s means it is in trouble.
  timeoutMs: 5_000,
  maxTableSize: 100, // osrm-routed's default --max-table-size
  concurrency: 4,
  // Road times do not change by the minute; a day's plans are re-solved with the same places.
  cacheTtlMs: 6 * 60 * 60 * 1000,
  cacheMaxEntries: 500,
  cacheMaxBytes: 64 * 1024 * 1024, // a 100-place table is 160 KB, a 500-place one 4 MB
  consecutiveFailures: 5,
  halfOpenAfterMs: 30_000,
} as const;

// Road seconds and metres as OSRM gave them, NaN where it found no route.
interface RoadTable {
  size: number;
  seconds: Float64Array;
  metres: Float64Array;
}

// 'rejected' (a 4xx: a point off the road network, a table too big) says nothing about OSRM's
// health, so it does not count towards opening the circuit.
class OsrmRequestError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'OsrmRequestError';
  }
}

export function osrmTravelTimes(options: OsrmTravelTimesOptions): OsrmTravelTimes {
  const fetchTable = createTableFetcher(options);
  const cache = options.cache === false ? undefined : createRoadTableCache(options.cache ?? {});
  const onFallback = options.onFallback ?? (() => {});

  async function roadTableFor(points: readonly GeoPoint[]): Promise<RoadTable> {
    const key = cacheKey(points);
    const cached = cache?.get(key);
    if (cached) return cached;
    const table = await fetchRoadTable(points, fetchTable.request, options);
    cache?.set(key, table);
    return table;
  }

  return {
    state: fetchTable.state,
    async matrix(points, departAt) {
      assertGeoPoints(points);
      let table: RoadTable;
      try {
        table = await roadTableFor(points);
      } catch (error) {
        onFallback(fallbackReasonOf(error));
        return options.fallback.matrix(points, departAt);
      }
      return toTravelMatrixResult(points, table, departAt, options, onFallback);
    },
  };
}

// ---- HTTP behind the breaker ----

interface TableFetcher {
  request(url: string): Promise<unknown>;
  state(): OsrmCircuitState;
}

function createTableFetcher(options: OsrmTravelTimesOptions): TableFetcher {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const breaker = circuitBreaker(
    handleWhen((error) => !(error instanceof OsrmRequestError && error.reason === 'rejected')),
    {
      breaker: new ConsecutiveBreaker(options.breaker?.consecutiveFailures ?? osrmDefaults.consecutiveFailures),
      halfOpenAfter: options.breaker?.halfOpenAfterMs ?? osrmDefaults.halfOpenAfterMs,
    },
  );
  // The breaker is outside the timeout, so a timed-out call counts as a failure.
  const policy = wrap(breaker, timeout(options.timeoutMs ?? osrmDefaults.timeoutMs, TimeoutStrategy.Aggressive));
  return {
    request: (url) => policy.execute(({ signal }) => getJson(fetchImpl, url, signal)),
    state: () => circuitStateName(breaker.state),
  };
}

async function getJson(fetchImpl: typeof globalThis.fetch, url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetchImpl(url, { signal, headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  const code = isRecord(body) ? String(body.code) : 'no JSON body';
  const reason = response.status >= 500 || response.status === 429 ? 'unavailable' : 'rejected';
  throw new OsrmRequestError(reason, `OSRM answered ${response.status} ${code}`);
}

function circuitStateName(state: CircuitState): OsrmCircuitState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half_open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
    default:
      return assertUnreachable(state);
  }
}

function fallbackReasonOf(error: unknown): OsrmFallbackReason {
  if (error instanceof BrokenCircuitError) return 'circuit_open';
  if (error instanceof TaskCancelledError) return 'timeout';
  if (error instanceof OsrmRequestError) return error.reason;
  return 'unavailable'; // refused connection, reset socket, DNS
}

// ---- Blocks: OSRM caps sources × destinations per request ----

interface IndexRange {
  start: number;
  end: number; // exclusive
}

interface TableBlock {
  sources: IndexRange;
  destinations: IndexRange;
}

export function planTableBlocks(size: number, maxTableSize: number): TableBlock[] {
  const ranges: IndexRange[] = [];
  for (let start = 0; start < size; start += maxTableSize) ranges.push({ start, end: Math.min(size, start + maxTableSize) });
  return ranges.flatMap((sources) => ranges.map((destinations) => ({ sources, destinations })));
}

async function fetchRoadTable(points: readonly GeoPoint[], request: TableFetcher['request'], options: OsrmTravelTimesOptions): Promise<RoadTable> {
  const size = points.length;
  const table: RoadTable = { size, seconds: new Float64Array(size * size), metres: new Float64Array(size * size) };
  if (size < 2) return table;
  const blocks = planTableBlocks(size, options.maxTableSize ?? osrmDefaults.maxTableSize);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const tasks = blocks.map((block) => async () => {
    const body = await request(tableBlockUrl(baseUrl, points, block));
    copyBlockInto(table, block, parseTableBody(body, block));
  });
  await runWithConcurrency(tasks, options.concurrency ?? osrmDefaults.concurrency);
  return table;
}

// A diagonal block sends its places once; any other sends sources then destinations and says which
// is which, so no request carries more coordinates than it needs.
export function tableBlockUrl(baseUrl: string, points: readonly GeoPoint[], block: TableBlock): string {
  const annotations = 'annotations=duration,distance';
  const sources = points.slice(block.sources.start, block.sources.end);
  if (block.sources.start === block.destinations.start) {
    return `${baseUrl}/table/v1/driving/${formatCoordinates(sources)}?${annotations}`;
  }
  const destinations = points.slice(block.destinations.start, block.destinations.end);
  const sourceIndices = indexList(0, sources.length);
  const destinationIndices = indexList(sources.length, sources.length + destinations.length);
  const coordinates = formatCoordinates([...sources, ...destinations]);
  return `${baseUrl}/table/v1/driving/${coordinates}?${annotations}&sources=${sourceIndices}&destinations=${destinationIndices}`;
}

// OSRM wants longitude first. Five decimals are about a metre, finer than any address.
function formatCoordinates(points: readonly GeoPoint[]): string {
  return points.map((point) => `${roundCoordinate(point.lng)},${roundCoordinate(point.lat)}`).join(';');
}

function roundCoordinate(degrees: number): string {
  return degrees.toFixed(5);
}

function indexList(start: number, end: number): string {
  return Array.from({ length: end - start }, (_, offset) => start + offset).join(';');
}

interface BlockValues {
  durations: (number | null)[][];
  distances: (number | null)[][];
}

function parseTableBody(body: unknown, block: TableBlock): BlockValues {
  const rows = block.sources.end - block.sources.start;
  const columns = block.destinations.end - block.destinations.start;
  if (!isRecord(body) || body.code !== 'Ok' || !isMatrix(body.durations, rows, columns) || !isMatrix(body.distances, rows, columns)) {
    throw new OsrmRequestError('unavailable', `OSRM's table is not the ${rows}×${columns} durations and distances asked for`);
  }
  return { durations: body.durations, distances: body.distances };
}

function isMatrix(value: unknown, rows: number, columns: number): value is (number | null)[][] {
  return (
    Array.isArray(value) &&
    value.length === rows &&
    value.every((row) => Array.isArray(row) && row.length === columns && row.every((cell) => cell === null || typeof cell === 'number'))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function copyBlockInto(table: RoadTable, block: TableBlock, values: BlockValues): void {
  for (let row = 0; row < block.sources.end - block.sources.start; row++) {
    for (let column = 0; column < block.destinations.end - block.destinations.start; column++) {
      const index = (block.sources.start + row) * table.size + block.destinations.start + column;
      table.seconds[index] = values.durations[row]?.[column] ?? Number.NaN;
      table.metres[index] = values.distances[row]?.[column] ?? Number.NaN;
    }
  }
}

// Stops starting blocks once one fails: the whole matrix then comes from the fallback anyway.
async function runWithConcurrency(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  let failed = false;
  async function work(): Promise<void> {
    while (!failed && next < tasks.length) {
      const task = tasks[next++] as () => Promise<void>;
      await task().catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), tasks.length) }, work));
}

// ---- From road table to door-to-door result ----

async function toTravelMatrixResult(
  points: readonly GeoPoint[],
  table: RoadTable,
  departAt: Date | undefined,
  options: OsrmTravelTimesOptions,
  onFallback: (reason: OsrmFallbackReason) => void,
): Promise<TravelMatrixResult> {
  const { size } = table;
  const minutes = new Float64Array(size * size);
  const kilometres = new Float64Array(size * size);
  const timing = legTimingAt(departAt, options.legTiming);
  const unroutable: number[] = [];
  for (let from = 0; from < size; from++) {
    for (let to = 0; to < size; to++) {
      const index = from * size + to;
      if (isSamePlace(points[from] as GeoPoint, points[to] as GeoPoint)) continue;
      const seconds = table.seconds[index] as number;
      const metres = table.metres[index] as number;
      if (Number.isNaN(seconds) || Number.isNaN(metres)) {
        unroutable.push(index);
        continue;
      }
      minutes[index] = doorToDoorMinutes(seconds / 60, timing);
      kilometres[index] = metres / 1000;
    }
  }
  if (unroutable.length > 0) {
    onFallback('no_route');
    const estimate = await options.fallback.matrix(points, departAt);
    for (const index of unroutable) {
      minutes[index] = estimate.minutes[index] as number;
      kilometres[index] = estimate.kilometres[index] as number;
    }
  }
  return { size, minutes, kilometres, source: 'osrm' };
}

// ---- Cache of raw road tables (timing is applied per call, so one entry serves any hour) ----

function createRoadTableCache(options: OsrmCacheOptions): LRUCache<string, RoadTable> {
  return new LRUCache<string, RoadTable>({
    max: options.maxEntries ?? osrmDefaults.cacheMaxEntries,
    maxSize: options.maxBytes ?? osrmDefaults.cacheMaxBytes,
    // lru-cache refuses a size of 0, which an empty or one-place table would have.
    sizeCalculation: (table) => table.seconds.byteLength + table.metres.byteLength + 1,
    ttl: options.ttlMs ?? osrmDefaults.cacheTtlMs,
  });
}

function cacheKey(points: readonly GeoPoint[]): string {
  return points.map((point) => `${roundCoordinate(point.lat)},${roundCoordinate(point.lng)}`).join(';');
}
