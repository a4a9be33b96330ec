import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A REAL single-node Slurm (partitions debug and short): scripts/slurm-up.sh DIR, then SLURM_CONF.
const slurmConf = process.env.SLURM_CONF;
const available = engineAvailable(
  'Slurm',
  Boolean(slurmConf) && spawnSync('sinfo', ['-h'], { timeout: 15_000 }).status === 0,
  'run scripts/slurm-up.sh DIR and export SLURM_CONF=DIR/slurm.conf',
);

// `local` is for everyone, `slurm` for the physics team, and biology's jobs may use only `short`.
describe.runIf(available)('who may use which executor and partition, and each team its own job limit', () => {
  let t: TestServer;
  let physicist: Caller;
  let biologist: Caller;
  let chemist: Caller;
  let keeper: Caller;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestServer({
      config: {
        compute: {
          executors: { local: {}, slurm: { slurmConf } },
          executorTeams: { slurm: ['physics', 'biology'] },
          teamLimits: { biology: { maxActiveJobs: 1, partitions: ['short'] } },
        },
      },
    });
    for (const name of ['physics', 'biology', 'chemistry'])
      await t.server.auth.teams.create({ userId: null, username: null, ip: null }, { name, title: name });
    await t.createUser({ username: 'ada', teams: ['physics'] });
    await t.createUser({ username: 'bea', teams: ['biology'] });
    await t.createUser({ username: 'cy', teams: ['chemistry'] });
    physicist = await bearer(t, 'ada');
    biologist = await bearer(t, 'bea');
    chemist = await bearer(t, 'cy');
    keeper = await bearer(t, t.adminUsername);
  });
  afterAll(async () => {
    for (const id of ids) await call(t, keeper, 'POST', `/api/jobs/${id}/cancel`);
    await t?.close();
  });

  const names = async (caller: Caller) =>
    (await call(t, caller, 'GET', '/api/compute/executors'))
      .json()
      .items.map((e: { name: string }) => e.name);

  test('a member sees only the executors and partitions their teams may use; Keepers see all', async () => {
    expect(await names(physicist)).toEqual(['local', 'slurm']);
    expect(await names(chemist)).toEqual(['local']);
    expect(await names(keeper)).toEqual(['local', 'slurm']);
    const partitions = async (caller: Caller) =>
      (await call(t, caller, 'GET', '/api/compute/executors/slurm/partitions'))
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort();
    expect(await partitions(physicist)).toEqual(['debug', 'short']);
    expect(await partitions(biologist)).toEqual(['short']);
    expect((await call(t, chemist, 'GET', '/api/compute/executors/slurm/partitions')).statusCode).toBe(400);
  });

  test('a job of a team the executor is not offered to is refused with the reason', async () => {
    const refused = await call(t, chemist, 'POST', '/api/jobs', {
      name: 'sneaky',
      executor: 'slurm',
      command: ['true'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'COMPUTE_EXECUTOR_NOT_ALLOWED' });
    expect(refused.json().message).toMatch(/offered to the teams physics, biology; a job of chemistry/);
  });

  test("a restricted team's job goes to its partition, and another partition is refused at the field", async () => {
    const refused = await call(t, biologist, 'POST', '/api/jobs', {
      name: 'wrong-queue',
      executor: 'slurm',
      partition: 'debug',
      command: ['sleep', '60'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'COMPUTE_PARTITION_NOT_ALLOWED',
      details: [{ field: 'partition' }],
    });
    const placed = await call(t, biologist, 'POST', '/api/jobs', {
      name: 'placed',
      executor: 'slurm',
      command: ['sleep', '60'],
      resources: { timeLimitMinutes: 2 },
    });
    expect(placed.statusCode).toBe(201);
    ids.push(placed.json().id);
    expect(placed.json().spec.partition).toBe('short');
    const detail = (await call(t, biologist, 'GET', `/api/jobs/${placed.json().id}`)).json();
    expect(detail.script).toMatch(/--partition[= ]short/);
  });

  test("a team's own limit of active jobs replaces the default", async () => {
    // biology's one active job is the one placed above.
    const second = await call(t, biologist, 'POST', '/api/jobs', { name: 'two', command: ['sleep', '30'] });
    expect(second.statusCode).toBe(429);
    expect(second.json()).toMatchObject({ code: 'COMPUTE_QUOTA_EXCEEDED' });
    expect(second.json().message).toMatch(/'biology' already has 1 active jobs/);
    const other = await call(t, physicist, 'POST', '/api/jobs', { name: 'fine', command: ['sleep', '30'] });
    expect(other.statusCode).toBe(201);
    ids.push(other.json().id);
  });
});
