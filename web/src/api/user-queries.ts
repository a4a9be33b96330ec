import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type {
  CreatedUserResult,
  CreateUserInput,
  PageOf,
  ResetPasswordOutput,
  Role,
  UpdateUserInput,
  User,
} from './types.js';

/** Filters of the users list, as they appear in the page URL. */
export interface UserFilters {
  q?: string;
  role?: Role;
  team?: string;
}

const usersKey = ['users'] as const;

/** A page of users matching the filters (Keepers only). */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, filters],
    queryFn: ({ signal }) => api<PageOf<User>>('/users', { signal, query: { ...filters, limit: 200 } }),
    placeholderData: keepPreviousData,
  });
}

/** Creates a user; without a password the answer holds a one-time password, shown once. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api<CreatedUserResult>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Changes a user's name, email, role or whether they may sign in. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, patch }: { username: string; patch: UpdateUserInput }) =>
      api<User>(`/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: usersKey });
      queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

/** Lifts the lock that failed sign-ins put on a user, and forgets those failures. */
export function useClearLock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) =>
      api<null>(`/users/${encodeURIComponent(username)}/lock`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Gives a user a new one-time password, which they must change at their next sign-in. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (username: string) =>
      api<ResetPasswordOutput>(`/users/${encodeURIComponent(username)}/reset-password`, { method: 'POST' }),
  });
}
