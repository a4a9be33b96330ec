import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative as relativePath } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { executorContract, tempOutputRoot } from '../../src/compute/executor.contract.js';
import { SlurmCli } from '../../src/compute/executors/slurm/slurm-cli.js';
import { SCRIPT_FILE, SlurmExecutor } from '../../src/compute/executors/slurm/slurm-executor.js';
import { LocalTransport, type RunOptions } from '../../src/compute/executors/slurm/transport.js';
import {
  type Executor,
  type ExternalStatus,
  FINAL_STATES,
  type Submitted,
} from '../../src/compute/extension.js';
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

/** Counts the commands the executor runs, per program, and passes them on to the real transport. */
class CountingTransport extends LocalTransport {
  readonly calls: string[] = [];
  override run(argv: string[], options: RunOptions) {
    this.calls.push(argv[0] as string);
    return super.run(argv, options);
  }
  count(command: string) {
    return this.calls.filter((c) => c === command).length;
  }
}

function make(timeoutMs = 15_000) {
  const transport = new CountingTransport({ slurmConf });
  const cli = new SlurmCli(transport, {
    pollTimeoutMs: timeoutMs,
    commandTimeoutMs: timeoutMs,
    accounting: 'auto',
  });
  const executor = new SlurmExecutor(cli, { partitionsTtlMs: 300_000 }, createLogger('silent'));
  return { executor, transport };
}

/** Records every status the contract's polls see, to check the explanations it does not look at. */
function tapped(executor: Executor, seen: ExternalStatus[]): Executor {
  return Object.assign(Object.create(executor) as Executor, {
    poll: async (ids: string[]) => {
      const result = await executor.poll(ids);
      seen.push(...result.values());
      return result;
    },
  });
}

const contractSeen: ExternalStatus[] = [];
if (available) {
  executorContract('slurm', async () => {
    const out = tempOutputRoot('plinth-slurm-contract-');
    return {
      executor: tapped(make().executor, contractSeen),
      restart: async () => tapped(make().executor, contractSeen),
      // A minute is Slurm's smallest limit, and it checks limits every 30 s: this test takes 60-90 s.
      shortTimeLimit: { partition: 'short', resources: { timeLimitMinutes: 1 } },
      patienceMs: 150_000,
      outputRoot: out.root,
      cleanup: async () => out.remove(),
    };
  });
}

