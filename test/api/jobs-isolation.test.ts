import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { engineAvailable, testJobUser } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

async function withTeams(t: TestServer) {
  await t.server.auth.teams.create(
    { userId: null, username: null, ip: null },
    { name: 'optics', title: 'Optics' },
  );
  await t.createUser({ username: 'ann', teams: ['optics'] });
  return { keeper: await bearer(t, t.adminUsername), ann: await bearer(t, 'ann') };
}

async function until(t: TestServer, who: Caller, id: string, states: string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await t.server.compute.collector.cycle();
    const job = (await call(t, who, 'GET', `/api/jobs/${id}`)).json();
    if (states.includes(job.state) || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stdout = async (t: TestServer, who: Caller, id: string) =>
  (await call(t, who, 'GET', `/api/jobs/${id}/logs?stream=stdout`)).json().text as string;

describe('a default install: local jobs run as the server, so only Keepers may use them', () => {
  let t: TestServer;
  let keeper: Caller;
  let ann: Caller;
  beforeAll(async () => {
    t = await startTestServer({ config: { compute: { executors: { local: { runAs: undefined } } } } });
    ({ keeper, ann } = await withTeams(t));
  });
  afterAll(async () => t?.close());

  test('a member is refused with the reason, and sees why in the executor list', async () => {
    const refused = await call(t, ann, 'POST', '/api/jobs', { name: 'x', command: ['true'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'COMPUTE_EXECUTOR_KEEPERS_ONLY',
      message: expect.stringContaining('compute.executors.local.runAs'),
      details: [{ field: 'executor' }],
    });
    const listed = (await call(t, ann, 'GET', '/api/compute/executors')).json();
    expect(listed.items).toEqual([]);
    expect(listed.closed).toEqual([{ name: 'local', reason: expect.stringContaining('only Keepers') }]);
    expect((await call(t, ann, 'GET', '/api/compute/executors/local/partitions')).statusCode).toBe(400);
  });

  test('a Keeper runs jobs there, in the folder they name', async () => {
    expect((await call(t, keeper, 'GET', '/api/compute/executors')).json().closed).toEqual([]);
    const folder = mkdtempSync(join(tmpdir(), 'plinth-keeper-work-'));
    try {
      const created = await call(t, keeper, 'POST', '/api/jobs', {
        name: 'where',
        command: ['pwd'],
        workingDirectory: folder,
      });
      expect(created.statusCode).toBe(201);
      const job = await until(t, keeper, created.json().id, ['succeeded', 'failed']);
      expect(job.state).toBe('succeeded');
      expect((await stdout(t, keeper, job.id)).trim()).toBe(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the audit log says what a job could reach', async () => {
    const created = await call(t, keeper, 'POST', '/api/jobs', { name: 'audited', command: ['true'] });
    const audit = (await call(t, keeper, 'GET', '/api/audit?action=job.submit')).json();
    const entry = audit.items.find((e: { target: string }) => e.target === created.json().id);
    expect(entry.details.isolation).toContain("Plinth's own OS user");
  });
});

describe('with trustMembers and no isolation, a member job reads the server key (what the setting risks)', () => {
  let t: TestServer;
  let ann: Caller;
  beforeAll(async () => {
    t = await startTestServer({
      config: { compute: { executors: { local: { runAs: undefined, trustMembers: true } } } },
    });
    ({ ann } = await withTeams(t));
  });
  afterAll(async () => t?.close());

  test('the same read that the sandbox stops succeeds here', async () => {
    const created = await call(t, ann, 'POST', '/api/jobs', {
      name: 'read-key',
      command: ['cat', join(t.dataDir, 'secret.key')],
    });
    expect(created.statusCode).toBe(201);
    const job = await until(t, ann, created.json().id, ['succeeded', 'failed']);
    expect(await stdout(t, ann, job.id)).toContain(
      readFileSync(join(t.dataDir, 'secret.key'), 'utf8').trim(),
    );
  });
});

const isolated = engineAvailable(
  'job isolation',
  Boolean(testJobUser) && process.getuid?.() === 0,
  'run the tests as root with bubblewrap installed and PLINTH_TEST_RUN_AS naming an unprivileged user (.ci/run creates plinth-jobs)',
);

describe.runIf(isolated)('isolated local jobs: their own user, their own folder', () => {
  let t: TestServer;
  let ann: Caller;
  let keeper: Caller;
  const uid = () => Number(execFileSync('id', ['-u', testJobUser as string]).toString());
  const gid = () => Number(execFileSync('id', ['-g', testJobUser as string]).toString());
  const projects = mkdtempSync(join(tmpdir(), 'plinth-projects-'));

  beforeAll(async () => {
    t = await startTestServer();
    ({ ann, keeper } = await withTeams(t));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(projects, { recursive: true, force: true });
  });

  test('members may use the executor, and the list says how jobs run', async () => {
    const listed = (await call(t, ann, 'GET', '/api/compute/executors')).json();
    expect(listed.items.map((e: { name: string }) => e.name)).toEqual(['local']);
    expect(listed.closed).toEqual([]);
  });

  test('a job starts in its own work folder, owned by the jobs user, and its files are theirs', async () => {
    const created = await call(t, ann, 'POST', '/api/jobs', {
      name: 'home',
      script: 'pwd; id -u; echo result > out.txt',
    });
    const job = await until(t, ann, created.json().id, ['succeeded', 'failed']);
    expect(job.state).toBe('succeeded');
    const work = join(t.dataDir, 'jobs', job.id, 'work');
    expect((await stdout(t, ann, job.id)).trim().split('\n')).toEqual([work, String(uid())]);
    expect(statSync(work).uid).toBe(uid());
    expect(statSync(join(work, 'out.txt')).uid).toBe(uid());
    // The job's records stay the server's: the job cannot rewrite its own exit code or logs.
    expect(statSync(join(t.dataDir, 'jobs', job.id, 'exit')).uid).toBe(process.getuid?.());
    expect(statSync(join(t.dataDir, 'jobs', job.id, 'stdout.log')).uid).toBe(process.getuid?.());
  });

  test('workingDirectory is honoured, under /tmp too', async () => {
    const folder = join(projects, 'monte-carlo');
    mkdirSync(folder, { recursive: true });
    chownSync(projects, uid(), gid());
    chownSync(folder, uid(), gid());
    const created = await call(t, ann, 'POST', '/api/jobs', {
      name: 'project',
      script: 'pwd; echo done > written-here.txt',
      workingDirectory: folder,
    });
    const job = await until(t, ann, created.json().id, ['succeeded', 'failed']);
    expect(job.state).toBe('succeeded');
    expect((await stdout(t, ann, job.id)).trim()).toBe(folder);
    expect(readFileSync(join(folder, 'written-here.txt'), 'utf8')).toBe('done\n');
  });

  test('a working directory it cannot use is refused at submit, with the field named', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'plinth-closed-'));
    const cases: [string, string][] = [
      ['relative/path', 'absolute path'],
      [join(projects, 'missing'), 'no folder'],
      [t.dataDir, "Plinth's own folders"],
      [join(t.dataDir, 'jobs'), "Plinth's own folders"],
      [closed, `run as ${testJobUser}`],
    ];
    try {
      for (const [workingDirectory, words] of cases) {
        const refused = await call(t, ann, 'POST', '/api/jobs', {
          name: 'x',
          command: ['true'],
          workingDirectory,
        });
        expect(refused.statusCode, workingDirectory).toBe(400);
        expect(refused.json().details).toEqual([
          { field: 'workingDirectory', message: expect.stringContaining(words) },
        ]);
      }
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });

  test("a Keeper's job is isolated too", async () => {
    const created = await call(t, keeper, 'POST', '/api/jobs', { name: 'keeper', command: ['id', '-u'] });
    const job = await until(t, keeper, created.json().id, ['succeeded', 'failed']);
    expect((await stdout(t, keeper, job.id)).trim()).toBe(String(uid()));
  });
});
