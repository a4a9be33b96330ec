import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { ApiToken, CreatedTokenResult, CreateTokenInput, PageOf } from './types.js';

const tokensKey = ['tokens'] as const;

/** The signed-in person's API tokens (never their secrets). */
export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api<PageOf<ApiToken>>('/tokens', { signal, query: { limit: 500 } }),
  });
}

/** Creates a token; the answer holds the secret, which the server never shows again. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) => api<CreatedTokenResult>('/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

/** Revokes a token at once: scripts that use it stop working. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
