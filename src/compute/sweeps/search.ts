import { seededRandom } from './random-source.js';
import { gridPoint, gridSize, sampleSpace } from './space.js';
import type { ParamSet, SweepSpec } from './sweep-spec.js';
import { type Observation, suggestTpe } from './tpe.js';

/**
 * The parameters of trial `number` (0-based). Each trial draws from its own stream of the sweep's
 * seed, so a sweep resumed after a restart suggests what it would have suggested anyway.
 */
export function suggestTrial(
  spec: SweepSpec,
  seed: number,
  number: number,
  history: readonly Observation[],
): ParamSet {
  switch (spec.algorithm) {
    case 'grid':
      return gridPoint(spec.parameters, number);
    case 'tpe':
      return suggestTpe(spec.parameters, history, seededRandom(seed, number));
    default:
      return sampleSpace(spec.parameters, seededRandom(seed, number));
  }
}

/** How many trials the sweep runs at most: a grid has no more points than it has. */
export function trialBudget(spec: SweepSpec): number {
  return spec.algorithm === 'grid' ? Math.min(spec.maxTrials, gridSize(spec.parameters)) : spec.maxTrials;
}

/** Whether every trial's parameters can be known before any result: then a batch can be one array job. */
export function knownUpFront(spec: SweepSpec): boolean {
  return spec.algorithm !== 'tpe';
}
