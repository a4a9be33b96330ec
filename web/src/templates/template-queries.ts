import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { PageOf } from '../api/types.js';
import type { DryRun, Task, TemplateDetail, TemplateList } from './template-types.js';

const tasksKey = ['tasks'] as const;
const templatePath = (namespace: string, name: string) =>
  `/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;

/** The gallery: templates matching the filters, with type and tag counts. */
export function useTemplates(filters: { q?: string; type?: string; tag?: string }) {
  return useQuery({
    queryKey: ['templates', 'list', filters],
    queryFn: ({ signal }) => api<TemplateList>('/templates', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One template with its form pages, steps and checks. */
export function useTemplate(namespace: string, name: string) {
  return useQuery({
    queryKey: ['templates', 'detail', namespace, name],
    queryFn: ({ signal }) => api<TemplateDetail>(templatePath(namespace, name), { signal }),
  });
}

/** Renders the template with these values and answers what would be created; creates nothing. */
export function useDryRun(namespace: string, name: string) {
  return useMutation({
    mutationFn: (parameters: Record<string, unknown>) =>
      api<DryRun>(`${templatePath(namespace, name)}/dry-run`, { method: 'POST', body: { parameters } }),
  });
}

/** Starts a task: the template runs for real, with its publishing steps. */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { templateRef: string; parameters: Record<string, unknown> }) =>
      api<Task>('/tasks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}

/** One task; the live stream keeps it fresh while it runs (see useTaskStream). */
export function useTask(id: string) {
  return useQuery({
    queryKey: [...tasksKey, 'detail', id],
    queryFn: ({ signal }) => api<Task>(`/tasks/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Writes a task pushed by the stream into the cache, so every view of it agrees. */
export function useSetTask() {
  const queryClient = useQueryClient();
  return (task: Task) => queryClient.setQueryData([...tasksKey, 'detail', task.id], task);
}

/** The task history: mine, or everyone's for Keepers, newest first, a page at a time. */
export function useTasks(filters: { scope?: string; state?: string }) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<Task>>('/tasks', { query: { ...filters, cursor: pageParam, limit: 50 }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((t) => t.state === 'queued' || t.state === 'running'))
        ? 3_000
        : false,
  });
}

/** Runs a failed task again. */
export function useRerunTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Task>(`/tasks/${encodeURIComponent(id)}/rerun`, { method: 'POST' }),
    onSuccess: (task) => {
      queryClient.setQueryData([...tasksKey, 'detail', task.id], task);
      return queryClient.invalidateQueries({ queryKey: [...tasksKey, 'list'] });
    },
  });
}
