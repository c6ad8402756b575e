import { Delaunay } from 'd3-delaunay';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { LngLatPosition, RegionGeometry, RegionPolygon } from './region-geometry.ts';

// Approximate Warsaw districts for the demo tenant, generated here rather than copied from a
// data set: a hand-written point well inside each of the 18 districts (general geographic
// knowledge), Voronoi cells around them, clipped to a coarse hand-written city outline.
// Good enough to colour a map and route demo jobs by district; not an administrative boundary.
// Centres and outline vertices were nudged by hand where the comparison with the real district
// polygons (warsaw-demo-regions.test.ts, data in ../shared, not shipped) showed large misses.

export interface DistrictCentre {
  name: string;
  lat: number;
  lng: number;
}

export const warsawDistrictCentres: readonly DistrictCentre[] = [
  { name: 'Bemowo', lat: 52.245, lng: 20.9 },
  { name: 'Białołęka', lat: 52.325, lng: 21.005 },
  { name: 'Bielany', lat: 52.29, lng: 20.94 },
  { name: 'Mokotów', lat: 52.193, lng: 21.03 },
  { name: 'Ochota', lat: 52.208, lng: 20.978 },
  { name: 'Praga-Południe', lat: 52.24, lng: 21.08 },
  { name: 'Praga-Północ', lat: 52.262, lng: 21.03 },
  { name: 'Rembertów', lat: 52.26, lng: 21.16 },
  { name: 'Śródmieście', lat: 52.235, lng: 21.015 },
  { name: 'Targówek', lat: 52.28, lng: 21.055 },
  { name: 'Ursus', lat: 52.192, lng: 20.88 },
  { name: 'Ursynów', lat: 52.145, lng: 21.04 },
  { name: 'Wawer', lat: 52.19, lng: 21.17 },
  { name: 'Wesoła', lat: 52.24, lng: 21.22 },
  { name: 'Wilanów', lat: 52.158, lng: 21.09 },
  { name: 'Włochy', lat: 52.185, lng: 20.935 },
  { name: 'Wola', lat: 52.235, lng: 20.96 },
  { name: 'Żoliborz', lat: 52.268, lng: 20.972 },
];

// Coarse city boundary, [lng, lat], clockwise (as seen on a map) from the north-west of Białołęka.
const outlineVertices: readonly LngLatPosition[] = [
  [20.945, 52.364],
  [20.975, 52.366],
  [21.005, 52.358],
  [21.085, 52.368],
  [21.09, 52.325],
  [21.088, 52.3],
  [21.115, 52.276],
  [21.16, 52.278],
  [21.172, 52.291],
  [21.205, 52.256],
  [21.225, 52.262],
  [21.26, 52.26],
  [21.256, 52.21],
  [21.24, 52.2],
  [21.256, 52.19],
  [21.256, 52.17],
  [21.245, 52.157],
  [21.165, 52.146],
  [21.135, 52.124],
  [21.078, 52.099],
  [21.05, 52.11],
  [21.03, 52.105],
  [20.992, 52.108],
  [20.985, 52.128],
  [20.965, 52.146],
  [20.912, 52.179],
  [20.87, 52.185],
  [20.855, 52.195],
  [20.858, 52.207],
  [20.876, 52.212],
  [20.878, 52.232],
  [20.892, 52.24],
  [20.868, 52.252],
  [20.88, 52.265],
  [20.885, 52.31],
  [20.925, 52.325],
  [20.93, 52.34],
  [20.918, 52.352],
];

// GeoJSON (RFC 7946) wants outer rings counter-clockwise.
function counterClockwise(ring: LngLatPosition[]): LngLatPosition[] {
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[i + 1] ?? [];
    twiceArea += ax * by - bx * ay;
  }
  return twiceArea < 0 ? [...ring].reverse() : ring;
}

export const warsawCityOutline: RegionPolygon = {
  type: 'Polygon',
  coordinates: [counterClockwise([...outlineVertices, outlineVertices[0] ?? [0, 0]])],
};

// Local equirectangular projection around the city: one degree of longitude at 52.2° N is only
// ~0.61 of a degree of latitude, and Voronoi cells in raw lon/lat would lean east-west.
const originLat = 52.23;
const originLng = 21.01;
const lngScale = Math.cos((originLat * Math.PI) / 180);

function project(lng: number, lat: number): [number, number] {
  return [(lng - originLng) * lngScale, lat - originLat];
}

function unproject(x: number, y: number): LngLatPosition {
  return [originLng + x / lngScale, originLat + y];
}

// One region per entry of `warsawDistrictCentres`, in that order.
export function generateWarsawDemoRegions(): Array<{ name: string; geometry: RegionGeometry }> {
  const points = warsawDistrictCentres.map(({ lng, lat }) => project(lng, lat));
  const outlineXY = outlineVertices.map(([lng = 0, lat = 0]) => project(lng, lat));
  // Bounds well beyond the outline, so clipping to the outline is the only cut that matters.
  const xs = outlineXY.map(([x]) => x);
  const ys = outlineXY.map(([, y]) => y);
  const margin = 0.05;
  const voronoi = Delaunay.from(points).voronoi([Math.min(...xs) - margin, Math.min(...ys) - margin, Math.max(...xs) + margin, Math.max(...ys) + margin]);
  const outline = polygon(warsawCityOutline.coordinates);

  return warsawDistrictCentres.map(({ name }, index) => {
    const cell = voronoi.cellPolygon(index);
    const ring = counterClockwise(cell.map(([x, y]) => unproject(x, y)));
    const clipped = intersect(featureCollection([polygon([ring]), outline]));
    if (!clipped) throw new Error(`Demo district ${name} lies outside the Warsaw outline`);
    return { name, geometry: clipped.geometry };
  });
}
