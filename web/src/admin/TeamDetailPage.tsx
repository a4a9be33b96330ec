import { Box, Button, Card, Divider, Group, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useDeleteTeam, useTeam } from '../api/team-queries.js';
import type { TeamDetail } from '../api/types.js';
import { paths } from '../app/routes.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { CopyButton } from '../components/CopyButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { AddMemberForm } from './AddMemberForm.js';
import { EditTeamDialog } from './EditTeamDialog.js';
import { MemberTable } from './MemberTable.js';

const trail = [
  { label: 'Admin', href: paths.users },
  { label: 'Teams', href: paths.teams },
];

function Members({ team }: { team: TeamDetail }) {
  return (
    <Card p={0}>
      <Box p="md">
        <Title order={2} size="h3" mb="md">
          Members
        </Title>
        <AddMemberForm team={team} />
      </Box>
      <Divider />
      {team.members.length === 0 ? (
        <EmptyState size="sm" icon={<IconUserPlus size={22} />} title="Nobody in this team yet">
          Add the first person above. Members see the team’s jobs, secrets and catalog entries.
        </EmptyState>
      ) : (
        <MemberTable team={team} />
      )}
    </Card>
  );
}

function TeamView({ team }: { team: TeamDetail }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteTeam();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={team.title}
        trail={trail}
        description={team.description || 'No description yet.'}
        badge={
          <Group gap={2}>
            <Text size="sm" c="dimmed" ff="monospace">
              {team.name}
            </Text>
            <CopyButton value={team.name} label="team name" />
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit team
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
            >
              Delete team
            </Button>
          </>
        }
      />
      <Members team={team} />
      <EditTeamDialog team={team} opened={editing} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete ${team.title}?`}
        confirmLabel="Delete team"
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate(team.name, { onSuccess: () => navigate(paths.teams) })}
        busy={remove.isPending}
        error={remove.error}
      >
        The team and its memberships are deleted; its {team.members.length} members keep their accounts. This
        cannot be undone.
      </ConfirmDialog>
    </>
  );
}

/** One team: its description and its members, with add and remove. */
export function TeamDetailPage() {
  const { name = '' } = useParams();
  const team = useTeam(name);
  if (team.isPending) return <LoadingSkeleton variant="form" rows={4} />;
  if (team.isError) {
    return (
      <>
        <PageHeader title={name} trail={trail} />
        <ErrorState title="Could not load the team" error={team.error} onRetry={() => team.refetch()} />
      </>
    );
  }
  return <TeamView team={team.data} />;
}
