import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { createRegionLocator, parseRegionsGeoJson, type LngLatPosition, type RegionGeometry } from './region-geometry.ts';
import { regionNameKey } from './region-names.ts';
import { generateWarsawDemoRegions, warsawCityOutline, warsawDistrictCentres } from './warsaw-demo-regions.ts';

// Reference data outside the repository; see ../shared/data/README.md.
const realDistrictsPath = fileURLToPath(new URL('../../../../shared/data/warsaw/warsaw-districts.geojson', import.meta.url));

const districtNames = [
  'Bemowo', 'Białołęka', 'Bielany', 'Mokotów', 'Ochota', 'Praga-Południe', 'Praga-Północ', 'Rembertów', 'Śródmieście',
  'Targówek', 'Ursus', 'Ursynów', 'Wawer', 'Wesoła', 'Wilanów', 'Włochy', 'Wola', 'Żoliborz',
];

function outerRings(geometry: RegionGeometry): LngLatPosition[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates.slice(0, 1) : geometry.coordinates.map((polygon) => polygon[0] ?? []);
}

function boundsOf(geometry: RegionGeometry): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  const positions = outerRings(geometry).flat();
  const lngs = positions.map(([lng = 0]) => lng);
  const lats = positions.map(([, lat = 0]) => lat);
  return { minLng: Math.min(...lngs), minLat: Math.min(...lats), maxLng: Math.max(...lngs), maxLat: Math.max(...lats) };
}

// Grid points inside a geometry, about `stepMetres` apart in both directions (at Warsaw's latitude).
function samplePoints(geometry: RegionGeometry, stepMetres: number): Array<{ lat: number; lng: number }> {
  const { minLng, minLat, maxLng, maxLat } = boundsOf(geometry);
  const latStep = stepMetres / 111_320;
  const lngStep = latStep / Math.cos((52.23 * Math.PI) / 180);
  const points: Array<{ lat: number; lng: number }> = [];
  // Half-step offset keeps grid points off the round-number vertices of hand-written shapes.
  for (let lat = minLat + latStep / 2; lat < maxLat; lat += latStep) {
    for (let lng = minLng + lngStep / 2; lng < maxLng; lng += lngStep) {
      if (booleanPointInPolygon([lng, lat], geometry)) points.push({ lat, lng });
    }
  }
  return points;
}

describe('generateWarsawDemoRegions', () => {
  const sut = generateWarsawDemoRegions();

  it('makes one region per Warsaw district, in the order of the centres', () => {
    expect(sut).toHaveLength(18);
    expect(sut.map((region) => region.name)).toEqual(warsawDistrictCentres.map((centre) => centre.name));
    expect(new Set(sut.map((region) => regionNameKey(region.name)))).toEqual(new Set(districtNames.map(regionNameKey)));
  });

  it('produces valid GeoJSON polygons that the region import accepts', () => {
    const input = { type: 'FeatureCollection', features: sut.map(({ name, geometry }) => ({ type: 'Feature', properties: { name }, geometry })) };
    const parsed = parseRegionsGeoJson(input);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('puts each district centre in its own region', () => {
    const locator = createRegionLocator(sut.map((region) => ({ id: region.name, ...region })));
    for (const centre of warsawDistrictCentres) expect(locator.locate(centre.lat, centre.lng)?.name).toBe(centre.name);
  });

  it('is the same every time', () => {
    expect(generateWarsawDemoRegions()).toEqual(sut);
  });

  it('tiles the city outline: no point in two regions, nearly every point in one', () => {
    const points = samplePoints(warsawCityOutline, 250);
    let covered = 0;
    for (const { lat, lng } of points) {
      // Boundaries are shared, so only interiors may not overlap.
      const holders = sut.filter((region) => booleanPointInPolygon([lng, lat], region.geometry, { ignoreBoundary: true }));
      expect(holders.length, `point ${lat}, ${lng} lies in ${holders.map((region) => region.name).join(' and ')}`).toBeLessThanOrEqual(1);
      if (holders.length === 1) covered++;
    }
    expect(points.length).toBeGreaterThan(5_000);
    expect(covered / points.length).toBeGreaterThan(0.999);
  });

  it('stays inside the city outline', () => {
    for (const region of sut) {
      for (const { lat, lng } of samplePoints(region.geometry, 500)) expect(booleanPointInPolygon([lng, lat], warsawCityOutline)).toBe(true);
    }
  });

  describe.runIf(existsSync(realDistrictsPath))('against the real district polygons in ../shared/data/warsaw/warsaw-districts.geojson', () => {
    const parsed = parseRegionsGeoJson(existsSync(realDistrictsPath) ? JSON.parse(readFileSync(realDistrictsPath, 'utf8')) : null);
    const real = parsed.ok ? parsed.regions : [];
    const realLocator = createRegionLocator(real.map((region) => ({ id: regionNameKey(region.name), ...region })));
    const generatedLocator = createRegionLocator(sut.map((region) => ({ id: regionNameKey(region.name), ...region })));

    it('has the same 18 district names as the reference file', () => {
      expect(real.map((region) => regionNameKey(region.name)).sort()).toEqual(districtNames.map(regionNameKey).sort());
    });

    it('places every centre inside the real district of that name', () => {
      for (const centre of warsawDistrictCentres) {
        expect(realLocator.locate(centre.lat, centre.lng)?.id, centre.name).toBe(regionNameKey(centre.name));
      }
    });

    it('gives each real district mostly to the generated region of the same name (mean share ≥ 0.6)', () => {
      const shares = real.map((district) => {
        const key = regionNameKey(district.name);
        const points = samplePoints(district.geometry, 150);
        const same = points.filter(({ lat, lng }) => generatedLocator.locate(lat, lng)?.id === key).length;
        return { district: district.name, share: same / points.length, samples: points.length };
      });
      const mean = shares.reduce((sum, { share }) => sum + share, 0) / shares.length;
      console.info(
        [
          'share of each real district inside the generated region of the same name:',
          ...shares.map(({ district, share, samples }) => `  ${district.padEnd(15)} ${share.toFixed(3)}  (${samples} samples)`),
          `  mean ${mean.toFixed(3)}, min ${Math.min(...shares.map(({ share }) => share)).toFixed(3)}`,
        ].join('\n'),
      );
      expect(mean).toBeGreaterThanOrEqual(0.6);
    });

    it('covers nearly all of the real city with its outline, and not much more', () => {
      let cityPoints = 0;
      let insideOutline = 0;
      for (const district of real) {
        for (const { lat, lng } of samplePoints(district.geometry, 300)) {
          cityPoints++;
          if (booleanPointInPolygon([lng, lat], warsawCityOutline)) insideOutline++;
        }
      }
      const outlinePoints = samplePoints(warsawCityOutline, 300);
      const outsideCity = outlinePoints.filter(({ lat, lng }) => realLocator.locate(lat, lng) === null).length;
      console.info(`outline covers ${((100 * insideOutline) / cityPoints).toFixed(1)}% of the real city; ${((100 * outsideCity) / outlinePoints.length).toFixed(1)}% of the outline is outside it`);
      expect(insideOutline / cityPoints).toBeGreaterThan(0.95);
      expect(outsideCity / outlinePoints.length).toBeLessThan(0.05);
    });
  });
});
