import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  decide,
  FINAL_STATES,
  invariantViolations,
  REQUEST_STATES,
  type RequestSnapshot,
  type TransitionActor,
  type TransitionInput,
} from './states.js';

const actor: fc.Arbitrary<TransitionActor> = fc.record({ isKeeper: fc.boolean(), isRequester: fc.boolean() });
const input: fc.Arbitrary<TransitionInput> = fc.record(
  {
    to: fc.constantFrom(...REQUEST_STATES),
    reason: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 8 })),
    assignee: fc.constantFrom('k1', 'k2', 'k3'),
  },
  { requiredKeys: ['to'] },
);
/** A step is either a move by someone or a Keeper's comment (which gives the request its reply). */
const step = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), input, actor }),
  fc.record({ kind: fc.constant('reply' as const) }),
);

const fresh: RequestSnapshot = {
  state: 'new',
  assigneeId: null,
  hasReply: false,
  declineReason: null,
  withdrawReason: null,
};

test('random actions by random roles never reach an illegal state, and a refusal changes nothing', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      let current = fresh;
      for (const s of steps) {
        if (s.kind === 'reply') {
          current = { ...current, hasReply: true };
          continue;
        }
        const before = structuredClone(current);
        const decision = decide(current, s.input, s.actor);
        expect(current).toEqual(before);
        if (!decision.ok) {
          expect(decision.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
          expect(decision.message).toMatch(/'[a-z ]+'/);
          continue;
        }
        expect(FINAL_STATES.includes(before.state)).toBe(false);
        if (!s.actor.isKeeper) expect(['in_progress', 'withdrawn']).toContain(decision.next.state);
        current = decision.next;
        expect(invariantViolations(current)).toEqual([]);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a final state has no way out, for anyone', () => {
  fc.assert(
    fc.property(fc.constantFrom(...FINAL_STATES), input, actor, (state, i, a) => {
      const snapshot = { ...fresh, state, assigneeId: 'k1', hasReply: true, declineReason: 'x' };
      expect(decide(snapshot, i, a).ok).toBe(false);
    }),
  );
});
