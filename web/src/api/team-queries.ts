import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { CreateTeamInput, PageOf, Team, TeamDetail, UpdateTeamInput } from './types.js';

const teamsKey = ['teams'] as const;
const teamKey = (name: string) => ['team', name] as const;
const teamPath = (name: string) => `/teams/${encodeURIComponent(name)}`;

/** All teams (any signed-in person may list them). */
export function useTeams() {
  return useQuery({
    queryKey: teamsKey,
    queryFn: ({ signal }) => api<PageOf<Team>>('/teams', { signal, query: { limit: 500 } }),
  });
}

/** One team with its members. */
export function useTeam(name: string) {
  return useQuery({
    queryKey: teamKey(name),
    queryFn: ({ signal }) => api<TeamDetail>(teamPath(name), { signal }),
  });
}

/** Creates a team (Keepers only). */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamInput) => api<Team>('/teams', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsKey }),
  });
}

/** Changes a team's title or description. */
export function useUpdateTeam(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateTeamInput) => api<Team>(teamPath(name), { method: 'PATCH', body: patch }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: teamsKey });
      queryClient.invalidateQueries({ queryKey: teamKey(name) });
    },
  });
}

/** Deletes a team; its members keep their accounts. */
export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<void>(teamPath(name), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsKey }),
  });
}

/** Adds a person to a team, or removes them. */
export function useTeamMembership(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, member }: { username: string; member: boolean }) =>
      api<void>(`${teamPath(name)}/members/${encodeURIComponent(username)}`, {
        method: member ? 'PUT' : 'DELETE',
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: teamsKey });
      queryClient.invalidateQueries({ queryKey: teamKey(name) });
      queryClient.invalidateQueries({ queryKey: ['users'] });
      queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
