import { Type } from 'typebox';
import { Page, PageQuery } from '../core/schemas.js';

export const ROLES = ['keeper', 'member'] as const;
export const Role = Type.Union([Type.Literal('keeper'), Type.Literal('member')], {
  description: 'keeper: runs the platform; member: a member of one or more teams',
});
export type Role = Type.Static<typeof Role>;

export const Username = Type.String({
  pattern: '^[a-z][a-z0-9._-]{1,38}[a-z0-9]$',
  description: '3-40 characters: lower-case letters, digits, dot, dash, underscore; starts with a letter',
});
export const TeamName = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,61}[a-z0-9]$',
  description: '2-63 characters: lower-case letters, digits and dashes; starts with a letter',
});
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const TeamRef = Type.Object({ name: Type.String(), title: Type.String() });

export const SignInLock = Type.Object(
  {
    locked: Type.Boolean({ description: 'Password sign-in is refused until lockedUntil' }),
    lockedUntil: NullableTimestamp,
    failures: Type.Integer({ description: 'Failed sign-ins counted since the last lock ran out' }),
    lockCount: Type.Integer({ description: 'Locks so far; each lasts twice as long as the one before' }),
  },
  { description: 'Keepers only: failed sign-ins counted against the account; absent when there are none' },
);
export type SignInLock = Type.Static<typeof SignInLock>;

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: Role,
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  teams: Type.Array(TeamRef),
  createdAt: Timestamp,
  lastLoginAt: NullableTimestamp,
  signInLock: Type.Optional(SignInLock),
});
export type User = Type.Static<typeof User>;

export const Me = Type.Object({
  user: User,
  authMethod: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});
export type Me = Type.Static<typeof Me>;

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Password,
});
export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password });

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  expiresAt: NullableTimestamp,
});
export type ApiToken = Type.Static<typeof ApiToken>;
export const CreateTokenBody = Type.Object({
  name: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'What the token is for, e.g. "laptop CLI"',
  }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});
export const CreatedToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'The token itself. Shown once; Plinth keeps only its hash.' }),
});

export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.Optional(Role),
  team: Type.Optional(Type.String({ maxLength: 63 })),
});
export const UserPage = Page(User);
export const CreateUserBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  role: Type.Optional(Role),
  password: Type.Optional(Password),
  teams: Type.Optional(Type.Array(TeamName, { maxItems: 100 })),
});
export const CreatedUser = Type.Object({
  user: User,
  initialPassword: Type.Optional(
    Type.String({ description: 'Generated one-time password, shown once; the user must change it' }),
  ),
});
export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    role: Type.Optional(Role),
    disabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
/** What a new password ended: the person's other sessions and (by default) their API tokens. */
export const CredentialsEnded = Type.Object({
  sessionsEnded: Type.Integer({
    description: 'Sessions signed out (for a change: the others than this one)',
  }),
  tokensRevoked: Type.Integer({
    description: 'API tokens revoked; 0 when auth.revokeTokensOnPasswordChange is off',
  }),
});
export type CredentialsEnded = Type.Static<typeof CredentialsEnded>;
export const ResetPasswordResult = Type.Object({
  initialPassword: Type.String(),
  ...CredentialsEnded.properties,
});

export const Team = Type.Object({
  name: Type.String(),
  title: Type.String(),
  description: Type.String(),
  memberCount: Type.Integer(),
  createdAt: Timestamp,
});
export type Team = Type.Static<typeof Team>;
export const TeamMember = Type.Object({ username: Type.String(), displayName: Type.String(), role: Role });
export const TeamDetail = Type.Object({ ...Team.properties, members: Type.Array(TeamMember) });
export type TeamDetail = Type.Static<typeof TeamDetail>;
export const TeamPage = Page(Team);
export const CreateTeamBody = Type.Object({
  name: TeamName,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const UpdateTeamBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { minProperties: 1 },
);

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actor: Type.Union([Type.String(), Type.Null()], { description: 'username, or null for the system' }),
  action: Type.String({ description: 'e.g. user.create, team.member.add, token.revoke' }),
  target: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
});
export type AuditEntry = Type.Static<typeof AuditEntry>;
export const AuditQuery = Type.Object({
  ...PageQuery.properties,
  actor: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
});
export const AuditPage = Page(AuditEntry);
