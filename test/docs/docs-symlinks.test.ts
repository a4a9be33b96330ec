import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { linkAt as link, writeFileAt as write } from '../helpers/file-tree.js';
import { CLIMATE_GROUP, createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

function entity(name: string, docs: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/techdocs-ref: dir:${docs}
spec: { type: library, lifecycle: production, owner: climate }
`;
}

describe.each(testDatabases())('docs and symbolic links, over HTTP on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let top: string;
  let platform: string;
  let team: string;
  let repo: GitRepo;
  let memberToken: string;
  let secretKey: string;

  /** What a member gets for a docs asset, through a real socket. */
  async function asset(path: string) {
    const response = await fetch(`${t.url}/api/docs-assets/${path}`, {
      headers: { authorization: `Bearer ${memberToken}` },
    });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  }

  async function expectNotServed(path: string) {
    const { status, body } = await asset(path);
    expect({ path, status }).toEqual({ path, status: 404 });
    expect(body.toString('latin1')).not.toContain(secretKey);
    expect(body.toString('latin1')).not.toContain('SQLite format 3');
  }

  const syncAll = async () => {
    for (const name of ['platform', 'team-folder', 'team-git'])
      expect((await call(t, keeper, 'POST', `/api/catalog/locations/${name}/sync`)).statusCode).toBe(200);
    expect((await call(t, keeper, 'POST', '/api/docs-pages/sync')).statusCode).toBe(200);
  };

  const problems = async (source: string) =>
    (await call(t, keeper, 'GET', `/api/docs-problems?source=${encodeURIComponent(source)}&limit=500`))
      .json()
      .items.map((p: { file: string; code: string; severity: string }) => `${p.file} ${p.code} ${p.severity}`)
      .sort();

  beforeAll(async () => {
    top = mkdtempSync(join(tmpdir(), 'plinth-docs-links-'));
    platform = join(top, 'platform');
    write(platform, 'catalog/group.yaml', CLIMATE_GROUP);
    write(platform, 'docs/index.md', '# Welcome\n\n![logo](img/logo.png)\n');
    write(platform, 'docs/img/logo.png', 'png');
    // Harmless files under the names the attack wants, so the first sync records them as assets.
    write(platform, 'docs/img/secret.key', 'placeholder');
    write(platform, 'docs/img/plinth.sqlite', 'placeholder');
    t = await startTestServer({ database, listen: true, config: { platformRepo: platform } });
    secretKey = readFileSync(join(t.dataDir, 'secret.key'), 'utf8').trim();
    expect(secretKey.length).toBeGreaterThan(20);
    keeper = await bearer(t, t.adminUsername);
    await t.createUser({ username: 'ann' });
    memberToken = await t.tokenFor('ann');

    team = join(top, 'team');
    write(
      team,
      'catalog-info.yaml',
      `${entity('kit', './docs')}---\n${entity('kit-linked', './linked-docs')}`,
    );
    write(team, 'docs/index.md', '# Kit\n');
    link(team, 'docs/img', t.dataDir);
    link(team, 'linked-docs', t.dataDir);
    repo = createGitRepo();
    repo.write('catalog-info.yaml', entity('git-kit', './docs'));
    repo.write('docs/index.md', '# Git kit\n');
    link(repo.dir, 'docs/img', t.dataDir);
    link(repo.dir, 'docs/key.png', '../../../../secret.key');
    repo.commit('docs with links');
    for (const [name, target] of [
      ['team-folder', team],
      ['team-git', repo.url],
    ]) {
      const created = await call(t, keeper, 'POST', '/api/catalog/locations', { name, target });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
    rmSync(top, { recursive: true, force: true });
  });

  test('a folder swapped for a link to the data dir after a sync serves nothing from it', async () => {
    await syncAll();
    expect((await asset('platform/img/secret.key')).body.toString()).toBe('placeholder');
    rmSync(join(platform, 'docs/img'), { recursive: true });
    symlinkSync(t.dataDir, join(platform, 'docs/img'));
    await expectNotServed('platform/img/secret.key');
    await expectNotServed('platform/img/plinth.sqlite');
  });

  test('links in the platform docs, file or folder, at any depth, are problems and never served', async () => {
    link(platform, 'docs/data', t.dataDir);
    link(platform, 'docs/guides/deep/files', relative(join(platform, 'docs/guides/deep'), t.dataDir));
    link(platform, 'docs/key.png', join(t.dataDir, 'secret.key'));
    link(platform, 'docs/chain', 'data');
    link(platform, 'docs/up', '../..');
    link(platform, 'docs/readme.md', 'index.md');
    await syncAll();
    expect(await problems('platform')).toEqual([
      'chain DOCS_SYMLINK error',
      'data DOCS_SYMLINK error',
      'guides/deep/files DOCS_SYMLINK error',
      'img DOCS_SYMLINK error',
      'index.md DOCS_IMAGE_MISSING error',
      'key.png DOCS_SYMLINK error',
      'readme.md DOCS_SYMLINK warning',
      'up DOCS_SYMLINK error',
    ]);
    for (const path of [
      'img/secret.key',
      'img/plinth.sqlite',
      'data/secret.key',
      'data/plinth.sqlite',
      'guides/deep/files/secret.key',
      'key.png',
      'chain/secret.key',
      `up/${relative(top, t.dataDir)}/secret.key`,
      'readme.md',
    ]) {
      await expectNotServed(`platform/${path}`);
    }
  });

  test('a team’s docs, from a folder or from git, follow no link either', async () => {
    expect(await problems('component/default/kit')).toEqual(['img DOCS_SYMLINK error']);
    const linked = (
      await call(t, keeper, 'GET', '/api/docs-problems?source=component/default/kit-linked')
    ).json().items;
    expect(linked).toEqual([
      expect.objectContaining({
        code: 'DOCS_SYMLINK',
        severity: 'error',
        message: 'linked-docs: a symbolic link leading outside the repository is not followed',
      }),
    ]);
    expect(await problems('component/default/git-kit')).toEqual([
      'img DOCS_SYMLINK error',
      'key.png DOCS_SYMLINK error',
    ]);
    for (const path of [
      'component/default/kit/img/secret.key',
      'component/default/kit/img/plinth.sqlite',
      'component/default/kit-linked/secret.key',
      'component/default/kit-linked/plinth.sqlite',
      'component/default/git-kit/img/secret.key',
      'component/default/git-kit/key.png',
    ]) {
      await expectNotServed(path);
    }
    const page = await call(t, keeper, 'GET', '/api/docs-pages/component/default/kit');
    expect(page.statusCode).toBe(200);
  });
});
