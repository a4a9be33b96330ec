import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type {
  NewWebhook,
  NotificationItem,
  NotificationPage,
  NotificationPreferences,
  Webhook,
} from './notification-types.js';

export const notificationsKey = ['notifications'] as const;
export const unreadKey = [...notificationsKey, 'unread'] as const;
const preferencesKey = ['notification-preferences'] as const;
const webhooksKey = ['notification-webhooks'] as const;

/** How often the bell asks for the count when its live stream is down. */
const POLL_MS = 60_000;

/** The count on the bell; the live stream writes it, and polling takes over while the stream is down. */
export function useUnreadCount(streaming: boolean) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => api<{ unread: number }>('/notifications/unread-count', { signal }),
    refetchInterval: streaming ? false : POLL_MS,
  });
}

/** The latest notifications, for the bell's panel. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'latest'],
    queryFn: ({ signal }) => api<NotificationPage>('/notifications', { signal, query: { limit: 8 } }),
    enabled,
  });
}

/** All notifications, page by page; `unread` only those not read yet. */
export function useNotificationPages(unread: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'pages', unread],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api<NotificationPage>('/notifications', {
        signal,
        query: { limit: 25, unread: unread || undefined, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<NotificationItem>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number; unread: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => api<NotificationPreferences>('/notifications/preferences', { signal }),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groups: Record<string, Partial<Record<'inApp' | 'email', boolean>>>) =>
      api<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body: { groups } }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => api<{ items: Webhook[] }>('/notifications/webhooks', { signal }),
    // Deliveries move on their own (retries); a Keeper watching the page sees them move.
    refetchInterval: 10_000,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWebhook) =>
      api<{ webhook: Webhook; secret: string }>('/notifications/webhooks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/notifications/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ deliveryId: string }>(`/notifications/webhooks/${encodeURIComponent(id)}/test`, {
        method: 'POST',
      }),
    // The worker sends it within a moment: look again shortly after.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: webhooksKey }), 1500);
    },
  });
}
