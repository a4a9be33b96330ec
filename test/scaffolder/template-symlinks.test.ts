import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { linkAt as link, writeFileAt as write } from '../helpers/file-tree.js';
import { CLIMATE_GROUP } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const OUTSIDE = 'outside-the-repository-4b9d';

/** A template that renders its skeleton and writes it to disk as a git repository. */
function template(root: string, name: string): string {
  const folder = join(root, 'templates', name);
  write(
    folder,
    'template.yaml',
    `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: ${name}
spec:
  type: project
  owner: climate
  steps:
    - id: render
      action: template:render
      input: { url: ./skeleton }
    - id: git
      action: git:init
`,
  );
  write(folder, 'skeleton/README.md', `# ${name}\n`);
  return folder;
}

/** Every file under `dir`, read whole (links are not followed: none should be there). */
function allText(dir: string): string {
  let text = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += readFileSync(join(entry.parentPath, entry.name), 'latin1');
  }
  return text;
}

describe.each(testDatabases())('templates and symbolic links on %s', (database) => {
  let t: TestServer;
  let ann: Caller;
  let top: string;
  let platform: string;
  let secretKey: string;

  const dryRun = (name: string) =>
    call(t, ann, 'POST', `/api/templates/default/${name}/dry-run`, { parameters: {} });

  beforeAll(async () => {
    top = mkdtempSync(join(tmpdir(), 'plinth-template-links-'));
    platform = join(top, 'platform');
    write(platform, 'catalog/group.yaml', CLIMATE_GROUP);
    for (const name of ['folder-link', 'file-link', 'skeleton-link', 'inside-link', 'swapped', 'plain'])
      template(platform, name);
    write(top, 'elsewhere/template.yaml', 'not read');
    write(top, 'elsewhere/skeleton/stolen.txt', OUTSIDE);
    t = await startTestServer({ database, config: { platformRepo: platform } });
    secretKey = readFileSync(join(t.dataDir, 'secret.key'), 'utf8').trim();
    const skeleton = (name: string) => join(platform, 'templates', name, 'skeleton');
    link(skeleton('folder-link'), 'src/deep/config', t.dataDir);
    link(skeleton('file-link'), 'key.txt', '../../../../elsewhere/skeleton/stolen.txt');
    link(skeleton('file-link'), 'again.txt', 'key.txt');
    rmSync(skeleton('skeleton-link'), { recursive: true });
    link(join(platform, 'templates', 'skeleton-link'), 'skeleton', t.dataDir);
    link(skeleton('inside-link'), 'copy.md', 'README.md');
    await t.server.catalog.locations.syncNow(systemActor, 'templates');
    await t.createUser({ username: 'ann' });
    ann = await bearer(t, 'ann');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(top, { recursive: true, force: true });
  });

  test('a skeleton without links renders (the templates are found)', async () => {
    const response = await dryRun('plain');
    expect(response.statusCode).toBe(200);
    expect(response.json().files.map((f: { path: string }) => f.path)).toEqual(['README.md']);
  });

  test.each([
    [
      'folder-link',
      'skeleton/src/deep/config: a symbolic link leading outside the repository is not followed',
    ],
    ['file-link', 'skeleton/again.txt: a symbolic link leading outside the repository is not followed'],
    [
      'skeleton-link',
      'templates/skeleton-link/skeleton: a symbolic link leading outside the repository is not followed',
    ],
    ['inside-link', 'skeleton/copy.md: a symbolic link is not followed; copy the file or folder instead'],
  ])('a skeleton with a link (%s) is refused before anything is rendered', async (name, message) => {
    const response = await dryRun(name);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'TEMPLATE_PATH_ESCAPE', message });
    expect(response.body).not.toContain(secretKey);
    expect(response.body).not.toContain(OUTSIDE);
  });

  test('a task whose skeleton links to the data dir fails, and writes no server file into a project', async () => {
    for (const name of ['folder-link', 'file-link']) {
      const created = await call(t, ann, 'POST', '/api/tasks', { templateRef: name, parameters: {} });
      expect(created.statusCode).toBe(201);
      await t.server.scaffolder.tasks.drain();
      const task = (await call(t, ann, 'GET', `/api/tasks/${created.json().id}`)).json();
      expect(task).toMatchObject({ state: 'failed', error: { code: 'TEMPLATE_PATH_ESCAPE' } });
    }
    // Had the skeleton been read, git:init would have written it under tasks/ with the server's files.
    const tasks = join(t.dataDir, 'tasks');
    const written = existsSync(tasks) ? allText(tasks) : '';
    expect(written).not.toContain(secretKey);
    expect(written).not.toContain(OUTSIDE);
  });

  test('a template folder swapped for a link after the catalog read it is refused', async () => {
    expect((await dryRun('swapped')).statusCode).toBe(200);
    renameSync(join(platform, 'templates/swapped'), join(top, 'swapped-before'));
    symlinkSync(join(top, 'elsewhere'), join(platform, 'templates/swapped'));
    const response = await dryRun('swapped');
    expect(response.json()).toMatchObject({
      code: 'TEMPLATE_PATH_ESCAPE',
      message: 'templates/swapped: a symbolic link leading outside the repository is not followed',
    });
    expect(response.body).not.toContain(OUTSIDE);
  });
});
