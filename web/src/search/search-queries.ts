import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { SearchFacetName, SearchResults } from './search-types.js';

export interface SearchParams {
  q: string;
  filters?: Partial<Record<SearchFacetName, string>>;
  facets?: boolean;
  limit?: number;
  cursor?: string;
}

/** The one search; keeps the previous results on screen while the next keystroke's arrive. */
export function useSearch({ q, filters = {}, facets = false, limit = 20, cursor }: SearchParams) {
  return useQuery({
    queryKey: ['search', q, filters, facets, limit, cursor ?? null],
    queryFn: ({ signal }) =>
      api<SearchResults>('/search', { signal, query: { q, ...filters, facets, limit, cursor } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
