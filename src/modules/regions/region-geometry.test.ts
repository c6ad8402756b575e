import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { createRegionLocator, parseRegionsGeoJson, regionCentroid, type LngLatPosition, type RegionGeometry, type RegionPolygon } from './region-geometry.ts';

// Reference data outside the repository; see ../shared/data/README.md.
const realDistrictsPath = fileURLToPath(new URL('../../../../shared/data/warsaw/warsaw-districts.geojson', import.meta.url));

// A closed axis-aligned rectangle ring, [lng, lat], counter-clockwise.
function box(minLng: number, minLat: number, maxLng: number, maxLat: number): LngLatPosition[] {
  return [
    [minLng, minLat],
    [maxLng, minLat],
    [maxLng, maxLat],
    [minLng, maxLat],
    [minLng, minLat],
  ];
}

function feature(properties: Record<string, unknown> | null, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties, geometry };
}

function collection(...features: unknown[]): Record<string, unknown> {
  return { type: 'FeatureCollection', features };
}

function errorsOf(input: unknown, options?: { nameProperty?: string }): Array<{ field: string; rule: string }> {
  const result = parseRegionsGeoJson(input, options);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.errors.map(({ field, rule }) => ({ field, rule }));
}

describe('parseRegionsGeoJson', () => {
  it('reads named polygons and multipolygons (with holes) from a FeatureCollection', () => {
    const withHole = { type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1), box(21.04, 52.04, 21.06, 52.06).reverse()] };
    const twoParts = { type: 'MultiPolygon', coordinates: [[box(21.2, 52, 21.3, 52.1)], [box(21.4, 52, 21.5, 52.1)]] };
    const result = parseRegionsGeoJson(collection(feature({ name: '  Wola ' }, withHole), feature({ district: 'Praga-Południe' }, twoParts), feature({ nazwa: 'Ursus' }, { type: 'Polygon', coordinates: [box(20, 52, 20.1, 52.1)] })));
    expect(result).toEqual({
      ok: true,
      regions: [
        { name: 'Wola', geometry: withHole },
        { name: 'Praga-Południe', geometry: twoParts },
        { name: 'Ursus', geometry: { type: 'Polygon', coordinates: [box(20, 52, 20.1, 52.1)] } },
      ],
    });
  });

  it('accepts a single Feature and keeps only longitude and latitude of each position', () => {
    const ring = box(21, 52, 21.1, 52.1).map(([lng = 0, lat = 0]) => [lng, lat, 87.5]);
    const result = parseRegionsGeoJson(feature({ name: 'Mokotów', fill: '#f00' }, { type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] }));
    expect(result).toEqual({ ok: true, regions: [{ name: 'Mokotów', geometry: { type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1)] } }] });
  });

  it('takes the name only from the configured property and points at it, escaped, when it is missing', () => {
    const square = { type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1)] };
    const named = parseRegionsGeoJson(collection(feature({ name: 'ignored', 'rejon/serwisowy': 'Rejon A' }, square)), { nameProperty: 'rejon/serwisowy' });
    expect(named).toMatchObject({ ok: true, regions: [{ name: 'Rejon A' }] });
    expect(errorsOf(collection(feature({ name: 'Wola', 'rejon/serwisowy': 7 }, square)), { nameProperty: 'rejon/serwisowy' })).toEqual([
      { field: '/features/0/properties/rejon~1serwisowy', rule: 'name' },
    ]);
    expect(errorsOf(collection(feature({ name: 'Wola' }, square)), { nameProperty: 'rejon' })).toEqual([{ field: '/features/0/properties', rule: 'name' }]);
  });

  it('refuses what is not a FeatureCollection or Feature, saying why', () => {
    expect(errorsOf('Wola')).toEqual([{ field: '', rule: 'type' }]);
    expect(errorsOf(null)).toEqual([{ field: '', rule: 'type' }]);
    expect(errorsOf({ type: 'FeatureCollection' })).toEqual([{ field: '/features', rule: 'type' }]);
    expect(errorsOf(collection())).toEqual([{ field: '/features', rule: 'min_features' }]);
    const bare = parseRegionsGeoJson({ type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1)] });
    expect(bare).toMatchObject({ ok: false, errors: [{ field: '/type', rule: 'type', message: expect.stringContaining('wrap it in a Feature') }] });
  });

  it('names the exact place of every geometry problem, across all features in one pass', () => {
    const ok = box(21, 52, 21.1, 52.1);
    const input = collection(
      feature({ name: 'A' }, null),
      feature({ name: 'B' }, { type: 'Point', coordinates: [21, 52] }),
      feature({ name: 'C' }, { type: 'Polygon', coordinates: [[[21, 52], [21.1, 52], [21, 52]]] }),
      feature({ name: 'D' }, { type: 'Polygon', coordinates: [ok.slice(0, 4)] }),
      feature({ name: 'E' }, { type: 'Polygon', coordinates: [[[21, 52], [21.1, 52], [190, 52.1], [21, 52]]] }),
      feature({ name: 'F' }, { type: 'Polygon', coordinates: [[[21, 52], [52.1, 21.1], [21.1, 95], [21, 52]]] }),
      feature({ name: 'G' }, { type: 'MultiPolygon', coordinates: [[ok], [ok, [[21, 52], [21.1, '52'], [21, 52.1], [21, 52]]]] }),
      feature({ name: 'H' }, { type: 'Polygon', coordinates: [] }),
      { type: 'Polygon', coordinates: [ok] },
    );
    expect(errorsOf(input)).toEqual([
      { field: '/features/0/geometry', rule: 'required' },
      { field: '/features/1/geometry/type', rule: 'geometry_type' },
      { field: '/features/2/geometry/coordinates/0', rule: 'min_positions' },
      { field: '/features/3/geometry/coordinates/0', rule: 'closed_ring' },
      { field: '/features/4/geometry/coordinates/0/2/0', rule: 'longitude' },
      { field: '/features/5/geometry/coordinates/0/2/1', rule: 'latitude' },
      { field: '/features/6/geometry/coordinates/1/1/1', rule: 'position' },
      { field: '/features/7/geometry/coordinates', rule: 'ring' },
      { field: '/features/8/type', rule: 'type' },
    ]);
  });

  it('hints that longitude and latitude may be swapped when a latitude is out of range', () => {
    const swapped = box(52, 21, 52.1, 21.1).map(([lng = 0, lat = 0]) => [lat, lng + 40]);
    const result = parseRegionsGeoJson(feature({ name: 'Wola' }, { type: 'Polygon', coordinates: [swapped] }));
    expect(result).toMatchObject({ ok: false, errors: [{ rule: 'latitude', message: expect.stringContaining('swapped') }] });
  });

  it('refuses missing, empty and non-string names', () => {
    const square = { type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1)] };
    expect(errorsOf(collection(feature(null, square), feature({}, square), feature({ name: ' – ' }, square), feature({ name: 12, district: 'Wola' }, square), feature({ name: 12 }, square)))).toEqual([
      { field: '/features/0/properties', rule: 'name' },
      { field: '/features/1/properties', rule: 'name' },
      { field: '/features/2/properties/name', rule: 'name' },
      { field: '/features/4/properties/name', rule: 'name' },
    ]);
  });

  it('refuses two regions whose names differ only in case, diacritics or dashes', () => {
    const square = { type: 'Polygon', coordinates: [box(21, 52, 21.1, 52.1)] };
    const result = parseRegionsGeoJson(collection(feature({ name: 'Praga-Południe' }, square), feature({ name: 'Wola' }, square), feature({ district: 'PRAGA POLUDNIE' }, square)));
    expect(result).toMatchObject({ ok: false, errors: [{ field: '/features/2/properties/district', rule: 'unique_name', message: expect.stringContaining('feature 0') }] });
  });

  it('lists at most 100 errors and says it stopped', () => {
    const features = Array.from({ length: 150 }, () => feature({}, null));
    const result = parseRegionsGeoJson(collection(...features));
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toHaveLength(101);
    expect(result.errors.at(-1)).toMatchObject({ field: '', rule: 'too_many_errors' });
  });

  describe.runIf(existsSync(realDistrictsPath))('against the real district polygons in ../shared/data/warsaw', () => {
    it('accepts the 18 Warsaw districts, named by their "district" property', () => {
      const result = parseRegionsGeoJson(JSON.parse(readFileSync(realDistrictsPath, 'utf8')));
      expect(result.ok && result.regions.map((region) => region.name)).toHaveLength(18);
    });
  });
});

