import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { LockoutConfig } from './config-schema.js';
import { admit, type LockoutState, lockSeconds, lockView } from './lockout-rules.js';
import { inWords } from './lockout-service.js';

const policy: LockoutConfig = {
  failures: 3,
  firstLockSeconds: 60,
  maxLockSeconds: 600,
  forgetAfterHours: 24,
};
const T0 = Date.parse('2030-01-01T00:00:00Z');

/** Feeds failed attempts at the given times; returns when each was refused, or null when admitted. */
function run(times: number[], rules: LockoutConfig = policy) {
  let state: LockoutState | undefined;
  return times.map((now) => {
    const decision = admit(state, now, rules);
    if (!decision.admitted) return { now, refusedFor: decision.retryAfterSeconds };
    state = decision.next;
    return { now, refusedFor: null, locks: decision.locks, lockedUntil: decision.next.lockedUntil };
  });
}

const policies = fc
  .record({
    failures: fc.integer({ min: 1, max: 10 }),
    firstLockSeconds: fc.integer({ min: 1, max: 3600 }),
    maxLockSeconds: fc.integer({ min: 1, max: 86_400 }),
    forgetAfterHours: fc.integer({ min: 1, max: 48 }),
  })
  .map((p) => p as LockoutConfig);

describe('sign-in lock rules', () => {
  test('the third failure in a row locks for a minute; the next lock lasts twice as long', () => {
    const [a, b, c, d] = run([T0, T0 + 1000, T0 + 2000, T0 + 3000]);
    expect([a?.locks, b?.locks, c?.locks]).toEqual([false, false, true]);
    expect(c?.lockedUntil).toBe(T0 + 2000 + 60_000);
    expect(d?.refusedFor).toBe(59);
    const after = run([T0, T0, T0, T0 + 60_000, T0 + 60_000, T0 + 60_000, T0 + 60_001]);
    expect(after[5]?.lockedUntil).toBe(T0 + 60_000 + 120_000);
    expect(after[6]?.refusedFor).toBe(120);
  });

  test('locks double up to the longest, and a long quiet spell forgets them', () => {
    expect([0, 1, 2, 3, 4, 10, 2000].map((n) => lockSeconds(n, policy))).toEqual([
      60, 120, 240, 480, 600, 600, 600,
    ]);
    const quiet = T0 + 60_000 + 24 * 3_600_000;
    const results = run([T0, T0, T0, T0 + 60_000, T0 + 60_000, T0 + 60_000, quiet, quiet, quiet + 180_000]);
    expect(results[8]?.lockedUntil).toBe(quiet + 180_000 + 60_000);
  });

  test('says how long to wait in words, rounded up', () => {
    expect([1, 59, 60, 61, 3600, 7199, 7200, 86_400].map(inWords)).toEqual([
      '1 second',
      '59 seconds',
      '1 minute',
      '2 minutes',
      '60 minutes',
      '120 minutes',
      '2 hours',
      '24 hours',
    ]);
  });

  test('what a Keeper sees: the lock while it lasts, nothing once forgotten', () => {
    const state: LockoutState = { failures: 3, lockCount: 1, lockedUntil: T0 + 60_000, lastFailureAt: T0 };
    expect(lockView(state, T0, policy)).toEqual({
      locked: true,
      lockedUntil: T0 + 60_000,
      failures: 3,
      lockCount: 1,
    });
    expect(lockView(state, T0 + 60_000, policy)).toEqual({
      locked: false,
      lockedUntil: null,
      failures: 0,
      lockCount: 1,
    });
    expect(lockView(state, T0 + 24 * 3_600_000, policy)).toBeNull();
  });

  test('property: no attempt is admitted while a lock lasts, and locks never shrink within a streak', () => {
    fc.assert(
      fc.property(policies, fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 60 }), (p, gaps) => {
        let now = T0;
        const times = gaps.map((gap) => {
          now += gap;
          return now;
        });
        let lockedUntil = 0;
        let lastLength = 0;
        let lastFailure = Number.NEGATIVE_INFINITY;
        for (const result of run(times, p)) {
          if (result.now < lockedUntil) expect(result.refusedFor).not.toBeNull();
          if (result.refusedFor !== null) continue;
          const forgotten = result.now - lastFailure >= p.forgetAfterHours * 3_600_000;
          lastFailure = result.now;
          if (forgotten) lastLength = 0;
          if (result.locks) {
            const length = (result.lockedUntil as number) - result.now;
            expect(length).toBeGreaterThanOrEqual(Math.min(lastLength, p.maxLockSeconds * 1000));
            expect(length).toBeLessThanOrEqual(p.maxLockSeconds * 1000);
            lastLength = length;
            lockedUntil = result.lockedUntil as number;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: at most `failures` attempts are admitted per lock, however they bunch up', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 1, max: 100 }), (p, attempts) => {
        const admitted = run(
          Array.from({ length: attempts }, () => T0),
          p,
        ).filter((r) => r.refusedFor === null);
        expect(admitted.length).toBe(Math.min(attempts, p.failures));
      }),
    );
  });
});
