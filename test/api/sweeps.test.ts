import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Trial {
  number: number;
  task: number | null;
  params: Record<string, unknown>;
  state: string;
  value: number | null;
  intermediate: [number, number][];
  metrics: Record<string, number>;
  jobId: string | null;
}

// Sweeps on the local executor with the controller and the job collector running for real.
describe.each(testDatabases())('sweeps on %s', (database) => {
  let t: TestServer;
  let ann: Caller;
  let bob: Caller;

  beforeAll(async () => {
    t = await startTestServer({
      database,
      config: { compute: { pollIntervalSeconds: 0.2, executors: { local: { maxCpus: 4 } } } },
    });
    await t.server.auth.teams.create(
      { userId: null, username: null, ip: null },
      { name: 'optics', title: 'Optics' },
    );
    await t.createUser({ username: 'ann', teams: ['optics'] });
    await t.createUser({ username: 'bob' });
    ann = await bearer(t, 'ann');
    bob = await bearer(t, 'bob');
    t.server.compute.start();
  });
  afterAll(() => t?.close());

  async function until(id: string, states: string[], timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sweep = (await call(t, ann, 'GET', `/api/sweeps/${id}`)).json();
      if (states.includes(sweep.state))
        return sweep as {
          state: string;
          reason: string;
          best: { trial: number; value: number };
          trials: Trial[];
          trialCount: number;
        };
      if (Date.now() > deadline)
        throw new Error(
          `sweep still ${sweep.state}: ${JSON.stringify(sweep.trials.map((x: Trial) => x.state))}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('runs every trial with its parameters, reads the metric lines, and finds the best', async () => {
    const created = await call(t, ann, 'POST', '/api/sweeps', {
      name: 'parabola',
      executor: 'local',
      job: {
        command: [
          'sh',
          '-c',
          'test "$(cat "$PLINTH_PARAMS_FILE" | tr -d " \\n")" = "{\\"x\\":$PLINTH_PARAM_X,\\"mode\\":\\"$PLINTH_PARAM_MODE\\"}" || exit 3; echo "noise line"; echo "PLINTH_METRIC loss=$(( (PLINTH_PARAM_X - 3) * (PLINTH_PARAM_X - 3) )) step=1"',
        ],
      },
      parameters: [
        { name: 'x', type: 'int', min: 0, max: 6 },
        { name: 'mode', type: 'categorical', values: ['a'] },
      ],
      objective: { metric: 'loss', goal: 'minimize' },
      algorithm: 'grid',
      maxTrials: 20,
      parallelism: 3,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'running', name: 'parabola', team: 'optics' });
    const done = await until(created.json().id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');
    expect(done.trialCount).toBe(7);
    expect(done.trials.map((x) => x.params.x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(done.trials.map((x) => x.state)).toEqual(Array(7).fill('succeeded'));
    expect(done.trials.map((x) => x.value)).toEqual([9, 4, 1, 0, 1, 4, 9]);
    expect(done.trials[0]?.intermediate).toEqual([[1, 9]]);
    expect(done.best).toEqual({ trial: 3, value: 0 });
    // Grid parameters are known up front: each batch of free slots went out as one array job.
    const jobIds = new Set(done.trials.map((x) => x.jobId));
    expect(jobIds.size).toBeLessThan(7);
    const batch = done.trials.filter((x) => x.jobId === done.trials[0]?.jobId);
    expect(batch.map((x) => x.task)).toEqual([0, 1, 2]);
    const job = (await call(t, ann, 'GET', `/api/jobs/${done.trials[0]?.jobId}`)).json();
    expect(job).toMatchObject({
      name: 'parabola-t0-2',
      spec: { array: '0-2' },
      labels: { 'plinth.trials': '0-2' },
    });
    expect(job.tasks).toHaveLength(3);
  });

  test('a trial may write its metrics as a JSON file instead; maximize picks the largest', async () => {
    const created = await call(t, ann, 'POST', '/api/sweeps', {
      name: 'file-metrics',
      executor: 'local',
      job: { script: '#!/bin/sh\necho "{\\"score\\": $PLINTH_PARAM_K}" > "$PLINTH_METRICS_FILE"\n' },
      parameters: [{ name: 'k', type: 'int', min: 1, max: 4 }],
      objective: { metric: 'score', goal: 'maximize' },
      algorithm: 'random',
      seed: 7,
      maxTrials: 5,
      parallelism: 5,
    });
    const done = await until(created.json().id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');
    const values = done.trials.map((x) => x.value as number);
    expect(values).toEqual(done.trials.map((x) => x.params.k));
    expect(done.best.value).toBe(Math.max(...values));
  });

  test('the median rule stops a planted bad trial early; the good ones run to the end', async () => {
    // Grid order: k = 0..3 are good (loss falls with each step), k = 4 stays bad.
    const script = [
      '#!/bin/sh',
      'for step in 1 2 3 4 5 6; do',
      '  if [ "$PLINTH_PARAM_K" -eq 4 ]; then loss=50; else loss=$(( 10 / step )); fi',
      '  echo "PLINTH_METRIC loss=$loss step=$step"',
      '  sleep 0.3',
      'done',
    ].join('\n');
    const created = await call(t, ann, 'POST', '/api/sweeps', {
      name: 'median',
      executor: 'local',
      job: { script },
      parameters: [{ name: 'k', type: 'int', min: 0, max: 4 }],
      objective: { metric: 'loss', goal: 'minimize' },
      algorithm: 'grid',
      maxTrials: 5,
      parallelism: 1,
      earlyStopping: { rule: 'median', minTrials: 3, minStep: 1 },
    });
    const done = await until(created.json().id, ['succeeded', 'failed']);
    const bad = done.trials[4] as Trial;
    expect(bad.state).toBe('pruned');
    expect(bad.intermediate.length).toBeLessThan(6);
    expect(done.trials.slice(0, 4).map((x) => x.state)).toEqual(Array(4).fill('succeeded'));
    expect(done.trials[0]?.intermediate.map(([step]) => step)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('stopping a sweep cancels its running trials and keeps the finished ones', async () => {
    const created = await call(t, ann, 'POST', '/api/sweeps', {
      name: 'long',
      executor: 'local',
      job: {
        script: '#!/bin/sh\nif [ "$PLINTH_PARAM_I" -gt 0 ]; then sleep 60; fi\necho "PLINTH_METRIC loss=1"\n',
      },
      parameters: [{ name: 'i', type: 'int', min: 0, max: 9 }],
      objective: { metric: 'loss', goal: 'minimize' },
      algorithm: 'grid',
      maxTrials: 10,
      parallelism: 2,
    });
    const id = created.json().id;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const sweep = (await call(t, ann, 'GET', `/api/sweeps/${id}`)).json();
      if (
        sweep.trials.some((x: Trial) => x.state === 'succeeded') &&
        sweep.trials.some((x: Trial) => x.state === 'running')
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await call(t, bob, 'POST', `/api/sweeps/${id}/stop`)).statusCode).toBe(404);
    const stopping = await call(t, ann, 'POST', `/api/sweeps/${id}/stop`);
    expect(stopping.json()).toMatchObject({ state: 'stopping', reason: 'stopped by ann' });
    const done = await until(id, ['stopped']);
    expect(done.trials[0]?.state).toBe('succeeded');
    expect(done.trials.slice(1).every((x) => x.state === 'cancelled')).toBe(true);
    expect(done.trialCount).toBeLessThan(10);
    expect((await call(t, ann, 'POST', `/api/sweeps/${id}/stop`)).json().code).toBe('COMPUTE_SWEEP_ENDED');
  });

  test('the Python example of the sweeps reference runs as it is written', async () => {
    const doc = readFileSync(new URL('../../docs/reference/sweeps.md', import.meta.url), 'utf8');
    const code = /```python\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const folder = mkdtempSync(join(tmpdir(), 'plinth-sweep-doc-'));
    // A project folder that the user local jobs run as may read, as a real one would be.
    chmodSync(folder, 0o755);
    const script = join(folder, 'simulate.py');
    writeFileSync(script, code as string);
    const created = await call(t, ann, 'POST', '/api/sweeps', {
      name: 'tune-pi',
      executor: 'local',
      job: { command: ['python3', 'simulate.py'], workingDirectory: folder },
      parameters: [
        { name: 'samples', type: 'int', min: 1000, max: 20000, scale: 'log' },
        { name: 'seed', type: 'int', min: 0, max: 9 },
        { name: 'method', type: 'categorical', values: ['plain', 'stratified'] },
      ],
      objective: { metric: 'error', goal: 'minimize' },
      algorithm: 'random',
      seed: 3,
      maxTrials: 4,
      parallelism: 2,
    });
    const done = await until(created.json().id, ['succeeded', 'failed']);
    expect(done.state).toBe('succeeded');
    for (const trial of done.trials) {
      expect(trial.intermediate.map(([step]) => step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(trial.metrics.estimate).toBeGreaterThan(2.5);
      expect(trial.value).toBeCloseTo(Math.abs((trial.metrics.estimate as number) - Math.PI), 10);
    }
  });

  test('a bad spec is refused before anything runs, at its field', async () => {
    const refuse = async (spec: object) => (await call(t, ann, 'POST', '/api/sweeps', spec)).json();
    const base = {
      name: 'bad',
      job: { command: ['true'] },
      objective: { metric: 'loss', goal: 'minimize' },
      algorithm: 'random',
      maxTrials: 3,
    };
    expect(await refuse({ ...base, parameters: [{ name: 'x', type: 'int', min: 5, max: 1 }] })).toMatchObject(
      {
        code: 'COMPUTE_INVALID_SPEC',
        details: [{ field: 'parameters.0.max' }],
      },
    );
    expect(
      await refuse({ ...base, parameters: [{ name: 'lr', type: 'float', min: 0, max: 1, scale: 'log' }] }),
    ).toMatchObject({ details: [{ field: 'parameters.0.min' }] });
    expect(
      await refuse({
        ...base,
        executor: 'nowhere',
        parameters: [{ name: 'x', type: 'int', min: 0, max: 1 }],
      }),
    ).toMatchObject({ code: 'COMPUTE_EXECUTOR_UNKNOWN' });
    expect(
      (await call(t, ann, 'GET', '/api/sweeps')).json().items.map((s: { name: string }) => s.name),
    ).not.toContain('bad');
  });

  test("other people's sweeps are not visible; Keepers see all", async () => {
    const mine = (await call(t, ann, 'GET', '/api/sweeps')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await call(t, bob, 'GET', '/api/sweeps?scope=team')).json().items).toEqual([]);
    expect((await call(t, bob, 'GET', `/api/sweeps/${mine[0].id}`)).statusCode).toBe(404);
    const keeper = await bearer(t, t.adminUsername);
    expect((await call(t, keeper, 'GET', '/api/sweeps?scope=all')).json().items.length).toBe(mine.length);
  });

  test('the parameters file of each trial is kept beside the sweep', async () => {
    const sweeps = (await call(t, ann, 'GET', '/api/sweeps')).json().items;
    const parabola = sweeps.find((s: { name: string }) => s.name === 'parabola');
    const file = `${t.dataDir}/sweeps/${parabola.id}/trial-3.params.json`;
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 3, mode: 'a' });
  });
});
