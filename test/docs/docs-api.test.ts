import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createDocsRepo, FIRST_DAY_STEPS, PNG } from './docs-fixture.js';

describe.each(testDatabases())('Docs over the API on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  let ann: Caller;
  let bob: Caller;
  let repo: GitRepo;

  beforeAll(async () => {
    repo = createDocsRepo();
    writeFileSync(join(repo.dir, 'docs/images/diagram.png'), PNG);
    repo.commit('binary image');
    t = await startTestServer({ database, config: { platformRepo: repo.dir } });
    keeper = await bearer(t, t.adminUsername);
    await t.createUser({ username: 'ann' });
    await t.createUser({ username: 'bob' });
    ann = await bearer(t, 'ann');
    bob = await bearer(t, 'bob');
    const synced = await call(t, keeper, 'POST', '/api/catalog/locations/platform/sync');
    expect(synced.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    repo?.cleanup();
  });

  test('lists the platform docs and each entity that has docs, with their navigation', async () => {
    const body = (await call(t, ann, 'GET', '/api/docs-pages')).json();
    expect(body.items.map((s: { key: string }) => s.key)).toEqual([
      'platform',
      'component/default/climate-kit',
      'component/default/sneaky',
    ]);
    const platform = body.items[0];
    expect(platform.nav.map((i: { title: string; depth: number }) => `${i.depth}:${i.title}`)).toEqual(
      [
        '0:Welcome',
        '0:Guides',
        '1:Start here: your first day',
        '1:Use the old cluster',
        '0:Images',
        '0:Practices',
        '1:Handling secrets',
      ].filter((line) => line !== '0:Images'),
    );
    const kit = body.items[1];
    expect(kit).toMatchObject({ origin: 'entity', entityRef: 'component:default/climate-kit', pageCount: 2 });
    const only = (await call(t, ann, 'GET', '/api/docs-pages?entity=component:default/climate-kit')).json();
    expect(only.items).toHaveLength(1);
  });

  test('a page comes rendered with its table of contents, breadcrumbs, neighbours and last commit', async () => {
    const response = await call(t, ann, 'GET', '/api/docs-pages/platform/guides/first-day');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({
      title: 'Start here: your first day',
      type: 'guide',
      tags: ['onboarding'],
      owner: 'group:default/keepers',
      stale: false,
      file: 'guides/first-day.md',
      breadcrumbs: [
        { title: 'Platform docs', url: '/docs/platform' },
        { title: 'Guides', url: '/docs/platform/guides' },
      ],
      previous: { title: 'Guides', url: '/docs/platform/guides' },
      next: { title: 'Use the old cluster', url: '/docs/platform/guides/old-cluster' },
      lastCommit: { author: 'Kim Keeper' },
    });
    expect(page.toc.map((h: { id: string }) => h.id)).toEqual(FIRST_DAY_STEPS);
    expect(page.sections.map((s: { id: string | null }) => s.id)).toEqual([null, ...FIRST_DAY_STEPS]);
    expect(page.html).toContain('src="/api/docs-assets/platform/images/diagram.png"');
    expect(page.html).toContain('href="/catalog"');
    const index = (await call(t, ann, 'GET', '/api/docs-pages/platform')).json();
    expect(index.html).toContain('href="/docs/platform/guides/first-day"');
    const entityPage = (
      await call(t, ann, 'GET', '/api/docs-pages/component/default/climate-kit/usage')
    ).json();
    expect(entityPage.source).toMatchObject({
      entityRef: 'component:default/climate-kit',
      title: 'Climate Kit',
    });
    expect((await call(t, ann, 'GET', '/api/docs-pages/platform/nope')).json().code).toBe(
      'DOCS_PAGE_NOT_FOUND',
    );
  });

  test('each person ticks their own steps; progress is kept and completions are counted', async () => {
    const tick = (caller: Caller, step: string, done = true) =>
      call(t, caller, 'POST', '/api/docs-guides/progress', { page: 'platform/guides/first-day', step, done });
    expect((await tick(ann, 'sign-in')).json()).toMatchObject({
      done: ['sign-in'],
      steps: 3,
      completed: false,
    });
    await tick(ann, 'create-an-api-token');
    for (const step of FIRST_DAY_STEPS) await tick(bob, step);
    const annPage = (await call(t, ann, 'GET', '/api/docs-pages/platform/guides/first-day')).json();
    expect(annPage.progress).toEqual({
      done: ['sign-in', 'create-an-api-token'],
      steps: 3,
      completed: false,
      completedBy: 1,
      startedBy: 2,
    });
    const bobPage = (await call(t, bob, 'GET', '/api/docs-pages/platform/guides/first-day')).json();
    expect(bobPage.progress).toMatchObject({ completed: true, completedBy: 1 });
    expect((await tick(ann, 'sign-in', false)).json().done).toEqual(['create-an-api-token']);
    const mine = (await call(t, ann, 'GET', '/api/docs-guides/progress')).json();
    expect(mine.items[0]).toMatchObject({
      url: '/docs/platform/guides/first-day',
      progress: { done: ['create-an-api-token'] },
    });
    expect((await tick(ann, 'no-such-step')).json().code).toBe('DOCS_STEP_NOT_FOUND');
    const notGuide = await call(t, ann, 'POST', '/api/docs-guides/progress', {
      page: 'platform/practices/secrets',
      step: 'x',
      done: true,
    });
    expect(notGuide.json().code).toBe('DOCS_NOT_A_GUIDE');
    const audit = (await call(t, keeper, 'GET', '/api/audit?action=docs.step.*')).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(6);
  });

  test('a guide past its verified date plus the allowed age is flagged, and Keepers get the list', async () => {
    const old = (await call(t, ann, 'GET', '/api/docs-pages/platform/guides/old-cluster')).json();
    expect(old).toMatchObject({ stale: true, verified: '2020-01-01', maxAgeDays: 180 });
    const list = await call(t, keeper, 'GET', '/api/docs-guides/stale');
    expect(list.json().items.map((g: { url: string }) => g.url)).toEqual([
      '/docs/platform/guides/old-cluster',
    ]);
    expect(list.json().items[0].ageDays).toBeGreaterThan(2000);
    expect((await call(t, ann, 'GET', '/api/docs-guides/stale')).statusCode).toBe(403);
  });

  test('broken links, missing images and escapes are problems at file and line', async () => {
    const problems = (await call(t, ann, 'GET', '/api/docs-problems')).json().items;
    const seen = problems.map(
      (p: { code: string; file: string; line: number; source: { key: string } }) =>
        `${p.source.key} ${p.file}:${p.line} ${p.code}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'platform practices/secrets.md:9 DOCS_LINK_BROKEN',
        'platform practices/secrets.md:9 DOCS_IMAGE_MISSING',
        'platform practices/secrets.md:9 DOCS_PATH_OUTSIDE',
        'component/default/sneaky libs.yaml:1 DOCS_SOURCE_UNREADABLE',
      ]),
    );
    const page = (await call(t, ann, 'GET', '/api/docs-pages/platform/practices/secrets')).json();
    expect(page.html).not.toContain('etc/passwd');
    const onlyPlatform = (
      await call(t, ann, 'GET', '/api/docs-problems?source=platform&severity=error')
    ).json().items;
    expect(onlyPlatform.every((p: { source: { key: string } }) => p.source.key === 'platform')).toBe(true);
  });

  test('files of a docs folder are served safely; nothing outside it is', async () => {
    const image = await call(t, ann, 'GET', '/api/docs-assets/platform/images/diagram.png');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const html = await call(t, ann, 'GET', '/api/docs-assets/platform/images/page.html');
    expect(html.headers['content-type']).toBe('application/octet-stream');
    expect(html.headers['content-disposition']).toContain('attachment');
    for (const path of [
      'platform/../catalog/group.yaml',
      'platform/%2e%2e/catalog/group.yaml',
      'platform/guides/first-day.md',
      'platform/nope.png',
    ]) {
      expect((await call(t, ann, 'GET', `/api/docs-assets/${path}`)).statusCode).toBe(404);
    }
  });

  test('one search finds guides, practices and entities; a catalog change reaches it without a rebuild', async () => {
    const found = (await call(t, ann, 'GET', '/api/search?q=first%20day&facets=true')).json();
    expect(found.items[0]).toMatchObject({ type: 'guide', url: '/docs/platform/guides/first-day' });
    const kit = (await call(t, ann, 'GET', '/api/search?q=climate%20kit')).json();
    expect(kit.items.map((i: { id: string }) => i.id)).toContain('entity:component:default/climate-kit');
    repo.write(
      'catalog/more.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: pytorch, title: PyTorch }\nspec: { type: library, lifecycle: production, owner: climate }\n',
    );
    repo.commit('pytorch');
    await call(t, keeper, 'POST', '/api/catalog/locations/platform/sync');
    const typo = (await call(t, ann, 'GET', '/api/search?q=pytroch%20')).json();
    expect(typo.items[0]).toMatchObject({ id: 'entity:component:default/pytorch', title: 'PyTorch' });
    expect((await call(t, ann, 'GET', '/api/search?q=pytorch')).statusCode).toBe(200);
  });
});
