import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const examples = join(import.meta.dirname, '../../examples/platform');
const TOKEN = 'remote-token-must-never-show-7f3a';

/** A platform repo: the demo catalog and templates, plus a template that plants a secret. */
function platformRepo(root: string): string {
  const dir = join(root, 'platform');
  cpSync(join(examples, 'catalog'), join(dir, 'catalog'), { recursive: true });
  cpSync(join(examples, 'templates'), join(dir, 'templates'), { recursive: true });
  const leaky = join(dir, 'templates', 'leaky');
  mkdirSync(join(leaky, 'skeleton'), { recursive: true });
  writeFileSync(
    join(leaky, 'template.yaml'),
    `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: leaky
  title: Leaky
spec:
  type: project
  owner: keepers
  steps:
    - id: render
      action: template:render
      input: { url: ./skeleton }
    - id: git
      action: git:init
`,
  );
  writeFileSync(join(leaky, 'skeleton', 'README.md'), 'key AKIAIOSFODNN7EXAMPLE\n');
  return dir;
}

describe.each(testDatabases())('templates and tasks over the API on %s', (database) => {
  let t: TestServer;
  let root: string;
  let ann: Caller;
  let bob: Caller;
  let keeper: Caller;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'plinth-scaffolder-'));
    const bare = join(root, 'remote');
    mkdirSync(bare);
    execFileSync('git', ['init', '-q', '--bare', join(bare, 'ocean-drift.git')]);
    t = await startTestServer({
      database,
      config: {
        platformRepo: platformRepo(root),
        scaffolder: {
          remotes: { lab: { url: `file://${bare}`, webUrl: 'https://git.example/lab', token: TOKEN } },
        },
      },
    });
    await t.server.catalog.locations.syncNow(systemActor, 'platform');
    await t.server.catalog.locations.syncNow(systemActor, 'templates');
    await t.createUser({ username: 'ann' });
    await t.createUser({ username: 'bob' });
    ann = await bearer(t, 'ann');
    bob = await bearer(t, 'bob');
    keeper = await bearer(t, t.adminUsername);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function finished(id: string) {
    await t.server.scaffolder.tasks.drain();
    return (await call(t, ann, 'GET', `/api/tasks/${id}`)).json();
  }

  test('lists the templates of the platform repo, found through the catalog, with filters', async () => {
    const all = (await call(t, ann, 'GET', '/api/templates')).json();
    expect(all.items.map((i: { name: string }) => i.name)).toEqual([
      'cloud-object-storage',
      'kubernetes-batch-job',
      'leaky',
      'python-research-project',
      'slurm-batch-experiment',
    ]);
    expect(all.facets.type).toEqual(expect.arrayContaining([{ value: 'infrastructure', count: 2 }]));
    const found = (await call(t, ann, 'GET', '/api/templates?q=slurm')).json();
    expect(found.items.map((i: { name: string }) => i.name)).toEqual(['slurm-batch-experiment']);
    const entity = await call(
      t,
      ann,
      'GET',
      '/api/catalog/entities/template/default/python-research-project',
    );
    expect(entity.statusCode).toBe(200);
    // Skeleton files are not entities: no problem comes from them.
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems?location=templates')).json();
    expect(problems.items).toEqual([]);
  });

  test('one template gives its form pages, steps and the checks it must pass', async () => {
    const res = await call(t, ann, 'GET', '/api/templates/default/python-research-project');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.parameters.map((p: { title: string }) => p.title)).toEqual(['Project', 'Tooling', 'Publish']);
    expect(body.steps.map((s: { action: string }) => s.action)).toContain('git:push');
    expect(body.checks).toEqual([
      { name: 'no-secrets', title: 'No secrets in files', blocking: true, required: true },
      { name: 'required-files', title: 'README and LICENSE present', blocking: true, required: false },
      { name: 'pinned-dependencies', title: 'Dependencies pinned', blocking: true, required: false },
    ]);
    expect((await call(t, ann, 'GET', '/api/templates/default/nope')).json().code).toBe('TEMPLATE_NOT_FOUND');
  });

  test('a dry run shows every file and check, refuses a bad form field by field, and writes nothing', async () => {
    const bad = await call(t, ann, 'POST', '/api/templates/default/python-research-project/dry-run', {
      parameters: { name: 'Not Valid', title: 'X' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'TEMPLATE_PARAMETERS_INVALID',
      details: expect.arrayContaining([
        { field: 'name', message: expect.stringContaining('does not match') },
        { field: 'title', message: 'must NOT have fewer than 3 characters' },
        { field: 'owner', message: 'is required' },
      ]),
    });
    const res = await call(t, ann, 'POST', '/api/templates/default/python-research-project/dry-run', {
      parameters: { name: 'ocean-drift', title: 'Ocean drift', owner: 'climate-modelling' },
    });
    expect(res.statusCode).toBe(200);
    const dry = res.json();
    expect(dry.files.find((f: { path: string }) => f.path === 'params.yaml').content).toContain(
      'samples: 200000',
    );
    expect(dry.steps.find((s: { id: string }) => s.id === 'git')).toMatchObject({
      state: 'skipped',
      note: 'a dry run publishes nothing',
    });
    expect(dry.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(existsSync(join(t.server.config.dataDir, 'tasks'))).toBe(false);
  });

  test('a task pushes to the remote as the user, registers the entity, and keeps log, steps and outputs', async () => {
    const created = await call(t, ann, 'POST', '/api/tasks', {
      templateRef: 'template:default/python-research-project',
      parameters: {
        name: 'ocean-drift',
        title: 'Ocean drift',
        owner: 'climate-modelling',
        destination: 'git',
        remote: 'lab',
      },
    });
    expect(created.statusCode).toBe(201);
    const task = await finished(created.json().id);
    expect(task).toMatchObject({ state: 'succeeded', owner: 'ann', attempt: 1, error: null });
    expect(task.steps.map((s: { id: string; state: string }) => `${s.id}:${s.state}`)).toEqual([
      'render:succeeded',
      'ci-github:succeeded',
      'ci-gitlab:skipped',
      'git:succeeded',
      'push:succeeded',
      'register:succeeded',
      'zip:succeeded',
    ]);
    expect(task.output).toEqual([
      { title: 'Repository', url: 'https://git.example/lab/ocean-drift', entityRef: null, icon: 'git' },
      {
        title: 'Open in the catalog',
        url: null,
        entityRef: 'component:default/ocean-drift',
        icon: 'catalog',
      },
      {
        title: 'Download the project',
        url: `/api/tasks/${task.id}/archive/ocean-drift.zip`,
        entityRef: null,
        icon: 'download',
      },
    ]);
    const author = execFileSync('git', ['log', '-1', '--format=%an <%ae>', 'main'], {
      cwd: join(root, 'remote', 'ocean-drift.git'),
      encoding: 'utf8',
    });
    expect(author.trim()).toBe('Test ann <ann@users.plinth.invalid>');
    const entity = await call(t, bob, 'GET', '/api/catalog/entities/component/default/ocean-drift');
    expect(entity.statusCode).toBe(200);
    expect(entity.json().owner).toBe('group:default/climate-modelling');

    const logs = (await call(t, ann, 'GET', `/api/tasks/${task.id}/logs`)).json();
    expect(logs.complete).toBe(true);
    const text = logs.items.map((l: { message: string }) => l.message).join('\n');
    expect(text).toContain('Pushed to lab: https://git.example/lab/ocean-drift');
    expect(text).toContain('Registered catalog-info.yaml: component:default/ocean-drift');
    expect(JSON.stringify(task) + text).not.toContain(TOKEN);

    const stream = await call(t, ann, 'GET', `/api/tasks/${task.id}/logs/stream`);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.body).toContain('event: task');
    expect(stream.body).toContain('event: log');
    expect(stream.body).toContain('event: end\ndata: {"state":"succeeded"}');

    const zip = await call(t, ann, 'GET', `/api/tasks/${task.id}/archive/ocean-drift.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');

    expect((await call(t, bob, 'GET', `/api/tasks/${task.id}`)).json().code).toBe('TASK_NOT_FOUND');
    expect((await call(t, keeper, 'GET', `/api/tasks/${task.id}`)).statusCode).toBe(200);
    const audit = (await call(t, keeper, 'GET', '/api/audit?action=scaffolder.task.create')).json();
    expect(JSON.stringify(audit)).toContain(task.id);
  });

  test('a failing step shows its error, later steps are skipped, and the task can run again', async () => {
    const created = await call(t, ann, 'POST', '/api/tasks', {
      templateRef: 'python-research-project',
      parameters: {
        name: 'tide-model',
        title: 'Tides',
        owner: 'climate-modelling',
        destination: 'git',
        remote: 'nowhere',
      },
    });
    const task = await finished(created.json().id);
    expect(task.state).toBe('failed');
    expect(task.error).toEqual({
      code: 'SCAFFOLDER_REMOTE_UNKNOWN',
      message: "git remote 'nowhere' is not configured; configured: lab",
    });
    expect(task.steps.find((s: { id: string }) => s.id === 'push')).toMatchObject({
      state: 'failed',
      error: task.error.message,
    });
    expect(task.steps.find((s: { id: string }) => s.id === 'zip')).toMatchObject({ state: 'skipped' });

    const again = await call(t, ann, 'POST', `/api/tasks/${task.id}/rerun`);
    expect(again.statusCode).toBe(200);
    const second = await finished(task.id);
    expect(second).toMatchObject({ state: 'failed', attempt: 2 });
    const logs = (await call(t, ann, 'GET', `/api/tasks/${task.id}/logs`)).json();
    expect(logs.items.map((l: { message: string }) => l.message)).toContain('Attempt 2');

    const history = (await call(t, ann, 'GET', '/api/tasks')).json();
    expect(history.items.length).toBeGreaterThanOrEqual(2);
    expect(history.items.every((i: { owner: string }) => i.owner === 'ann')).toBe(true);
    expect((await call(t, bob, 'GET', '/api/tasks')).json().items).toEqual([]);
    const done = history.items.find((i: { state: string }) => i.state === 'succeeded');
    expect((await call(t, ann, 'POST', `/api/tasks/${done.id}/rerun`)).json().code).toBe(
      'TASK_NOT_RERUNNABLE',
    );
  });

  test('after a restart, a task left running is failed with the reason and one left queued runs', async () => {
    const created = await call(t, ann, 'POST', '/api/tasks', {
      templateRef: 'slurm-batch-experiment',
      parameters: { name: 'restart-me', owner: 'climate-modelling' },
    });
    const done = await finished(created.json().id);
    const db = t.server.database.db;
    const row = await db
      .selectFrom('scaffolder_tasks')
      .selectAll()
      .where('id', '=', done.id)
      .executeTakeFirstOrThrow();
    const old = '2020-01-01T00:00:00.000Z';
    await db
      .insertInto('scaffolder_tasks')
      .values({ ...row, id: `${row.id}R`, state: 'running', updated_at: old })
      .execute();
    await db
      .insertInto('scaffolder_tasks')
      .values({ ...row, id: `${row.id}Q`, state: 'queued', updated_at: old })
      .execute();
    await t.server.scaffolder.start();
    await t.server.scaffolder.tasks.drain();
    const interrupted = (await call(t, ann, 'GET', `/api/tasks/${row.id}R`)).json();
    expect(interrupted).toMatchObject({
      state: 'failed',
      error: { message: 'The server stopped while this task ran; run it again' },
    });
    expect((await call(t, ann, 'GET', `/api/tasks/${row.id}Q`)).json().state).toBe('succeeded');
  });

  test('a planted secret stops publication with the reason, before git:init runs', async () => {
    const created = await call(t, ann, 'POST', '/api/tasks', { templateRef: 'leaky', parameters: {} });
    const task = await finished(created.json().id);
    expect(task.state).toBe('failed');
    expect(task.error.code).toBe('TASK_CHECKS_FAILED');
    expect(task.error.message).toContain('No secrets in files: README.md:1: looks like an AWS access key id');
    expect(task.steps.map((s: { state: string }) => s.state)).toEqual(['succeeded', 'skipped']);
    expect(task.checks[0]).toMatchObject({ name: 'no-secrets', passed: false, blocking: true });
    expect(existsSync(join(t.server.config.dataDir, 'tasks', task.id, 'repo'))).toBe(false);
  });
});
