import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let ann: Record<string, string>;
let kim: Record<string, string>;
let bob: Record<string, string>;
let root: string;
const dirs = tempConfigDirs();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-request-'));
  server = await startTestServer({ listen: true });
  const system = { userId: null, username: null, ip: null };
  await server.server.auth.teams.create(system, { name: 'optics', title: 'Optics' });
  await server.server.auth.teams.create(system, { name: 'genomics', title: 'Genomics' });
  await server.createUser({ username: 'ann', teams: ['optics'] });
  await server.createUser({ username: 'bob', teams: ['genomics'] });
  await server.createUser({ username: 'kim', role: 'keeper' });
  ann = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  bob = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('bob') };
  kim = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('kim') };
});
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

const as = (env: Record<string, string>, args: string[], input?: string) =>
  plinth(args, { configDir: dirs.make(), env, input });

describe('plinth request', () => {
  it('files a request from flags and a description file, then a Keeper triages, answers and closes it', async () => {
    const details = join(root, 'details.md');
    writeFileSync(details, 'Jobs on **gpu** stay pending.\n');
    const filed = await as(ann, [
      'request',
      'new',
      '--title',
      'Cannot reach the GPU partition',
      '--category',
      'access',
      '--urgency',
      'high',
      '--description-file',
      details,
      '--entity',
      'component:default/ocean-model',
    ]);
    expect(filed.code, filed.stderr).toBe(0);
    const number = filed.stdout.trim();
    expect(number).toMatch(/^\d+$/);
    expect(filed.stderr).toContain(`Request #${number} filed`);

    const ls = await as(ann, ['request', 'ls']);
    expect(ls.stdout).toMatch(
      new RegExp(`#${number}\\s+new\\s+access\\s+optics\\s+-\\s+first response due in 2h\\s+Cannot reach`),
    );

    const triage = await as(kim, ['request', 'triage', number]);
    expect(triage.code, triage.stderr).toBe(0);
    expect(triage.stderr).toContain('assigned to kim');
    const early = await as(kim, ['request', 'close', number]);
    expect(early.code).toBe(6);
    expect(early.stderr).toContain('needs a reply');
    const closed = await as(kim, ['request', 'close', number, '--comment', 'You are in the gpu group now.']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stderr).toContain('is done');

    const show = await as(ann, ['request', 'show', `#${number}`]);
    expect(show.stdout).toContain('state       done');
    expect(show.stdout).toContain('kim (Keeper):\n    You are in the gpu group now.');
    const json = JSON.parse((await as(ann, ['request', 'show', number, '--json'])).stdout);
    expect(json).toMatchObject({ state: 'done', context: { entity: 'component:default/ocean-model' } });
  });

  it('comments from stdin, and another team cannot see the request', async () => {
    const filed = await as(ann, ['request', 'new', '--title', 'A question', '--category', 'help', '--json']);
    const number = String(JSON.parse(filed.stdout).number);
    const comment = await as(ann, ['request', 'comment', number], 'More details here\n');
    expect(comment.code, comment.stderr).toBe(0);
    const other = await as(bob, ['request', 'show', number]);
    expect(other.code).toBe(5);
    expect(other.stderr).toContain(`No request '${number}' that you may see`);
  });

  it('refuses a missing title outside a terminal, and an unknown category with its code', async () => {
    const missing = await as(ann, ['request', 'new', '--category', 'help']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--title and --category');
    const unknown = await as(ann, ['request', 'new', '--title', 'Snacks', '--category', 'snacks']);
    expect(unknown.code).toBe(7);
    expect(unknown.stderr).toContain("category: 'snacks' is not a category here");
  });
});
