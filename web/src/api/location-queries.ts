import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogKey } from './catalog-queries.js';
import type {
  CatalogRevision,
  Location,
  NewLocation,
  Problem,
  ProblemFilters,
  SyncOutcome,
} from './catalog-types.js';
import { api } from './client.js';
import type { PageOf } from './types.js';

const locationPath = (name: string) => `/catalog/locations/${encodeURIComponent(name)}`;

/** Where the catalog comes from: each location with its commit and last sync. */
export function useLocations() {
  return useQuery({
    queryKey: [...catalogKey, 'locations'],
    queryFn: ({ signal }) => api<PageOf<Location>>('/catalog/locations', { signal }),
  });
}

/** The revisions applied (or refused) for one location, newest first. */
export function useRevisions(name: string | undefined) {
  return useQuery({
    queryKey: [...catalogKey, 'revisions', name],
    enabled: Boolean(name),
    queryFn: ({ signal }) =>
      api<PageOf<CatalogRevision>>(`${locationPath(name ?? '')}/revisions`, {
        signal,
        query: { limit: 100 },
      }),
  });
}

/** Problems found in the catalog, a page at a time, in file order. */
export function useProblems(filters: ProblemFilters, pageSize = 200) {
  return useInfiniteQuery({
    queryKey: [...catalogKey, 'problems', filters, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<Problem>>('/catalog/problems', {
        signal,
        query: { ...filters, cursor: pageParam, limit: pageSize },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Problems of the entities each team owns (a Plinth team `x` is the catalog group `group:default/x`). */
export function useTeamProblems(teams: string[]) {
  return useQueries({
    queries: teams.map((team) => ({
      queryKey: [...catalogKey, 'team-problems', team],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<PageOf<Problem>>('/catalog/problems', {
          signal,
          query: { owner: `group:default/${team}`, limit: 100 },
        }),
    })),
    combine: (results) => ({
      items: results.flatMap((r) => r.data?.items ?? []),
      hasMore: results.some((r) => Boolean(r.data?.nextCursor)),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });
}

/** Pulls a location now and applies what it finds; answers with the revision it recorded. */
export function useSyncLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<SyncOutcome>(`${locationPath(name)}/sync`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

/** Adds a location and syncs it at once. */
export function useAddLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLocation) => api<SyncOutcome>('/catalog/locations', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

/** Removes a location added through Plinth, and its entities with it. */
export function useDeleteLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<void>(locationPath(name), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}
