import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { linkAt as link, writeFileAt as write } from '../helpers/file-tree.js';
import { CLIMATE_GROUP, component, createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Entities that only exist outside the locations: seeing one in the catalog means a link was followed. */
const STOLEN = ['component:default/stolen', 'component:default/stolen-file'];

/**
 * The catalog files of a team, with every kind of link: to a folder and to a file outside, a
 * folder two levels down, a link to a link, a link to `..`, and links that stay inside.
 */
function plantLinks(root: string, server: string): void {
  write(root, 'catalog/group.yaml', CLIMATE_GROUP);
  write(root, 'catalog/kit.yaml', component('climate-kit'));
  link(root, 'catalog/outside', join(server, 'stolen'));
  link(root, 'catalog/nested/deeper/up', '../../../../server/stolen');
  link(root, 'catalog/secret.yaml', join(server, 'secret.yaml'));
  link(root, 'catalog/chain.yaml', 'secret.yaml');
  link(root, 'catalog/parent', '..');
  link(root, 'catalog/mirror.yaml', 'kit.yaml');
}

describe.each(testDatabases())('catalog readers and symbolic links on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let top: string;
  let repo: GitRepo;
  const refs = async () =>
    (await call(t, keeper, 'GET', '/api/catalog/entities?limit=500'))
      .json()
      .items.map((e: { ref: string }) => e.ref)
      .sort();
  const problems = async (location: string) =>
    (await call(t, keeper, 'GET', `/api/catalog/problems?location=${location}`))
      .json()
      .items.map((p: { file: string; code: string; severity: string }) => `${p.file} ${p.code} ${p.severity}`)
      .sort();

  beforeAll(async () => {
    t = await startTestServer({ database });
    keeper = await bearer(t, t.adminUsername);
    top = mkdtempSync(join(tmpdir(), 'plinth-links-'));
    write(top, 'server/stolen/catalog-info.yaml', component('stolen'));
    write(top, 'server/secret.yaml', component('stolen-file'));
    plantLinks(join(top, 'team'), join(top, 'server'));
    link(join(top, 'team'), 'linked', join(top, 'server'));
    repo = createGitRepo();
    // Git stores each link as a link: the commit holds the same attack as the folder.
    plantLinks(repo.dir, join(top, 'server'));
    repo.commit('links');
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
    rmSync(top, { recursive: true, force: true });
  });

  test('a folder location follows no link, and reports each at its path', async () => {
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'team-folder',
      target: join(top, 'team'),
      path: 'catalog',
    });
    expect(created.statusCode).toBe(201);
    expect(await refs()).toEqual(['component:default/climate-kit', 'group:default/climate']);
    expect(await problems('team-folder')).toEqual([
      'chain.yaml CATALOG_SYMLINK error',
      'mirror.yaml CATALOG_SYMLINK warning',
      'nested/deeper/up CATALOG_SYMLINK error',
      'outside CATALOG_SYMLINK error',
      'parent CATALOG_SYMLINK warning',
      'secret.yaml CATALOG_SYMLINK error',
    ]);
    const all = (await call(t, keeper, 'GET', '/api/catalog/problems?location=team-folder')).json().items;
    expect(all).toContainEqual(
      expect.objectContaining({
        file: 'outside',
        line: 1,
        message: 'outside: a symbolic link leading outside the folder is not followed',
      }),
    );
  });

  test('a folder location whose folder is a link is not read at all', async () => {
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'team-linked',
      target: join(top, 'team'),
      path: 'linked',
    });
    expect(created.json().location.lastSync).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('linked: a symbolic link leading outside the folder is not followed'),
    });
    expect(await refs()).not.toEqual(expect.arrayContaining([STOLEN[0]]));
  });

  test('a git location reads no link blob as a file, and reports each link at its path', async () => {
    await call(t, keeper, 'DELETE', '/api/catalog/locations/team-folder');
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'team-git',
      target: repo.url,
      path: 'catalog',
    });
    expect(created.json().location.lastSync.status).toBe('ok');
    const found = await refs();
    expect(found).toEqual(['component:default/climate-kit', 'group:default/climate']);
    // Git keeps only a link's text; a link is judged by where that text leads.
    expect(await problems('team-git')).toEqual([
      'chain.yaml CATALOG_SYMLINK warning',
      'mirror.yaml CATALOG_SYMLINK warning',
      'nested/deeper/up CATALOG_SYMLINK error',
      'outside CATALOG_SYMLINK error',
      'parent CATALOG_SYMLINK warning',
      'secret.yaml CATALOG_SYMLINK error',
    ]);
  });
});
