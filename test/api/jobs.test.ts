import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('jobs on the local executor on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let ann: Caller;
  let bob: Caller;
  let cyd: Caller;

  beforeAll(async () => {
    t = await startTestServer({ database, config: { compute: { maxActiveJobsPerTeam: 3 } } });
    keeper = await bearer(t, t.adminUsername);
    for (const team of ['climate', 'proteins'])
      await t.server.auth.teams.create(
        { userId: null, username: null, ip: null },
        { name: team, title: team },
      );
    await t.createUser({ username: 'ann', teams: ['climate'] });
    await t.createUser({ username: 'bob', teams: ['climate'] });
    await t.createUser({ username: 'cyd', teams: ['proteins'] });
    ann = await bearer(t, 'ann');
    bob = await bearer(t, 'bob');
    cyd = await bearer(t, 'cyd');
  });
  afterAll(async () => t?.close());

  const submit = (who: Caller, spec: object) => call(t, who, 'POST', '/api/jobs', spec);
  async function until(who: Caller, id: string, states: string[], ms = 20_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      await t.server.compute.collector.cycle();
      const job = (await call(t, who, 'GET', `/api/jobs/${id}`)).json();
      if (states.includes(job.state) || Date.now() > deadline) return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('a command runs to success; its output, timings and explanation are kept', async () => {
    const created = await submit(ann, {
      name: 'hello',
      command: ['sh', '-c', 'echo hello; echo warn >&2'],
      labels: { project: 'demo' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      state: 'pending',
      executor: 'local',
      team: 'climate',
      owner: 'ann',
    });
    const job = await until(ann, created.json().id, ['succeeded']);
    expect(job).toMatchObject({
      state: 'succeeded',
      exitCode: 0,
      explanation: expect.stringContaining('exit code 0'),
    });
    expect(job.startedAt).toBeTruthy();
    expect(job.script).toContain("exec sh -c 'echo hello; echo warn >&2'");
    const out = (await call(t, ann, 'GET', `/api/jobs/${job.id}/logs`)).json();
    expect(out).toMatchObject({ text: 'hello\n', complete: true });
    const err = (await call(t, ann, 'GET', `/api/jobs/${job.id}/logs?stream=stderr`)).json();
    expect(err.text).toBe('warn\n');
    const byLabel = (await call(t, ann, 'GET', '/api/jobs?label=project=demo')).json();
    expect(byLabel.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const byName = (await call(t, ann, 'GET', '/api/jobs?q=ell')).json();
    expect(byName.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
  });

  test('executors and their partitions are offered for forms', async () => {
    const executors = (await call(t, ann, 'GET', '/api/compute/executors')).json();
    expect(executors.items).toEqual([expect.objectContaining({ name: 'local', default: true })]);
    const partitions = (await call(t, ann, 'GET', '/api/compute/executors/local/partitions')).json();
    expect(partitions.items).toEqual([
      expect.objectContaining({ name: 'local', state: 'up', isDefault: true }),
    ]);
    expect(partitions.items[0].maxCpusPerNode).toBeGreaterThanOrEqual(1);
    expect(partitions.items[0].maxMemoryMbPerNode).toBeGreaterThan(100);
    const unknown = await call(t, ann, 'GET', '/api/compute/executors/quantum/partitions');
    expect(unknown.json().code).toBe('COMPUTE_EXECUTOR_UNKNOWN');
  });

  test('a failing job says why it ended', async () => {
    const { id } = (await submit(ann, { name: 'fails', script: 'echo about to fail >&2\nexit 7\n' })).json();
    const job = await until(ann, id, ['failed']);
    expect(job).toMatchObject({ exitCode: 7, explanation: expect.stringContaining('Exited with code 7') });
  });

  test('a job over its time limit ends as timeout', async () => {
    const { id } = (
      await submit(ann, { name: 'slow', command: ['sleep', '30'], options: { timeLimitSeconds: 1 } })
    ).json();
    const job = await until(ann, id, ['timeout']);
    expect(job.explanation).toContain('time limit');
  });

  test('an array of 10 tasks reports each task', async () => {
    const { id } = (
      await submit(ann, {
        name: 'sweep',
        command: ['sh', '-c', 'echo $PLINTH_ARRAY_TASK_ID'],
        array: '0-9%4',
      })
    ).json();
    const job = await until(ann, id, ['succeeded', 'failed']);
    expect(job.state).toBe('succeeded');
    expect(job.tasks.map((task: { index: number }) => task.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const third = (await call(t, ann, 'GET', `/api/jobs/${id}/logs?task=3`)).json();
    expect(third.text).toBe('3\n');
  });

  test('cancel stops a running job and records who cancelled it', async () => {
    const { id } = (await submit(bob, { name: 'long', command: ['sleep', '60'] })).json();
    await until(bob, id, ['running']);
    const cancelled = await call(t, ann, 'POST', `/api/jobs/${id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    const job = await until(bob, id, ['cancelled']);
    expect(job).toMatchObject({ cancelledBy: 'ann', explanation: 'Cancelled by ann.' });
    expect((await call(t, ann, 'POST', `/api/jobs/${id}/cancel`)).json().code).toBe('COMPUTE_JOB_FINISHED');
  });

  test("a member sees their own and their team's jobs, never another team's", async () => {
    const { id } = (await submit(cyd, { name: 'private', command: ['true'] })).json();
    expect((await call(t, ann, 'GET', `/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await call(t, ann, 'POST', `/api/jobs/${id}/cancel`)).statusCode).toBe(404);
    expect((await call(t, ann, 'GET', `/api/jobs/${id}/logs`)).statusCode).toBe(404);
    expect((await call(t, keeper, 'GET', `/api/jobs/${id}`)).statusCode).toBe(200);
    const annTeam = (await call(t, ann, 'GET', '/api/jobs?scope=team'))
      .json()
      .items.map((j: { owner: string }) => j.owner);
    expect(new Set(annTeam)).toEqual(new Set(['ann', 'bob']));
    const all = (await call(t, keeper, 'GET', '/api/jobs?scope=all&limit=200'))
      .json()
      .items.map((j: { owner: string }) => j.owner);
    expect(all).toContain('cyd');
    const annAll = (await call(t, ann, 'GET', '/api/jobs?scope=all&limit=200'))
      .json()
      .items.map((j: { owner: string }) => j.owner);
    expect(annAll).not.toContain('cyd');
    const notMine = await submit(ann, { name: 'x', command: ['true'], team: 'proteins' });
    expect(notMine.json().code).toBe('COMPUTE_TEAM_NOT_YOURS');
  });

  test('bad specs are refused with the field named', async () => {
    const cases: [object, string, string][] = [
      [{ name: 'both', command: ['true'], script: 'true' }, 'COMPUTE_INVALID_SPEC', 'command'],
      [{ name: 'neither' }, 'COMPUTE_INVALID_SPEC', 'command'],
      [{ name: 'bad name!', command: ['true'] }, 'VALIDATION_FAILED', 'name'],
      [{ name: 'x', command: ['true'], executor: 'quantum' }, 'COMPUTE_EXECUTOR_UNKNOWN', 'available: local'],
      [
        { name: 'x', command: ['true'], env: { TOKEN: 'secret:db' } },
        'COMPUTE_SECRETS_UNAVAILABLE',
        'env.TOKEN',
      ],
      [
        { name: 'x', command: ['true'], options: { partition: 'gpu' } },
        'COMPUTE_INVALID_SPEC',
        'options.partition',
      ],
      [{ name: 'x', command: ['true'], array: '9-0' }, 'COMPUTE_INVALID_SPEC', 'array'],
      [{ name: 'x', command: ['true'], resources: { gpus: 1 } }, 'COMPUTE_INVALID_SPEC', 'resources.gpus'],
      [{ name: 'x', command: ['true'], resources: { cpus: 0 } }, 'VALIDATION_FAILED', 'resources.cpus'],
      [{ name: 'x', command: ['true'], resources: { cpu: 4 } }, 'VALIDATION_FAILED', "has no field 'cpu'"],
    ];
    const both = await submit(ann, { name: 'both', command: ['true'], script: 'true' });
    expect(both.json().details).toEqual([
      { field: 'command', message: expect.stringContaining('either command') },
    ]);
    for (const [spec, code, where] of cases) {
      const response = await submit(ann, spec);
      expect(response.statusCode, JSON.stringify(spec)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().code, JSON.stringify(spec)).toBe(code);
      expect(response.body, JSON.stringify(spec)).toContain(where);
    }
  });

  test('a team cannot have more active jobs than its quota', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await submit(cyd, { name: `q${i}`, command: ['sleep', '30'] });
      if (response.statusCode === 201) ids.push(response.json().id);
    }
    const over = await submit(cyd, { name: 'over', command: ['sleep', '30'] });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('COMPUTE_QUOTA_EXCEEDED');
    for (const id of ids) await call(t, cyd, 'POST', `/api/jobs/${id}/cancel`);
  });

  test('the live log streams as server-sent events until the job ends', async () => {
    const { id } = (
      await submit(ann, { name: 'talker', command: ['sh', '-c', 'echo one; sleep 1; echo two'] })
    ).json();
    const poller = setInterval(() => void t.server.compute.collector.cycle(), 200);
    const response = await call(t, ann, 'GET', `/api/jobs/${id}/logs/stream`);
    clearInterval(poller);
    expect(response.headers['content-type']).toContain('text/event-stream');
    expect(response.body).toContain('event: log');
    expect(response.body).toMatch(/one[\s\S]*two/);
    expect(response.body).toContain('event: end');
    // Each log event carries the offset after it as its id: a reconnect with Last-Event-ID resumes there.
    const ids = [...response.body.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(0);
    const afterOne = 'one\n'.length;
    const resumed = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}/logs/stream`,
      headers: { ...ann.headers, 'last-event-id': String(afterOne) },
    });
    expect(resumed.body).toContain('two');
    expect(resumed.body).not.toMatch(/"text":"one/);
  });
});
