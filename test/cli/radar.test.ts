import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { moveProposal } from '../radar/proposal-fixture.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let ann: Record<string, string>;
let keeper: Record<string, string>;
let root: string;
const dirs = tempConfigDirs();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-radar-'));
  server = await startTestServer({ listen: true, config: { platformRepo: 'examples/platform' } });
  await server.server.auth.teams.create(
    { userId: null, username: null, ip: null },
    { name: 'climate', title: 'Climate' },
  );
  await server.createUser({ username: 'ann', teams: ['climate'] });
  await server.server.catalog.sync.syncAll();
  ann = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  keeper = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
});
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

const as = (env: Record<string, string>, args: string[]) => plinth(args, { configDir: dirs.make(), env });

describe('plinth radar', () => {
  it('lists technologies as a table, filtered, and as JSON', async () => {
    const ls = await as(ann, ['radar', 'ls', '--quadrant', 'platforms']);
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout.split('\n')[0]).toMatch(/^#\s+NAME\s+QUADRANT\s+RING\s+MOVED$/);
    expect(ls.stdout).toMatch(/\d+\s+slurm\s+platforms\s+adopt\s+-/);
    expect(ls.stdout).not.toContain('tools');
    const json = JSON.parse((await as(ann, ['radar', 'ls', '--ring', 'hold', '--json'])).stdout);
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((b: { ring: string }) => b.ring === 'hold')).toBe(true);
    const bad = await as(ann, ['radar', 'ls', '--quadrant', 'nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the quadrants are languages-frameworks, tools, platforms, techniques');
  });

  it('shows a technology with its history', async () => {
    const show = await as(ann, ['radar', 'show', 'python-3.13']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/ring\s+trial/);
    expect(show.stdout).toMatch(/2026-03-23\s+trial\s+seq-embed and fold-sampler/);
    const missing = await as(ann, ['radar', 'show', 'cobol']);
    expect(missing.code).toBe(5);
  });

  it('proposes from a file, refuses a bad one at its field, then votes and decides', async () => {
    const path = join(root, 'proposal.yaml');
    writeFileSync(path, stringify(moveProposal('python-3.13', 'adopt')));
    const proposed = await as(ann, ['radar', 'propose', '--file', path]);
    expect(proposed.code, proposed.stderr).toBe(0);
    const number = proposed.stdout.trim();
    expect(number).toMatch(/^\d+$/);

    const broken = join(root, 'broken.yaml');
    writeFileSync(broken, stringify({ ...moveProposal('python-3.13', 'adopt'), summary: 'x' }));
    const refused = await as(ann, ['radar', 'propose', '--file', broken]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain('summary');
    writeFileSync(broken, 'kind: [move\n');
    expect((await as(ann, ['radar', 'propose', '--file', broken])).stderr).toMatch(/broken\.yaml:\d+:\d+/);

    const early = await as(keeper, ['radar', 'decide', number, 'accept', '--reason', 'ready']);
    expect(early.code).toBe(6);
    expect(early.stderr).toContain('Keeper approval');
    expect((await as(keeper, ['radar', 'vote', number, 'approve'])).code).toBe(0);
    const decided = await as(keeper, ['radar', 'decide', number, 'accept', '--reason', 'ready']);
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toMatch(/state\s+accepted/);
    const show = await as(ann, ['radar', 'show', number, '--json']);
    expect(JSON.parse(show.stdout).decision).toMatchObject({ outcome: 'accepted', reason: 'ready' });
  });

  it('proposes from flags without a terminal, leaving the server to name what is missing', async () => {
    const flags = await as(ann, [
      'radar',
      'propose',
      '--move',
      'uv',
      '--ring',
      'hold',
      '--summary',
      'Too early to say',
    ]);
    expect(flags.code).toBe(7);
    expect(flags.stderr).toContain('criteria.marketPresence.text');
  });
});
