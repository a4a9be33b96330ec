import { describe, expect, test } from 'vitest';
import { type Curve, shouldStop } from './median-stopping.js';

const curve = (values: number[]): Curve => values.map((v, i) => [i + 1, v] as const);
const rule = { minTrials: 3, minStep: 2 };
// Five completed trials whose loss falls from 1.0 towards 0.2.
const completed = [0.9, 1.0, 1.1, 0.95, 1.05].map((start) =>
  curve([start, start * 0.6, start * 0.4, start * 0.3]),
);

describe('median stopping', () => {
  test('stops a planted bad trial', () => {
    expect(shouldStop(curve([3.0, 2.9, 2.8]), completed, rule)).toBe(true);
  });

  test('keeps a trial as good as the others, and a better one', () => {
    expect(shouldStop(curve([1.0, 0.6, 0.4]), completed, rule)).toBe(false);
    expect(shouldStop(curve([0.5, 0.2]), completed, rule)).toBe(false);
  });

  test('waits for enough completed trials and for the first steps', () => {
    expect(shouldStop(curve([3.0, 2.9, 2.8]), completed.slice(0, 2), rule)).toBe(false);
    expect(shouldStop(curve([3.0]), completed, rule)).toBe(false);
  });

  test('compares at the same step: the others’ early values, not their final ones', () => {
    // At step 2 the completed trials average about 0.8; this trial's 0.7 is fine then,
    // though it is far above their final 0.3.
    expect(shouldStop(curve([0.9, 0.7]), completed, rule)).toBe(false);
  });
});
