import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { regionNameKey } from './region-names.ts';

// Own structural types rather than @types/geojson: that package is only a transitive dependency,
// and these are assignable to its Polygon/MultiPolygon, so turf accepts them as they are.
// Positions are [longitude, latitude], in GeoJSON order; rings are closed (first = last).
export type LngLatPosition = number[];
export interface RegionPolygon {
  type: 'Polygon';
  coordinates: LngLatPosition[][];
}
export interface RegionMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LngLatPosition[][][];
}
export type RegionGeometry = RegionPolygon | RegionMultiPolygon;

export interface ParsedRegion {
  name: string;
  geometry: RegionGeometry;
}

export type RegionGeoJsonRule =
  | 'type'
  | 'required'
  | 'min_features'
  | 'geometry_type'
  | 'ring'
  | 'min_positions'
  | 'closed_ring'
  | 'position'
  | 'longitude'
  | 'latitude'
  | 'name'
  | 'unique_name'
  | 'too_many_errors';

// `field` is a JSON Pointer into the uploaded document, so a problem+json answer can name the place.
export interface RegionGeoJsonError {
  field: string;
  rule: RegionGeoJsonRule;
  message: string;
}

export type ParseRegionsResult = { ok: true; regions: ParsedRegion[] } | { ok: false; errors: RegionGeoJsonError[] };

export interface ParseRegionsOptions {
  // The feature property holding the region name; without it "name", "district", "nazwa" are tried.
  nameProperty?: string;
}

const defaultNameProperties = ['name', 'district', 'nazwa'] as const;
const maxNameLength = 200;
// A file with one systematic mistake would otherwise yield thousands of identical errors.
const maxErrors = 100;

type Report = (field: string, rule: RegionGeoJsonRule, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}

// RFC 6901: "~" and "/" inside a property name must be escaped in a pointer.
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

