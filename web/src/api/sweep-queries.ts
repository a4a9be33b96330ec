import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client.js';
import { jobsKey } from './job-queries.js';
import { isSweepActive, type Sweep, type SweepDetail, type SweepSpec } from './sweep-types.js';
import type { PageOf } from './types.js';

export const sweepsKey = ['sweeps'] as const;

const sweepPath = (id: string) => `/sweeps/${encodeURIComponent(id)}`;

/** Sweeps, newest first; refreshed while one of them runs. */
export function useSweeps(scope: 'mine' | 'team' | 'all') {
  return useInfiniteQuery({
    queryKey: [...sweepsKey, 'list', scope],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<Sweep>>('/sweeps', { signal, query: { scope, cursor: pageParam, limit: 20 } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((s) => isSweepActive(s.state))) ? 3000 : false,
  });
}

/** One sweep with its trials; every two seconds while it runs, so its charts grow live. */
export function useSweep(id: string) {
  return useQuery({
    queryKey: [...sweepsKey, 'detail', id],
    queryFn: ({ signal }) => api<SweepDetail>(sweepPath(id), { signal }),
    refetchInterval: (query) => (query.state.data && isSweepActive(query.state.data.state) ? 2000 : false),
  });
}

export function useStartSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (spec: SweepSpec) => api<Sweep>('/sweeps', { method: 'POST', body: spec }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sweepsKey }),
  });
}

export function useStopSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Sweep>(`${sweepPath(id)}/stop`, { method: 'POST' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: sweepsKey });
      void queryClient.invalidateQueries({ queryKey: jobsKey });
    },
  });
}
