import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer, type PlinthServer } from '../../src/server/index.js';
import { testLocalExecutor } from '../helpers/engines.js';

const dataDir = mkdtempSync(join(tmpdir(), 'plinth-jobs-restart-'));
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
      // One CPU slot: the second job waits in the queue when the server stops.
      compute: { executors: { local: testLocalExecutor({ maxCpus: 1 }) } },
    },
  });
  return createServer(config, { logger: createLogger('silent'), backgroundJobs: false });
}

async function stateOf(server: PlinthServer, id: string) {
  const row = await server.database.db
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row;
}

describe('Plinth restarted with jobs in flight', () => {
  test('finds running jobs again, starts queued ones, loses none and duplicates none', {
    timeout: 60_000,
  }, async () => {
    const first = await start();
    const admin = await first.auth.userStore.findByUsername('admin');
    if (!admin) throw new Error('no admin');
    const principal = { user: admin, role: 'keeper' as const, method: 'token' as const };
    const actor = { userId: admin.id, username: 'admin', ip: null };
    const running = await first.compute.jobs.submit(principal, actor, {
      name: 'running',
      script: 'sleep 2\nexit 5\n',
    });
    const queued = await first.compute.jobs.submit(principal, actor, {
      name: 'queued',
      command: ['sh', '-c', 'echo late'],
    });
    await first.compute.collector.cycle();
    expect((await stateOf(first, running.id)).state).toBe('running');
    expect((await stateOf(first, queued.id)).state).toBe('pending');
    await first.app.close();

    const second = await start();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await second.compute.collector.cycle();
      const states = [(await stateOf(second, running.id)).state, (await stateOf(second, queued.id)).state];
      if (states.every((s) => s !== 'pending' && s !== 'running')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await stateOf(second, running.id)).toMatchObject({ state: 'failed', exit_code: 5 });
    expect(await stateOf(second, queued.id)).toMatchObject({ state: 'succeeded', exit_code: 0 });
    const all = await second.database.db.selectFrom('jobs').select('id').execute();
    expect(all).toHaveLength(2);
    await second.app.close();
  });
});
