import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTeamMembership } from '../api/team-queries.js';
import type { TeamDetail, TeamMemberInfo } from '../api/types.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { TableHead } from '../components/TableHead.js';
import { RoleBadge } from './user-state.js';

function MemberRow({ member, onRemove }: { member: TeamMemberInfo; onRemove: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {member.displayName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {member.username}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={member.role} />
      </Table.Td>
      <Table.Td ta="right">
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
          Remove
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The members of a team, each removable after a confirmation. */
export function MemberTable({ team }: { team: TeamDetail }) {
  const [removing, setRemoving] = useState<TeamMemberInfo | null>(null);
  const membership = useTeamMembership(team.name);
  const close = () => {
    setRemoving(null);
    membership.reset();
  };
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover>
          <TableHead columns={['Name', 'Username', 'Role', '']} />
          <Table.Tbody>
            {team.members.map((m) => (
              <MemberRow key={m.username} member={m} onRemove={() => setRemoving(m)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove ${removing?.displayName} from ${team.title}?`}
        confirmLabel="Remove from team"
        onClose={close}
        onConfirm={() =>
          removing && membership.mutate({ username: removing.username, member: false }, { onSuccess: close })
        }
        busy={membership.isPending}
        error={membership.error}
      >
        They keep their account, but no longer see the team’s jobs and secrets. You can add them again later.
      </ConfirmDialog>
    </>
  );
}
