import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client.js';
import { refreshInterval } from './job-activity.js';
import type {
  ClosedExecutor,
  Executor,
  Job,
  JobDetail,
  JobFilters,
  JobSpec,
  LogChunk,
  LogStream,
  Partition,
} from './job-types.js';
import type { PageOf } from './types.js';

/** Every jobs query starts with this key, so one invalidation refreshes lists, Home and job pages. */
export const jobsKey = ['jobs'] as const;

/** Number of jobs on one page of the Compute table. */
export const JOB_PAGE_SIZE = 50;

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;

/** The executors this platform offers the person, the default one marked; and those closed to them, with why. */
export function useExecutors() {
  return useQuery({
    queryKey: ['compute', 'executors'],
    queryFn: ({ signal }) =>
      api<{ items: Executor[]; closed: ClosedExecutor[] }>('/compute/executors', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The partitions (queues) of one executor with their limits; none when it has no such notion. */
export function usePartitions(executor: string | undefined) {
  return useQuery({
    queryKey: ['compute', 'partitions', executor],
    enabled: Boolean(executor),
    queryFn: ({ signal }) =>
      api<{ items: Partition[] }>(`/compute/executors/${encodeURIComponent(executor ?? '')}/partitions`, {
        signal,
      }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Jobs matching the filters, newest first, a page at a time ("Load more"). While any listed job
 * is pending or running the list asks again by itself, slower as the jobs age.
 */
export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: [...jobsKey, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<Job>>('/jobs', { signal, query: { ...filters, cursor: pageParam, limit: JOB_PAGE_SIZE } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refreshInterval(query.state.data?.pages.flatMap((p) => p.items) ?? []),
  });
}

/** The signed-in person's latest jobs, for Home; refreshed while one of them is active. */
export function useRecentJobs(count = 5) {
  return useQuery({
    queryKey: [...jobsKey, 'recent', count],
    queryFn: ({ signal }) => api<PageOf<Job>>('/jobs', { signal, query: { scope: 'mine', limit: count } }),
    refetchInterval: (query) => refreshInterval(query.state.data?.items ?? []),
  });
}

/** One job with the script its executor runs; refreshed while it is active. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: [...jobsKey, 'detail', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<JobDetail>(jobPath(id ?? ''), { signal }),
    refetchInterval: (query) => {
      const job = query.state.data;
      // The live log also reports state changes; this catches what a dropped stream would miss.
      return job ? refreshInterval([job]) && 5_000 : false;
    },
  });
}

/** Submits a job; answers the job as created (pending). */
export function useSubmitJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (spec: JobSpec) => api<Job>('/jobs', { method: 'POST', body: spec }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsKey }),
  });
}

/** Cancels a job; the answer comes once it has stopped, or after a few seconds. */
export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Job>(`${jobPath(id)}/cancel`, { method: 'POST' }),
    onSuccess: (job) =>
      queryClient.setQueryData<JobDetail>([...jobsKey, 'detail', job.id], (old) => old && { ...old, ...job }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKey }),
  });
}

/** The URL of a job's live log (server-sent events), from `offset` on. */
export function jobLogStreamUrl(
  id: string,
  query: { stream: string; task?: number; offset?: number },
): string {
  const params = new URLSearchParams({ stream: query.stream });
  if (query.task !== undefined) params.set('task', String(query.task));
  if (query.offset) params.set('offset', String(query.offset));
  return `/api${jobPath(id)}/logs/stream?${params}`;
}

/** The whole of one log of a job, read a megabyte at a time (for downloads). */
export async function fetchJobLog(id: string, stream: LogStream, task?: number): Promise<string> {
  const parts: string[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await api<LogChunk>(`${jobPath(id)}/logs`, {
      query: { stream, task, offset, limit: 1_048_576 },
    });
    parts.push(chunk.text);
    if (chunk.nextOffset <= offset) return parts.join('');
    offset = chunk.nextOffset;
  }
}
