import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { CLIMATE_GROUP, component, createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const refsOf = (body: { items: { ref: string }[] }) => body.items.map((e) => e.ref).sort();

describe.each(testDatabases())('GitOps: a git location synced revision by revision on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let repo: GitRepo;
  const sync = async () => (await call(t, keeper, 'POST', '/api/catalog/locations/team-repo/sync')).json();
  const list = async () => (await call(t, keeper, 'GET', '/api/catalog/entities?limit=500')).json();

  beforeAll(async () => {
    t = await startTestServer({ database });
    keeper = await bearer(t, t.adminUsername);
    repo = createGitRepo();
    repo.write('catalog/group.yaml', CLIMATE_GROUP);
    repo.write(
      'catalog/libs.yaml',
      `${component('climate-kit')}---\n${component('downscaler', '  dependsOn: [component:climate-kit]')}`,
    );
    repo.commit('first catalog');
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
  });

  test('adding a location syncs it and records the commit', async () => {
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'team-repo',
      target: repo.url,
      path: 'catalog',
    });
    expect(created.statusCode).toBe(201);
    const { location, revision } = created.json();
    expect(location).toMatchObject({
      reader: 'git',
      entityCount: 3,
      problemCount: 0,
      lastSync: { status: 'ok' },
    });
    expect(location.commit).toMatchObject({
      message: 'first catalog',
      author: 'Kim Keeper <kim@meridian.example>',
    });
    expect(revision).toMatchObject({ outcome: 'applied', added: 3, changed: 0, removed: 0 });
    expect(refsOf(await list())).toEqual([
      'component:default/climate-kit',
      'component:default/downscaler',
      'group:default/climate',
    ]);
  });

  test('relations are computed in both directions', async () => {
    const entity = (
      await call(t, keeper, 'GET', '/api/catalog/entities/component/default/climate-kit')
    ).json();
    expect(entity.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', target: 'group:default/climate', targetTitle: 'climate', exists: true },
        {
          type: 'dependencyOf',
          target: 'component:default/downscaler',
          targetTitle: 'DOWNSCALER',
          exists: true,
        },
      ]),
    );
    expect(entity.source).toMatchObject({ location: { name: 'team-repo' }, file: 'libs.yaml', line: 1 });
    const group = (await call(t, keeper, 'GET', '/api/catalog/entities/group/default/climate')).json();
    expect(group.relations.filter((r: { type: string }) => r.type === 'ownerOf')).toHaveLength(2);
  });

  test('a change, an addition and a removal in one commit are applied exactly', async () => {
    repo.write(
      'catalog/libs.yaml',
      `${component('climate-kit', '  system: none-yet').replace('production', 'deprecated')}`,
    );
    repo.write('catalog/new.yaml', component('plotter'));
    const sha = repo.commit('deprecate climate-kit, drop downscaler, add plotter');
    const { location, revision } = await sync();
    expect(location.commit.sha).toBe(sha);
    expect(revision).toMatchObject({ added: 1, changed: 1, removed: 1 });
    expect(refsOf(await list())).toEqual([
      'component:default/climate-kit',
      'component:default/plotter',
      'group:default/climate',
    ]);
    const kit = (await call(t, keeper, 'GET', '/api/catalog/entities/component/default/climate-kit')).json();
    expect(kit.lifecycle).toBe('deprecated');
  });

  test('a broken entity is reported at file and line; the valid ones are applied', async () => {
    repo.write(
      'catalog/new.yaml',
      `${component('plotter')}---\n${component('broken').replace('  owner: climate\n', '')}`,
    );
    repo.commit('add a broken entity');
    const { location } = await sync();
    expect(location.lastSync.status).toBe('ok');
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems?location=team-repo')).json().items;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'new.yaml',
        code: 'CATALOG_SCHEMA',
        severity: 'error',
        entityRef: 'component:default/broken',
      }),
    );
    expect(problems[0].line).toBeGreaterThan(1);
    expect(refsOf(await list())).not.toContain('component:default/broken');
    // The dangling reference of climate-kit (system: none-yet) is reported where it is written.
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'CATALOG_DANGLING_REF', file: 'libs.yaml', field: 'spec.system' }),
    );
  });

  test('an unreadable repository keeps the last good revision and says why', async () => {
    const before = refsOf(await list());
    await t.server.database.db
      .updateTable('catalog_locations')
      .set({ target: `${repo.url}-moved` })
      .where('name', '=', 'team-repo')
      .execute();
    const { location, revision } = await sync();
    expect(location.lastSync).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('git fetch failed'),
    });
    expect(revision.outcome).toBe('failed');
    expect(refsOf(await list())).toEqual(before);
    await t.server.database.db
      .updateTable('catalog_locations')
      .set({ target: repo.url })
      .where('name', '=', 'team-repo')
      .execute();
  });

  test('a git revert brings the previous revision back', async () => {
    repo.revert();
    await sync();
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems?location=team-repo')).json().items;
    expect(problems.filter((p: { code: string }) => p.code === 'CATALOG_SCHEMA')).toEqual([]);
    const history = (await call(t, keeper, 'GET', '/api/catalog/locations/team-repo/revisions')).json().items;
    expect(history.map((r: { outcome: string }) => r.outcome)).toEqual([
      'applied',
      'failed',
      'applied',
      'applied',
      'applied',
    ]);
    expect(history[0].message).toMatch(/^Revert "add a broken entity"/);
  });

  test('an entity already defined by another location is a duplicate, not an overwrite', async () => {
    const other = createGitRepo();
    other.write('plotter.yaml', component('plotter').replace('title: PLOTTER', 'title: Impostor'));
    other.commit('same name');
    const created = await call(t, keeper, 'POST', '/api/catalog/locations', {
      name: 'other-repo',
      target: other.url,
    });
    expect(created.json().location.problemCount).toBe(1);
    const plotter = (await call(t, keeper, 'GET', '/api/catalog/entities/component/default/plotter')).json();
    expect(plotter.title).toBe('PLOTTER');
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems?location=other-repo')).json().items;
    expect(problems[0]).toMatchObject({ code: 'CATALOG_DUPLICATE_REF', file: 'plotter.yaml', line: 4 });
    other.cleanup();
  });

  test('removing a location removes its entities', async () => {
    expect((await call(t, keeper, 'DELETE', '/api/catalog/locations/team-repo')).statusCode).toBe(204);
    expect(refsOf(await list())).not.toContain('component:default/climate-kit');
  });
});
