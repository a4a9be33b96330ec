import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type {
  CredentialBodies,
  CredentialResults,
  CredentialType,
  DecodedSnowflake,
  IdBatchResult,
  IdFormat,
  IdType,
  Revealed,
  Secret,
  SecretListResult,
  Service,
} from './services-types.js';

/** The turnkey services with their live health; asked again every 30 s while the page is open. */
export function useServices() {
  return useQuery({
    queryKey: ['services'],
    queryFn: ({ signal }) => api<{ items: Service[] }>('/services', { signal }),
    refetchInterval: 30_000,
  });
}

/** A fresh batch of ids each time it is called. */
export function useGenerateIds() {
  return useMutation({
    mutationFn: (input: { type: IdType; count: number; format: IdFormat }) =>
      api<IdBatchResult>(`/ids/${input.type}`, {
        query: { count: input.count, format: input.type === 'snowflake' ? input.format : undefined },
      }),
  });
}

/** The parts of a snowflake; nothing is asked while `id` is empty. */
export function useDecodedId(id: string, format: IdFormat | undefined) {
  return useQuery({
    queryKey: ['ids', 'decode', id, format],
    enabled: id.trim() !== '',
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<DecodedSnowflake>(`/ids/snowflake/${encodeURIComponent(id.trim())}`, { signal, query: { format } }),
  });
}

/** Generates one credential; the answer is the only copy anywhere. */
export function useGenerateCredential<T extends CredentialType>(type: T) {
  return useMutation({
    mutationFn: (body: CredentialBodies[T]) =>
      api<CredentialResults[T]>(`/credentials/${type}`, { method: 'POST', body }),
  });
}

const secretsKey = ['secrets'] as const;
const secretPath = (team: string, name: string) =>
  `/secrets/${encodeURIComponent(team)}/${encodeURIComponent(name)}`;

/** Secrets of the person's teams (metadata only), and the teams they may store in. */
export function useSecrets(filter: { team?: string; expiring?: boolean }) {
  return useQuery({
    queryKey: [...secretsKey, filter],
    queryFn: ({ signal }) =>
      api<SecretListResult>('/secrets', { signal, query: { team: filter.team, expiring: filter.expiring } }),
  });
}

/** Stores a value under team/name (a new version when it exists). */
export function usePutSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      team: string;
      name: string;
      value: string;
      description?: string;
      expiresAt?: string | null;
    }) =>
      api<Secret>(secretPath(input.team, input.name), {
        method: 'PUT',
        body: { value: input.value, description: input.description, expiresAt: input.expiresAt },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretsKey }),
  });
}

/** Reveals a value after the person confirmed their password; never cached. */
export function useRevealSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { team: string; name: string; password: string }) =>
      api<Revealed>(`${secretPath(input.team, input.name)}/reveal`, {
        method: 'POST',
        body: { password: input.password },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretsKey }),
  });
}

export function useRemoveSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { team: string; name: string }) =>
      api<void>(secretPath(input.team, input.name), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secretsKey }),
  });
}
