import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateRevision } from '../../src/catalog/index.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { moveProposal } from './proposal-fixture.js';

const demo = (file: string) =>
  readFileSync(new URL(`../../examples/platform/catalog/${file}`, import.meta.url), 'utf8');
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir }).toString().trim();

function technology(text: string, name: string) {
  return parseAllDocuments(text)
    .map(
      (d) =>
        d.toJS() as { kind: string; metadata: { name: string }; spec: { ring: string; history: unknown[] } },
    )
    .find((d) => d.kind === 'Technology' && d.metadata.name === name);
}

function platformRepo(): GitRepo {
  const repo = createGitRepo();
  repo.write('catalog/technologies.yaml', demo('technologies.yaml'));
  repo.write('catalog/org.yaml', demo('org.yaml'));
  repo.write('catalog/people.yaml', demo('people.yaml'));
  repo.commit('The platform repo');
  return repo;
}

async function acceptMove(t: TestServer, keeper: Caller) {
  await t.server.auth.teams.create(
    { userId: null, username: null, ip: null },
    { name: 'climate', title: 'Climate' },
  );
  await t.createUser({ username: 'ada', teams: ['climate'] });
  const ada = await bearer(t, 'ada');
  expect((await call(t, keeper, 'POST', '/api/catalog/locations/platform/sync')).statusCode).toBe(200);
  const proposal = (
    await call(t, ada, 'POST', '/api/proposals', moveProposal('python-3.13', 'adopt'))
  ).json();
  expect(proposal.number).toBe(1);
  await call(t, keeper, 'POST', '/api/proposals/1/votes', { choice: 'approve' });
  const decided = await call(t, keeper, 'POST', '/api/proposals/1/decision', {
    outcome: 'accepted',
    reason: 'Ready',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

function checkBranch(dir: string, branch: string, main: string) {
  expect(git(dir, 'rev-parse', 'main')).toBe(main);
  expect(git(dir, 'diff', '--name-only', 'main', branch)).toBe('catalog/technologies.yaml');
  expect(git(dir, 'log', '-1', '--format=%an <%ae>|%s', branch)).toBe(
    'Platform Keeper <admin@users.plinth.invalid>|Radar: Move Python 3.13 to Adopt (proposal #1)',
  );
  const text = git(dir, 'show', `${branch}:catalog/technologies.yaml`);
  const spec = technology(text, 'python-3.13')?.spec;
  expect(spec?.ring).toBe('adopt');
  expect(spec?.history.at(-1)).toMatchObject({
    ring: 'adopt',
    reason: expect.stringContaining('(proposal #1)'),
  });
  const files = ['technologies.yaml', 'org.yaml', 'people.yaml'].map((f) => ({
    path: f,
    text: f === 'technologies.yaml' ? text : git(dir, 'show', `${branch}:catalog/${f}`),
  }));
  expect(validateRevision(files).problems.filter((p) => p.severity === 'error')).toEqual([]);
}

describe('accepted proposals become a branch of the platform repo', () => {
  let repo: GitRepo;
  let t: TestServer;
  beforeAll(() => {
    repo = platformRepo();
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
  });

  test('a local repository gets the branch; main, the index and the work tree are untouched', async () => {
    const main = git(repo.dir, 'rev-parse', 'main');
    const before = readFileSync(join(repo.dir, 'catalog/technologies.yaml'), 'utf8');
    t = await startTestServer({ config: { platformRepo: repo.dir } });
    const decided = await acceptMove(t, await bearer(t, t.adminUsername));
    expect(decided.change).toMatchObject({ status: 'branch', branch: 'radar/1-python-3-13', pushed: false });
    checkBranch(repo.dir, 'radar/1-python-3-13', main);
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(repo.dir, 'catalog/technologies.yaml'), 'utf8')).toBe(before);
    const patch = await call(t, await bearer(t, 'ada'), 'GET', '/api/proposals/1/patch');
    expect(patch.body).toContain(`From ${decided.change.commit}`);
  });

  test('a new technology is appended to the catalog file on its own branch', async () => {
    const keeper = await bearer(t, t.adminUsername);
    const base = moveProposal('duckdb', 'trial');
    const created = await call(t, await bearer(t, 'ada'), 'POST', '/api/proposals', {
      ...base,
      kind: 'new',
      technology: undefined,
      name: 'duckdb',
      title: 'DuckDB',
      quadrant: 'tools',
      description: 'In-process analytical SQL over Parquet and Arrow files.',
      homepage: 'https://duckdb.org',
      owner: 'climate',
    });
    expect(created.statusCode, created.body).toBe(201);
    await call(t, keeper, 'POST', '/api/proposals/2/votes', { choice: 'approve' });
    const decided = (
      await call(t, keeper, 'POST', '/api/proposals/2/decision', { outcome: 'accepted', reason: 'Useful' })
    ).json();
    expect(decided.change).toMatchObject({
      status: 'branch',
      branch: 'radar/2-duckdb',
      file: 'catalog/technologies.yaml',
    });
    const text = git(repo.dir, 'show', 'radar/2-duckdb:catalog/technologies.yaml');
    expect(text.startsWith(git(repo.dir, 'show', 'main:catalog/technologies.yaml'))).toBe(true);
    expect(technology(text, 'duckdb')?.spec).toMatchObject({ ring: 'trial', history: [{ ring: 'trial' }] });
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
  });
});

describe('with a git URL as the platform repo', () => {
  let repo: GitRepo;
  let t: TestServer;
  beforeAll(() => {
    repo = platformRepo();
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
  });

  test('the branch is pushed to the remote, and main there is untouched', async () => {
    const main = git(repo.dir, 'rev-parse', 'main');
    t = await startTestServer({ config: { platformRepo: `file://${repo.dir}` } });
    for (let i = 0; i < 100 && !existsSync(join(t.dataDir, 'platform-repo', '.git')); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const decided = await acceptMove(t, await bearer(t, t.adminUsername));
    expect(decided.change).toMatchObject({ status: 'branch', branch: 'radar/1-python-3-13', pushed: true });
    checkBranch(repo.dir, 'radar/1-python-3-13', main);
  });
});
