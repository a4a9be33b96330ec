import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { createDocsRepo } from '../docs/docs-fixture.js';
import type { GitRepo } from '../helpers/git-repo.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let env: Record<string, string>;
let repo: GitRepo;
const dirs = tempConfigDirs();

beforeAll(async () => {
  repo = createDocsRepo();
  server = await startTestServer({ listen: true, config: { platformRepo: repo.dir } });
  await server.server.catalog.locations.syncNow(systemActor, 'platform');
  await server.createUser({ username: 'ann' });
  env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
});
afterAll(async () => {
  await server?.close();
  repo?.cleanup();
  dirs.cleanup();
});

const run = (args: string[]) => plinth(args, { configDir: dirs.make(), env });

it('prints the best matches with links into the portal, the exact title first', async () => {
  const result = await run(['search', 'first', 'day']);
  expect(result.code).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^TYPE\s+TITLE\s+LINK\s+MATCHED/);
  expect(lines[1]).toContain('Start here: your first day');
  expect(lines[1]).toContain(`${server.url}/docs/platform/guides/first-day`);
});

it('filters by type and prints JSON for scripts', async () => {
  const result = await run(['search', 'climate', '--type', 'entity', '--facets', '--json']);
  expect(result.code).toBe(0);
  const body = JSON.parse(result.stdout);
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.every((i: { type: string }) => i.type === 'entity')).toBe(true);
  expect(body.facets.type).toEqual(expect.arrayContaining([{ value: 'entity', count: expect.any(Number) }]));
});

it('says so on stderr when nothing matches, and still exits 0', async () => {
  const result = await run(['search', 'zzzqqqxxx']);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('Nothing found for "zzzqqqxxx"');
});
