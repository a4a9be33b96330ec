import { ActionIcon, Avatar, Badge, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { User } from '../api/types.js';
import { CopyButton } from '../components/CopyButton.js';
import { initials } from '../components/format.js';
import { TableHead } from '../components/TableHead.js';
import { TimeText } from '../components/TimeText.js';
import { RoleBadge, UserState } from './user-state.js';

/** What a Keeper can do to one user from the list. */
export type UserAction = 'edit' | 'reset' | 'toggle-disabled' | 'clear-lock';

function UserCell({ user }: { user: User }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar size={34} radius="xl" color="petrol" variant="light">
        {initials(user.displayName)}
      </Avatar>
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {user.displayName}
        </Text>
        <Group gap={2} wrap="nowrap">
          <Text size="xs" c="dimmed" ff="monospace">
            {user.username}
          </Text>
          <CopyButton value={user.username} label="username" />
        </Group>
      </Stack>
    </Group>
  );
}

function RowMenu({ user, onAction }: { user: User; onAction: (action: UserAction, user: User) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', user)}>
          Edit user
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction('reset', user)}>
          Reset password
        </Menu.Item>
        {user.signInLock?.locked && (
          <Menu.Item leftSection={<IconLockOpen size={16} />} onClick={() => onAction('clear-lock', user)}>
            Clear lock
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={user.disabled ? <IconUserCheck size={16} /> : <IconUserOff size={16} />}
          color={user.disabled ? undefined : 'red'}
          onClick={() => onAction('toggle-disabled', user)}
        >
          {user.disabled ? 'Enable account' : 'Disable account'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function TeamBadges({ user }: { user: User }) {
  if (user.teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {user.teams.map((t) => (
        <Badge key={t.name} variant="default" tt="none" fw={500}>
          {t.title}
        </Badge>
      ))}
    </Group>
  );
}

function UserRow({ user, onAction }: { user: User; onAction: (action: UserAction, user: User) => void }) {
  return (
    <Table.Tr data-username={user.username}>
      <Table.Td>
        <UserCell user={user} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={user.email ? undefined : 'dimmed'}>
          {user.email ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={user.role} />
      </Table.Td>
      <Table.Td>
        <TeamBadges user={user} />
      </Table.Td>
      <Table.Td>
        <UserState user={user} />
      </Table.Td>
      <Table.Td>
        <TimeText value={user.lastLoginAt} empty="Never" />
      </Table.Td>
      <Table.Td ta="right">
        <RowMenu user={user} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Props of {@link UserTable}. */
export interface UserTableProps {
  users: User[];
  onAction: (action: UserAction, user: User) => void;
}

/** The users list: who, role, teams, state and last sign-in. */
export function UserTable({ users, onAction }: UserTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover data-testid="user-table">
        <TableHead columns={['User', 'Email', 'Role', 'Teams', 'State', 'Last sign-in', '']} />
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onAction={onAction} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
