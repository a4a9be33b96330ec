import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkRule } from './decision-rule.js';
import type { Vote } from './schemas.js';

const vote = (over: Partial<Vote>): Vote => ({
  username: 'kim',
  displayName: 'Kim',
  capacity: 'keeper',
  team: null,
  choice: 'approve',
  blocking: false,
  reason: '',
  at: '2026-01-01T00:00:00Z',
  ...over,
});

const anyVote = fc
  .record({
    displayName: fc.constantFrom('Ada', 'Kim', 'Lee', 'Mo'),
    capacity: fc.constantFrom('keeper' as const, 'team' as const),
    choice: fc.constantFrom('approve' as const, 'object' as const, 'abstain' as const),
    blocking: fc.boolean(),
    reason: fc.string({ maxLength: 20 }),
  })
  .map((v) =>
    vote({
      ...v,
      team: v.capacity === 'team' ? 'climate' : null,
      blocking: v.choice === 'object' && v.blocking,
    }),
  );

describe('the decision rule', () => {
  test('one Keeper approval with nothing against meets the default rule', () => {
    expect(checkRule('unanimous-keepers', 1, [vote({})]).met).toBe(true);
  });

  test('no votes: not met, and the reason says how many approvals are missing', () => {
    const check = checkRule('unanimous-keepers', 2, []);
    expect(check.met).toBe(false);
    expect(check.reasons).toEqual(['0 of the 2 Keeper approvals needed so far']);
  });

  test('a blocking objection names who objected and why', () => {
    const check = checkRule('unanimous-keepers', 1, [
      vote({}),
      vote({
        displayName: 'Ada',
        capacity: 'team',
        team: 'climate',
        choice: 'object',
        blocking: true,
        reason: 'no ARM build',
      }),
    ]);
    expect(check.met).toBe(false);
    expect(check.reasons).toEqual(["blocked by Ada (for climate)'s objection: “no ARM build”"]);
  });

  test('a non-blocking team objection does not stop acceptance; a Keeper objection does under unanimity', () => {
    const team = vote({ capacity: 'team', team: 'climate', choice: 'object' });
    expect(checkRule('unanimous-keepers', 1, [vote({}), team]).met).toBe(true);
    const keeper = vote({ displayName: 'Lee', choice: 'object', reason: 'too early' });
    expect(checkRule('unanimous-keepers', 1, [vote({}), keeper]).met).toBe(false);
    expect(checkRule('keeper-majority', 1, [vote({}), vote({ displayName: 'Mo' }), keeper]).met).toBe(true);
  });

  test('properties: met exactly when no blocking objection, enough approvals, and the rule’s count holds', () => {
    fc.assert(
      fc.property(fc.array(anyVote, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (votes, min) => {
        const keepers = votes.filter((v) => v.capacity === 'keeper');
        const approvals = keepers.filter((v) => v.choice === 'approve').length;
        const objections = keepers.filter((v) => v.choice === 'object').length;
        const blocked = votes.some((v) => v.choice === 'object' && v.blocking);
        const unanimous = checkRule('unanimous-keepers', min, votes);
        expect(unanimous.met).toBe(!blocked && approvals >= min && objections === 0);
        expect(unanimous.met).toBe(unanimous.reasons.length === 0);
        const majority = checkRule('keeper-majority', min, votes);
        expect(majority.met).toBe(!blocked && approvals >= min && approvals > objections);
      }),
    );
  });
});
