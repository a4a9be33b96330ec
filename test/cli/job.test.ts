import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

// One server for the whole file, polling its executor often so that jobs end quickly.
let server: TestServer;
let annEnv: Record<string, string>;
let cydEnv: Record<string, string>;
let root: string;
const dirs = tempConfigDirs();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-job-'));
  server = await startTestServer({
    listen: true,
    config: { compute: { pollIntervalSeconds: 0.2, idlePollSeconds: 1 } },
  });
  for (const team of ['climate', 'proteins']) {
    await server.server.auth.teams.create(systemActor, { name: team, title: team });
  }
  await server.createUser({ username: 'ann', teams: ['climate'] });
  await server.createUser({ username: 'cyd', teams: ['proteins'] });
  annEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  cydEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('cyd') };
  server.server.compute.collector.start();
});
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

const asAnn = (args: string[]) => plinth(args, { configDir: dirs.make(), env: annEnv });
const asCyd = (args: string[]) => plinth(args, { configDir: dirs.make(), env: cydEnv });

function jobFile(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

/** A job as the API shows it to ann, asked for directly rather than through the CLI. */
async function jobOf(id: string): Promise<{ state: string }> {
  const response = await fetch(`${server.url}/api/jobs/${id}`, {
    headers: { authorization: `Bearer ${annEnv.PLINTH_TOKEN}` },
  });
  return (await response.json()) as { state: string };
}

async function until(id: string, state: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await jobOf(id)).state !== state && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
}

/** Submits a job and returns its id, which `job submit` prints alone on stdout. */
async function submit(args: string[]): Promise<string> {
  const result = await asAnn(['job', 'submit', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('plinth job submit', () => {
  let helloId: string;

  it('runs the command after -- and, with --wait, exits 0 once it succeeded, having printed its id', async () => {
    const result = await asAnn([
      'job',
      'submit',
      '--wait',
      '--label',
      'suite=cli',
      '--',
      'sh',
      '-c',
      'echo hello',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^[0-9A-Z]{26}\n$/);
    helloId = result.stdout.trim();
    expect(result.stderr).toMatch(/Submitted job \w{8} \(sh\) to local, team climate: pending/);
    expect(result.stderr).toMatch(/Job \w{8} succeeded/);
  });

  it('exits 1 with --wait when the job fails, and says why', async () => {
    const result = await asAnn(['job', 'submit', '--wait', '--name', 'doomed', '--', 'sh', '-c', 'exit 3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/plinth: Job \w{8} failed.*Exited with code 3/);
  });

  it('submits a YAML file with an array, whose four tasks `show --json` lists', async () => {
    const path = jobFile(
      'sweep.yaml',
      'name: sweep\ncommand: [sh, -c, "echo task $PLINTH_ARRAY_TASK_ID"]\nresources:\n  cpus: 1\narray: 0-3\n',
    );
    const id = await submit([path, '--wait']);
    const shown = await asAnn(['job', 'show', id, '--json']);
    expect(shown.code).toBe(0);
    const job = JSON.parse(shown.stdout) as { state: string; tasks: { index: number; state: string }[] };
    expect(job.state).toBe('succeeded');
    expect(job.tasks.map((task) => task.index)).toEqual([0, 1, 2, 3]);
    const human = await asAnn(['job', 'show', id.slice(-8)]);
    expect(human.stdout).toContain('4 tasks: 4 succeeded');
    const third = await asAnn(['job', 'logs', id, '--task', '2']);
    expect(third.stdout).toBe('task 2\n');
  });

  it('reports a YAML syntax error as file:line:col and exits 7', async () => {
    const path = jobFile('broken.yaml', 'name: broken\ncommand: [echo, hi\n');
    const result = await asAnn(['job', 'submit', path]);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain(`${path}:3:1 `);
  });

  it('prints the spec with --dry-run, sending nothing, flags turned into fields', async () => {
    const path = jobFile('base.yaml', 'name: base\nscript: "echo from file"\nlabels: { project: climate }\n');
    const args = [
      'job',
      'submit',
      path,
      '--dry-run',
      '--memory',
      '4G',
      '--time',
      '1:30:00',
      '--label',
      'stage=dev',
    ];
    const result = await plinth([...args, '--', 'python', 'train.py'], { configDir: dirs.make() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      name: 'base',
      command: ['python', 'train.py'],
      resources: { memoryMb: 4096, timeLimitMinutes: 90 },
      labels: { project: 'climate', stage: 'dev' },
    });
  });

  it('exits 7 for an executor the server does not offer, naming those it does', async () => {
    const result = await asAnn(['job', 'submit', '--executor', 'quantum', '--', 'true']);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('available: local');
  });

  it('prints a finished job’s log, and `ls --json` lists it', async () => {
    const logs = await asAnn(['job', 'logs', helloId]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toBe('hello\n');
    const listed = await asAnn(['job', 'ls', '--label', 'suite=cli', '--json']);
    expect((JSON.parse(listed.stdout) as { items: { id: string }[] }).items.map((job) => job.id)).toEqual([
      helloId,
    ]);
    const all = await asAnn(['job', 'ls', '--all', '--json']);
    expect((JSON.parse(all.stdout) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3);
  });

  it('gives exit 5 to a member of another team asking for the job', async () => {
    expect((await asCyd(['job', 'show', helloId])).code).toBe(5);
    expect((await asCyd(['job', 'show', helloId.slice(-8)])).code).toBe(5);
  });
});

describe('plinth job logs -f and cancel', () => {
  it('follows the log of a running job until it ends, then exits 0', async () => {
    const script = 'for i in 1 2 3 4; do echo line $i; sleep 0.3; done';
    const id = await submit(['--name', 'ticker', '--', 'sh', '-c', script]);
    const result = await asAnn(['job', 'logs', id, '-f']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('line 1\nline 2\nline 3\nline 4\n');
    expect(result.stderr).toMatch(/succeeded/);
  });

  it('cancels a running job, then exits 6 when asked to cancel it again', async () => {
    const id = await submit(['--name', 'sleeper', '--', 'sleep', '30']);
    await until(id, 'running');
    const cancelled = await asAnn(['job', 'cancel', id]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toMatch(new RegExp(`^${id} (cancelled|running \\(cancel requested\\))\\n$`));
    await until(id, 'cancelled');
    expect((await jobOf(id)).state).toBe('cancelled');
    const again = await asAnn(['job', 'cancel', id]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain('has already ended');
    expect((await asAnn(['job', 'cancel', 'NOSUCHJOB'])).code).toBe(5);
  });

  it('lists the executors', async () => {
    const result = await asAnn(['job', 'executors', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ items: [{ name: 'local', default: true }] });
  });
});
