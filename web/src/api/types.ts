// The web speaks the server's own contract: these are the types of the TypeBox schemas in src/.
import type { Type } from 'typebox';
import type {
  ApiToken,
  AuditEntry,
  CreatedToken,
  CreatedUser,
  CreateTeamBody,
  CreateTokenBody,
  CreateUserBody,
  CredentialsEnded,
  Me,
  ResetPasswordResult,
  Role,
  Team,
  TeamDetail,
  TeamMember,
  UpdateTeamBody,
  UpdateUserBody,
  User,
} from '../../../src/auth/schemas.js';
import type { ErrorBody } from '../../../src/core/schemas.js';
import type { PlatformInfo, StartLink } from '../../../src/platform/schemas.js';

export type { ApiToken, AuditEntry, ErrorBody, Me, PlatformInfo, Role, Team, TeamDetail, User };
export type TeamMemberInfo = Type.Static<typeof TeamMember>;
export type StartLinkInfo = Type.Static<typeof StartLink>;
export type CreatedTokenResult = Type.Static<typeof CreatedToken>;
export type CreateTokenInput = Type.Static<typeof CreateTokenBody>;
export type CreatedUserResult = Type.Static<typeof CreatedUser>;
export type CreateUserInput = Type.Static<typeof CreateUserBody>;
export type UpdateUserInput = Type.Static<typeof UpdateUserBody>;
export type ResetPasswordOutput = Type.Static<typeof ResetPasswordResult>;
export type CredentialsEndedResult = Type.Static<typeof CredentialsEnded>;
export type CreateTeamInput = Type.Static<typeof CreateTeamBody>;
export type UpdateTeamInput = Type.Static<typeof UpdateTeamBody>;

/** A cursor page, as every list route answers. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}
