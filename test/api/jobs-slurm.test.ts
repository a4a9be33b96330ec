import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A REAL single-node Slurm: scripts/slurm-up.sh DIR, then SLURM_CONF=DIR/slurm.conf (.ci/run does both).
const slurmConf = process.env.SLURM_CONF;
const answers = Boolean(slurmConf) && spawnSync('sinfo', ['-h'], { timeout: 15_000 }).status === 0;
const available = engineAvailable(
  'Slurm',
  answers,
  'run scripts/slurm-up.sh DIR and export SLURM_CONF=DIR/slurm.conf',
);

describe.runIf(available)('jobs on Slurm through the API', () => {
  let t: TestServer;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestServer({
      config: { compute: { executors: { local: {}, slurm: { slurmConf } }, pollIntervalSeconds: 0.5 } },
    });
    t.server.compute.collector.start();
    admin = await bearer(t, t.adminUsername);
  });
  afterAll(async () => t?.close());

  async function until(id: string, states: string[]) {
    for (let i = 0; i < 120; i++) {
      const job = (await call(t, admin, 'GET', `/api/jobs/${id}`)).json();
      if (states.includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`job ${id} never reached ${states.join('/')}`);
  }

  test('the Slurm executor is offered, with the partitions Slurm reports', async () => {
    const executors = (await call(t, admin, 'GET', '/api/compute/executors')).json();
    expect(executors.items.map((e: { name: string }) => e.name)).toEqual(['local', 'slurm']);
    const partitions = (await call(t, admin, 'GET', '/api/compute/executors/slurm/partitions')).json();
    expect(partitions.items.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['debug', 'short']),
    );
  });

  test('a job submitted to Slurm runs, with its generated script and its output', async () => {
    const created = await call(t, admin, 'POST', '/api/jobs', {
      name: 'api-on-slurm',
      executor: 'slurm',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, not a template
      command: ['sh', '-c', 'echo "on $(hostname) task=${SLURM_ARRAY_TASK_ID:-none}"'],
      resources: { cpus: 1, memoryMb: 100, timeLimitMinutes: 5 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const job = await until(created.json().id, ['succeeded', 'failed']);
    expect(job).toMatchObject({ state: 'succeeded', exitCode: 0, executor: 'slurm' });
    expect(job.externalId).toMatch(/^\d+$/);
    expect(job.script).toContain('#SBATCH');
    const log = (await call(t, admin, 'GET', `/api/jobs/${job.id}/logs`)).json();
    expect(log.text).toContain('task=none');
  });

  test('a request beyond a partition limit is refused with the limit named', async () => {
    const response = await call(t, admin, 'POST', '/api/jobs', {
      name: 'too-long',
      executor: 'slurm',
      partition: 'short',
      command: ['true'],
      resources: { timeLimitMinutes: 600 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/10/);
  });
});
