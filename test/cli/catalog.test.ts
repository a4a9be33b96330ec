import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { CLIMATE_GROUP, component, createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

// The platform repo of the server under test: a valid group and two libraries, and one broken file.
const LIBS = `${component('climate-kit')}---\n${component('downscaler', '  dependsOn: [component:climate-kit]')}`;
const BROKEN = component('broken').replace('  owner: climate\n', '');

let server: TestServer;
let keeperEnv: Record<string, string>;
let root: string;
let repo: GitRepo;
const dirs = tempConfigDirs();

function writeFolder(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-catalog-'));
  const platform = join(root, 'platform');
  writeFolder(join(platform, 'catalog'), {
    'group.yaml': CLIMATE_GROUP,
    'libs.yaml': LIBS,
    'broken.yaml': BROKEN,
  });
  server = await startTestServer({ listen: true, config: { platformRepo: platform } });
  await server.server.catalog.locations.syncNow(systemActor, 'platform');
  keeperEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
  repo = createGitRepo();
  repo.write('catalog/plotter.yaml', component('plotter'));
  repo.commit('first catalog');
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

/** Runs the CLI as the first Keeper, through PLINTH_URL/PLINTH_TOKEN as CI would. */
const asKeeper = (args: string[]) => plinth(args, { configDir: dirs.make(), env: keeperEnv });
/** Runs the CLI with no server, no token and an empty config folder. */
const offline = (args: string[]) => plinth(args, { configDir: dirs.make() });

describe('plinth catalog validate (offline)', () => {
  it('prints each problem as file:line:col CODE message and exits 1, with no server or credentials', async () => {
    const folder = join(root, 'platform', 'catalog');
    const result = await offline(['catalog', 'validate', folder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^${folder}/broken\\.yaml:\\d+:\\d+ CATALOG_[A-Z_]+ \\S.*owner`, 'm'),
    );
    expect(result.stderr).toContain('1 error');
    expect(result.stderr).not.toContain('not signed in');
  });

  it('exits 0 for a valid folder and prints the counts on stderr', async () => {
    const folder = writeFolder(join(root, 'valid'), { 'group.yaml': CLIMATE_GROUP, 'libs.yaml': LIBS });
    const result = await offline(['catalog', 'validate', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('3 entities, 0 errors, 0 warnings');
  });

  it('prints the problems and counts as JSON with --json', async () => {
    const result = await offline(['catalog', 'validate', join(root, 'platform', 'catalog'), '--json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { errors: number; problems: { code: string; line: number }[] };
    expect(body.errors).toBeGreaterThan(0);
    expect(body.problems[0]).toMatchObject({
      code: expect.stringMatching(/^CATALOG_/),
      line: expect.any(Number),
    });
  });
});

describe('plinth catalog ls / get / problems', () => {
  it('lists the synced components as JSON', async () => {
    const result = await asKeeper(['catalog', 'ls', '--kind', 'component', '--json']);
    expect(result.code).toBe(0);
    const page = JSON.parse(result.stdout) as { items: { ref: string }[]; total: number };
    expect(page.items.map((entity) => entity.ref).sort()).toEqual([
      'component:default/climate-kit',
      'component:default/downscaler',
    ]);
    expect(page.total).toBe(2);
  });

  it('lists a table and says how many of how many, and how to get more', async () => {
    const result = await asKeeper(['catalog', 'ls', '--limit', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/REF\s+TITLE\s+TYPE\s+OWNER\s+LIFECYCLE/);
    expect(result.stderr).toMatch(/Showing 1 of 3 entities\. Add --all/);
  });

  it('shows an entity with its source and relations grouped by type', async () => {
    const result = await asKeeper(['catalog', 'get', 'component:default/downscaler']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('libs.yaml:');
    expect(result.stdout).toMatch(/ {2}dependsOn\n {4}component:default\/climate-kit \(CLIMATE-KIT\)/);
    expect(result.stdout).toMatch(/ {2}ownedBy\n {4}group:default\/climate/);
  });

  it('prints the raw YAML document with --yaml', async () => {
    const result = await asKeeper(['catalog', 'get', 'component:downscaler', '--yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kind: Component');
    expect(result.stdout).toContain('name: downscaler');
    expect(result.stdout).not.toContain('name: climate-kit');
  });

  it('exits 5 for an unknown entity, and 2 for a ref without a kind', async () => {
    const [unknown, noKind] = await Promise.all([
      asKeeper(['catalog', 'get', 'component:default/nowhere']),
      asKeeper(['catalog', 'get', 'nowhere']),
    ]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('plinth catalog ls --q nowhere');
    expect(noKind.code).toBe(2);
  });

  it('lists problems under their location and exits 0, or 1 with --fail-on-problems', async () => {
    const [listing, failing] = await Promise.all([
      asKeeper(['catalog', 'problems']),
      asKeeper(['catalog', 'problems', '--fail-on-problems']),
    ]);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toMatch(/^platform:\n {2}broken\.yaml:\d+:\d+ CATALOG_[A-Z_]+ /);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/the catalog has problems: \d+ errors?/);
  });
});

describe('plinth catalog locations / sync', () => {
  it('adds a git location, syncs a new commit and shows its history', async () => {
    const added = await asKeeper([
      'catalog',
      'locations',
      'add',
      'team-repo',
      repo.url,
      '--path',
      'catalog',
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      location: { name: 'team-repo', reader: 'git' },
      revision: { outcome: 'applied', added: 1 },
    });
    repo.write('catalog/mapper.yaml', component('mapper'));
    const sha = repo.commit('add mapper');
    const synced = await asKeeper(['catalog', 'sync', 'team-repo']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(
      new RegExp(
        `^team-repo: applied ${sha.slice(0, 7)} — 1 added, 0 changed, 0 removed, \\d+ problems?\\n$`,
      ),
    );
    const history = await asKeeper(['catalog', 'locations', 'history', 'team-repo', '--json']);
    expect(history.code).toBe(0);
    const page = JSON.parse(history.stdout) as { items: { sha: string; added: number }[] };
    expect(page.items.map((revision) => revision.sha)).toEqual([sha, expect.any(String)]);
  });

  it('syncs every location when none is named, listing them first', async () => {
    const result = await asKeeper(['catalog', 'sync']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Syncing 2 locations: (platform, team-repo|team-repo, platform)/);
    expect(result.stdout).toMatch(/^platform: applied — /m);
  });

  it('reports a failed sync on its line, runs the others, and exits 1', async () => {
    const result = await asKeeper(['catalog', 'sync', 'no-such-place', 'platform', '--json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { items: { name: string; outcome: string }[] };
    expect(body.items).toEqual([
      expect.objectContaining({ name: 'no-such-place', outcome: 'failed' }),
      expect.objectContaining({ name: 'platform', outcome: 'applied' }),
    ]);
  });

  it('lists locations, and removes only those added through the API', async () => {
    const list = await asKeeper(['catalog', 'locations', '--json']);
    const names = (JSON.parse(list.stdout) as { items: { name: string }[] }).items.map((l) => l.name);
    expect(names.sort()).toEqual(['platform', 'team-repo']);
    const fromConfig = await asKeeper(['catalog', 'locations', 'rm', 'platform', '--yes']);
    expect(fromConfig.code).toBe(6);
    expect((await asKeeper(['catalog', 'locations', 'rm', 'team-repo'])).code).toBe(2);
    expect((await asKeeper(['catalog', 'locations', 'rm', 'team-repo', '--yes'])).code).toBe(0);
    expect((await asKeeper(['catalog', 'locations', 'history', 'team-repo'])).code).toBe(5);
  });

  it('exits 4 when a member adds a location', async () => {
    const member = await server.createUser({ username: 'catalog-member' });
    const env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(member.username) };
    const args = ['catalog', 'locations', 'add', 'mine', repo.url];
    const result = await plinth(args, { configDir: dirs.make(), env });
    expect(result.code).toBe(4);
  });
});
