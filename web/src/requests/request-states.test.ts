import { describe, expect, test } from 'vitest';
import { contextOfSearch, entityOfPath } from './request-context.js';
import { responseTiming, spanText } from './request-states.js';
import type { RequestSummary } from './request-types.js';

const HOUR = 3_600_000;
const now = Date.parse('2026-03-02T12:00:00Z');
const base = {
  state: 'new',
  firstResponseAt: null,
  firstResponseDueAt: new Date(now + 3 * HOUR).toISOString(),
  resolutionDueAt: new Date(now + 30 * HOUR).toISOString(),
  overdue: { firstResponse: false, resolution: false },
} as unknown as RequestSummary;

describe('response badges', () => {
  test('an unanswered request counts down to its first response', () => {
    expect(responseTiming(base, now)).toEqual({
      text: 'first response due in 3 h',
      tone: 'off',
      overdue: false,
    });
  });

  test('an answered one counts down to its resolution, and says by how much it is late', () => {
    const answered = { ...base, firstResponseAt: new Date(now).toISOString() };
    expect(responseTiming(answered, now)?.text).toBe('resolution due in 30 h');
    expect(responseTiming(answered, now + 32 * HOUR)).toMatchObject({
      text: 'resolution overdue by 2 h',
      overdue: true,
    });
  });

  test('a closed request wears no badge', () => {
    expect(responseTiming({ ...base, state: 'done' }, now)).toBeNull();
  });

  test('spans read as people say them', () => {
    expect(spanText(20 * 60_000)).toBe('20 min');
    expect(spanText(50 * HOUR)).toBe('2 d 2 h');
    expect(spanText(72 * HOUR)).toBe('3 d');
  });
});

describe('request context', () => {
  test('an entity page names its entity', () => {
    expect(entityOfPath('/catalog/component/default/ocean-model')).toBe('component:default/ocean-model');
    expect(entityOfPath('/catalog?kind=api')).toBeUndefined();
  });

  test('a link carries only a path inside the portal', () => {
    expect(contextOfSearch(new URLSearchParams('from=/docs/x&step=x%23a'))).toEqual({
      path: '/docs/x',
      entity: undefined,
      step: 'x#a',
    });
    expect(contextOfSearch(new URLSearchParams('from=//evil.example'))).toBeNull();
    expect(contextOfSearch(new URLSearchParams('from=https://evil.example'))).toBeNull();
  });
});
