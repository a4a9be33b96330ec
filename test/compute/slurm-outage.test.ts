import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlurmUnavailableError } from '../../src/compute/executors/slurm/cli-errors.js';
import { SlurmCli } from '../../src/compute/executors/slurm/slurm-cli.js';
import { SlurmExecutor } from '../../src/compute/executors/slurm/slurm-executor.js';
import { LocalTransport, type RunOptions } from '../../src/compute/executors/slurm/transport.js';
import { type ExternalStatus, FINAL_STATES } from '../../src/compute/extension.js';
import type { JobSpec } from '../../src/compute/job-spec.js';
import { createLogger } from '../../src/core/logger.js';
import { engineAvailable } from '../helpers/engines.js';

// Stops slurmctld in the middle of a job, so it runs on a Slurm of its own (scripts/slurm-up.sh in
// a temp folder, next free ports): the shared cluster of SLURM_CONF keeps serving the other suites.
const scripts = join(process.cwd(), 'scripts');
const available = engineAvailable(
  'Slurm',
  process.getuid?.() === 0 && spawnSync('which', ['slurmctld', 'slurmd', 'munged']).status === 0,
  'run as root with Slurm installed: apt-get install slurm-wlm munge (this suite starts its own cluster)',
);

class CountingTransport extends LocalTransport {
  readonly calls: string[] = [];
  override run(argv: string[], options: RunOptions) {
    this.calls.push(argv[0] as string);
    return super.run(argv, options);
  }
}

describe.runIf(available)('slurm executor while slurmctld is down', () => {
  let dir: string;
  let slurmConf: string;
  const make = (timeoutMs: number) => {
    const transport = new CountingTransport({ slurmConf });
    const cli = new SlurmCli(transport, {
      pollTimeoutMs: timeoutMs,
      commandTimeoutMs: timeoutMs,
      accounting: 'auto',
    });
    return {
      transport,
      executor: new SlurmExecutor(cli, { partitionsTtlMs: 300_000 }, createLogger('silent')),
    };
  };
  const up = () => {
    const started = Date.now();
    const run = spawnSync(join(scripts, 'slurm-up.sh'), [dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    return { lastLine: run.stdout.trim().split('\n').pop(), ms: Date.now() - started };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plinth-slurm-outage-'));
    const { lastLine } = up();
    expect(lastLine).toBe(`export SLURM_CONF=${dir}/slurm.conf`);
    slurmConf = join(dir, 'slurm.conf');
  });
  afterAll(() => {
    if (dir) spawnSync(join(scripts, 'slurm-down.sh'), [dir], { timeout: 60_000 });
    expect(existsSync(dir)).toBe(false);
  });

  test('polls reject (jobs go stale), submits fail clearly; back up, the job is reconciled', async () => {
    const { executor } = make(15_000);
    const spec = { name: 'outlive', command: ['sh', '-c', 'sleep 5; exit 5'] } as JobSpec;
    const job = await executor.submit({ jobId: 'OUT1', spec, outputDir: join(dir, 'jobs', 'OUT1'), env: {} });
    const until = async (done: (s: ExternalStatus) => boolean) => {
      for (let i = 0; i < 240; i++) {
        const status = (await executor.poll([job.externalId])).get(job.externalId);
        if (status && done(status)) return status;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`job ${job.externalId} did not get there`);
    };
    await until((s) => s.state === 'running');

    const pid = Number(readFileSync(join(dir, 'slurmctld.pid'), 'utf8').trim());
    process.kill(pid, 'SIGTERM');
    await waitUntilGone(pid);
    const down = make(1500);
    await expect(down.executor.poll([job.externalId])).rejects.toBeInstanceOf(SlurmUnavailableError);
    expect(down.transport.calls).toEqual(['squeue']);
    const refused = await down.executor
      .submit({ jobId: 'OUT2', spec, outputDir: join(dir, 'jobs', 'OUT2'), env: {} })
      .then(
        () => undefined,
        (error: { status?: number; message: string }) => error,
      );
    // No status of its own: the job service answers 503 COMPUTE_EXECUTOR_UNAVAILABLE with this message.
    expect(refused?.status).toBeUndefined();
    expect(refused?.message).toMatch(/Unable to contact slurm controller|did not answer within/);

    // slurm-up.sh again starts only what is down; slurmctld reads its saved state back.
    expect(up().lastLine).toBe(`export SLURM_CONF=${slurmConf}`);
    const status = await until((s) => FINAL_STATES.has(s.state));
    expect(status).toMatchObject({ state: 'failed', exitCode: 5 });
  }, 120_000);
});

async function waitUntilGone(pid: number) {
  for (let i = 0; i < 200; i++) {
    // A stopped daemon can linger as a zombie until PID 1 reaps it: /proc says Z, or nothing.
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
    if (!stat || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slurmctld (pid ${pid}) did not stop`);
}
