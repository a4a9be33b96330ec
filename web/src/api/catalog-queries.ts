import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CatalogFacets,
  EntityDetail,
  EntityFilters,
  EntityGraph,
  EntityPage,
  EntitySort,
} from './catalog-types.js';
import { api } from './client.js';

/** Every catalog query starts with this key, so one invalidation refreshes them all after a sync. */
export const catalogKey = ['catalog'] as const;

/** Number of entities on one page of the catalog. */
export const ENTITY_PAGE_SIZE = 50;

const entityPath = (ref: EntityRefParts) =>
  `/catalog/entities/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;

/** The three parts of an entity ref `kind:namespace/name`. */
export interface EntityRefParts {
  kind: string;
  namespace: string;
  name: string;
}

/** One page of entities matching the filters; the previous page stays shown while the next loads. */
export function useEntities(filters: EntityFilters, sort: EntitySort, cursor: string | undefined) {
  return useQuery({
    queryKey: [...catalogKey, 'entities', filters, sort, cursor ?? null],
    queryFn: ({ signal }) =>
      api<EntityPage>('/catalog/entities', {
        signal,
        query: { ...filters, sort, cursor, limit: ENTITY_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

/** How many entities each filter value would leave, counted under the other filters. */
export function useFacets(filters: EntityFilters) {
  return useQuery({
    queryKey: [...catalogKey, 'facets', filters],
    queryFn: ({ signal }) => api<CatalogFacets>('/catalog/facets', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

/** Titles of the catalog's groups, to show "Climate Modelling" where the data says `group:default/climate-modelling`. */
export function useGroupTitles() {
  return useQuery({
    queryKey: [...catalogKey, 'group-titles'],
    queryFn: async ({ signal }) => {
      const page = await api<EntityPage>('/catalog/entities', {
        signal,
        query: { kind: 'group', limit: 500 },
      });
      return new Map(page.items.map((g) => [g.ref, g.title ?? g.name]));
    },
    staleTime: 5 * 60_000,
  });
}

/** One entity with its relations, problems, source and YAML. */
export function useEntity(ref: EntityRefParts) {
  return useQuery({
    queryKey: [...catalogKey, 'entity', ref.kind, ref.namespace, ref.name],
    queryFn: ({ signal }) => api<EntityDetail>(entityPath(ref), { signal }),
  });
}

/** The entity a job form starts from (`kind:namespace/name`), when there is one: its page's Run button. */
export function useEntityByRef(ref: string | undefined) {
  const match = ref ? /^([^:]+):([^/]+)\/(.+)$/.exec(ref) : null;
  const parts: EntityRefParts = {
    kind: match?.[1] ?? '',
    namespace: match?.[2] ?? '',
    name: match?.[3] ?? '',
  };
  return useQuery({
    queryKey: [...catalogKey, 'entity', parts.kind, parts.namespace, parts.name],
    queryFn: ({ signal }) => api<EntityDetail>(entityPath(parts), { signal }),
    enabled: match !== null,
  });
}

/** The relation graph around an entity, `depth` hops out. */
export function useEntityGraph(ref: EntityRefParts, depth: number) {
  return useQuery({
    queryKey: [...catalogKey, 'graph', ref.kind, ref.namespace, ref.name, depth],
    queryFn: ({ signal }) => api<EntityGraph>(`${entityPath(ref)}/graph`, { signal, query: { depth } }),
    placeholderData: keepPreviousData,
  });
}

/** How many refs {@link useEntitiesExist} checks at most. */
export const MAX_EXISTENCE_CHECKS = 40;

/**
 * Whether each of `refs` is in the catalog, for lists that should link only to entities that exist
 * (a problem may name an entity that failed validation and was never stored).
 */
export function useEntitiesExist(refs: string[]) {
  const sorted = [...new Set(refs)].sort();
  return useQuery({
    queryKey: [...catalogKey, 'exists', sorted],
    // Beyond a few dozen the checks cost more than they help; callers then link to every entity.
    enabled: sorted.length > 0 && sorted.length <= MAX_EXISTENCE_CHECKS,
    queryFn: async ({ signal }) => {
      const found = new Set<string>();
      // One small list query per ref: the list API has no "these refs" filter, and problems are few.
      await Promise.all(
        sorted.map(async (ref) => {
          const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
          if (!match) return;
          const [, kind, namespace, name] = match;
          const page = await api<EntityPage>('/catalog/entities', {
            signal,
            query: { kind, namespace, q: name, limit: 100 },
          });
          if (page.items.some((item) => item.ref === ref)) found.add(ref);
        }),
      );
      return found;
    },
  });
}
