import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import type { Actor, AuditLog } from './audit-log.js';
import type { CredentialStore } from './credential-store.js';
import { authErrors } from './errors.js';
import type { LockoutService } from './lockout-service.js';
import { assertStrongPassword, generatePassword, hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import type { Role, User } from './schemas.js';
import type { UsersTable } from './tables.js';
import type { TeamStore } from './team-store.js';
import type { UserFilter, UserStore } from './user-store.js';

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  role?: Role;
  password?: string;
  teams?: string[];
}

export interface PasswordPolicy {
  minLength: number;
  scryptCost: number;
  /** A new password also revokes the user's API tokens (auth.revokeTokensOnPasswordChange). */
  revokeTokens: boolean;
}

/** What a password change or reset ended, so the person can be told (and the audit log keeps). */
export type CredentialsEnded = {
  sessionsEnded: number;
  tokensRevoked: number;
};

/** The rules for accounts: who may exist, with which role and password, and the last-Keeper guard. */
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly users: UserStore,
    private readonly teams: TeamStore,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditLog,
    private readonly policy: PasswordPolicy,
    private readonly lockout: LockoutService,
  ) {}

  /** A page of users; `withLocks` adds their sign-in locks (for Keepers). */
  async list(filter: Omit<UserFilter, 'after'> & { cursor?: string }, options: { withLocks?: boolean } = {}) {
    const rows = await this.users.list({ ...filter, after: decodeCursor(filter.cursor) });
    const page = toPage(
      rows,
      filter.limit,
      (r) => r.username,
      (r) => r,
    );
    const items = await this.users.toApi(page.items);
    return { items: options.withLocks ? await this.withLocks(items) : items, nextCursor: page.nextCursor };
  }

  /** One user; `withLock` adds their sign-in lock (for Keepers). */
  async get(username: string, options: { withLock?: boolean } = {}): Promise<User> {
    const user = await this.users.toApiOne(await this.requireUser(username));
    return options.withLock ? ((await this.withLocks([user]))[0] as User) : user;
  }

  /** Lifts a user's sign-in lock and forgets their failed sign-ins (audited). */
  async clearLock(actor: Actor, username: string): Promise<void> {
    await this.requireUser(username);
    await this.lockout.clear(actor, username);
  }

  private async withLocks(users: User[]): Promise<User[]> {
    const locks = await this.lockout.views(users.map((u) => u.username));
    return users.map((u) => {
      const lock = locks.get(u.username);
      return lock ? { ...u, signInLock: lock } : u;
    });
  }

  async requireUser(username: string, db: Db = this.db): Promise<UsersTable> {
    const row = await this.users.findByUsername(username, db);
    if (!row) throw authErrors.AUTH_USER_NOT_FOUND.create([username]);
    return row;
  }

  /**
   * Creates an account. Without a password a one-time password is generated and returned once;
   * either way the user must choose their own at first sign-in unless `mustChangePassword` is false.
   */
  async create(actor: Actor, input: NewUser, options: { mustChangePassword?: boolean } = {}) {
    const initialPassword = input.password ?? generatePassword();
    if (input.password) assertStrongPassword(input.password, this.policy.minLength, input.username);
    const hash = await hashPassword(initialPassword, this.policy.scryptCost);
    const now = nowIso();
    const row: UsersTable = {
      id: newId(),
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      role: input.role ?? 'member',
      password_hash: hash,
      must_change_password: options.mustChangePassword === false ? 0 : 1,
      disabled: 0,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.users.findByUsername(input.username, trx)) {
        throw authErrors.AUTH_USER_EXISTS.create([input.username]);
      }
      const teams = await this.teams.findManyByName(input.teams ?? [], trx);
      const missing = (input.teams ?? []).find((name) => !teams.some((t) => t.name === name));
      if (missing) throw authErrors.AUTH_TEAM_NOT_FOUND.create([missing]);
      await this.users.insert(row, trx);
      for (const team of teams) await this.teams.addMember(team.id, row.id, now, trx);
      await this.audit.record(
        actor,
        {
          action: 'user.create',
          target: row.username,
          details: { role: row.role, teams: input.teams ?? [] },
        },
        trx,
      );
    });
    return {
      user: await this.get(row.username),
      initialPassword: input.password ? undefined : initialPassword,
    };
  }

  async update(
    actor: Actor,
    username: string,
    changes: { displayName?: string; email?: string | null; role?: Role; disabled?: boolean },
  ): Promise<User> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.requireUser(username, trx);
      const losesKeeper =
        row.role === 'keeper' &&
        row.disabled === 0 &&
        ((changes.role !== undefined && changes.role !== 'keeper') || changes.disabled === true);
      if (losesKeeper && (await this.users.countActiveKeepers(trx)) <= 1) {
        throw authErrors.AUTH_LAST_KEEPER.create([username]);
      }
      const set: Partial<UsersTable> = { updated_at: nowIso() };
      if (changes.displayName !== undefined) set.display_name = changes.displayName;
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
      await this.users.update(row.id, set, trx);
      if (changes.disabled) await this.credentials.deleteSessionsOf(row.id, trx);
      await this.audit.record(actor, { action: 'user.update', target: username, details: { changes } }, trx);
    });
    return this.get(username, { withLock: true });
  }

  /**
   * Replaces a forgotten (or leaked) password with a one-time one, signs the user out everywhere
   * and, unless the operator turned it off, revokes their API tokens: whoever knew the old password
   * may have made one.
   */
  async resetPassword(
    actor: Actor,
    username: string,
  ): Promise<{ initialPassword: string } & CredentialsEnded> {
    const initialPassword = generatePassword();
    const hash = await hashPassword(initialPassword, this.policy.scryptCost);
    const ended = await this.db.transaction().execute(async (trx) => {
      const row = await this.requireUser(username, trx);
      const now = nowIso();
      await this.users.update(row.id, { password_hash: hash, must_change_password: 1, updated_at: now }, trx);
      const result = await this.endCredentials(row.id, now, trx);
      await this.audit.record(
        actor,
        { action: 'user.password.reset', target: username, details: result },
        trx,
      );
      return result;
    });
    return { initialPassword, ...ended };
  }

  /** Ends the sessions (and, by policy, revokes the tokens) of a user, but the one credential kept. */
  private async endCredentials(
    userId: string,
    now: string,
    trx: Db,
    keep: { sessionId?: string; tokenId?: string } = {},
  ): Promise<CredentialsEnded> {
    const sessionsEnded = await this.credentials.deleteSessionsOf(userId, trx, keep.sessionId);
    const tokensRevoked = this.policy.revokeTokens
      ? await this.credentials.revokeTokensOf(userId, now, trx, keep.tokenId)
      : 0;
    return { sessionsEnded, tokensRevoked };
  }

  /**
   * A user changes their own password. Their other sessions end and, unless the operator turned it
   * off, their API tokens are revoked; the session or token that made the change keeps working.
   */
  async changeOwnPassword(
    principal: Principal,
    actor: Actor,
    current: string,
    next: string,
  ): Promise<CredentialsEnded> {
    const stored = principal.user.password_hash;
    if (!stored || !(await verifyPassword(current, stored))) throw authErrors.AUTH_WRONG_PASSWORD.create();
    assertStrongPassword(next, this.policy.minLength, principal.user.username);
    if (current === next) {
      throw authErrors.AUTH_PASSWORD_TOO_WEAK.create(['choose a password different from the current one']);
    }
    const hash = await hashPassword(next, this.policy.scryptCost);
    return this.db.transaction().execute(async (trx) => {
      const now = nowIso();
      await this.users.update(
        principal.user.id,
        { password_hash: hash, must_change_password: 0, updated_at: now },
        trx,
      );
      const keep = { sessionId: principal.sessionId, tokenId: principal.tokenId };
      const ended = await this.endCredentials(principal.user.id, now, trx, keep);
      await this.audit.record(
        actor,
        { action: 'user.password.change', target: principal.user.username, details: ended },
        trx,
      );
      return ended;
    });
  }
}