describe('createRegionLocator', () => {
  // An L-shape whose bounding box also covers the empty corner, a square with a hole holding an
  // island region, and a two-part region.
  const lShape: RegionPolygon = { type: 'Polygon', coordinates: [[[21, 52], [21.2, 52], [21.2, 52.1], [21.1, 52.1], [21.1, 52.2], [21, 52.2], [21, 52]]] };
  const ring: RegionPolygon = { type: 'Polygon', coordinates: [box(21.3, 52, 21.6, 52.3), box(21.4, 52.1, 21.5, 52.2).reverse()] };
  const island: RegionPolygon = { type: 'Polygon', coordinates: [box(21.42, 52.12, 21.48, 52.18)] };
  const split: RegionGeometry = { type: 'MultiPolygon', coordinates: [[box(20, 52, 20.1, 52.1)], [box(20.5, 52.5, 20.6, 52.6)]] };
  const sut = createRegionLocator([
    { id: 'l', name: 'L', geometry: lShape },
    { id: 'ring', name: 'Ring', geometry: ring },
    { id: 'island', name: 'Island', geometry: island },
    { id: 'split', name: 'Split', geometry: split },
  ]);

  it('finds the region holding a point given as latitude, longitude', () => {
    expect(sut.locate(52.05, 21.05)).toEqual({ id: 'l', name: 'L' });
    expect(sut.locate(52.15, 21.05)).toEqual({ id: 'l', name: 'L' });
    expect(sut.locate(52.05, 21.35)).toEqual({ id: 'ring', name: 'Ring' });
  });

  it('answers null in the empty corner of a bounding box and outside every region', () => {
    expect(sut.locate(52.15, 21.15)).toBeNull();
    expect(sut.locate(50, 19)).toBeNull();
    // Longitude and latitude swapped by the caller: far away, not a false match.
    expect(sut.locate(21.05, 52.05)).toBeNull();
  });

  it('respects holes: the hole is not the region, an island inside it is another one', () => {
    expect(sut.locate(52.11, 21.41)).toBeNull();
    expect(sut.locate(52.15, 21.45)).toEqual({ id: 'island', name: 'Island' });
  });

  it('finds either part of a multipolygon', () => {
    expect(sut.locate(52.05, 20.05)).toEqual({ id: 'split', name: 'Split' });
    expect(sut.locate(52.55, 20.55)).toEqual({ id: 'split', name: 'Split' });
    expect(sut.locate(52.3, 20.3)).toBeNull();
  });

  it('gives the earlier region where regions overlap', () => {
    const overlapping = createRegionLocator([
      { id: 'first', name: 'First', geometry: { type: 'Polygon', coordinates: [box(21, 52, 21.2, 52.2)] } },
      { id: 'second', name: 'Second', geometry: { type: 'Polygon', coordinates: [box(21.1, 52.1, 21.3, 52.3)] } },
    ]);
    expect(overlapping.locate(52.15, 21.15)?.id).toBe('first');
    expect(overlapping.locate(52.25, 21.25)?.id).toBe('second');
  });

  it('answers null for non-finite coordinates and when there are no regions', () => {
    expect(sut.locate(Number.NaN, 21.05)).toBeNull();
    expect(sut.locate(52.05, Number.POSITIVE_INFINITY)).toBeNull();
    expect(createRegionLocator([]).locate(52.05, 21.05)).toBeNull();
  });

  describe.runIf(existsSync(realDistrictsPath))('against the real district polygons in ../shared/data/warsaw', () => {
    it('puts every district label point in that district, and prints the lookup rate', () => {
      const parsed = parseRegionsGeoJson(JSON.parse(readFileSync(realDistrictsPath, 'utf8')));
      if (!parsed.ok) throw new Error('the reference file should parse');
      const districts = createRegionLocator(parsed.regions.map((region, index) => ({ id: String(index), ...region })));
      for (const [index, region] of parsed.regions.entries()) {
        const { lat, lng } = regionCentroid(region.geometry);
        expect(districts.locate(lat, lng)).toEqual({ id: String(index), name: region.name });
      }

      // A sanity print, not an assertion: timing depends on the machine.
      let seed = 1;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const points = Array.from({ length: 100_000 }, () => [52.09 + random() * 0.28, 20.85 + random() * 0.42] as const);
      const started = performance.now();
      let found = 0;
      for (const [lat, lng] of points) if (districts.locate(lat, lng)) found++;
      const seconds = (performance.now() - started) / 1000;
      console.info(`region locator: ${Math.round(points.length / seconds).toLocaleString('en')} lookups/s over 18 real districts (${found} of ${points.length} inside)`);
      expect(found).toBeGreaterThan(points.length / 2);
    });
  });
});

