import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTeamMembership } from '../api/team-queries.js';
import type { TeamDetail } from '../api/types.js';
import { useUsers } from '../api/user-queries.js';
import { ErrorState } from '../components/ErrorState.js';

/** Picks a person who is not in the team yet and adds them. */
export function AddMemberForm({ team }: { team: TeamDetail }) {
  const users = useUsers({});
  const membership = useTeamMembership(team.name);
  const [username, setUsername] = useState<string | null>(null);
  const inTeam = new Set(team.members.map((m) => m.username));
  const choices = (users.data?.items ?? [])
    .filter((u) => !inTeam.has(u.username) && !u.disabled)
    .map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }));
  const add = () =>
    username && membership.mutate({ username, member: true }, { onSuccess: () => setUsername(null) });
  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select
          label="Add a person"
          placeholder={choices.length ? 'Search by name or username' : 'Everyone is already in this team'}
          data={choices}
          value={username}
          onChange={setUsername}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name outside the team"
          disabled={choices.length === 0}
          w={340}
        />
        <Button onClick={add} disabled={!username} loading={membership.isPending}>
          Add to team
        </Button>
      </Group>
      {membership.isError && (
        <ErrorState
          title="Could not change the membership"
          error={membership.error}
          onRetry={() => membership.reset()}
        />
      )}
    </>
  );
}
