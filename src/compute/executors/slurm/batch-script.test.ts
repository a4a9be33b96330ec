import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { JobSpec } from '../../job-spec.js';
import { type BatchScriptInput, batchScript, isShellScript, outputPaths, splitEnv } from './batch-script.js';

// Golden scripts: a change of the generator shows as a diff of these files (PLINTH_UPDATE_GOLDEN=1 rewrites them).
function golden(name: string, actual: string) {
  const url = new URL(`__fixtures__/scripts/${name}`, import.meta.url);
  if (process.env.PLINTH_UPDATE_GOLDEN === '1') writeFileSync(url, actual);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

const input = (spec: Partial<JobSpec>, extra: Partial<BatchScriptInput> = {}): BatchScriptInput => ({
  jobId: '01JTESTJOB',
  spec: { name: 'train', ...spec } as JobSpec,
  outputDir: '/data/jobs/01JTESTJOB',
  env: spec.env ?? {},
  secretNames: [],
  ...extra,
});

describe('batch script', () => {
  test('a command with resources, quoted word by word', () => {
    golden(
      'command.sbatch',
      batchScript(
        input(
          {
            command: ['python', 'train.py', '--lr', '0.1', "it's $HOME", 'a;b'],
            resources: { cpus: 4, memoryMb: 8192, timeLimitMinutes: 90 },
            partition: 'short',
            env: { EPOCHS: '10', GREETING: 'hello world' },
          },
          { extraOptions: ['--account=physics', '--exclusive'] },
        ),
      ),
    );
  });

  test('an array on GPUs of a type, outputs per task', () => {
    golden(
      'array-gpu.sbatch',
      batchScript(
        input(
          { command: ['./sweep.sh'], array: '0-9%2', resources: { gpus: 2, gpuType: 'a100' } },
          { partition: 'gpu' },
        ),
      ),
    );
  });

  test('a script keeps its shebang, and its own #SBATCH lines come after ours', () => {
    golden(
      'script.sbatch',
      batchScript(
        input({
          script: '#!/bin/bash -l\n#SBATCH --nice=10\n# fit the model\n\nmodule load python\npython fit.py\n',
          workingDirectory: '/home/ada/my project',
        }),
      ),
    );
  });

  test('never writes a secret value, only its name', () => {
    const declared = { MODE: 'fast', API_TOKEN: 'secret:api-token' };
    const { publicEnv, secrets } = splitEnv(declared, { MODE: 'fast', API_TOKEN: 's3cr3t-v4lue' });
    expect(secrets).toEqual({ API_TOKEN: 's3cr3t-v4lue' });
    const script = batchScript(
      input({ command: ['env'], env: declared }, { env: publicEnv, secretNames: Object.keys(secrets) }),
    );
    expect(script).not.toContain('s3cr3t-v4lue');
    expect(script).not.toContain('secret:api-token');
    expect(script).toContain('not written here: API_TOKEN');
    expect(script).toContain('export MODE=fast');
  });

  test('an environment value that differs from the spec’s counts as a secret', () => {
    expect(splitEnv({ A: 'x' }, { A: 'y', B: 'z' })).toEqual({ publicEnv: {}, secrets: { A: 'y', B: 'z' } });
    expect(splitEnv({ A: 'x' }, {})).toEqual({ publicEnv: { A: 'x' }, secrets: {} });
  });

  test('tells where the logs are, with {task} for array tasks', () => {
    expect(outputPaths('/o', '42', false)).toEqual({
      stdoutPath: '/o/slurm-42.out',
      stderrPath: '/o/slurm-42.err',
    });
    expect(outputPaths('/o', '42', true)).toEqual({
      stdoutPath: '/o/slurm-42_{task}.out',
      stderrPath: '/o/slurm-42_{task}.err',
    });
  });
});

describe('batch script in another language', () => {
  test('a python script gets its environment as a comment, not as shell lines', () => {
    golden(
      'python.sbatch',
      batchScript(
        input(
          {
            script: '#!/usr/bin/env python3\nimport os\nprint(os.environ["EPOCHS"])\n',
            env: { EPOCHS: '10' },
          },
          { secretNames: ['API_TOKEN'] },
        ),
      ),
    );
  });

  test('knows a shell from its shebang', () => {
    const spec = (script?: string) =>
      ({ name: 'x', ...(script ? { script } : { command: ['true'] }) }) as JobSpec;
    expect(isShellScript(spec())).toBe(true);
    for (const s of ['#!/bin/sh', '#!/bin/bash -l', '#!/usr/bin/env bash', '#!/bin/zsh', 'echo no shebang']) {
      expect(isShellScript(spec(`${s}\necho`)), s).toBe(true);
    }
    for (const s of ['#!/usr/bin/env python3', '#!/usr/bin/Rscript', '#!/usr/bin/perl -w']) {
      expect(isShellScript(spec(`${s}\nx`)), s).toBe(false);
    }
  });
});
