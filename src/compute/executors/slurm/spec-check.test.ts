import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { JobSpec } from '../../job-spec.js';
import { parsePartitions } from './parse-partitions.js';
import { checkAgainstPartitions, checkOptions, checkSpec, optionFlags } from './spec-check.js';

const fixture = (name: string) => readFileSync(new URL(`__fixtures__/${name}`, import.meta.url), 'utf8');
const partitions = parsePartitions(fixture('scontrol-partitions.txt'), fixture('sinfo-partitions.txt')).rows;
const spec = (extra: Partial<JobSpec>) => ({ name: 'j', command: ['true'], ...extra }) as JobSpec;

describe('what the Slurm executor refuses before sbatch does', () => {
  test('options it does not know, and values it cannot pass', () => {
    expect(() => checkOptions({ nodes: 2 })).toThrow(
      'options.nodes: the slurm executor has no such option; it knows account, qos, reservation, constraint, exclusive',
    );
    expect(() => checkOptions({ account: 'a\n#SBATCH --uid=0' })).toThrow(
      'options.account: expected an account name',
    );
    expect(() => checkOptions({ exclusive: 'yes' })).toThrow('options.exclusive: expected true or false');
    expect(optionFlags({ account: 'phys', exclusive: true, constraint: 'a100&ib' })).toEqual([
      '--account=phys',
      '--exclusive',
      '--constraint="a100&ib"',
    ]);
  });

  test('names and paths that would break an #SBATCH line', () => {
    expect(() => checkSpec(spec({ partition: 'gpu\n#SBATCH' }), '/o')).toThrow(/^partition: /);
    expect(() => checkSpec(spec({ workingDirectory: 'relative' }), '/o')).toThrow(
      "workingDirectory: must be an absolute path, got 'relative'",
    );
    expect(() => checkSpec(spec({}), '/data/100%')).toThrow(/^outputDir: /);
    expect(() => checkSpec(spec({ env: { SLURM_JOB_ID: '1' } }), '/o')).toThrow(/^env\.SLURM_JOB_ID: /);
    expect(() => checkSpec(spec({ resources: { gpuType: 'a100' } }), '/o')).toThrow(/give resources.gpus/);
    expect(() => checkSpec(spec({ workingDirectory: '/home/ada/my project' }), '/o')).not.toThrow();
  });

  test('what its partition could never give: jobs Slurm would leave pending forever', () => {
    const check = (extra: Partial<JobSpec>, fallback?: string) => () =>
      checkAgainstPartitions(spec(extra), partitions, fallback);
    expect(check({ partition: 'nope' })).toThrow(
      "partition: 'nope' does not exist on this cluster; partitions: debug, short",
    );
    expect(check({ partition: 'short', resources: { timeLimitMinutes: 60 } })).toThrow(
      "resources.timeLimitMinutes: 60 is more than partition 'short' allows (10 minutes)",
    );
    expect(check({ resources: { timeLimitMinutes: 60 } }, 'short')).toThrow(/the default partition 'short'/);
    expect(check({ resources: { cpus: 512 } })).toThrow(
      /^resources.cpus: 512 is more than any node of 'debug' has/,
    );
    expect(check({ resources: { gpus: 1, gpuType: 'h100' } })).toThrow(
      "resources.gpuType: 'h100' is not in 'debug'; it has a100, t4",
    );
    expect(check({ resources: { gpus: 3, gpuType: 'a100' } })).toThrow(/^resources.gpus: 3 is more than/);
    expect(
      check({ partition: 'short', resources: { gpus: 2, gpuType: 'a100', timeLimitMinutes: 10 } }),
    ).not.toThrow();
  });
});
