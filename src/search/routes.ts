import { type AuditLog, actorOf } from '../auth/index.js';
import { errorResponses, type TypedApp } from '../server/typed-app.js';
import { ReindexResult, SearchQuery, SearchResults } from './schemas.js';
import type { SearchIndex } from './search-index.js';
import { runSearch } from './search-service.js';

/** One search over everything the domains registered. */
export function searchRoutes(app: TypedApp, index: SearchIndex, audit: AuditLog) {
  const tags = ['search'];
  app.get(
    '/api/search',
    {
      config: { permission: 'search.read' },
      schema: {
        tags,
        summary: 'Search entities, docs, guides and practices: exact title matches first, then by relevance',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errorResponses },
      },
    },
    async (request) => runSearch(index, request.query),
  );

  app.post(
    '/api/search/reindex',
    {
      config: { permission: 'search.manage' },
      schema: {
        tags,
        summary: 'Compare every source with the index now and rewrite what differs',
        response: { 200: ReindexResult, ...errorResponses },
      },
    },
    async (request) => {
      const sources = [];
      for (const name of index.sourceNames()) sources.push({ name, ...(await index.refresh(name)) });
      await audit.record(actorOf(request.principal, request.ip), {
        action: 'search.reindex',
        details: { sources },
      });
      return { sources, documents: await index.count() };
    },
  );
}
