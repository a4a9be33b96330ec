import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError } from '../api/api-error.js';
import { api, apiUrl, readCsrfToken } from '../api/client.js';
import type { PageOf } from '../api/types.js';
import type {
  AttachmentView,
  CommentView,
  Dashboard,
  NewRequestBody,
  RequestDetail,
  RequestFilters,
  RequestOptions,
  RequestSummary,
  TransitionBody,
} from './request-types.js';

/** Every requests query starts with this key, so one invalidation refreshes lists, Home and pages. */
export const requestsKey = ['requests'] as const;
const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;

/** Requests matching the filters, newest first, a page at a time. */
export function useRequests(filters: RequestFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...requestsKey, 'list', filters, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<RequestSummary>>('/requests', {
        query: { ...filters, overdue: filters.overdue || undefined, cursor: pageParam, limit },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** One request with its comments, history and attachments; refreshed while it is open on screen. */
export function useRequest(id: string) {
  return useQuery({
    queryKey: [...requestsKey, 'one', id],
    queryFn: ({ signal }) => api<RequestDetail>(requestPath(id), { signal }),
    refetchInterval: 30_000,
  });
}

/** Categories, the caller's teams and the Keepers: what forms offer. */
export function useRequestOptions() {
  return useQuery({
    queryKey: [...requestsKey, 'options'],
    queryFn: ({ signal }) => api<RequestOptions>('/requests/options', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useDashboard(days: number, enabled: boolean) {
  return useQuery({
    queryKey: [...requestsKey, 'dashboard', days],
    queryFn: ({ signal }) => api<Dashboard>('/requests/dashboard', { query: { days }, signal }),
    enabled,
  });
}

export function useFileRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRequestBody) => api<RequestDetail>('/requests', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestsKey }),
  });
}

export function useComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<CommentView>(`${requestPath(id)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestsKey }),
  });
}

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      api<RequestDetail>(`${requestPath(id)}/transitions`, { method: 'POST', body }),
    onSuccess: (detail) => {
      client.setQueryData([...requestsKey, 'one', id], detail);
      return client.invalidateQueries({ queryKey: requestsKey });
    },
  });
}

/** Sends a file's bytes as they are; the server judges the type by the content. */
export async function uploadAttachment(id: string, file: File, commentId?: string): Promise<AttachmentView> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  const csrf = readCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(apiUrl(`${requestPath(id)}/attachments`, { filename: file.name, commentId }), {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: file,
  });
  const body = (await response.json().catch(() => undefined)) as
    | { code?: string; message?: string }
    | undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.code ?? 'INTERNAL',
      body?.message ?? `Upload failed (${response.status})`,
    );
  }
  return body as unknown as AttachmentView;
}
