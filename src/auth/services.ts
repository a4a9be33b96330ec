import type { Db } from '../core/db/database.js';
import { AuditLog } from './audit-log.js';
import type { LockoutConfig } from './config-schema.js';
import { CredentialStore } from './credential-store.js';
import { LockoutService } from './lockout-service.js';
import { LockoutStore } from './lockout-store.js';
import { SessionService } from './session-service.js';
import { TeamService } from './team-service.js';
import { TeamStore } from './team-store.js';
import { TokenService } from './token-service.js';
import { UserService } from './user-service.js';
import { UserStore } from './user-store.js';

export interface AuthOptions {
  secretKey: string;
  sessionTtlHours: number;
  passwordMinLength: number;
  scryptCost: number;
  /** A password change or reset also revokes the user's API tokens; default true. */
  revokeTokensOnPasswordChange?: boolean;
  lockout: LockoutConfig;
  /** The clock of sign-in locks; tests move it. */
  now?: () => number;
}

/** The auth domain, wired: stores, then the services that hold the rules. */
export function createAuthServices(db: Db, options: AuthOptions) {
  const userStore = new UserStore(db);
  const teamStore = new TeamStore(db);
  const credentials = new CredentialStore(db);
  const audit = new AuditLog(db);
  const passwordPolicy = {
    minLength: options.passwordMinLength,
    scryptCost: options.scryptCost,
    revokeTokens: options.revokeTokensOnPasswordChange ?? true,
  };
  const lockout = new LockoutService(
    db,
    new LockoutStore(db),
    audit,
    options.lockout,
    options.now ?? Date.now,
  );
  return {
    userStore,
    teamStore,
    credentials,
    audit,
    lockout,
    users: new UserService(db, userStore, teamStore, credentials, audit, passwordPolicy, lockout),
    teams: new TeamService(db, teamStore, userStore, audit),
    tokens: new TokenService(db, credentials, audit),
    sessions: new SessionService(db, userStore, credentials, audit, lockout, {
      ttlHours: options.sessionTtlHours,
      secretKey: options.secretKey,
      scryptCost: options.scryptCost,
    }),
  };
}

export type AuthServices = ReturnType<typeof createAuthServices>;
