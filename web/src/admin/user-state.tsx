import type { User } from '../api/types.js';
import { StateBadge } from '../components/StateBadge.js';

/** A user's account state in words: disabled, waiting for their own password, or active. */
export function UserState({ user }: { user: User }) {
  if (user.disabled) return <StateBadge tone="off">Disabled</StateBadge>;
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
