import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempOutputRoot } from '../../src/compute/executor.contract.js';
import { SlurmCli } from '../../src/compute/executors/slurm/slurm-cli.js';
import { SlurmExecutor } from '../../src/compute/executors/slurm/slurm-executor.js';
import { LocalTransport } from '../../src/compute/executors/slurm/transport.js';
import type { JobSpec } from '../../src/compute/job-spec.js';
import { createLogger } from '../../src/core/logger.js';
import { engineAvailable } from '../helpers/engines.js';

// A REAL single-node Slurm: scripts/slurm-up.sh DIR, then SLURM_CONF=DIR/slurm.conf (.ci/run does both).
const slurmConf = process.env.SLURM_CONF;
const answers = Boolean(slurmConf) && spawnSync('sinfo', ['-h'], { timeout: 15_000 }).status === 0;
const available = engineAvailable(
  'Slurm',
  answers,
  'run scripts/slurm-up.sh DIR and export SLURM_CONF=DIR/slurm.conf (apt-get install slurm-wlm munge first)',
);

const STANDBY_MS = 400;

function make() {
  const cli = new SlurmCli(new LocalTransport({ slurmConf }), {
    pollTimeoutMs: 15_000,
    commandTimeoutMs: 15_000,
    accounting: 'auto',
    sbatchStandbyMs: STANDBY_MS,
  });
  return new SlurmExecutor(cli, { partitionsTtlMs: 300_000 }, createLogger('silent'));
}

/** Ids of the jobs Slurm holds under this name, whatever their state. */
function jobsNamed(name: string): string[] {
  const result = spawnSync('squeue', ['-h', '-t', 'all', '-n', name, '-o', '%i'], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean).sort();
}

/** The batch script Slurm stored for a job. */
function storedScript(id: string): string {
  return spawnSync('scontrol', ['write', 'batch_script', id, '-'], { encoding: 'utf8' }).stdout;
}

describe.runIf(available)('sbatch started ahead of a submit, on a live Slurm', () => {
  const out = tempOutputRoot('plinth-slurm-standby-');
  // Held jobs never run: the node stays free for other suites, and nothing here depends on it.
  const name = `standby-${randomBytes(4).toString('hex')}`;
  let executor: SlurmExecutor;
  let n = 0;

  beforeAll(() => {
    executor = make();
  });
  afterAll(async () => {
    spawnSync('scancel', ['-n', name]);
    await executor.close();
    out.remove();
  });

  const submit = (text: string) => {
    const jobId = `STANDBY${++n}`;
    const spec = { name, script: `#!/bin/bash\n#SBATCH --hold\necho ${text}\n` } as JobSpec;
    return executor.submit({ jobId, spec, outputDir: join(out.root, jobId), env: {} });
  };

  test('submits in a row each become exactly their own job, and the sbatch left waiting never becomes one', async () => {
    const ids: string[] = [];
    for (const text of ['first', 'second', 'third']) ids.push((await submit(text)).externalId);
    expect(new Set(ids).size).toBe(3);
    // Each job got its own script, not the one of the job before it.
    expect(ids.map((id) => /echo (\w+)/.exec(storedScript(id))?.[1])).toEqual(['first', 'second', 'third']);
    // The sbatch started for a fourth submit ends unused, and Slurm never hears of it.
    await sleep(STANDBY_MS * 3);
    expect(jobsNamed(name)).toEqual([...ids].sort());
  });

  test('an sbatch left waiting when its launcher is killed outright submits nothing', async () => {
    const own = make();
    const ownSubmit = (jobId: string) =>
      own.submit({
        jobId,
        spec: { name, script: '#!/bin/bash\n#SBATCH --hold\ntrue\n' } as JobSpec,
        outputDir: join(out.root, jobId),
        env: {},
      });
    const before = jobsNamed(name);
    const { externalId } = await ownSubmit('KILLED1');
    await sleep(200);
    // As the OOM killer would: no chance to stop the waiting sbatch, whose stdin then ends empty.
    const launcher = (own.cli.transport as unknown as { launcher: { child: { pid: number } } }).launcher;
    process.kill(launcher.child.pid, 'SIGKILL');
    await sleep(1000);
    expect(jobsNamed(name)).toEqual([...before, externalId].sort());
    await own.close();
  });

  test('closing the executor while an sbatch waits submits nothing more', async () => {
    const before = jobsNamed(name);
    const { externalId } = await submit('last');
    await executor.close();
    await sleep(500);
    expect(jobsNamed(name)).toEqual([...before, externalId].sort());
  });
});
