import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suggestTrial, trialBudget } from './search.js';
import { gridSize } from './space.js';
import type { Parameter, SweepSpec } from './sweep-spec.js';

const base = (parameters: Parameter[], algorithm: SweepSpec['algorithm'], maxTrials = 1000): SweepSpec => ({
  name: 's',
  job: { command: ['true'] },
  parameters,
  objective: { metric: 'loss', goal: 'minimize' },
  algorithm,
  maxTrials,
});

describe('grid search', () => {
  test('enumerates every combination exactly once, the last parameter fastest', () => {
    const spec = base(
      [
        { name: 'a', type: 'int', min: 1, max: 3 },
        { name: 'b', type: 'categorical', values: ['x', 'y'] },
        { name: 'c', type: 'float', min: 0, max: 1, steps: 3 },
      ],
      'grid',
    );
    expect(trialBudget(spec)).toBe(18);
    const points = Array.from({ length: 18 }, (_, i) => suggestTrial(spec, 0, i, []));
    expect(points.slice(0, 4)).toEqual([
      { a: 1, b: 'x', c: 0 },
      { a: 1, b: 'x', c: 0.5 },
      { a: 1, b: 'x', c: 1 },
      { a: 1, b: 'y', c: 0 },
    ]);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(18);
    expect(points.at(-1)).toEqual({ a: 3, b: 'y', c: 1 });
  });

  test('a log-scale grid is even in orders of magnitude', () => {
    const spec = base([{ name: 'lr', type: 'float', min: 0.001, max: 1, scale: 'log', steps: 4 }], 'grid');
    const values = Array.from({ length: 4 }, (_, i) => suggestTrial(spec, 0, i, []).lr as number);
    expect(values.map((v) => Number(v.toPrecision(6)))).toEqual([0.001, 0.01, 0.1, 1]);
  });

  test('the budget is the smaller of the grid and maxTrials', () => {
    expect(trialBudget(base([{ name: 'a', type: 'int', min: 0, max: 9 }], 'grid', 4))).toBe(4);
    expect(trialBudget(base([{ name: 'a', type: 'int', min: 0, max: 9 }], 'grid', 40))).toBe(10);
  });
});

const numeric = fc
  .record({
    type: fc.constantFrom('int' as const, 'float' as const),
    scale: fc.constantFrom('linear' as const, 'log' as const),
    lo: fc.integer({ min: 1, max: 1000 }),
    span: fc.integer({ min: 1, max: 100_000 }),
  })
  .map(({ type, scale, lo, span }) => ({ name: 'p', type, scale, min: lo, max: lo + span }) as Parameter);

describe('random search', () => {
  test('every value lies in its range, whole for ints, and the same seed repeats the sweep', () => {
    fc.assert(
      fc.property(numeric, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (p, seed) => {
        const spec = base([p, { name: 'm', type: 'categorical', values: ['a', 'b'] }], 'random');
        for (let i = 0; i < 20; i++) {
          const point = suggestTrial(spec, seed, i, []);
          const v = point.p as number;
          if (p.type === 'categorical') return;
          expect(v).toBeGreaterThanOrEqual(p.min);
          expect(v).toBeLessThanOrEqual(p.max);
          if (p.type === 'int') expect(Number.isInteger(v)).toBe(true);
          expect(['a', 'b']).toContain(point.m);
          expect(suggestTrial(spec, seed, i, [])).toEqual(point);
        }
      }),
    );
  });

  test('a log scale spreads values over orders of magnitude', () => {
    const spec = base([{ name: 'n', type: 'int', min: 1000, max: 1_000_000, scale: 'log' }], 'random');
    const values = Array.from({ length: 3000 }, (_, i) => suggestTrial(spec, 42, i, []).n as number);
    const decade = (lo: number, hi: number) => values.filter((v) => v >= lo && v < hi).length / values.length;
    // Each of the three decades gets about a third (a linear scale would put 90% in the last).
    for (const share of [decade(1e3, 1e4), decade(1e4, 1e5), decade(1e5, 1e6)]) {
      expect(share).toBeGreaterThan(0.28);
      expect(share).toBeLessThan(0.39);
    }
  });

  test('different seeds give different sweeps', () => {
    const spec = base([{ name: 'x', type: 'float', min: 0, max: 1 }], 'random');
    expect(suggestTrial(spec, 1, 0, [])).not.toEqual(suggestTrial(spec, 2, 0, []));
  });

  test('grid size multiplies the values of each parameter', () => {
    expect(
      gridSize([
        { name: 'a', type: 'int', min: 0, max: 4 },
        { name: 'b', type: 'categorical', values: [true, false] },
      ]),
    ).toBe(10);
  });
});
