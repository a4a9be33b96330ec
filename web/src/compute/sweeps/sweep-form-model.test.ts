import { describe, expect, test } from 'vitest';
import { emptySweepValues, paramRow, specFromValues, sweepFormRules } from './sweep-form-model.js';

describe('the sweep form', () => {
  test('sends the same document a sweep file holds', () => {
    const values = {
      ...emptySweepValues('local'),
      name: 'tune-pi',
      command: "python3 simulate.py --note 'a b'",
      parameters: [
        paramRow({ name: 'samples', type: 'int', min: 1000, max: 1000000, scale: 'log' }),
        paramRow({ name: 'method', type: 'categorical', values: 'plain, stratified, 3, true' }),
      ],
      metric: 'error',
      algorithm: 'random' as const,
      maxTrials: 40,
      parallelism: 4,
      seed: 7,
      earlyStopping: true,
      minTrials: 5,
    };
    expect(specFromValues(values)).toEqual({
      name: 'tune-pi',
      executor: 'local',
      job: { command: ['python3', 'simulate.py', '--note', 'a b'] },
      parameters: [
        { name: 'samples', type: 'int', min: 1000, max: 1000000, scale: 'log' },
        { name: 'method', type: 'categorical', values: ['plain', 'stratified', 3, true] },
      ],
      objective: { metric: 'error', goal: 'minimize' },
      algorithm: 'random',
      maxTrials: 40,
      parallelism: 4,
      seed: 7,
      earlyStopping: { rule: 'median', minTrials: 5 },
    });
  });

  test('checks as you type what the server would refuse', () => {
    const values = { ...emptySweepValues('local'), algorithm: 'grid' as const };
    values.parameters = [paramRow({ name: 'x', type: 'float', min: 5, max: 1, scale: 'log' })];
    expect(sweepFormRules.parameters.max(1, values, 'parameters.0.max')).toBe('Must be above min (5)');
    expect(sweepFormRules.parameters.min(0, values, 'parameters.0.min')).toMatch(/log scale/);
    expect(sweepFormRules.parameters.steps('', values, 'parameters.0.steps')).toMatch(/grid/);
    expect(sweepFormRules.parameters.name('9lives')).toMatch(/PLINTH_PARAM/);
    expect(sweepFormRules.command("python3 'open")).not.toBeNull();
    expect(sweepFormRules.name('tune pi')).not.toBeNull();
  });
});
