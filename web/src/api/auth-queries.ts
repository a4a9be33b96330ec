import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { CredentialsEndedResult, Me } from './types.js';

/** Query key of the signed-in person; cleared on sign-out. */
export const meKey = ['me'] as const;

/** Who is signed in. Fails with `AUTH_REQUIRED` when nobody is. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => api<Me>('/me', { signal }) });
}

/** Signs in with a username and password; the session lives in an httpOnly cookie. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      // A different person may sign in on the same tab: nothing cached may leak across.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Signs out and forgets everything cached for the person. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => queryClient.clear(),
  });
}

/** Changes the signed-in person's password; answers what else it signed out. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<CredentialsEndedResult>('/me/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
