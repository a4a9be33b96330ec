import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let env: Record<string, string>;
let bobEnv: Record<string, string>;
let root: string;
const dirs = tempConfigDirs();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-services-'));
  server = await startTestServer({
    listen: true,
    config: { services: { vault: { key: Buffer.alloc(32, 3).toString('base64') } } },
  });
  await server.server.auth.teams.create(systemActor, { name: 'lab', title: 'Lab' });
  await server.createUser({ username: 'ann', teams: ['lab'] });
  await server.createUser({ username: 'bob' });
  env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  bobEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('bob') };
});
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

const asAnn = (args: string[], input?: string) => plinth(args, { configDir: dirs.make(), env, input });

it('plinth id prints one id per line, and --decode shows its parts', async () => {
  const run = await asAnn(['id', '-n', '3']);
  expect(run.code, run.stderr).toBe(0);
  const ids = run.stdout.trim().split('\n');
  expect(ids).toHaveLength(3);
  expect(new Set(ids).size).toBe(3);
  const uuids = await asAnn(['id', '--type', 'uuid7', '-n', '2']);
  expect(uuids.stdout.trim().split('\n')[0]).toMatch(/^[0-9a-f-]{36}$/);
  const decoded = await asAnn(['id', '--decode', ids[0] as string, '--json']);
  expect(JSON.parse(decoded.stdout)).toMatchObject({ id: ids[0], worker: expect.any(Number) });
});

it('plinth secret put, ls, get and rm work with a piped value; another team gets exit 4', async () => {
  const put = await asAnn(
    ['secret', 'put', 'lab/DB_PASSWORD', '--expires', '2099-12-31'],
    'hunter2-but-longer\n',
  );
  expect(put.code, put.stderr).toBe(0);
  expect(put.stdout).toBe('');
  const ls = await asAnn(['secret', 'ls']);
  expect(ls.stdout).toContain('lab/DB_PASSWORD');
  expect(ls.stdout).not.toContain('hunter2');
  const get = await asAnn(['secret', 'get', 'lab/DB_PASSWORD']);
  expect(get.stdout).toBe('hunter2-but-longer\n');
  const bob = await plinth(['secret', 'get', 'lab/DB_PASSWORD'], { configDir: dirs.make(), env: bobEnv });
  expect(bob.code).toBe(4);
  expect(bob.stderr).toContain("not a member of team 'lab'");
  const rm = await asAnn(['secret', 'rm', 'lab/DB_PASSWORD', '--yes']);
  expect(rm.code, rm.stderr).toBe(0);
  expect((await asAnn(['secret', 'get', 'lab/DB_PASSWORD'])).code).toBe(5);
});

it('plinth credential generates each type; an SSH key lands in files ssh-keygen reads', async () => {
  const password = await asAnn(['credential', 'password', '-l', '24']);
  expect(password.stdout.trim()).toHaveLength(24);
  expect(password.stderr).toMatch(/bits of entropy/);
  const key = join(root, 'id_test');
  const ssh = await asAnn(['credential', 'ssh-key', '-C', 'ann@cli', '-o', key]);
  expect(ssh.code, ssh.stderr).toBe(0);
  expect(statSync(key).mode & 0o777).toBe(0o600);
  expect(execFileSync('ssh-keygen', ['-l', '-f', `${key}.pub`]).toString()).toContain('ann@cli');
  const cert = await asAnn([
    'credential',
    'tls-cert',
    '--cn',
    'dev.local',
    '--san',
    'dev.local',
    '-o',
    join(root, 'dev'),
  ]);
  expect(cert.code, cert.stderr).toBe(0);
  expect(readFileSync(join(root, 'dev.crt'), 'utf8')).toContain('BEGIN CERTIFICATE');
  const stored = await asAnn(['credential', 'api-key', '-p', 'lab', '--store', 'lab/INSTRUMENT_KEY']);
  expect(stored.code, stored.stderr).toBe(0);
  expect(stored.stdout).toBe('');
  expect((await asAnn(['secret', 'get', 'lab/INSTRUMENT_KEY'])).stdout).toMatch(/^lab_[0-9A-Za-z]{36}\n$/);
});
