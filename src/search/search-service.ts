import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { markedToHtml } from './highlight.js';
import type { FacetName } from './model.js';
import { parseQuery } from './parse-query.js';
import type { SearchQuery, SearchResults } from './schemas.js';
import type { SearchIndex } from './search-index.js';

const split = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

/** Answers `GET /api/search`: parses the query, asks the engine, makes snippets safe HTML. */
export async function runSearch(index: SearchIndex, request: SearchQuery): Promise<SearchResults> {
  const filters: Partial<Record<FacetName, string[]>> = {};
  for (const facet of ['type', 'kind', 'owner', 'tag'] as const) {
    const values = split(request[facet]);
    if (values?.length) filters[facet] = values;
  }
  const offset = Number(decodeCursor(request.cursor) ?? 0) || 0;
  const query = parseQuery(request.q, {
    prefix: request.prefix,
    filters,
    offset,
    limit: request.limit ?? 20,
  });
  const [result, counted] = await Promise.all([
    index.search(query),
    request.facets ? index.facets(query) : Promise.resolve(null),
  ]);
  return {
    items: result.hits.map(({ marked, ...hit }) => ({
      ...hit,
      snippet: markedToHtml(marked || hit.summary || ''),
    })),
    nextCursor: result.more ? encodeCursor(String(offset + query.limit)) : null,
    total: counted?.total ?? null,
    approximate: counted?.approximate ?? false,
    facets: counted?.facets ?? null,
    corrected: result.corrected ?? null,
  };
}
