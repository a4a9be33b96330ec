import { describe, expect, test } from 'vitest';
import { seededRandom } from './random-source.js';
import { sampleSpace } from './space.js';
import type { Parameter } from './sweep-spec.js';
import { type Observation, suggestTpe } from './tpe.js';

// Branin: three global minima of 0.397887 in x1 ∈ [-5, 10], x2 ∈ [0, 15].
const branin = (x1: number, x2: number) => {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
};
const BRANIN_MIN = 0.397887;

const space: Parameter[] = [
  { name: 'x1', type: 'float', min: -5, max: 10 },
  { name: 'x2', type: 'float', min: 0, max: 15 },
];

function bestAfter(
  trials: number,
  seed: number,
  pick: (history: Observation[], seed: number, trial: number) => Record<string, unknown>,
) {
  const history: Observation[] = [];
  for (let i = 0; i < trials; i++) {
    const params = pick(history, seed, i) as { x1: number; x2: number };
    history.push({ params, value: branin(params.x1, params.x2) });
  }
  return Math.min(...history.map((o) => o.value));
}

const random = (_: Observation[], seed: number, trial: number) =>
  sampleSpace(space, seededRandom(seed, trial));
const tpe = (history: Observation[], seed: number, trial: number) =>
  suggestTpe(space, history, seededRandom(seed, trial));

describe('TPE', () => {
  test('finds the minimum of Branin in clearly fewer trials than random search (20 seeds)', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const gap = (f: typeof random) => seeds.map((s) => bestAfter(60, s, f) - BRANIN_MIN);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const tpeGap = mean(gap(tpe));
    const randomGap = mean(gap(random));
    // Over these seeds random search ends ~0.64 above the minimum, TPE ~0.07.
    expect(tpeGap).toBeLessThan(randomGap * 0.5);
    expect(tpeGap).toBeLessThan(0.15);
  });

  test('works on log-scale, integer and categorical parameters, in range, better than random', () => {
    const mixed: Parameter[] = [
      { name: 'lr', type: 'float', min: 1e-5, max: 1e-1, scale: 'log' },
      { name: 'layers', type: 'int', min: 1, max: 8 },
      { name: 'opt', type: 'categorical', values: ['sgd', 'adam', 'rmsprop'] },
    ];
    // Best: lr near 1e-3, 4 layers, adam.
    const loss = (p: Record<string, unknown>) =>
      (Math.log10(p.lr as number) + 3) ** 2 +
      ((p.layers as number) - 4) ** 2 / 4 +
      (p.opt === 'adam' ? 0 : 1);
    const run = (pick: (h: Observation[], i: number) => Record<string, unknown>) => {
      const history: Observation[] = [];
      for (let i = 0; i < 60; i++) {
        const params = pick(history, i) as Observation['params'];
        expect(params.lr).toBeGreaterThanOrEqual(1e-5);
        expect(params.lr).toBeLessThanOrEqual(1e-1);
        expect(Number.isInteger(params.layers)).toBe(true);
        expect(['sgd', 'adam', 'rmsprop']).toContain(params.opt);
        history.push({ params, value: loss(params) });
      }
      return Math.min(...history.map((o) => o.value));
    };
    let tpeTotal = 0;
    let randomTotal = 0;
    for (let seed = 0; seed < 10; seed++) {
      tpeTotal += run((h, i) => suggestTpe(mixed, h, seededRandom(seed, i)));
      randomTotal += run((_, i) => sampleSpace(mixed, seededRandom(seed, i)));
    }
    // Over these seeds TPE ends ~0.03 from the optimum, random search ~0.18.
    expect(tpeTotal).toBeLessThan(randomTotal * 0.5);
  });

  test('the same history and seed give the same suggestion', () => {
    const history: Observation[] = Array.from({ length: 15 }, (_, i) => {
      const params = sampleSpace(space, seededRandom(100 + i)) as { x1: number; x2: number };
      return { params, value: branin(params.x1, params.x2) };
    });
    expect(suggestTpe(space, history, seededRandom(7))).toEqual(suggestTpe(space, history, seededRandom(7)));
  });
});
