import { principalOf } from '../../core/http/access.ts';
import type { HttpServer } from '../../core/http/http-server.ts';
import { SearchQuery, SearchResultSchema } from './search.schemas.ts';
import type { SearchService } from './search.service.ts';

export function registerSearchRoutes(app: HttpServer, search: SearchService): void {
  app.get('/api/search', {
    config: { access: 'viewer' },
    schema: {
      tags: ['search'],
      summary: 'Find customers, contacts and sites by name, address, phone, e-mail, NIP or postal code, best first',
      querystring: SearchQuery,
      response: { 200: SearchResultSchema },
    },
    handler: async (request) => search.search(principalOf(request), request.query),
  });
}
