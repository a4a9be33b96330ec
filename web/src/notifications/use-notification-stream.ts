import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiUrl } from '../api/client.js';
import { notificationsKey, unreadKey } from './notification-queries.js';

const MAX_WAIT_MS = 60_000;

/**
 * Follows the person's notifications over server-sent events: the unread count is written
 * straight into the query cache, and lists are refreshed when a notice arrives. Returns whether
 * the stream is open; while it is not, the bell polls. The browser sends Last-Event-ID on its
 * own reconnects; after a hard failure the stream is reopened with a growing wait.
 */
export function useNotificationStream(): boolean {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let failures = 0;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const events = new EventSource(apiUrl('/notifications/stream'));
      source = events;
      events.addEventListener('open', () => {
        failures = 0;
        setOpen(true);
      });
      events.addEventListener('unread', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
        queryClient.setQueryData(unreadKey, data);
      });
      events.addEventListener('notification', () => {
        void queryClient.invalidateQueries({
          queryKey: notificationsKey,
          predicate: (query) => query.queryKey[1] !== 'unread',
        });
      });
      events.addEventListener('error', () => {
        setOpen(false);
        // A closed stream (signed out, server gone) is not retried by the browser: retry by hand.
        if (events.readyState !== EventSource.CLOSED || stopped) return;
        failures += 1;
        retry = setTimeout(connect, Math.min(MAX_WAIT_MS, 1000 * 2 ** failures));
      });
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retry);
    };
  }, [queryClient]);

  return open;
}
