import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Executor } from '../../src/compute/extension.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('how often a burst of submits polls the executor, on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  /** Start times of the local executor's polls (the real executor, counted on the way through). */
  const polls: number[] = [];

  beforeAll(async () => {
    // A long regular interval: every poll seen here was brought forward by a submit.
    t = await startTestServer({
      database,
      config: { compute: { pollIntervalSeconds: 60, submitsPerMinute: 10_000 } },
    });
    const local = t.server.compute.executors.get('local') as Executor;
    const poll = local.poll.bind(local);
    local.poll = (ids) => {
      polls.push(Date.now());
      return poll(ids);
    };
    keeper = await bearer(t, t.adminUsername);
    t.server.compute.collector.start();
    await sleep(100);
  });
  afterAll(async () => {
    t.server.compute.collector.stop();
    await t?.close();
  });

  const submit = async () => {
    const res = await call(t, keeper, 'POST', '/api/jobs', { name: 'burst', command: ['sleep', '30'] });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  test('a lone submit is polled a moment later', async () => {
    polls.length = 0;
    const submitted = Date.now();
    const id = await submit();
    await sleep(700);
    expect(polls.length).toBe(1);
    expect((polls[0] as number) - submitted).toBeLessThan(1000);
    const job = (await call(t, keeper, 'GET', `/api/jobs/${id}`)).json();
    expect(job.state).toBe('running');
    await call(t, keeper, 'POST', `/api/jobs/${id}/cancel`);
  });

  test('a burst of submits brings polls forward at most once a second', async () => {
    await sleep(1200);
    polls.length = 0;
    const started = Date.now();
    const ids: string[] = [];
    // A submit every 30 ms or so: each kick comes long before the poll it asks for.
    while (Date.now() - started < 2500) {
      ids.push(await submit());
      await sleep(30);
    }
    await sleep(1200);
    const span = Date.now() - started;
    // One at the start of the burst, then one per second at most: never one per 250 ms.
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(Math.ceil(span / 1000) + 1);
    for (let i = 1; i < polls.length; i++) {
      expect((polls[i] as number) - (polls[i - 1] as number)).toBeGreaterThanOrEqual(950);
    }
    for (const id of ids) await call(t, keeper, 'POST', `/api/jobs/${id}/cancel`);
  });
});
