import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { PlatformInfo } from './types.js';

/** What the platform repo says about the organization (public: the login page uses it too). */
export function usePlatform() {
  return useQuery({
    queryKey: ['platform'],
    queryFn: ({ signal }) => api<PlatformInfo>('/platform', { signal }),
    staleTime: 5 * 60_000,
  });
}
