import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type {
  DocsPageData,
  DocsProblems,
  DocsSources,
  GuideProgress,
  MyGuides,
  StaleGuides,
} from './docs-types.js';

/** Every docs source with its navigation. */
export function useDocsSources(entity?: string) {
  return useQuery({
    queryKey: ['docs', 'sources', entity ?? null],
    queryFn: ({ signal }) => api<DocsSources>('/docs-pages', { signal, query: { entity } }),
    staleTime: 60_000,
  });
}

/** One page by its path after /docs/ (`platform/guides/first-day`). */
export function useDocsPage(path: string) {
  return useQuery({
    queryKey: ['docs', 'page', path],
    queryFn: ({ signal }) => api<DocsPageData>(`/docs-pages/${path}`, { signal }),
    enabled: path !== '',
  });
}

/** Ticks or unticks a step of a guide; the page's progress updates at once, then from the server. */
export function useTickStep(path: string) {
  const client = useQueryClient();
  const key = ['docs', 'page', path];
  return useMutation({
    mutationFn: (input: { step: string; done: boolean }) =>
      api<GuideProgress>('/docs-guides/progress', { method: 'POST', body: { page: path, ...input } }),
    // Synchronous on purpose: the checkbox must show the tick at once, not after a refetch in flight
    // has been cancelled (its answer is dropped either way).
    onMutate: ({ step, done }) => {
      void client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<DocsPageData>(key);
      if (before?.progress) {
        const set = new Set(before.progress.done);
        if (done) set.add(step);
        else set.delete(step);
        client.setQueryData<DocsPageData>(key, {
          ...before,
          progress: { ...before.progress, done: [...set] },
        });
      }
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (progress) => {
      const current = client.getQueryData<DocsPageData>(key);
      if (current) client.setQueryData<DocsPageData>(key, { ...current, progress });
      void client.invalidateQueries({ queryKey: ['docs', 'my-guides'] });
    },
  });
}

/** Every guide with my progress, started ones first (Home and the docs landing use it). */
export function useMyGuides() {
  return useQuery({
    queryKey: ['docs', 'my-guides'],
    queryFn: ({ signal }) => api<MyGuides>('/docs-guides/progress', { signal }),
  });
}

export function useStaleGuides(enabled = true) {
  return useQuery({
    queryKey: ['docs', 'stale'],
    queryFn: ({ signal }) => api<StaleGuides>('/docs-guides/stale', { signal }),
    enabled,
  });
}

export function useDocsProblems(filters: { severity?: string; owner?: string; source?: string }) {
  return useInfiniteQuery({
    queryKey: ['docs', 'problems', filters],
    queryFn: ({ signal, pageParam }) =>
      api<DocsProblems>('/docs-problems', { signal, query: { ...filters, cursor: pageParam, limit: 100 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
