import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { AuditEntry, PageOf } from './types.js';

/** Filters of the audit log, as they appear in the page URL. */
export interface AuditFilters {
  actor?: string;
  action?: string;
}

/** The audit log, newest first, a page at a time ("load more"). */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<PageOf<AuditEntry>>('/audit', { signal, query: { ...filters, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
