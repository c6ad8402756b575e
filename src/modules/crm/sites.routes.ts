import { Type } from '@sinclair/typebox';
import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { etagOf, expectedVersion } from '../../core/http/versioning.ts';
import { IdParams, IfMatchHeaders } from './customers.schemas.ts';
import type { SitesService } from './sites.service.ts';
import { CreateSiteBody, SiteListQuery, SitePageSchema, SiteSchema, UpdateSiteBody } from './sites.schemas.ts';

const CustomerSitesQuery = Type.Omit(SiteListQuery, ['customerId']);

export function registerSiteRoutes(app: HttpServer, sites: SitesService): void {
  app.get('/api/sites', {
    config: { access: 'viewer' },
    schema: { tags: ['sites'], summary: 'List service sites (all, or of one customer or region)', querystring: SiteListQuery, response: { 200: SitePageSchema } },
    handler: async (request) => sites.list(principalOf(request), request.query),
  });

  app.get('/api/customers/:id/sites', {
    config: { access: 'viewer' },
    schema: { tags: ['sites'], summary: "A customer's service sites", params: IdParams, querystring: CustomerSitesQuery, response: { 200: SitePageSchema } },
    handler: async (request) => sites.list(principalOf(request), { ...request.query, customerId: request.params.id }),
  });

  app.post('/api/customers/:id/sites', {
    config: { access: 'dispatcher' },
    schema: { tags: ['sites'], summary: 'Add a service site (address where work is done) to a customer', params: IdParams, body: CreateSiteBody, response: { 201: SiteSchema } },
    handler: async (request, reply) => {
      const site = await sites.create(principalOf(request), request.params.id, request.body);
      return reply.status(201).header('etag', etagOf(site.version)).send(site);
    },
  });

  app.get('/api/sites/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['sites'], summary: 'One site (ETag carries its version)', params: IdParams, response: { 200: SiteSchema } },
    handler: async (request, reply) => {
      const site = await sites.get(principalOf(request), request.params.id);
      return reply.header('etag', etagOf(site.version)).send(site);
    },
  });

  app.patch('/api/sites/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['sites'], summary: 'Change a site (If-Match required)', params: IdParams, headers: IfMatchHeaders, body: UpdateSiteBody, response: { 200: SiteSchema } },
    handler: async (request, reply) => {
      const site = await sites.update(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], request.body.version), request.body);
      return reply.header('etag', etagOf(site.version)).send(site);
    },
  });

  app.delete('/api/sites/:id', {
    config: { access: 'dispatcher' },
    schema: { tags: ['sites'], summary: 'Remove a site (soft delete, If-Match required)', params: IdParams, headers: IfMatchHeaders, response: { 200: SiteSchema } },
    handler: async (request) => sites.remove(principalOf(request), request.params.id, expectedVersion(request.headers['if-match'], undefined)),
  });
}
