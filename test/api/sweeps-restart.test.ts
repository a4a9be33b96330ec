import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer, type PlinthServer } from '../../src/server/index.js';
import { testLocalExecutor } from '../helpers/engines.js';

const dataDir = mkdtempSync(join(tmpdir(), 'plinth-sweeps-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<PlinthServer> {
  const { config } = loadConfig({
    env: {},
    cwd: dataDir,
    overrides: {
      dataDir,
      adminPassword: 'Restart-password-1',
      logLevel: 'silent',
      auth: { scryptCost: 10 },
      compute: { pollIntervalSeconds: 0.2, executors: { local: testLocalExecutor() } },
    },
  });
  return createServer(config, { logger: createLogger('silent'), backgroundJobs: true });
}

async function sweepOf(server: PlinthServer, id: string) {
  const admin = await server.auth.userStore.findByUsername('admin');
  if (!admin) throw new Error('no admin');
  return server.compute.sweeps.get({ user: admin, role: 'keeper', method: 'token' }, id);
}

describe('Plinth restarted in the middle of a sweep', () => {
  test('carries on: finished trials are kept, none runs twice, the rest run', {
    timeout: 90_000,
  }, async () => {
    const first = await start();
    const admin = await first.auth.userStore.findByUsername('admin');
    if (!admin) throw new Error('no admin');
    const created = await first.compute.sweeps.create(
      { user: admin, role: 'keeper', method: 'token' },
      { userId: admin.id, username: 'admin', ip: null },
      {
        name: 'resumable',
        executor: 'local',
        job: { command: ['sh', '-c', 'sleep 0.7; echo "PLINTH_METRIC loss=$PLINTH_PARAM_I"'] },
        parameters: [{ name: 'i', type: 'int', min: 0, max: 4 }],
        objective: { metric: 'loss', goal: 'minimize' },
        algorithm: 'grid',
        maxTrials: 5,
        parallelism: 1,
      },
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const sweep = await sweepOf(first, created.id);
      if (sweep.trials.filter((x) => x.state === 'succeeded').length >= 2) break;
      if (Date.now() > deadline) throw new Error('the first trials did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
    await first.app.close();

    const second = await start();
    try {
      let sweep = await sweepOf(second, created.id);
      while (sweep.state === 'running' && Date.now() < deadline + 30_000) {
        await new Promise((r) => setTimeout(r, 200));
        sweep = await sweepOf(second, created.id);
      }
      expect(sweep.state).toBe('succeeded');
      expect(sweep.trials.map((x) => [x.number, x.params.i, x.state, x.value])).toEqual(
        [0, 1, 2, 3, 4].map((i) => [i, i, 'succeeded', i]),
      );
      const jobs = await second.database.db
        .selectFrom('jobs')
        .select('name')
        .where('name', 'like', 'resumable-%')
        .execute();
      expect(jobs.map((j) => j.name).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `resumable-t${i}`));
    } finally {
      await second.app.close();
    }
  });
});
