import { Tooltip } from '@mantine/core';
import type { User } from '../api/types.js';
import { formatDateTime } from '../components/format.js';
import { StateBadge } from '../components/StateBadge.js';

/** A user's account state in words: disabled, locked by failed sign-ins, waiting for their own password, or active. */
export function UserState({ user }: { user: User }) {
  if (user.disabled) return <StateBadge tone="off">Disabled</StateBadge>;
  const lock = user.signInLock;
  if (lock?.locked && lock.lockedUntil) {
    return (
      <Tooltip
        label={`${lock.failures} failed sign-ins in a row; password sign-in is refused until ${formatDateTime(lock.lockedUntil)}`}
      >
        <span data-testid="user-locked">
          <StateBadge tone="danger">Locked</StateBadge>
        </span>
      </Tooltip>
    );
  }
  if (user.mustChangePassword) return <StateBadge tone="warn">One-time password</StateBadge>;
  return <StateBadge tone="ok">Active</StateBadge>;
}

/** A role in words. */
export function RoleBadge({ role }: { role: User['role'] }) {
  return (
    <StateBadge tone={role === 'keeper' ? 'info' : 'off'}>
      {role === 'keeper' ? 'Keeper' : 'Member'}
    </StateBadge>
  );
}

/** Choices for role selects, with what each role may do. */
export const roleChoices = [
  { value: 'member', label: 'Member: uses the platform with their teams' },
  { value: 'keeper', label: 'Keeper: also manages users, teams and the platform' },
];