// Validates an uploaded FeatureCollection (or single Feature) of named region polygons and returns
// them with 2-D positions only, or every problem found (up to a cap), each with a JSON Pointer.
export function parseRegionsGeoJson(input: unknown, options: ParseRegionsOptions = {}): ParseRegionsResult {
  const errors: RegionGeoJsonError[] = [];
  let truncated = false;
  const report: Report = (field, rule, message) => {
    if (errors.length < maxErrors) errors.push({ field, rule, message });
    else truncated = true;
  };

  const features = topLevelFeatures(input, report);
  const regions: ParsedRegion[] = [];
  const seen = new Map<string, { index: number; name: string }>();
  for (const { value, pointer, index } of features) {
    const named = parseFeatureName(value, pointer, options.nameProperty, report);
    const geometry = isRecord(value) && value.type === 'Feature' ? parseGeometry(value.geometry, `${pointer}/geometry`, report) : null;
    if (!named) continue;
    const key = regionNameKey(named.name);
    const earlier = seen.get(key);
    if (earlier) {
      report(
        named.field,
        'unique_name',
        `Region name "${named.name}" is already used by feature ${earlier.index} ("${earlier.name}"); names are compared ignoring case, diacritics, dashes and spacing`,
      );
      continue;
    }
    seen.set(key, { index, name: named.name });
    if (geometry) regions.push({ name: named.name, geometry });
  }

  if (truncated) errors.push({ field: '', rule: 'too_many_errors', message: `Only the first ${maxErrors} errors are listed` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, regions };
}

function topLevelFeatures(input: unknown, report: Report): Array<{ value: unknown; pointer: string; index: number }> {
  if (!isRecord(input)) {
    report('', 'type', `Expected a GeoJSON FeatureCollection or Feature object, got ${describeValue(input)}`);
    return [];
  }
  if (input.type === 'Feature') return [{ value: input, pointer: '', index: 0 }];
  if (input.type !== 'FeatureCollection') {
    const hint = input.type === 'Polygon' || input.type === 'MultiPolygon' ? '; a bare geometry has no name, wrap it in a Feature with properties.name' : '';
    report('/type', 'type', `Expected "FeatureCollection" or "Feature", got ${describeValue(input.type)}${hint}`);
    return [];
  }
  if (!Array.isArray(input.features)) {
    report('/features', 'type', `Expected an array of features, got ${describeValue(input.features)}`);
    return [];
  }
  if (input.features.length === 0) {
    report('/features', 'min_features', 'The FeatureCollection has no features; at least one region is needed');
    return [];
  }
  return input.features.map((value: unknown, index) => ({ value, pointer: `/features/${index}`, index }));
}

function parseFeatureName(feature: unknown, pointer: string, nameProperty: string | undefined, report: Report): { name: string; field: string } | null {
  if (!isRecord(feature)) {
    report(pointer, 'type', `Expected a Feature object, got ${describeValue(feature)}`);
    return null;
  }
  if (feature.type !== 'Feature') {
    report(`${pointer}/type`, 'type', `Expected "Feature", got ${describeValue(feature.type)}`);
    return null;
  }
  const properties = feature.properties;
  const candidates = nameProperty === undefined ? defaultNameProperties : [nameProperty];
  const wanted = candidates.map((key) => `"${key}"`).join(', ');
  if (!isRecord(properties)) {
    report(`${pointer}/properties`, 'name', `Expected properties with a region name in ${wanted}, got ${describeValue(properties)}`);
    return null;
  }
  const present = candidates.filter((key) => properties[key] !== undefined && properties[key] !== null);
  // Take the first usable candidate; when none is usable, blame the first one that is present.
  const usable = present.find((key) => {
    const value = properties[key];
    return typeof value === 'string' && regionNameKey(value) !== '' && value.trim().length <= maxNameLength;
  });
  if (usable !== undefined) {
    const name = String(properties[usable]).trim().replace(/\s+/g, ' ');
    return { name, field: `${pointer}/properties/${pointerToken(usable)}` };
  }
  const blamed = present[0];
  if (blamed === undefined) {
    report(`${pointer}/properties`, 'name', `Missing region name: expected a string in ${candidates.length > 1 ? 'one of ' : ''}${wanted}`);
  } else {
    const value = properties[blamed];
    const why = typeof value !== 'string' ? `got ${describeValue(value)}` : value.trim().length > maxNameLength ? `longer than ${maxNameLength} characters` : 'it has no letters or digits';
    report(`${pointer}/properties/${pointerToken(blamed)}`, 'name', `Region name must be a non-empty string of at most ${maxNameLength} characters: ${why}`);
  }
  return null;
}

function parseGeometry(geometry: unknown, pointer: string, report: Report): RegionGeometry | null {
  if (geometry === undefined || geometry === null) {
    report(pointer, 'required', 'The feature has no geometry; a region needs a Polygon or MultiPolygon');
    return null;
  }
  if (!isRecord(geometry)) {
    report(pointer, 'type', `Expected a geometry object, got ${describeValue(geometry)}`);
    return null;
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    report(`${pointer}/type`, 'geometry_type', `Expected "Polygon" or "MultiPolygon", got ${describeValue(geometry.type)}`);
    return null;
  }
  const coordinates = geometry.coordinates;
  if (geometry.type === 'Polygon') {
    const polygon = parsePolygonCoordinates(coordinates, `${pointer}/coordinates`, report);
    return polygon ? { type: 'Polygon', coordinates: polygon } : null;
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    report(`${pointer}/coordinates`, 'ring', `Expected a non-empty array of polygons, got ${describeValue(coordinates)}`);
    return null;
  }
  const polygons = coordinates.map((polygon: unknown, index) => parsePolygonCoordinates(polygon, `${pointer}/coordinates/${index}`, report));
  return polygons.every((polygon) => polygon !== null) ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

function parsePolygonCoordinates(value: unknown, pointer: string, report: Report): LngLatPosition[][] | null {
  if (!Array.isArray(value) || value.length === 0) {
    report(pointer, 'ring', `Expected a non-empty array of linear rings (outer ring first, then holes), got ${describeValue(value)}`);
    return null;
  }
  const rings = value.map((ring: unknown, index) => parseRing(ring, `${pointer}/${index}`, report));
  return rings.every((ring) => ring !== null) ? rings : null;
}

function isPosition(value: unknown): value is [number, number, ...number[]] {
  return Array.isArray(value) && value.length >= 2 && value.every((n: unknown) => typeof n === 'number' && Number.isFinite(n));
}

function parseRing(value: unknown, pointer: string, report: Report): LngLatPosition[] | null {
  if (!Array.isArray(value)) {
    report(pointer, 'ring', `Expected a linear ring (an array of positions), got ${describeValue(value)}`);
    return null;
  }
  if (value.length < 4) {
    report(pointer, 'min_positions', `A linear ring needs at least 4 positions (a closed triangle), got ${value.length}`);
    return null;
  }
  const positions: readonly unknown[] = value;
  const ring: LngLatPosition[] = [];
  for (const [index, position] of positions.entries()) {
    const at = `${pointer}/${index}`;
    // One error per ring: a shifted or swapped file would otherwise repeat it for every vertex.
    if (!isPosition(position)) {
      report(at, 'position', `Expected a position [longitude, latitude] of finite numbers, got ${describeValue(position)}`);
      return null;
    }
    const [lng, lat] = position;
    if (lng < -180 || lng > 180) {
      report(`${at}/0`, 'longitude', `Longitude must be within [-180, 180], got ${lng}`);
      return null;
    }
    if (lat < -90 || lat > 90) {
      const hint = Math.abs(lng) <= 90 ? ' (are longitude and latitude swapped? GeoJSON puts longitude first)' : '';
      report(`${at}/1`, 'latitude', `Latitude must be within [-90, 90], got ${lat}${hint}`);
      return null;
    }
    ring.push([lng, lat]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    report(pointer, 'closed_ring', `A linear ring must end where it starts: first position [${first?.join(', ')}], last [${last?.join(', ')}]`);
    return null;
  }
  return ring;
}

export interface LocatableRegion {
  id: string;
  name: string;
  geometry: RegionGeometry;
}

export interface LocatedRegion {
  id: string;
  name: string;
}

export interface RegionLocator {
  // The first region (in the order given) containing the point, or null outside all of them.
  locate(lat: number, lng: number): LocatedRegion | null;
}

interface IndexedPart {
  region: LocatedRegion;
  polygon: RegionPolygon;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

// Builds the bounding boxes once; a lookup then runs the exact (hole-aware) point-in-polygon test
// only for polygon parts whose box holds the point, which for districts is one to three of them.
export function createRegionLocator(regions: readonly LocatableRegion[]): RegionLocator {
  const parts: IndexedPart[] = [];
  for (const { id, name, geometry } of regions) {
    const region = { id, name };
    for (const coordinates of polygonsOf(geometry)) {
      const outer = coordinates[0];
      if (!outer) continue;
      const box = boundingBox(outer);
      parts.push({ region, polygon: { type: 'Polygon', coordinates }, ...box });
    }
  }
  return {
    locate(lat, lng) {
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
      const point = [lng, lat];
      for (const part of parts) {
        if (lng < part.minLng || lng > part.maxLng || lat < part.minLat || lat > part.maxLat) continue;
        if (booleanPointInPolygon(point, part.polygon)) return { id: part.region.id, name: part.region.name };
      }
      return null;
    },
  };
}

function polygonsOf(geometry: RegionGeometry): LngLatPosition[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function boundingBox(ring: readonly LngLatPosition[]): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const [lng = NaN, lat = NaN] of ring) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLng, minLat, maxLng, maxLat };
}

// Signed area and first moments of a ring (shoelace), relative to an origin near the shape so
// that differences of nearby coordinates do not lose precision.
function ringMoments(ring: readonly LngLatPosition[], originLng: number, originLat: number): { area: number; momentLng: number; momentLat: number } {
  let twiceArea = 0;
  let sixMomentLng = 0;
  let sixMomentLat = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [aLng = 0, aLat = 0] = ring[i] ?? [];
    const [bLng = 0, bLat = 0] = ring[i + 1] ?? [];
    const ax = aLng - originLng;
    const ay = aLat - originLat;
    const bx = bLng - originLng;
    const by = bLat - originLat;
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    sixMomentLng += (ax + bx) * cross;
    sixMomentLat += (ay + by) * cross;
  }
  return { area: twiceArea / 2, momentLng: sixMomentLng / 6, momentLat: sixMomentLat / 6 };
}

// Area with holes subtracted and moments, whatever the rings' winding order.
function polygonMoments(polygon: readonly LngLatPosition[][], originLng: number, originLat: number): { area: number; momentLng: number; momentLat: number } {
  let area = 0;
  let momentLng = 0;
  let momentLat = 0;
  for (const [index, ring] of polygon.entries()) {
    const moments = ringMoments(ring, originLng, originLat);
    const sign = (index === 0 ? 1 : -1) * Math.sign(moments.area);
    area += sign * moments.area;
    momentLng += sign * moments.momentLng;
    momentLat += sign * moments.momentLat;
  }
  return { area, momentLng, momentLat };
}

// A point to put a region's label on: the area-weighted centroid, or, when the shape is concave
// enough (a crescent, a C, two far-apart parts) that the centroid falls outside it, the middle of
// the widest inside stretch of the largest part along the centroid's latitude.
// Computed in plain lon/lat: a local equirectangular projection only scales longitude by a
// constant, and centroids are unchanged by such an affine map.
export function regionCentroid(geometry: RegionGeometry): { lat: number; lng: number } {
  const polygons = polygonsOf(geometry).filter((polygon) => (polygon[0]?.length ?? 0) > 0);
  const origin = polygons[0]?.[0]?.[0];
  if (!origin) throw new Error('regionCentroid: the geometry has no positions');
  const [originLng = 0, originLat = 0] = origin;

  let area = 0;
  let momentLng = 0;
  let momentLat = 0;
  let largest: { polygon: LngLatPosition[][]; area: number } | null = null;
  for (const polygon of polygons) {
    const moments = polygonMoments(polygon, originLng, originLat);
    area += moments.area;
    momentLng += moments.momentLng;
    momentLat += moments.momentLat;
    if (!largest || moments.area > largest.area) largest = { polygon, area: moments.area };
  }
  if (!largest || !(area > 0)) return vertexAverage(polygons);

  const centroid = { lng: originLng + momentLng / area, lat: originLat + momentLat / area };
  if (booleanPointInPolygon([centroid.lng, centroid.lat], geometry)) return centroid;
  return widestStretchMidpoint(largest.polygon, centroid.lat) ?? centroid;
}

function vertexAverage(polygons: readonly LngLatPosition[][][]): { lat: number; lng: number } {
  let lng = 0;
  let lat = 0;
  let count = 0;
  for (const polygon of polygons) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      lng += x;
      lat += y;
      count++;
    }
  }
  return { lng: lng / count, lat: lat / count };
}

function widestStretchMidpoint(polygon: readonly LngLatPosition[][], preferredLat: number): { lat: number; lng: number } | null {
  const box = boundingBox(polygon[0] ?? []);
  const latitudes = [preferredLat, (box.minLat + box.maxLat) / 2];
  for (const lat of latitudes) {
    if (lat <= box.minLat || lat >= box.maxLat) continue;
    // Even-odd crossings of the horizontal line with every ring edge, holes included.
    const crossings: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [aLng = 0, aLat = 0] = ring[i] ?? [];
        const [bLng = 0, bLat = 0] = ring[i + 1] ?? [];
        if (aLat > lat === bLat > lat) continue;
        crossings.push(aLng + ((lat - aLat) / (bLat - aLat)) * (bLng - aLng));
      }
    }
    crossings.sort((a, b) => a - b);
    let best: { from: number; to: number } | null = null;
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const from = crossings[i] ?? 0;
      const to = crossings[i + 1] ?? 0;
      if (!best || to - from > best.to - best.from) best = { from, to };
    }
    if (best && best.to > best.from) return { lat, lng: (best.from + best.to) / 2 };
  }
  return null;
}
