import 'leaflet/dist/leaflet.css';
import { latLngBounds, type LatLngBoundsExpression, type LatLngExpression, type LatLngTuple } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { MapContainer, Polygon, TileLayer, Tooltip, useMap } from 'react-leaflet';
import type { Region, RegionGeometry, UiConfig } from '../crm-api.ts';
import { useI18n } from '../i18n-context.tsx';

// Regions drawn as GeoJSON polygons on a plain background: no tile server is contacted unless
// the installation configures one (GET /api/ui-config → mapTilesUrl). No markers are used, so
// Leaflet's default marker images are never requested.

const warsaw: LatLngTuple = [52.2297, 21.0122];

// Distinct hues by the golden angle, so neighbouring list entries get clearly different colours.
export function regionColor(index: number): string {
  return `hsl(${Math.round((index * 137.508 + 195) % 360)} 62% 42%)`;
}

type Rings = LatLngTuple[][];

function toRings(geometry: RegionGeometry): Rings[] {
  const ring = (positions: number[][]): LatLngTuple[] => positions.map(([lng = 0, lat = 0]) => [lat, lng]);
  if (geometry.type === 'Polygon') return [geometry.coordinates.map(ring)];
  return geometry.coordinates.map((polygon) => polygon.map(ring));
}

interface DrawnRegion {
  region: Region;
  color: string;
  polygons: Rings[];
  bounds: LatLngBoundsExpression | null;
}

function boundsOf(polygons: Rings[]): LatLngBoundsExpression | null {
  const points = polygons.flatMap((polygon) => polygon[0] ?? []);
  return points.length > 0 ? latLngBounds(points) : null;
}

interface RegionsMapProps {
  regions: Region[];
  selectedId: string | null;
  onSelect(id: string): void;
  config: UiConfig | null;
}

export function RegionsMap({ regions, selectedId, onSelect, config }: RegionsMapProps) {
  const { t, plural } = useI18n();
  const drawn = useMemo<DrawnRegion[]>(
    () =>
      regions.map((region, index) => {
        const polygons = toRings(region.geometry);
        return { region, color: regionColor(index), polygons, bounds: boundsOf(polygons) };
      }),
    [regions],
  );
  const allBounds = useMemo(() => {
    const points = drawn.flatMap((entry) => entry.polygons.flatMap((polygon) => polygon[0] ?? []));
    return points.length > 0 ? latLngBounds(points) : null;
  }, [drawn]);
  const selected = drawn.find((entry) => entry.region.id === selectedId) ?? null;

  return (
    <MapContainer
      className={config?.mapTilesUrl ? 'regions-leaflet' : 'regions-leaflet regions-leaflet-plain'}
      center={warsaw}
      zoom={10}
      zoomSnap={0.1}
      scrollWheelZoom
      aria-label={t('regions.map')}
    >
      {config?.mapTilesUrl && <TileLayer url={config.mapTilesUrl} attribution={config.mapAttribution ?? ''} />}
      {drawn.map(({ region, color, polygons }) => {
        const isSelected = region.id === selectedId;
        const positions: LatLngExpression[][][] = polygons;
        return (
          <Polygon
            key={`${region.id}-${isSelected ? 'on' : 'off'}`}
            positions={positions}
            pathOptions={{
              color,
              weight: isSelected ? 3.5 : 1.5,
              opacity: 0.95,
              fillColor: color,
              fillOpacity: isSelected ? 0.45 : selectedId ? 0.12 : 0.22,
              className: isSelected ? 'region-shape region-shape-selected' : 'region-shape',
            }}
            eventHandlers={{
              click: () => onSelect(region.id),
              add: (event) => {
                if (isSelected) event.target.bringToFront();
              },
            }}
          >
            <Tooltip
              permanent
              direction="center"
              position={region.center ? [region.center.lat, region.center.lng] : undefined}
              className={isSelected ? 'region-label region-label-selected' : 'region-label'}
            >
              <span className="region-label-name" data-priority={labelPriority(region, isSelected)}>
                {region.name}
              </span>
              <span className="region-label-count">{plural('regions.sites', region.siteCount)}</span>
            </Tooltip>
          </Polygon>
        );
      })}
      <DeclutterLabels revision={`${regions.length}:${selectedId ?? ''}`} />
      <FitView all={allBounds} selected={selected?.bounds ?? null} />
    </MapContainer>
  );
}

// Frames every region once they load, and the selected one when the selection changes.
function FitView({ all, selected }: { all: LatLngBoundsExpression | null; selected: LatLngBoundsExpression | null }) {
  const map = useMap();
  useEffect(() => {
    if (all) map.fitBounds(all, { padding: [12, 12] });
  }, [map, all]);
  useEffect(() => {
    if (selected) map.flyToBounds(selected, { padding: [48, 48], maxZoom: 13, duration: 0.5 });
  }, [map, selected]);
  return null;
}

// The selected region's label wins, then the ones with more sites.
function labelPriority(region: Region, selected: boolean): number {
  return (selected ? 1_000_000 : 0) + region.siteCount;
}

// Small neighbouring regions would stack their labels on top of each other at city zoom: a label
// that would overlap a more important one is hidden until zooming in makes room for it.
function DeclutterLabels({ revision }: { revision: string }) {
  const map = useMap();
  useEffect(() => {
    let frame = 0;
    const run = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const labels = [...map.getContainer().querySelectorAll<HTMLElement>('.region-label')].map((element) => ({
          element,
          priority: Number(element.querySelector<HTMLElement>('[data-priority]')?.dataset.priority ?? 0),
        }));
        labels.sort((a, b) => b.priority - a.priority);
        const placed: DOMRect[] = [];
        for (const { element } of labels) {
          // A class, not an inline style: Leaflet resets the inline visibility whenever it updates a tooltip.
          const box = element.getBoundingClientRect();
          const overlaps = placed.some(
            (other) => box.left < other.right + 2 && box.right > other.left - 2 && box.top < other.bottom + 2 && box.bottom > other.top - 2,
          );
          element.classList.toggle('region-label-hidden', overlaps);
          if (!overlaps) placed.push(box);
        }
      });
    };
    run();
    map.on('zoomend moveend resize', run);
    // Label text arrives through a React portal after the tooltip opens, without a map event.
    const pane = map.getPane('tooltipPane');
    const observer = new MutationObserver(run);
    if (pane) observer.observe(pane, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      map.off('zoomend moveend resize', run);
    };
  }, [map, revision]);
  return null;
}
