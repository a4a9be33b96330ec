import type { Db } from '../core/db/database.js';
import type { Actor, AuditLog } from './audit-log.js';
import type { LockoutConfig } from './config-schema.js';
import { authErrors } from './errors.js';
import { admit, type LockoutState, lockSeconds, lockView } from './lockout-rules.js';
import type { LockoutStore } from './lockout-store.js';
import type { SignInLock } from './schemas.js';

/** Rounds of compare-and-swap before an attempt is refused; each lost round means another writer won. */
const MAX_ROUNDS = 8;
/** Forgotten rows (mostly names nobody has) are swept at most this often. */
const PRUNE_INTERVAL_MS = 60_000;

/** An attempt allowed to check a password; it already counts as a failure until it succeeds. */
export interface AdmittedAttempt {
  name: string;
  /** This attempt starts a lock, which stands if its password is wrong. */
  locks: boolean;
  state: LockoutState;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** "45 seconds", "2 minutes", "1 hour": how long until a lock runs out, rounded up. */
export function inWords(seconds: number): string {
  const [amount, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 7200
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

function lockedError(retryAfterSeconds: number, lockedUntil: number) {
  return authErrors.AUTH_ACCOUNT_LOCKED.create([inWords(retryAfterSeconds)], {
    details: { retryAfterSeconds, lockedUntil: iso(lockedUntil) },
  });
}

/**
 * Per-account protection of password sign-in: failures in a row lock the account name for a time
 * that doubles with each lock, whatever client address they come from. Names without an account
 * are counted and locked the same way, so the answers never tell which names exist.
 */
export class LockoutService {
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly store: LockoutStore,
    private readonly audit: AuditLog,
    private readonly policy: LockoutConfig,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt at `name`, or throws AUTH_ACCOUNT_LOCKED (with when to retry) while it is locked. */
  async admit(name: string): Promise<AdmittedAttempt> {
    const now = this.now();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const stored = await this.store.find(name);
      const decision = admit(stored?.state, now, this.policy);
      if (!decision.admitted) throw lockedError(decision.retryAfterSeconds, decision.lockedUntil);
      if (await this.store.swap(name, stored, decision.next)) {
        if (!stored) await this.prune(now);
        return { name, locks: decision.locks, state: decision.next };
      }
    }
    // Every round lost to parallel attempts at this same name: refusing is the answer that cannot be abused.
    throw lockedError(1, now + 1000);
  }

  /** The attempt's password was wrong: the lock it started, if any, stands and is audited. */
  async failed(attempt: AdmittedAttempt, actor: Actor): Promise<void> {
    if (!attempt.locks) return;
    const { state } = attempt;
    await this.audit.record(actor, {
      action: 'auth.login.locked',
      target: attempt.name,
      details: {
        failures: state.failures,
        lockCount: state.lockCount,
        lockSeconds: lockSeconds(state.lockCount - 1, this.policy),
        lockedUntil: iso(state.lockedUntil),
      },
    });
  }

  /** The password was right: nothing counts against the account any more. */
  async succeeded(attempt: AdmittedAttempt): Promise<void> {
    await this.store.clear(attempt.name);
  }

  /** A Keeper lifts an account's lock and forgets its failures; audited even when there was none. */
  async clear(actor: Actor, username: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const view = lockView(await this.store.clear(username, trx), this.now(), this.policy);
      const details = { wasLocked: view?.locked ?? false, failures: view?.failures ?? 0 };
      await this.audit.record(actor, { action: 'user.lock.clear', target: username, details }, trx);
    });
  }

  /** What Keepers see per username: only names with something counted against them are in the map. */
  async views(usernames: string[]): Promise<Map<string, SignInLock>> {
    const states = await this.store.findMany(usernames);
    const now = this.now();
    const out = new Map<string, SignInLock>();
    for (const [username, state] of states) {
      const view = lockView(state, now, this.policy);
      if (view) out.set(username, { ...view, lockedUntil: iso(view.lockedUntil) });
    }
    return out;
  }

  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < PRUNE_INTERVAL_MS) return;
    this.lastPrune = now;
    await this.store.prune(now - this.policy.forgetAfterHours * 3_600_000, now);
  }
}