describe.runIf(available)('slurm executor on a live Slurm', () => {
  let executor: SlurmExecutor;
  let transport: CountingTransport;
  let out: ReturnType<typeof tempOutputRoot>;
  const started: string[] = [];
  let n = 0;

  beforeAll(() => {
    ({ executor, transport } = make());
    out = tempOutputRoot('plinth-slurm-live-');
  });
  afterAll(async () => {
    // Leave nothing behind, even when a test failed half-way.
    for (const id of started) await executor.cancel(id).catch(() => undefined);
    out?.remove();
  });

  async function submit(spec: Partial<JobSpec>, env?: Record<string, string>): Promise<Submitted> {
    const jobId = `LIVE${++n}`;
    const full = { name: `live-${n}`, command: ['true'], ...spec } as JobSpec;
    const submitted = await executor.submit({
      jobId,
      spec: full,
      outputDir: join(out.root, jobId),
      env: env ?? full.env ?? {},
    });
    started.push(submitted.externalId);
    return submitted;
  }

  async function until(
    id: string,
    done: (s: ExternalStatus) => boolean,
    on: Executor = executor,
    ms = 60_000,
  ) {
    const deadline = Date.now() + ms;
    let last: ExternalStatus | undefined;
    while (Date.now() < deadline) {
      last = (await on.poll([id])).get(id);
      if (last && done(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`job ${id} did not get there; last: ${JSON.stringify(last)}`);
  }
  const final = (s: ExternalStatus) => FINAL_STATES.has(s.state);
  const held = '#!/bin/bash\n#SBATCH --hold\ntrue\n';

  test('reads partitions, their limits and GPU types from the scheduler', async () => {
    const partitions = await executor.partitions();
    expect(partitions.map((p) => p.name)).toEqual(expect.arrayContaining(['debug', 'short']));
    expect(partitions.find((p) => p.name === 'short')).toMatchObject({ maxTimeMinutes: 10, state: 'up' });
    expect(partitions.find((p) => p.isDefault)?.name).toBe('debug');
    expect(partitions[0]?.gpus.map((g) => g.type)).toEqual(['a100', 't4']);
    const before = transport.calls.length;
    await executor.partitions();
    expect(transport.calls.length).toBe(before); // cached
  });

  test('polls many jobs, an array among them, with ONE squeue call and nothing else', async () => {
    const jobs = [
      await submit({ script: held }),
      await submit({ script: held }),
      await submit({ script: held, array: '0-9' }),
    ];
    const ids = jobs.map((j) => j.externalId);
    await executor.poll(ids); // the first poll also asks once how the cluster keeps finished jobs
    const before = transport.calls.length;
    const statuses = await executor.poll(ids);
    expect(transport.calls.slice(before)).toEqual(['squeue']);
    expect([...statuses.values()].map((s) => s.state)).toEqual(['pending', 'pending', 'pending']);
    expect(statuses.get(ids[0] as string)?.reason).toBe(
      'Held: it starts only once it is released. (JobHeldUser)',
    );
    expect(statuses.get(ids[2] as string)?.tasks).toHaveLength(10);
    for (const id of ids) await executor.cancel(id);
    const after = await executor.poll(ids);
    expect([...after.values()].map((s) => s.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(after.get(ids[2] as string)?.tasks?.every((t) => t.state === 'cancelled')).toBe(true);
  });

  test('a failing job ends with its exit code, why, and its stderr', async () => {
    const job = await submit({ command: ['sh', '-c', 'echo something broke >&2; exit 3'] });
    const status = await until(job.externalId, final);
    expect(status).toMatchObject({
      state: 'failed',
      rawState: 'FAILED',
      exitCode: 3,
      explanation:
        'Exited with code 3: the program reported an error. Its last lines are in the log (stderr).',
    });
    expect(readFileSync(job.stderrPath, 'utf8')).toContain('something broke');
  });

  test('a job over its memory ends saying how much it used of what it asked for', async () => {
    const job = await submit({
      command: ['python3', '-c', 'a = bytearray(300 * 2**20); import time; time.sleep(5)'],
      resources: { memoryMb: 50 },
    });
    const status = await until(job.externalId, final);
    expect(status.state).toBe('failed');
    expect(status.explanation).toMatch(/^Out of memory: it used \d{3} MB of the 50 MB it asked for/);
  });

  test('an array reports each task, and the array as its worst task', async () => {
    const job = await submit({
      command: ['sh', '-c', '[ "$SLURM_ARRAY_TASK_ID" != 4 ] || exit 7'],
      array: '0-9%4',
    });
    const status = await until(job.externalId, (s) => final(s) && (s.tasks ?? []).every(final));
    expect(status.tasks?.map((t) => t.externalId)).toEqual(
      [...Array(10).keys()].map((i) => `${job.externalId}_${i}`),
    );
    expect(status).toMatchObject({ state: 'failed', exitCode: 7 });
    expect(status.explanation).toMatch(/^1 of 10 tasks did not succeed\. Task 4: Exited with code 7/);
    expect(job.stdoutPath).toBe(join(out.root, `LIVE${n}`, `slurm-${job.externalId}_{task}.out`));
    expect(existsSync(job.stdoutPath.replace('{task}', '9'))).toBe(true);
  });

  test('asks Slurm for the GPUs of a type, and refuses a type the cluster lacks', async () => {
    const job = await submit({ script: held, resources: { gpus: 1, gpuType: 'a100' } });
    const shown = await new LocalTransport({ slurmConf }).run(
      ['squeue', '-h', '-j', job.externalId, '-O', 'tres-per-node'],
      {
        timeoutMs: 10_000,
      },
    );
    expect(shown.stdout).toMatch(/gpu:a100:1/);
    await executor.cancel(job.externalId);
    await expect(submit({ resources: { gpus: 1, gpuType: 'h100' } })).rejects.toMatchObject({
      code: 'COMPUTE_INVALID_SPEC',
      status: 400,
      message: "resources.gpuType: 'h100' is not in 'debug'; it has a100, t4",
    });
  });

  test('a job Slurm refuses gets Slurm’s reason as a 400, not a 503', async () => {
    await expect(submit({ options: { constraint: 'nosuchfeature' } })).rejects.toMatchObject({
      code: 'COMPUTE_INVALID_SPEC',
      status: 400,
      message: 'Slurm refused the job: Invalid feature specification',
    });
  });

  test('passes secrets to the job without writing them into the script it shows', async () => {
    const job = await submit(
      {
        command: ['sh', '-c', 'echo "token=$API_TOKEN mode=$MODE"'],
        env: { MODE: 'fast', API_TOKEN: 'secret:api' },
      },
      { MODE: 'fast', API_TOKEN: 'hunter2-value' },
    );
    await until(job.externalId, final);
    expect(readFileSync(job.stdoutPath, 'utf8')).toContain('token=hunter2-value mode=fast');
    expect(job.script).not.toContain('hunter2');
    expect(readFileSync(join(dirname(job.stdoutPath), SCRIPT_FILE), 'utf8')).not.toContain('hunter2');
  });

  test('takes a relative output folder (Plinth’s default data folder is ./data) and answers absolute paths', async () => {
    const relative = join(relativePath(process.cwd(), out.root), 'REL');
    const job = await executor.submit({
      jobId: 'REL',
      spec: { name: 'relative', command: ['true'] },
      outputDir: relative,
      env: {},
    });
    started.push(job.externalId);
    expect(job.stdoutPath).toBe(join(out.root, 'REL', `slurm-${job.externalId}.out`));
    expect((await until(job.externalId, final)).state).toBe('succeeded');
  });

  test('explained the contract’s timeout job with its time limit', () => {
    const timedOut = contractSeen.find((s) => s.state === 'timeout');
    expect(timedOut?.rawState).toBe('TIMEOUT');
    expect(timedOut?.explanation).toMatch(/^Hit its time limit of 1 minute and was stopped\./);
  });
});
