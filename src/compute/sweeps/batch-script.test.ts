import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { batchScript } from './batch-script.js';

const dir = mkdtempSync(join(tmpdir(), 'plinth-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trials = [
  { number: 4, params: { x: 1, name: "it's" }, paramsFile: '/p/4.json', metricsFile: '/m/4.json' },
  { number: 5, params: { x: 2, name: '$HOME `id`' }, paramsFile: '/p/5.json', metricsFile: '/m/5.json' },
];

function runTask(script: string, task: string) {
  return spawnSync('bash', ['-c', script], {
    env: { PATH: process.env.PATH, PLINTH_ARRAY_TASK_ID: task, TMPDIR: dir },
    encoding: 'utf8',
  });
}

describe('the script of a batch of trials', () => {
  test('gives each array task its own trial, parameters quoted as they are', () => {
    const script = batchScript('tune', trials, {
      command: ['sh', '-c', 'echo "$PLINTH_TRIAL|$PLINTH_PARAM_X|$PLINTH_PARAM_NAME|$PLINTH_PARAMS_FILE"'],
    });
    execFileSync('bash', ['-n', '-c', script]);
    expect(runTask(script, '0').stdout).toBe("4|1|it's|/p/4.json\n");
    expect(runTask(script, '1').stdout).toBe('5|2|$HOME `id`|/p/5.json\n');
  });

  test('a task with no trial fails with a message, not with a wrong trial', () => {
    const result = runTask(batchScript('tune', trials, { command: ['true'] }), '7');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no trial for array task 7/);
  });

  test("runs a trial's own script with its interpreter and passes its exit status on", () => {
    const own = '#!/bin/sh\necho "trial $PLINTH_TRIAL"\nexit 3\n';
    const result = runTask(batchScript('tune', trials, { script: own }), '1');
    expect(result.stdout).toBe('trial 5\n');
    expect(result.status).toBe(3);
  });

  test('a script that contains the heredoc delimiter still runs whole', () => {
    const own = 'echo one\ncat <<PLINTH_TRIAL_SCRIPT\ninner\nPLINTH_TRIAL_SCRIPT\necho two';
    const result = runTask(batchScript('tune', trials, { script: own }), '0');
    expect(result.stdout).toBe('one\ninner\ntwo\n');
  });
});
