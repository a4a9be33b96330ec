import { Anchor, Box, Button, Card, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTeams } from '../api/team-queries.js';
import type { Team } from '../api/types.js';
import { paths, teamHref, usersHref } from '../app/routes.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { TimeText } from '../components/TimeText.js';
import { CreateTeamDialog } from './CreateTeamDialog.js';

function TeamTable({ teams }: { teams: Team[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.name}>
              <Table.Td>
                <Anchor component={Link} to={teamHref(team.name)} fw={600} size="sm">
                  {team.title}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {team.name}
                </Text>
              </Table.Td>
              <Table.Td maw={420}>
                <Text size="sm" c={team.description ? undefined : 'dimmed'} lineClamp={2}>
                  {team.description || 'No description'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={usersHref({ team: team.name })} size="sm">
                  {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <TimeText value={team.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TeamList({ onCreate }: { onCreate: () => void }) {
  const teams = useTeams();
  if (teams.isPending || teams.isError) {
    return (
      <Box p="md">
        {teams.isError ? (
          <ErrorState title="Could not load teams" error={teams.error} onRetry={() => teams.refetch()} />
        ) : (
          <LoadingSkeleton rows={4} />
        )}
      </Box>
    );
  }
  if (teams.data.items.length === 0) {
    return (
      <EmptyState
        icon={<IconUsersGroup size={28} />}
        title="No teams yet"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
            Create team
          </Button>
        }
      >
        Teams own catalog entries, share a vault and see each other’s jobs. Create the first one, then add
        people.
      </EmptyState>
    );
  }
  return <TeamTable teams={teams.data.items} />;
}

/** Keepers' list of teams, and the way to create one. */
export function TeamsPage() {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Teams"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="Groups of people who work together. Teams own catalog entries and share jobs and secrets."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create team
          </Button>
        }
      />
      <Card p={0}>
        <TeamList onCreate={() => setCreating(true)} />
      </Card>
      <CreateTeamDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(team) => navigate(teamHref(team.name))}
      />
    </>
  );
}