describe('regionCentroid', () => {
  const square: RegionPolygon = { type: 'Polygon', coordinates: [box(21, 52, 21.2, 52.2)] };

  it('puts a rectangle label at its middle', () => {
    const { lat, lng } = regionCentroid(square);
    expect(lat).toBeCloseTo(52.1, 9);
    expect(lng).toBeCloseTo(21.1, 9);
  });

  it('weights by area, so an L-shape pulls away from its bounding-box centre', () => {
    // Three unit squares (size 0.1°): centroid (5/6, 5/6) of the box, the box centre (1, 1) is a corner.
    const lShape: RegionPolygon = { type: 'Polygon', coordinates: [[[21, 52], [21.2, 52], [21.2, 52.1], [21.1, 52.1], [21.1, 52.2], [21, 52.2], [21, 52]]] };
    const { lat, lng } = regionCentroid(lShape);
    expect(lng).toBeCloseTo(21 + 0.2 * (5 / 12), 9);
    expect(lat).toBeCloseTo(52 + 0.2 * (5 / 12), 9);
  });

  it('subtracts holes and ignores ring winding', () => {
    // A 0.2° square less a 0.05° × 0.1° hole right of its middle: the centroid moves west only.
    const withHole: RegionPolygon = { type: 'Polygon', coordinates: [box(21, 52, 21.2, 52.2), box(21.1, 52.05, 21.15, 52.15)] };
    const reversed: RegionPolygon = { type: 'Polygon', coordinates: withHole.coordinates.map((ring) => [...ring].reverse()) };
    const expected = { lng: 21 + (0.04 * 0.1 - 0.005 * 0.125) / 0.035, lat: 52.1 };
    for (const geometry of [withHole, reversed]) {
      const { lat, lng } = regionCentroid(geometry);
      expect(lng).toBeCloseTo(expected.lng, 9);
      expect(lat).toBeCloseTo(expected.lat, 9);
    }
  });

  it('weights multipolygon parts by their area', () => {
    // A 0.2° square at x ∈ [0, 0.2] and a 0.1° square at x ∈ [0.4, 0.5]: (4·0.1 + 1·0.45) / 5 = 0.17.
    const parts: RegionGeometry = { type: 'MultiPolygon', coordinates: [[box(21, 52, 21.2, 52.2)], [box(21.4, 52, 21.5, 52.1)]] };
    const { lat, lng } = regionCentroid(parts);
    expect(lng).toBeCloseTo(21.17, 9);
    expect(lat).toBeCloseTo(52 + (4 * 0.1 + 0.05) / 5, 9);
  });

  it('moves the label inside a crescent whose centroid falls in the gap', () => {
    // A C open to the east: the centroid lies in the empty mouth.
    const crescent: RegionPolygon = {
      type: 'Polygon',
      coordinates: [[[21, 52], [21.3, 52], [21.3, 52.05], [21.05, 52.05], [21.05, 52.25], [21.3, 52.25], [21.3, 52.3], [21, 52.3], [21, 52]]],
    };
    const { lat, lng } = regionCentroid(crescent);
    expect(booleanPointInPolygon([lng, lat], crescent)).toBe(true);
  });

  it('moves the label onto the larger part when two parts are far apart', () => {
    const parts: RegionGeometry = { type: 'MultiPolygon', coordinates: [[box(21, 52, 21.1, 52.1)], [box(21.5, 52, 21.7, 52.2)]] };
    const { lat, lng } = regionCentroid(parts);
    expect(booleanPointInPolygon([lng, lat], { type: 'Polygon', coordinates: [box(21.5, 52, 21.7, 52.2)] })).toBe(true);
  });
});
