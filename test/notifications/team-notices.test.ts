import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const groups =
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: lab }\nspec: { type: team, children: [] }\n---\n' +
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: optics }\nspec: { type: team, children: [] }\n';
const entity = (name: string, owner: string, dependsOn: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\n` +
  `spec: { type: service, lifecycle: production, owner: ${owner}, dependsOn: [${dependsOn.join(', ')}] }\n`;

describe.each(testDatabases())('notices other domains send (%s)', (database) => {
  let t: TestServer;
  let ann: Caller;
  let ben: Caller;
  let out: Caller;
  const folder = mkdtempSync(join(tmpdir(), 'plinth-notice-catalog-'));

  beforeAll(async () => {
    t = await startTestServer({
      database,
      config: { services: { vault: { key: randomBytes(32).toString('base64') } } },
    });
    for (const team of ['lab', 'optics']) {
      await t.server.auth.teams.create(systemActor, { name: team, title: team });
    }
    await t.createUser({ username: 'ann', teams: ['lab'] });
    await t.createUser({ username: 'ben', teams: ['lab'] });
    await t.createUser({ username: 'olga', teams: ['optics'] });
    ann = await bearer(t, 'ann');
    ben = await bearer(t, 'ben');
    out = await bearer(t, 'olga');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const titles = async (caller: Caller, topic: string) =>
    (await call(t, caller, 'GET', '/api/notifications?limit=100'))
      .json()
      .items.filter((i: { topic: string }) => i.topic === topic)
      .map((i: { title: string; body: string; link: string }) => i);

  test('new catalog problems reach the owning team once per revision; known ones are not told again', async () => {
    writeFileSync(
      join(folder, 'a.yaml'),
      `${entity('pump', 'lab', ['component:default/missing-one', 'component:default/missing-two'])}---\n${entity('lens', 'optics', [])}`,
    );
    writeFileSync(join(folder, 'groups.yaml'), groups);
    const location = await t.server.catalog.locations.create(systemActor, {
      name: 'notices',
      target: folder,
    });
    await t.server.catalog.sync.sync(location);
    const [first] = await titles(ann, 'catalog.problems');
    expect(first).toMatchObject({
      title: "2 new problems in your team's catalog entities",
      link: '/',
    });
    expect(first.body).toContain('component:default/pump');
    expect(await titles(ben, 'catalog.problems')).toHaveLength(1);
    expect(await titles(out, 'catalog.problems')).toHaveLength(0);

    // The same problems, moved down a line, plus one new: only the new one is told.
    writeFileSync(
      join(folder, 'a.yaml'),
      `# moved\n${entity('pump', 'lab', ['component:default/missing-one', 'component:default/missing-two', 'component:default/missing-three'])}`,
    );
    await t.server.catalog.sync.sync(location);
    const after = await titles(ann, 'catalog.problems');
    expect(after).toHaveLength(2);
    expect(after[0].title).toBe("1 new problem in your team's catalog entities");
    expect(after[0].body).toContain('missing-three');

    // Nothing changed: nothing told.
    await t.server.catalog.sync.sync(location);
    expect(await titles(ann, 'catalog.problems')).toHaveLength(2);
  });

  test('a vault secret about to expire is told to its team, once', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const put = await call(t, ann, 'PUT', '/api/secrets/lab/API_TOKEN', { value: 'x', expiresAt: soon });
    expect(put.statusCode).toBe(201);
    await t.server.services.vault.remindExpiring();
    await t.server.services.vault.remindExpiring();
    for (const caller of [ann, ben]) {
      const [notice, more] = await titles(caller, 'vault.expiry');
      expect(notice).toMatchObject({
        title: `Secret API_TOKEN of team lab expires on ${soon.slice(0, 10)}`,
        link: '/services/vault',
      });
      expect(more).toBeUndefined();
    }
    expect(await titles(out, 'vault.expiry')).toHaveLength(0);
  });
});
