import 'leaflet/dist/leaflet.css';
import { divIcon, latLngBounds, type LatLngExpression, type LatLngTuple } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, MapContainer, Marker, Polygon, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';
import type { Region, RegionGeometry, UiConfig } from '../crm-api.ts';
import type { Lane, LastKnownPosition, LatLng } from '../dispatch-api.ts';
import { routePoints, technicianColor, visitsInOrder } from '../dispatch-board.ts';
import { useI18n } from '../i18n-context.tsx';

// The day's routes on a map, as the regions map draws: GeoJSON regions on a plain background, a
// tile layer only when the installation configures one. Each technician's route runs home →
// visits → home in the technician's colour, with numbered stops, the home base and the last known
// GPS position. No image markers: numbered stops are HTML (divIcon), the rest circles.

const warsaw: LatLngTuple = [52.2297, 21.0122];
const tuple = (point: LatLng): LatLngTuple => [point.lat, point.lng];

function regionRings(geometry: RegionGeometry): LatLngTuple[][][] {
  const ring = (positions: number[][]): LatLngTuple[] => positions.map(([lng = 0, lat = 0]) => [lat, lng]);
  if (geometry.type === 'Polygon') return [geometry.coordinates.map(ring)];
  return geometry.coordinates.map((polygon) => polygon.map(ring));
}

function stopIcon(label: number, color: string) {
  return divIcon({ className: 'dispatch-stop', html: `<span style="background:${color}">${label}</span>`, iconSize: [24, 24], iconAnchor: [12, 12] });
}

interface DispatchMapProps {
  lanes: Lane[];
  positions: LastKnownPosition[];
  regions: Region[];
  config: UiConfig | null;
}

export function DispatchMap({ lanes, positions, regions, config }: DispatchMapProps) {
  const { t, formatTime } = useI18n();
  const colored = useMemo(() => lanes.map((lane, index) => ({ lane, color: technicianColor(index), route: routePoints(lane) })), [lanes]);
  const regionShapes = useMemo(() => regions.map((region) => ({ id: region.id, rings: regionRings(region.geometry) })), [regions]);

  // Frame the routes and positions; with none, the regions; with neither, Warsaw.
  const focus = useMemo(() => {
    const points: LatLngTuple[] = [...colored.flatMap((entry) => entry.route.map(tuple)), ...positions.map(tuple)];
    if (points.length === 0) points.push(...regionShapes.flatMap((shape) => shape.rings.flatMap((polygon) => polygon[0] ?? [])));
    return points.length > 0 ? latLngBounds(points) : null;
  }, [colored, positions, regionShapes]);
  const focusKey = focus ? focus.toBBoxString() : '';

  return (
    <MapContainer className={config?.mapTilesUrl ? 'dispatch-leaflet' : 'dispatch-leaflet regions-leaflet-plain'} center={warsaw} zoom={10} zoomSnap={0.25} scrollWheelZoom={false} aria-label={t('dispatch.map')}>
      {config?.mapTilesUrl && <TileLayer url={config.mapTilesUrl} attribution={config.mapAttribution ?? ''} />}
      {regionShapes.map((shape) => (
        <Polygon key={shape.id} positions={shape.rings as LatLngExpression[][][]} pathOptions={{ color: '#94a3b8', weight: 1, fillColor: '#cbd5e1', fillOpacity: 0.18, interactive: false }} />
      ))}
      {colored.map(({ lane, color, route }) => (
        <RouteLayer key={lane.technicianId} lane={lane} color={color} route={route} />
      ))}
      {positions.map((position) => {
        const index = lanes.findIndex((lane) => lane.technicianId === position.technicianId);
        const name = lanes[index]?.name ?? '';
        return (
          <CircleMarker
            key={position.technicianId}
            center={tuple(position)}
            radius={8}
            className="dispatch-position"
            pathOptions={{ color: '#fff', weight: 3, fillColor: index >= 0 ? technicianColor(index) : '#334155', fillOpacity: 1 }}
          >
            <Tooltip>{t('dispatch.map.position', { name, time: formatTime(position.recordedAt) })}</Tooltip>
          </CircleMarker>
        );
      })}
      <FitView bounds={focus} revision={focusKey} />
    </MapContainer>
  );
}

function RouteLayer({ lane, color, route }: { lane: Lane; color: string; route: LatLng[] }) {
  const { t } = useI18n();
  const stops = visitsInOrder(lane).filter((visit) => visit.job.location !== null);
  return (
    <>
      {route.length > 1 && <Polyline positions={route.map(tuple)} className="dispatch-route" pathOptions={{ color, weight: 4, opacity: 0.85 }} />}
      {lane.homeBase && (
        <CircleMarker center={tuple(lane.homeBase)} radius={7} className="dispatch-home" pathOptions={{ color, weight: 3, fillColor: '#fff', fillOpacity: 1 }}>
          <Tooltip>
            {lane.name} · {t('dispatch.map.home', { label: lane.homeBase.label })}
          </Tooltip>
        </CircleMarker>
      )}
      {stops.map((visit) => (
        <Marker key={visit.jobId} position={tuple(visit.job.location ?? { lat: 0, lng: 0 })} icon={stopIcon(visit.sequence + 1, color)} keyboard={false}>
          <Tooltip>
            {visit.sequence + 1}. {visit.job.customerName} · {visit.job.siteLabel}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
}

// Frames the routes when they change (not on every position refresh of the same area).
function FitView({ bounds, revision }: { bounds: ReturnType<typeof latLngBounds> | null; revision: string }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14, animate: false });
    // The revision stands for the bounds.
  }, [map, revision]);
  return null;
}
