import type { LockoutConfig } from './config-schema.js';

/** What is counted against one account name. Times are milliseconds since the epoch. */
export interface LockoutState {
  /** Sign-in attempts counted since the last lock ran out (an attempt counts until it succeeds). */
  failures: number;
  /** Locks since the history was last forgotten: the next one lasts 2^lockCount first locks. */
  lockCount: number;
  lockedUntil: number | null;
  lastFailureAt: number;
}

/** The answer to "may this attempt check a password?". */
export type Admission =
  | { admitted: false; lockedUntil: number; retryAfterSeconds: number }
  /** `locks`: this attempt starts a lock, which stands unless the password turns out right. */
  | { admitted: true; next: LockoutState; locks: boolean };

/** How long the lock that follows `lockCount` earlier ones lasts, in seconds. */
export function lockSeconds(lockCount: number, policy: LockoutConfig): number {
  return Math.min(policy.firstLockSeconds * 2 ** lockCount, policy.maxLockSeconds);
}

function isForgotten(state: LockoutState, now: number, policy: LockoutConfig): boolean {
  return now - state.lastFailureAt >= policy.forgetAfterHours * 3_600_000;
}

/**
 * Decides one sign-in attempt. An admitted attempt is counted as a failure at once, before its
 * password is checked, so that attempts racing in parallel (or on other replicas) cannot check
 * more passwords than the policy allows; a right password then clears the count.
 */
export function admit(state: LockoutState | undefined, now: number, policy: LockoutConfig): Admission {
  if (state?.lockedUntil && state.lockedUntil > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((state.lockedUntil - now) / 1000));
    return { admitted: false, lockedUntil: state.lockedUntil, retryAfterSeconds };
  }
  const fresh = !state || isForgotten(state, now, policy);
  const lockCount = fresh ? 0 : state.lockCount;
  // A lock that ran out starts a new count; how long the next lasts is kept in lockCount.
  const failures = (fresh || state.lockedUntil !== null ? 0 : state.failures) + 1;
  if (failures < policy.failures) {
    return {
      admitted: true,
      locks: false,
      next: { failures, lockCount, lockedUntil: null, lastFailureAt: now },
    };
  }
  const lockedUntil = now + lockSeconds(lockCount, policy) * 1000;
  return {
    admitted: true,
    locks: true,
    next: { failures, lockCount: lockCount + 1, lockedUntil, lastFailureAt: now },
  };
}

/** What a Keeper sees of an account's state now, or null when nothing counts against it. */
export function lockView(
  state: LockoutState | undefined,
  now: number,
  policy: LockoutConfig,
): { locked: boolean; lockedUntil: number | null; failures: number; lockCount: number } | null {
  if (!state) return null;
  const locked = state.lockedUntil !== null && state.lockedUntil > now;
  if (!locked && isForgotten(state, now, policy)) return null;
  const ranOut = state.lockedUntil !== null && !locked;
  return {
    locked,
    lockedUntil: locked ? state.lockedUntil : null,
    failures: ranOut ? 0 : state.failures,
    lockCount: state.lockCount,
  };
}
