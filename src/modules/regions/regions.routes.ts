import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import type { RegionsService } from './regions.service.ts';
import { ImportRegionsBody, ImportRegionsQuery, RegionImportResultSchema, RegionListSchema, UiConfigSchema, type UiConfig } from './regions.schemas.ts';

// District boundaries with full detail (a city's worth of OSM polygons) run to several megabytes,
// well over the default body limit meant for ordinary records.
export const regionImportBodyLimitBytes = 20 * 1024 * 1024;

export function registerRegionRoutes(app: HttpServer, regions: RegionsService, uiConfig: UiConfig): void {
  app.get('/api/regions', {
    config: { access: 'viewer' },
    schema: { tags: ['regions'], summary: "The tenant's service regions with their outlines and how many sites each holds", response: { 200: RegionListSchema } },
    handler: async (request) => ({ items: await regions.list(principalOf(request)) }),
  });

  app.post('/api/regions/import', {
    config: { access: 'admin' },
    bodyLimit: regionImportBodyLimitBytes,
    schema: {
      tags: ['regions'],
      summary: 'Replace the regions with a GeoJSON FeatureCollection (same-named regions keep their id; sites are placed again)',
      querystring: ImportRegionsQuery,
      body: ImportRegionsBody,
      response: { 200: RegionImportResultSchema },
    },
    handler: async (request) => regions.importGeoJson(principalOf(request), request.body, { nameProperty: request.query.nameProperty }),
  });

  // What the browser's map needs from the server configuration; lives with the regions it draws.
  app.get('/api/ui-config', {
    config: { access: 'viewer' },
    schema: { tags: ['regions'], summary: 'Settings of the web UI (map tile layer)', response: { 200: UiConfigSchema } },
    handler: async () => uiConfig,
  });
}
