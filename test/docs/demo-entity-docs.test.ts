import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const DOWNSCALER = 'component:default/downscaler';
const SEQ_EMBED = 'component:default/seq-embed';

describe.each(testDatabases())('the demo platform repo’s entity docs on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;

  beforeAll(async () => {
    t = await startTestServer({ database, config: { platformRepo: 'examples/platform' } });
    keeper = await bearer(t, t.adminUsername);
    expect((await call(t, keeper, 'POST', '/api/catalog/locations/platform/sync')).statusCode).toBe(200);
    expect((await call(t, keeper, 'POST', '/api/docs-pages/sync')).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the downscaler and seq-embed bring their docs from folders beside the catalog', async () => {
    const downscaler = (await call(t, keeper, 'GET', `/api/docs-pages?entity=${DOWNSCALER}`)).json();
    expect(downscaler.items).toHaveLength(1);
    expect(downscaler.items[0]).toMatchObject({
      key: 'component/default/downscaler',
      origin: 'entity',
      entityRef: DOWNSCALER,
      pageCount: 2,
      problemCount: 0,
    });
    expect(downscaler.items[0].nav.map((i: { title: string }) => i.title)).toEqual([
      'Regional downscaler',
      'Run a scenario',
    ]);
    const seqEmbed = (await call(t, keeper, 'GET', `/api/docs-pages?entity=${SEQ_EMBED}`)).json();
    expect(seqEmbed.items[0]).toMatchObject({ entityRef: SEQ_EMBED, pageCount: 1, problemCount: 0 });
  });

  test('the downscaler’s first page renders with a link to the next one, and nothing is broken', async () => {
    const page = (await call(t, keeper, 'GET', '/api/docs-pages/component/default/downscaler')).json();
    expect(page).toMatchObject({ title: 'Regional downscaler', type: 'doc', file: 'index.md' });
    expect(page.source.entityRef).toBe(DOWNSCALER);
    expect(page.html).toContain('Reference decades');
    expect(page.html).toContain('href="/docs/component/default/downscaler/run-a-scenario"');
    expect(page.next).toEqual({
      title: 'Run a scenario',
      url: '/docs/component/default/downscaler/run-a-scenario',
    });
    for (const source of ['component/default/downscaler', 'component/default/seq-embed']) {
      const problems = (await call(t, keeper, 'GET', `/api/docs-problems?source=${source}`)).json();
      expect(problems.items).toEqual([]);
    }
  });

  test('the Markdown files are not read as catalog entities', async () => {
    const problems = (await call(t, keeper, 'GET', '/api/catalog/problems?location=platform')).json();
    expect(problems.items).toEqual([]);
  });
});
