import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EntityFilters, EntitySort, FacetName } from '../api/catalog-types.js';

/** The facets of the filter panel, in the order they appear. */
export const facetNames: readonly FacetName[] = ['kind', 'type', 'owner', 'lifecycle', 'tag', 'namespace'];

/** How the catalog is shown: a table to scan, or cards to browse. */
export type CatalogView = 'table' | 'cards';

const sorts: readonly EntitySort[] = ['name', 'kind', 'owner', 'updated'];

/** Everything the catalog page shows, read from its URL. */
export interface CatalogState {
  filters: EntityFilters;
  sort: EntitySort;
  view: CatalogView;
  cursor: string | undefined;
  /** 1 on the first page; kept beside the opaque cursor to say "51–100 of 121". */
  page: number;
}

// Where each page's cursor came from, so "Previous" works within a visit. A shared link to page 3
// has no such memory, and "Previous" then goes back to the first page.
const previousCursors = new Map<string, string | undefined>();

function readState(params: URLSearchParams): CatalogState {
  const filters: EntityFilters = {};
  for (const key of [...facetNames, 'q'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const sort = params.get('sort') as EntitySort | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    filters,
    sort: sort && sorts.includes(sort) ? sort : 'name',
    view: params.get('view') === 'cards' ? 'cards' : 'table',
    cursor: params.get('cursor') ?? undefined,
    page: Number.isFinite(page) && page > 1 && params.get('cursor') ? page : 1,
  };
}

/**
 * The catalog page's state in its URL (filters, search, sort, view, page), so any view of the
 * catalog is a link someone can share. Changing a filter goes back to the first page.
 */
export function useCatalogUrl() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);

  const update = useCallback(
    (
      changes: Record<string, string | null | undefined>,
      options: { keepPage?: boolean; push?: boolean } = {},
    ) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (!options.keepPage) {
            next.delete('cursor');
            next.delete('page');
          }
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        // Paging is a step people go back from; typing and filtering would flood the history.
        { replace: !options.push },
      ),
    [setParams],
  );

  const setFilter = useCallback(
    (key: keyof EntityFilters, value: string | null) => update({ [key]: value }),
    [update],
  );

  const clearFilters = useCallback(
    () => update(Object.fromEntries([...facetNames, 'q'].map((key) => [key, null]))),
    [update],
  );

  const goNext = useCallback(
    (nextCursor: string) => {
      previousCursors.set(nextCursor, state.cursor);
      update({ cursor: nextCursor, page: String(state.page + 1) }, { keepPage: true, push: true });
    },
    [state.cursor, state.page, update],
  );

  const goPrevious = useCallback(() => {
    const known = state.cursor !== undefined && previousCursors.has(state.cursor);
    const cursor = known && state.cursor ? previousCursors.get(state.cursor) : undefined;
    const page = cursor ? String(state.page - 1) : null;
    update({ cursor, page }, { keepPage: true, push: true });
  }, [state.cursor, state.page, update]);

  return { ...state, setFilter, clearFilters, update, goNext, goPrevious };
}
