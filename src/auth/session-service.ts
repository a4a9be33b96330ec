import type { Db } from '../core/db/database.js';
import { nowIso } from '../core/time.js';
import type { Actor, AuditLog } from './audit-log.js';
import type { CredentialStore } from './credential-store.js';
import { authErrors } from './errors.js';
import type { LockoutService } from './lockout-service.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import type { Role } from './schemas.js';
import { csrfTokenFor, randomSecret, sha256 } from './secrets.js';
import type { UsersTable } from './tables.js';
import type { UserStore } from './user-store.js';

/** Writing "last seen" on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionOptions {
  ttlHours: number;
  secretKey: string;
  scryptCost: number;
}

export interface NewSession {
  user: UsersTable;
  /** Cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

const stale = (iso: string | null) => !iso || Date.now() - Date.parse(iso) > TOUCH_INTERVAL_MS;

/** Password sign-in, sessions and bearer tokens: turns what a request carries into a Principal. */
export class SessionService {
  private decoyHash?: Promise<string>;

  constructor(
    private readonly db: Db,
    private readonly users: UserStore,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditLog,
    private readonly lockout: LockoutService,
    private readonly options: SessionOptions,
  ) {}

  /**
   * Password sign-in. `meta.ip` is the client address as Fastify computed it from the trusted
   * proxies only. Unknown names go through the same lock and the same password work as real ones.
   */
  async login(username: string, password: string, meta: { ip: string | null; userAgent?: string }) {
    const name = username.trim().toLowerCase();
    const attempt = await this.lockout.admit(name);
    const user = await this.users.findByUsername(name);
    // An unknown name costs as much as a wrong password, so timing does not reveal who has an account.
    this.decoyHash ??= hashPassword('decoy-password', this.options.scryptCost);
    const stored = user?.password_hash ?? (await this.decoyHash);
    const ok = await verifyPassword(password, stored);
    const actor: Actor = { userId: user?.id ?? null, username: user?.username ?? null, ip: meta.ip };
    if (!user || !ok) {
      await this.audit.record(actor, { action: 'auth.login.failed', target: username.slice(0, 100) });
      await this.lockout.failed(attempt, actor);
      throw authErrors.AUTH_INVALID_CREDENTIALS.create();
    }
    await this.lockout.succeeded(attempt);
    if (user.disabled) {
      await this.audit.record(actor, { action: 'auth.login.refused', target: user.username });
      throw authErrors.AUTH_ACCOUNT_DISABLED.create();
    }
    const sessionToken = randomSecret(32);
    const id = sha256(sessionToken);
    const now = nowIso();
    const expiresAt = new Date(Date.now() + this.options.ttlHours * 3_600_000);
    await this.db.transaction().execute(async (trx) => {
      await this.credentials.insertSession(
        {
          id,
          user_id: user.id,
          created_at: now,
          expires_at: expiresAt.toISOString(),
          last_seen_at: now,
          ip: meta.ip,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        },
        trx,
      );
      await this.users.update(user.id, { last_login_at: now }, trx);
      await this.audit.record(actor, { action: 'auth.login', target: user.username }, trx);
    });
    return { user, sessionToken, csrfToken: this.csrfFor(id), expiresAt } satisfies NewSession;
  }

  csrfFor(sessionId: string): string {
    return csrfTokenFor(sessionId, this.options.secretKey);
  }

  async logout(principal: Principal, actor: Actor): Promise<void> {
    if (!principal.sessionId) return;
    await this.credentials.deleteSession(principal.sessionId);
    await this.audit.record(actor, { action: 'auth.logout', target: principal.user.username });
  }

  /** The principal behind a session cookie, or null when the session is unknown, expired or disabled. */
  async fromSession(cookieValue: string): Promise<Principal | null> {
    const now = nowIso();
    const row = await this.credentials.findSession(sha256(cookieValue), now);
    if (!row || row.disabled) return null;
    if (stale(row.last_seen_at)) {
      await this.credentials.touchSession(row.session_id, now);
      await this.credentials.deleteExpiredSessions(now);
    }
    const { session_id, last_seen_at: _seen, ...user } = row;
    return { user, role: user.role as Role, method: 'session', sessionId: session_id };
  }

  /** The principal behind a bearer token; an unusable token is an error, not an anonymous call. */
  async fromToken(secret: string): Promise<Principal> {
    const now = nowIso();
    const row = await this.credentials.findToken(sha256(secret), now);
    if (!row || row.disabled) throw authErrors.AUTH_TOKEN_INVALID.create();
    if (stale(row.token_last_used_at)) await this.credentials.touchToken(row.token_id, now);
    const { token_id, token_last_used_at: _used, ...user } = row;
    return { user, role: user.role as Role, method: 'token', tokenId: token_id };
  }

  /** Session lifetime for the cookie's Max-Age. */
  get ttlSeconds(): number {
    return this.options.ttlHours * 3600;
  }
}
