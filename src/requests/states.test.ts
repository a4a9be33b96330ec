import { describe, expect, test } from 'vitest';
import { decide, possibleTargets, type RequestSnapshot } from './states.js';

const keeper = { isKeeper: true, isRequester: false };
const requester = { isKeeper: false, isRequester: true };
const member = { isKeeper: false, isRequester: false };
const fresh: RequestSnapshot = {
  state: 'new',
  assigneeId: null,
  hasReply: false,
  declineReason: null,
  withdrawReason: null,
};

describe('request states', () => {
  test('triage needs an assignee and sets it', () => {
    const refused = decide(fresh, { to: 'triaged' }, keeper);
    expect(refused).toMatchObject({ ok: false, code: 'REQUEST_TRANSITION_NOT_ALLOWED' });
    expect(refused.ok || refused.message).toMatch(/needs an assignee/);
    const accepted = decide(fresh, { to: 'triaged', assignee: 'k1' }, keeper);
    expect(accepted).toMatchObject({
      ok: true,
      next: { state: 'triaged', assigneeId: 'k1' },
      verb: 'triage',
    });
  });

  test('only Keepers triage; the refusal names the states and what the caller may do', () => {
    const refused = decide(fresh, { to: 'triaged', assignee: 'k1' }, requester);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.message).toContain("'new' to 'triaged'");
    expect(refused.message).toContain('Only a Keeper may do that');
    expect(refused.message).toContain("you may move it to 'withdrawn'");
  });

  test('declining needs a reason, which counts as the reply', () => {
    expect(decide(fresh, { to: 'declined', reason: '  ' }, keeper).ok).toBe(false);
    const declined = decide(fresh, { to: 'declined', reason: 'Out of scope' }, keeper);
    expect(declined).toMatchObject({
      ok: true,
      next: { state: 'declined', declineReason: 'Out of scope', hasReply: true },
    });
  });

  test('done needs a reply to the requester', () => {
    const started: RequestSnapshot = { ...fresh, state: 'in_progress', assigneeId: 'k1' };
    const refused = decide(started, { to: 'done' }, keeper);
    expect(refused.ok || refused.message).toMatch(/needs a reply/);
    expect(decide({ ...started, hasReply: true }, { to: 'done' }, keeper).ok).toBe(true);
  });

  test('the requester answers a waiting request back into progress, and may withdraw it', () => {
    const waiting: RequestSnapshot = { ...fresh, state: 'waiting', assigneeId: 'k1', hasReply: true };
    expect(decide(waiting, { to: 'in_progress' }, requester)).toMatchObject({ ok: true, verb: 'answer' });
    expect(decide(waiting, { to: 'in_progress' }, member).ok).toBe(false);
    expect(decide(waiting, { to: 'withdrawn', reason: 'Solved it' }, requester)).toMatchObject({
      ok: true,
      next: { withdrawReason: 'Solved it' },
    });
    expect(decide(waiting, { to: 'withdrawn' }, keeper).ok).toBe(false);
  });

  test('a closed request stays closed', () => {
    const done: RequestSnapshot = { ...fresh, state: 'done', assigneeId: 'k1', hasReply: true };
    const refused = decide(done, { to: 'in_progress' }, keeper);
    expect(refused.ok || refused.message).toMatch(/stays closed/);
    expect(possibleTargets(done, keeper)).toEqual([]);
  });

  test('a Keeper reassigns without changing the state, but not to the same person', () => {
    const started: RequestSnapshot = { ...fresh, state: 'in_progress', assigneeId: 'k1' };
    expect(decide(started, { to: 'in_progress', assignee: 'k2' }, keeper)).toMatchObject({
      ok: true,
      next: { state: 'in_progress', assigneeId: 'k2' },
    });
    expect(decide(started, { to: 'in_progress', assignee: 'k1' }, keeper).ok).toBe(false);
  });

  test('what a Keeper may do from each open state', () => {
    expect(possibleTargets(fresh, keeper)).toEqual(['triaged', 'declined']);
    expect(possibleTargets({ ...fresh, state: 'triaged', assigneeId: 'k' }, keeper)).toEqual([
      'in_progress',
      'waiting',
      'done',
      'declined',
    ]);
    expect(possibleTargets(fresh, member)).toEqual([]);
  });
});
