import type { Team, TeamDetail, User } from '../auth/schemas.js';
import { fields, table, when } from './output.js';

/** A user's fields as label/value pairs, as `whoami` and `users show` print them. */
export function userPairs(user: User): [string, string][] {
  return [
    ['username', user.username],
    ['name', user.displayName],
    ['email', user.email ?? '-'],
    ['role', user.role],
    ['teams', user.teams.map((team) => team.name).join(', ') || '-'],
    ['status', userStatus(user)],
    ...(user.signInLock ? [lockPair(user.signInLock)] : []),
    ['created', when(user.createdAt)],
    ['last sign-in', when(user.lastLoginAt)],
  ];
}

function lockPair(lock: NonNullable<User['signInLock']>): [string, string] {
  const locks = lock.lockCount === 1 ? '1 lock' : `${lock.lockCount} locks`;
  return ['failed sign-ins', `${lock.failures} since the last lock ran out (${locks} so far)`];
}

function userStatus(user: User): string {
  if (user.disabled) return 'disabled';
  if (user.signInLock?.locked) return `locked until ${when(user.signInLock.lockedUntil)}`;
  return user.mustChangePassword ? 'must change password' : 'active';
}

/** Users as a table. */
export function usersTable(users: User[]): string {
  return table(users, [
    { heading: 'username', cell: (u) => u.username },
    { heading: 'name', cell: (u) => u.displayName },
    { heading: 'role', cell: (u) => u.role },
    { heading: 'teams', cell: (u) => u.teams.map((team) => team.name).join(',') || '-' },
    { heading: 'status', cell: userStatus },
  ]);
}

/** Teams as a table. */
export function teamsTable(teams: Team[]): string {
  return table(teams, [
    { heading: 'name', cell: (t) => t.name },
    { heading: 'title', cell: (t) => t.title },
    { heading: 'members', cell: (t) => String(t.memberCount) },
  ]);
}

/** A team with its members. */
export function teamDetail(team: TeamDetail): string {
  const head = fields([
    ['name', team.name],
    ['title', team.title],
    ['description', team.description || '-'],
    ['members', String(team.memberCount)],
    ['created', when(team.createdAt)],
  ]);
  if (team.members.length === 0) return head;
  const members = table(team.members, [
    { heading: 'username', cell: (m) => m.username },
    { heading: 'name', cell: (m) => m.displayName },
    { heading: 'role', cell: (m) => m.role },
  ]);
  return `${head}\n\n${members}`;
}
