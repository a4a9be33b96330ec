import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A REAL single-node Slurm: scripts/slurm-up.sh DIR, then SLURM_CONF=DIR/slurm.conf (.ci/run does both).
const slurmConf = process.env.SLURM_CONF;
const available = engineAvailable(
  'Slurm',
  Boolean(slurmConf) && spawnSync('sinfo', ['-h'], { timeout: 15_000 }).status === 0,
  'run scripts/slurm-up.sh DIR and export SLURM_CONF=DIR/slurm.conf',
);

describe.runIf(available)('a sweep on Slurm', () => {
  let t: TestServer;
  let keeper: Caller;

  beforeAll(async () => {
    t = await startTestServer({
      config: { compute: { pollIntervalSeconds: 0.5, executors: { local: {}, slurm: { slurmConf } } } },
    });
    keeper = await bearer(t, t.adminUsername);
    t.server.compute.start();
  });
  afterAll(() => t?.close());

  test('runs its trials as one array job per batch, and reads their metrics like on local', async () => {
    const spec = {
      name: 'slurm-sweep',
      executor: 'slurm',
      job: {
        command: ['sh', '-c', 'echo "PLINTH_METRIC loss=$(( PLINTH_PARAM_X * PLINTH_PARAM_X )) step=1"'],
        resources: { cpus: 1, memoryMb: 100, timeLimitMinutes: 2 },
      },
      parameters: [{ name: 'x', type: 'int', min: -3, max: 3 }],
      objective: { metric: 'loss', goal: 'minimize' },
      algorithm: 'random',
      seed: 11,
      maxTrials: 4,
      parallelism: 4,
    };
    const created = await call(t, keeper, 'POST', '/api/sweeps', spec);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    let sweep = created.json();
    const deadline = Date.now() + 90_000;
    while (!['succeeded', 'failed'].includes(sweep.state) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      sweep = (await call(t, keeper, 'GET', `/api/sweeps/${id}`)).json();
    }
    expect(sweep.state).toBe('succeeded');
    const trials = sweep.trials as { jobId: string; task: number; value: number; params: { x: number } }[];
    expect(new Set(trials.map((x) => x.jobId)).size).toBe(1);
    expect(trials.map((x) => x.value)).toEqual(trials.map((x) => x.params.x * x.params.x));
    // Slurm itself holds one array job with a task per trial.
    const job = (await call(t, keeper, 'GET', `/api/jobs/${trials[0]?.jobId}`)).json();
    const listed = spawnSync('squeue', ['-h', '-t', 'all', '-r', '-j', job.externalId, '-o', '%i'], {
      encoding: 'utf8',
    })
      .stdout.trim()
      .split('\n')
      .sort();
    expect(listed).toEqual([0, 1, 2, 3].map((i) => `${job.externalId}_${i}`));
    // The same sweep on the local executor gives the same parameters (same seed) and values.
    const local = await call(t, keeper, 'POST', '/api/sweeps', {
      ...spec,
      name: 'local-sweep',
      executor: 'local',
    });
    let again = local.json();
    while (!['succeeded', 'failed'].includes(again.state) && Date.now() < deadline + 30_000) {
      await new Promise((r) => setTimeout(r, 300));
      again = (await call(t, keeper, 'GET', `/api/sweeps/${local.json().id}`)).json();
    }
    expect(again.trials.map((x: { value: number }) => x.value)).toEqual(trials.map((x) => x.value));
  }, 150_000);
});
