import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpec, nameOf } from './job-spec-flags.js';

describe('buildSpec', () => {
  it('builds a spec from the argv and flags alone, named after the program', () => {
    const { spec, fromFlags } = buildSpec({}, { cpus: 2, memory: 4096, time: 90 }, ['python', 'train.py']);
    expect(spec).toEqual({
      name: 'python',
      command: ['python', 'train.py'],
      resources: { cpus: 2, memoryMb: 4096, timeLimitMinutes: 90 },
    });
    expect(fromFlags).toEqual([
      'command',
      'resources.cpus',
      'resources.memoryMb',
      'resources.timeLimitMinutes',
    ]);
  });

  it('lets flags win over the file, merging resources, labels and env key by key', () => {
    const file = {
      name: 'sweep',
      script: 'python train.py\n',
      resources: { cpus: 1, memoryMb: 1024 },
      labels: { project: 'climate', stage: 'dev' },
      env: { SEED: '1' },
    };
    const flags = {
      name: 'sweep-2',
      cpus: 8,
      label: { stage: 'prod' },
      env: { EPOCHS: '5' },
      team: 'optics',
    };
    expect(buildSpec(file, flags, []).spec).toEqual({
      name: 'sweep-2',
      script: 'python train.py\n',
      resources: { cpus: 8, memoryMb: 1024 },
      labels: { project: 'climate', stage: 'prod' },
      env: { SEED: '1', EPOCHS: '5' },
      team: 'optics',
    });
  });

  it('replaces the file’s script with a command given after --', () => {
    const { spec } = buildSpec({ name: 'x', script: 'true' }, {}, ['echo', 'hi']);
    expect(spec).toEqual({ name: 'x', command: ['echo', 'hi'] });
  });

  it('leaves the file as it is when no flag is given', () => {
    const file = { name: 'x', command: ['true'], resources: 'lots', options: { timeLimitSeconds: 5 } };
    expect(buildSpec(file, {}, []).spec).toEqual(file);
  });
});

describe('nameOf', () => {
  it('takes the program’s basename and fits it to the name rule', () => {
    expect(nameOf(['python3', 'x.py'])).toBe('python3');
    expect(nameOf(['/usr/bin/env'])).toBe('env');
    expect(nameOf(['./bin/train model.py'])).toBe('train-model.py');
    expect(nameOf(['C:\\tools\\run.exe'])).toBe('run.exe');
    expect(nameOf(['...'])).toBeUndefined();
    expect(nameOf('echo')).toBeUndefined();
  });

  it('always gives a valid name, or none', () => {
    fc.assert(
      fc.property(fc.string(), (program) => {
        const name = nameOf([program]);
        return name === undefined || /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name);
      }),
    );
  });
});
