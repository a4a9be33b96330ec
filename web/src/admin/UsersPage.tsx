import { Box, Button, Card, Divider, Text } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { Role, User } from '../api/types.js';
import { type UserFilters as Filters, useClearLock, useUpdateUser, useUsers } from '../api/user-queries.js';
import { paths } from '../app/routes.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorState } from '../components/ErrorState.js';
import { LoadingSkeleton } from '../components/LoadingSkeleton.js';
import { PageHeader } from '../components/PageHeader.js';
import { useUrlFilters } from '../components/use-url-filters.js';
import { CreateUserDialog } from './CreateUserDialog.js';
import { EditUserDialog } from './EditUserDialog.js';
import { ResetPasswordDialog } from './ResetPasswordDialog.js';
import { UserFilters } from './UserFilters.js';
import { type UserAction, UserTable } from './UserTable.js';

const filterKeys = ['q', 'role', 'team'] as const;

function UserList({ filters, onAction }: { filters: Filters; onAction: (a: UserAction, u: User) => void }) {
  const users = useUsers(filters);
  if (users.isPending) {
    return (
      <Box p="md">
        <LoadingSkeleton />
      </Box>
    );
  }
  if (users.isError) {
    return (
      <Box p="md">
        <ErrorState title="Could not load users" error={users.error} onRetry={() => users.refetch()} />
      </Box>
    );
  }
  if (users.data.items.length === 0) {
    return (
      <EmptyState icon={<IconUsers size={28} />} title="No users match these filters">
        Clear the search or choose another role or team.
      </EmptyState>
    );
  }
  return (
    <>
      <UserTable users={users.data.items} onAction={onAction} />
      {users.data.nextCursor && (
        <Text size="xs" c="dimmed" p="md">
          Showing the first {users.data.items.length} users; narrow the search to find others.
        </Text>
      )}
    </>
  );
}

function DisableDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const update = useUpdateUser();
  const close = () => {
    onClose();
    update.reset();
  };
  const enabling = user?.disabled ?? false;
  return (
    <ConfirmDialog
      opened={user !== null}
      title={enabling ? `Enable ${user?.username}?` : `Disable ${user?.username}?`}
      confirmLabel={enabling ? 'Enable account' : 'Disable account'}
      danger={!enabling}
      onClose={close}
      onConfirm={() =>
        user &&
        update.mutate({ username: user.username, patch: { disabled: !enabling } }, { onSuccess: close })
      }
      busy={update.isPending}
      error={update.error}
    >
      {enabling
        ? `${user?.displayName} can sign in again with their current password.`
        : `${user?.displayName} can no longer sign in or use their API tokens. Their history stays; you can enable the account again.`}
    </ConfirmDialog>
  );
}

function ClearLockDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const clear = useClearLock();
  const close = () => {
    onClose();
    clear.reset();
  };
  return (
    <ConfirmDialog
      opened={user !== null}
      title={`Clear the lock of ${user?.username}?`}
      confirmLabel="Clear lock"
      danger={false}
      onClose={close}
      onConfirm={() => user && clear.mutate(user.username, { onSuccess: close })}
      busy={clear.isPending}
      error={clear.error}
    >
      {`${user?.displayName} can sign in again at once, and their ${user?.signInLock?.failures ?? 0} failed sign-ins are forgotten. If they did not make those attempts themselves, the audit log shows where they came from.`}
    </ConfirmDialog>
  );
}

/** Keepers' list of users: search and filter, create with a one-time password, edit, reset, disable, unlock. */
export function UsersPage() {
  const [filters, setFilter] = useUrlFilters(filterKeys);
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<{ action: UserAction; user: User } | null>(null);
  const typed: Filters = { ...filters, role: filters.role as Role | undefined };
  const only = (action: UserAction) => (target?.action === action ? target.user : null);
  return (
    <>
      <PageHeader
        title="Users"
        trail={[{ label: 'Admin', href: paths.users }]}
        description="Everyone who can sign in to Plinth. New users get a one-time password and choose their own at first sign-in."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            Create user
          </Button>
        }
      />
      <Card p={0}>
        <Box p="md">
          <UserFilters filters={typed} onChange={setFilter} />
        </Box>
        <Divider />
        <UserList filters={typed} onAction={(action, user) => setTarget({ action, user })} />
      </Card>
      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
      <EditUserDialog user={only('edit')} onClose={() => setTarget(null)} />
      <ResetPasswordDialog user={only('reset')} onClose={() => setTarget(null)} />
      <DisableDialog user={only('toggle-disabled')} onClose={() => setTarget(null)} />
      <ClearLockDialog user={only('clear-lock')} onClose={() => setTarget(null)} />
    </>
  );
}
