// The search contract, typed from the server's own TypeBox schemas (types only).
import type { Type } from 'typebox';
import type { SearchResults as SearchResultsSchema } from '../../../src/search/schemas.js';

export type SearchResults = Type.Static<typeof SearchResultsSchema>;
export type SearchHit = SearchResults['items'][number];
export type SearchFacetName = 'type' | 'kind' | 'owner' | 'tag';

/** People read "Guide", not "guide"; an unknown type (a domain registered later) reads as itself. */
export const TYPE_LABELS: Record<string, string> = {
  entity: 'Catalog',
  doc: 'Docs',
  guide: 'Guides',
  practice: 'Best practices',
  template: 'Templates',
  radar: 'Radar',
  proposal: 'Radar proposals',
};

export const typeLabel = (type: string) => TYPE_LABELS[type] ?? type.charAt(0).toUpperCase() + type.slice(1);
