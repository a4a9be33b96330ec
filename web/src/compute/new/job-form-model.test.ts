import { describe, expect, test } from 'vitest';
import type { Executor, JobSpec } from '../../api/job-types.js';
import { emptyValues, envRow, formFieldOf, specFromValues, valuesFromSpec } from './job-form-model.js';
import { checkArray } from './job-form-rules.js';

const local: Executor = {
  name: 'local',
  description: 'This machine',
  default: true,
  capabilities: { arrays: true, gpus: false, cancel: true, accounting: false },
};
const cluster: Executor = {
  ...local,
  name: 'slurm',
  default: false,
  capabilities: { ...local.capabilities, gpus: true },
};

describe('the new-job form', () => {
  test('sends the Small preset in the spec’s units: memory in MB, time in minutes', () => {
    const values = { ...emptyValues('local', 'climate'), name: 'steps', commandLine: "sh -c 'echo hi'" };
    expect(specFromValues(values, local)).toEqual({
      name: 'steps',
      executor: 'local',
      command: ['sh', '-c', 'echo hi'],
      resources: { cpus: 1, memoryMb: 2048, timeLimitMinutes: 30 },
      team: 'climate',
    });
  });

  test('leaves out what the executor cannot use and what is empty', () => {
    const values = {
      ...emptyValues('local', ''),
      name: 'x',
      mode: 'script' as const,
      script: '#!/bin/sh\necho hi\n',
      commandLine: 'ignored',
      gpus: 2 as const,
      cpus: '' as const,
      env: [envRow('OMP_NUM_THREADS', '8'), envRow('', '')],
      labels: ['project=alps', 'note=a=b'],
    };
    expect(specFromValues(values, local)).toEqual({
      name: 'x',
      executor: 'local',
      script: '#!/bin/sh\necho hi\n',
      env: { OMP_NUM_THREADS: '8' },
      resources: { memoryMb: 2048, timeLimitMinutes: 30 },
      labels: { project: 'alps', note: 'a=b' },
    });
    expect(specFromValues(values, cluster).resources?.gpus).toBe(2);
  });

  test('fills the form from a job so that it sends the same spec again (Resubmit)', () => {
    const spec: JobSpec = {
      name: 'sweep',
      executor: 'slurm',
      command: ['python3', 'fit.py', '--note', 'first try'],
      resources: { cpus: 4, memoryMb: 1536, gpus: 1, gpuType: 'a100', timeLimitMinutes: 90 },
      partition: 'gpu',
      array: '0-9%2',
      labels: { project: 'alps' },
      env: { SEED: '1' },
      team: 'climate',
      options: { qos: 'high' },
    };
    const values = valuesFromSpec(spec, emptyValues('local', 'climate'));
    expect(values.preset).toBe('custom');
    expect(values.memoryGb).toBe(1.5);
    expect(specFromValues(values, cluster)).toEqual(spec);
    // Options belong to their executor: on another one they are dropped.
    expect(specFromValues({ ...values, executor: 'local' }, local).options).toBeUndefined();
  });

  test('shows the server’s field problems on the form’s own fields', () => {
    expect(formFieldOf('resources.cpus')).toBe('cpus');
    expect(formFieldOf('resources.memoryMb')).toBe('memoryGb');
    expect(formFieldOf('command')).toBe('commandLine');
    expect(formFieldOf('env.HOME')).toBe('env');
    expect(formFieldOf('options.qos')).toBeUndefined();
  });

  test('checks array ranges as the server does', () => {
    expect(checkArray('0-9', {} as never)).toBeNull();
    expect(checkArray('0-9%2', {} as never)).toBeNull();
    expect(checkArray('9-0', {} as never)).toBe('The range ends before it starts');
    expect(checkArray('0-99999', {} as never)).toBe('At most 10,000 tasks');
    expect(checkArray('1..3', {} as never)).toMatch(/range such as 0-9/);
  });
});
