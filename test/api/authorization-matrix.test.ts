import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymous, bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import { radarProposal } from './radar-matrix-fixtures.js';
import { ownAttachment, ownRequest } from './requests-matrix-fixtures.js';

type Role = 'anonymous' | 'member' | 'keeper';

interface Fixture {
  caller: Caller;
  username: string | null;
  /** A fresh name, unique in this server. */
  unique(prefix: string): string;
}

interface Case {
  method: string;
  route: string;
  request(
    t: TestServer,
    f: Fixture,
  ): Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
  expect: Record<Role, number>;
  /** False when success changes nothing (signing out a bearer token), so no audit entry is due. */
  mutates?: boolean;
}

const open = { anonymous: 200, member: 200, keeper: 200 };
const signedIn = (ok: number) => ({ anonymous: 401, member: ok, keeper: ok });
const keeperOnly = (ok: number) => ({ anonymous: 401, member: 403, keeper: ok });
const at = (url: string) => async () => ({ url });

async function team(t: TestServer, f: Fixture) {
  const name = f.unique('team');
  await t.server.auth.teams.create({ userId: null, username: null, ip: null }, { name, title: 'A team' });
  return name;
}

const WEBHOOK_SECRET = 'matrix-webhook-secret-123';
const catalogFolder = mkdtempSync(join(tmpdir(), 'plinth-matrix-catalog-'));
afterAll(() => rmSync(catalogFolder, { recursive: true, force: true }));
writeFileSync(
  join(catalogFolder, 'thing.yaml'),
  'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: owners }\nspec: { type: team, children: [] }\n---\n' +
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: matrix-thing }\n' +
    'spec: { type: library, lifecycle: production, owner: owners }\n',
);

async function location(t: TestServer, f: Fixture) {
  const name = f.unique('loc');
  await t.server.catalog.locations.create(
    { userId: null, username: null, ip: null },
    { name, target: catalogFolder },
  );
  return name;
}

/** A job of the caller (or of a fresh member for anonymous callers, who then get 401 anyway). */
async function job(t: TestServer, f: Fixture, command = ['true']) {
  const owner = f.username ?? (await otherUser(t, f));
  const principal = await principalOf(t, owner);
  const row = await t.server.compute.jobs.submit(
    principal,
    { userId: null, username: owner, ip: null },
    { name: 'matrix', command },
  );
  return row.id;
}

const SWEEP = {
  name: 'matrix-sweep',
  job: { command: ['true'] },
  parameters: [{ name: 'x', type: 'int', min: 0, max: 1 }],
  objective: { metric: 'loss', goal: 'minimize' },
  algorithm: 'grid',
  maxTrials: 2,
};

/** A sweep of the caller (or of a fresh member for anonymous callers), left running: no controller here. */
async function sweep(t: TestServer, f: Fixture) {
  const owner = f.username ?? (await otherUser(t, f));
  const created = await t.server.compute.sweeps.create(
    await principalOf(t, owner),
    { userId: null, username: owner, ip: null },
    SWEEP as never,
  );
  return created.id;
}

async function principalOf(t: TestServer, username: string) {
  const user = await t.server.auth.userStore.findByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  return { user, role: user.role as 'keeper' | 'member', method: 'token' as const };
}

async function otherUser(t: TestServer, f: Fixture) {
  return (await t.createUser({ username: f.unique('other') })).username;
}

/** A fresh user whose account failed sign-ins have locked. */
async function lockedUser(t: TestServer, f: Fixture) {
  const username = await otherUser(t, f);
  for (let i = 0; i < t.server.config.auth.lockout.failures; i++) {
    await t.server.auth.sessions.login(username, 'wrong-guess-123', { ip: null }).catch(() => null);
  }
  return username;
}

/** Syncs the demo platform repo's templates into the catalog (cheap when nothing changed). */
async function templates(t: TestServer) {
  await t.server.catalog.locations.syncNow({ userId: null, username: null, ip: null }, 'templates');
}

/** A finished task of the caller (or of a fresh member): the Slurm template, or a failing push. */
async function task(t: TestServer, f: Fixture, fails = false) {
  await templates(t);
  const owner = f.username ?? (await otherUser(t, f));
  const parameters = fails
    ? { name: 'matrix-demo', title: 'Matrix', owner: 'keepers', destination: 'git', remote: 'nowhere' }
    : { name: 'matrix-run', owner: 'keepers' };
  const created = await t.server.scaffolder.tasks.create(
    await principalOf(t, owner),
    { userId: null, username: owner, ip: null },
    { templateRef: fails ? 'python-research-project' : 'slurm-batch-experiment', parameters },
  );
  await t.server.scaffolder.tasks.drain();
  return created.id;
}

const VAULT_KEY = Buffer.alloc(32, 7).toString('base64');

/** A team with the caller in it (a fresh member for anonymous callers). */
async function memberTeam(t: TestServer, f: Fixture) {
  const name = await team(t, f);
  const member = f.username ?? (await otherUser(t, f));
  await t.server.auth.teams.addMember({ userId: null, username: null, ip: null }, name, member);
  return { name, member };
}

/** A team with the caller in it and one secret stored there. */
async function vaultSecret(t: TestServer, f: Fixture) {
  const { name, member } = await memberTeam(t, f);
  const principal = await principalOf(t, member);
  await t.server.services.vault.put(principal, { userId: null, username: member, ip: null }, name, 'TOKEN', {
    value: 'matrix-secret',
  });
  return `${name}/TOKEN`;
}

/** Every route of the API, with a valid request and the status each role must get. */
const cases: Case[] = [
  { method: 'GET', route: '/healthz', request: at('/healthz'), expect: open },
  { method: 'GET', route: '/readyz', request: at('/readyz'), expect: open },
  { method: 'GET', route: '/metrics', request: at('/metrics'), expect: open },
  { method: 'GET', route: '/api/docs', request: at('/api/docs'), expect: open },
  { method: 'GET', route: '/api/docs/', request: at('/api/docs/'), expect: open },
  { method: 'GET', route: '/api/docs/json', request: at('/api/docs/json'), expect: open },
  { method: 'GET', route: '/api/docs/yaml', request: at('/api/docs/yaml'), expect: open },
  {
    method: 'GET',
    route: '/api/docs/static/index.html',
    request: at('/api/docs/static/index.html'),
    expect: { anonymous: 302, member: 302, keeper: 302 },
  },
  {
    method: 'GET',
    route: '/api/docs/static/swagger-initializer.js',
    request: at('/api/docs/static/swagger-initializer.js'),
    expect: open,
  },
  {
    method: 'GET',
    route: '/api/docs/static/*',
    request: at('/api/docs/static/swagger-ui.css'),
    expect: open,
  },
  { method: 'GET', route: '/api/platform', request: at('/api/platform'), expect: open },
  {
    method: 'POST',
    route: '/api/auth/login',
    request: async (t, f) => {
      const username = f.username ?? (await otherUser(t, f));
      return { url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } };
    },
    expect: open,
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    request: at('/api/auth/logout'),
    expect: signedIn(204),
    mutates: false,
  },
  { method: 'GET', route: '/api/me', request: at('/api/me'), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/me/password',
    request: async () => ({
      url: '/api/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'A-brand-new-passphrase' },
    }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/tokens', request: at('/api/tokens'), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/tokens',
    request: async () => ({ url: '/api/tokens', payload: { name: 'laptop' } }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    route: '/api/tokens/:id',
    request: async (t, f) => {
      if (!f.username) return { url: '/api/tokens/01ABC' };
      const created = await call(t, f.caller, 'POST', '/api/tokens', { name: 'to revoke' });
      return { url: `/api/tokens/${created.json().token.id}` };
    },
    expect: signedIn(204),
  },
  { method: 'GET', route: '/api/users', request: at('/api/users'), expect: keeperOnly(200) },
  {
    method: 'POST',
    route: '/api/users',
    request: async (_t, f) => ({
      url: '/api/users',
      payload: { username: f.unique('new'), displayName: 'New' },
    }),
    expect: keeperOnly(201),
  },
  {
    method: 'GET',
    route: '/api/users/:username',
    request: async (t, f) => ({ url: `/api/users/${await otherUser(t, f)}` }),
    expect: keeperOnly(200),
  },
  {
    method: 'PATCH',
    route: '/api/users/:username',
    request: async (t, f) => ({
      url: `/api/users/${await otherUser(t, f)}`,
      payload: { displayName: 'Renamed' },
    }),
    expect: keeperOnly(200),
  },
  {
    method: 'POST',
    route: '/api/users/:username/reset-password',
    request: async (t, f) => ({ url: `/api/users/${await otherUser(t, f)}/reset-password` }),
    expect: keeperOnly(200),
  },
  {
    method: 'DELETE',
    route: '/api/users/:username/lock',
    request: async (t, f) => ({ url: `/api/users/${await lockedUser(t, f)}/lock` }),
    expect: keeperOnly(204),
  },
  { method: 'GET', route: '/api/teams', request: at('/api/teams'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/teams/:name',
    request: async (t, f) => ({ url: `/api/teams/${await team(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/teams',
    request: async (_t, f) => ({ url: '/api/teams', payload: { name: f.unique('team'), title: 'Team' } }),
    expect: keeperOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/teams/:name',
    request: async (t, f) => ({ url: `/api/teams/${await team(t, f)}`, payload: { title: 'Renamed' } }),
    expect: keeperOnly(200),
  },
  {
    method: 'DELETE',
    route: '/api/teams/:name',
    request: async (t, f) => ({ url: `/api/teams/${await team(t, f)}` }),
    expect: keeperOnly(204),
  },
  {
    method: 'PUT',
    route: '/api/teams/:name/members/:username',
    request: async (t, f) => ({ url: `/api/teams/${await team(t, f)}/members/${await otherUser(t, f)}` }),
    expect: keeperOnly(204),
  },
  {
    method: 'DELETE',
    route: '/api/teams/:name/members/:username',
    request: async (t, f) => {
      const name = await team(t, f);
      const username = await otherUser(t, f);
      await call(t, await bearer(t, t.adminUsername), 'PUT', `/api/teams/${name}/members/${username}`);
      return { url: `/api/teams/${name}/members/${username}` };
    },
    expect: keeperOnly(204),
  },
  { method: 'GET', route: '/api/audit', request: at('/api/audit'), expect: keeperOnly(200) },
  {
    method: 'GET',
    route: '/api/catalog/entities',
    request: at('/api/catalog/entities?kind=component'),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/catalog/facets', request: at('/api/catalog/facets'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/catalog/entities/:kind/:namespace/:name',
    request: at('/api/catalog/entities/component/default/matrix-thing'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/catalog/entities/:kind/:namespace/:name/graph',
    request: at('/api/catalog/entities/component/default/matrix-thing/graph'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/catalog/problems',
    request: at('/api/catalog/problems'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/catalog/locations',
    request: at('/api/catalog/locations'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/catalog/locations/:id',
    request: at('/api/catalog/locations/matrix'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/catalog/locations/:id/revisions',
    request: at('/api/catalog/locations/matrix/revisions'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/catalog/locations',
    request: async (_t, f) => ({
      url: '/api/catalog/locations',
      payload: { name: f.unique('loc'), target: catalogFolder },
    }),
    expect: keeperOnly(201),
  },
  {
    method: 'DELETE',
    route: '/api/catalog/locations/:id',
    request: async (t, f) => ({ url: `/api/catalog/locations/${await location(t, f)}` }),
    expect: keeperOnly(204),
  },
  {
    method: 'POST',
    route: '/api/catalog/locations/:id/sync',
    request: async (t, f) => ({ url: `/api/catalog/locations/${await location(t, f)}/sync` }),
    expect: keeperOnly(200),
  },
  {
    method: 'POST',
    route: '/api/catalog/webhook',
    request: async () => ({
      url: '/api/catalog/webhook?location=matrix',
      payload: { ref: 'refs/heads/main' },
      headers: { 'x-plinth-token': WEBHOOK_SECRET },
    }),
    expect: { anonymous: 202, member: 202, keeper: 202 },
    // It only starts a sync; the sync's own revision is its trace.
    mutates: false,
  },
  {
    method: 'GET',
    route: '/api/compute/executors',
    request: at('/api/compute/executors'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/compute/executors/:name/partitions',
    request: at('/api/compute/executors/local/partitions'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/jobs',
    request: async () => ({ url: '/api/jobs', payload: { name: 'matrix', command: ['true'] } }),
    expect: signedIn(201),
  },
  { method: 'GET', route: '/api/jobs', request: at('/api/jobs'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/jobs/:id',
    request: async (t, f) => ({ url: `/api/jobs/${await job(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/jobs/:id/logs',
    request: async (t, f) => ({ url: `/api/jobs/${await job(t, f)}/logs` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/jobs/:id/logs/stream',
    request: async (t, f) => {
      const id = await job(t, f);
      // The stream follows the job until it ends: let it end first.
      for (let i = 0; i < 50; i++) {
        await t.server.compute.collector.cycle();
        const row = await t.server.database.db
          .selectFrom('jobs')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirst();
        if (row?.state === 'succeeded') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return { url: `/api/jobs/${id}/logs/stream` };
    },
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/jobs/:id/cancel',
    request: async (t, f) => ({ url: `/api/jobs/${await job(t, f, ['sleep', '30'])}/cancel` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/sweeps',
    request: async () => ({ url: '/api/sweeps', payload: SWEEP }),
    expect: signedIn(201),
  },
  { method: 'GET', route: '/api/sweeps', request: at('/api/sweeps'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/sweeps/:id',
    request: async (t, f) => ({ url: `/api/sweeps/${await sweep(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/sweeps/:id/stop',
    request: async (t, f) => ({ url: `/api/sweeps/${await sweep(t, f)}/stop` }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/services', request: at('/api/services'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/ids/:type',
    request: at('/api/ids/snowflake?count=2'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/ids/snowflake/:id',
    request: at('/api/ids/snowflake/1234567890123456789'),
    expect: signedIn(200),
  },
  ...['password', 'secret', 'api-key', 'ssh-key', 'tls-certificate'].map((type) => ({
    method: 'POST',
    route: `/api/credentials/${type}`,
    request: async () => ({ url: `/api/credentials/${type}`, payload: {} }),
    expect: signedIn(200),
  })),
  { method: 'GET', route: '/api/secrets', request: at('/api/secrets'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/secrets/:team/:name',
    request: async (t, f) => ({ url: `/api/secrets/${await vaultSecret(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    route: '/api/secrets/:team/:name',
    request: async (t, f) => ({
      url: `/api/secrets/${(await memberTeam(t, f)).name}/NEW_SECRET`,
      payload: { value: 'a new secret' },
    }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    route: '/api/secrets/:team/:name/reveal',
    request: async (t, f) => ({ url: `/api/secrets/${await vaultSecret(t, f)}/reveal`, payload: {} }),
    expect: signedIn(200),
  },
  {
    method: 'DELETE',
    route: '/api/secrets/:team/:name',
    request: async (t, f) => ({ url: `/api/secrets/${await vaultSecret(t, f)}` }),
    expect: signedIn(204),
  },
  {
    method: 'GET',
    route: '/api/templates',
    request: async (t) => {
      await templates(t);
      return { url: '/api/templates' };
    },
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/templates/:namespace/:name',
    request: async (t) => {
      await templates(t);
      return { url: '/api/templates/default/slurm-batch-experiment' };
    },
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/templates/:namespace/:name/dry-run',
    request: async (t) => {
      await templates(t);
      return {
        url: '/api/templates/default/slurm-batch-experiment/dry-run',
        payload: { parameters: { name: 'matrix-dry', owner: 'keepers' } },
      };
    },
    expect: signedIn(200),
    mutates: false,
  },
  {
    method: 'GET',
    route: '/api/scaffolder/actions',
    request: at('/api/scaffolder/actions'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/tasks',
    request: async (t) => {
      await templates(t);
      return {
        url: '/api/tasks',
        payload: {
          templateRef: 'slurm-batch-experiment',
          parameters: { name: 'matrix-new', owner: 'keepers' },
        },
      };
    },
    expect: signedIn(201),
  },
  { method: 'GET', route: '/api/tasks', request: at('/api/tasks'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/tasks/:id',
    request: async (t, f) => ({ url: `/api/tasks/${await task(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/logs',
    request: async (t, f) => ({ url: `/api/tasks/${await task(t, f)}/logs` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/logs/stream',
    request: async (t, f) => ({ url: `/api/tasks/${await task(t, f)}/logs/stream` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/rerun',
    request: async (t, f) => ({ url: `/api/tasks/${await task(t, f, true)}/rerun` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/tasks/:id/archive/:file',
    request: async (t, f) => ({ url: `/api/tasks/${await task(t, f)}/archive/matrix-run.zip` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/search',
    request: at('/api/search?q=matrix&facets=true'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/search/reindex',
    request: at('/api/search/reindex'),
    expect: keeperOnly(200),
  },
  { method: 'GET', route: '/api/docs-pages', request: at('/api/docs-pages'), expect: signedIn(200) },
  { method: 'GET', route: '/api/requests', request: at('/api/requests?scope=all'), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/requests',
    request: async () => ({ url: '/api/requests', payload: { title: 'Matrix', category: 'help' } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/requests/options',
    request: at('/api/requests/options'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/requests/dashboard',
    request: at('/api/requests/dashboard'),
    expect: keeperOnly(200),
  },
  {
    method: 'GET',
    route: '/api/requests/:id',
    request: async (t, f) => ({ url: `/api/requests/${await ownRequest(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/requests/:id/comments',
    request: async (t, f) => ({
      url: `/api/requests/${await ownRequest(t, f)}/comments`,
      payload: { body: 'Hi' },
    }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    route: '/api/requests/:id/transitions',
    // Withdrawing is the move open to whoever filed the request, member or Keeper.
    request: async (t, f) => ({
      url: `/api/requests/${await ownRequest(t, f)}/transitions`,
      payload: { to: 'withdrawn' },
    }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/requests/:id/attachments',
    request: async (t, f) => ({
      url: `/api/requests/${await ownRequest(t, f)}/attachments?filename=notes.txt`,
      payload: 'some notes\n',
      headers: { 'content-type': 'text/plain' },
    }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/requests/:id/attachments/:attachmentId',
    request: async (t, f) => ({ url: await ownAttachment(t, f) }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/radar', request: at('/api/radar'), expect: signedIn(200) },
  { method: 'GET', route: '/api/proposals', request: at('/api/proposals'), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/proposals',
    request: async () => ({ url: '/api/proposals', payload: { kind: 'new', targetRing: 'trial' } }),
    // A member and a Keeper get as far as validation: the body is incomplete.
    expect: signedIn(400),
  },
  {
    method: 'GET',
    route: '/api/proposals/:id',
    request: async (t, f) => ({ url: `/api/proposals/${await radarProposal(t, f)}` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/proposals/:id/comments',
    request: async (t, f) => ({
      url: `/api/proposals/${await radarProposal(t, f)}/comments`,
      payload: { body: 'A comment' },
    }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    route: '/api/proposals/:id/votes',
    request: async (t, f) => ({
      url: `/api/proposals/${await radarProposal(t, f)}/votes`,
      payload: { choice: 'approve' },
    }),
    // A member who represents no team may not vote.
    expect: keeperOnly(200),
  },
  {
    method: 'POST',
    route: '/api/proposals/:id/decision',
    request: async (t, f) => ({
      url: `/api/proposals/${await radarProposal(t, f)}/decision`,
      payload: { outcome: 'rejected', reason: 'Not now' },
    }),
    expect: keeperOnly(200),
  },
  {
    method: 'POST',
    route: '/api/proposals/:id/withdraw',
    request: async (t, f) => ({ url: `/api/proposals/${await radarProposal(t, f)}/withdraw` }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/proposals/:id/patch',
    request: async (t, f) => ({ url: `/api/proposals/${await radarProposal(t, f)}/patch` }),
    // Open proposals have no patch yet: the route answers, with PROPOSAL_NO_PATCH.
    expect: signedIn(404),
  },
  {
    method: 'GET',
    route: '/api/docs-pages/*',
    request: at('/api/docs-pages/platform/guides/first-day'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/docs-pages/sync',
    request: at('/api/docs-pages/sync'),
    expect: keeperOnly(200),
  },
  {
    method: 'GET',
    route: '/api/docs-guides/progress',
    request: at('/api/docs-guides/progress'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/docs-guides/progress',
    request: async () => ({
      url: '/api/docs-guides/progress',
      payload: { page: 'platform/guides/first-day', step: 'sign-in-to-the-portal', done: true },
    }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/docs-guides/stale',
    request: at('/api/docs-guides/stale'),
    expect: keeperOnly(200),
  },
  { method: 'GET', route: '/api/docs-problems', request: at('/api/docs-problems'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/docs-assets/*',
    request: at('/api/docs-assets/platform/images/platform-map.svg'),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/notifications', request: at('/api/notifications'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/notifications/unread-count',
    request: at('/api/notifications/unread-count'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/notifications/stream',
    request: at('/api/notifications/stream?follow=false'),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/notifications/:id/read',
    request: async (t, f) => ({ url: `/api/notifications/${await notification(t, f)}/read` }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/notifications/read-all',
    request: at('/api/notifications/read-all'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/notifications/preferences',
    request: at('/api/notifications/preferences'),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    route: '/api/notifications/preferences',
    request: async () => ({
      url: '/api/notifications/preferences',
      payload: { groups: { radar: { email: true } } },
    }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/notifications/webhooks',
    request: at('/api/notifications/webhooks'),
    expect: keeperOnly(200),
  },
  {
    method: 'GET',
    route: '/api/notifications/webhooks/:id',
    request: async (t, f) => ({ url: `/api/notifications/webhooks/${await webhook(t, f)}` }),
    expect: keeperOnly(200),
  },
  {
    method: 'POST',
    route: '/api/notifications/webhooks',
    request: async (_t, f) => ({
      url: '/api/notifications/webhooks',
      payload: { name: f.unique('hook'), url: 'http://127.0.0.1:9/hook', topics: ['request.*'] },
    }),
    expect: keeperOnly(201),
  },
  {
    method: 'DELETE',
    route: '/api/notifications/webhooks/:id',
    request: async (t, f) => ({ url: `/api/notifications/webhooks/${await webhook(t, f)}` }),
    expect: keeperOnly(204),
  },
  {
    method: 'POST',
    route: '/api/notifications/webhooks/:id/test',
    request: async (t, f) => ({ url: `/api/notifications/webhooks/${await webhook(t, f)}/test` }),
    expect: keeperOnly(202),
  },
];

/** A notification of the caller (of a fresh member for anonymous callers, who get 401 anyway). */
async function notification(t: TestServer, f: Fixture) {
  const owner = f.username ?? (await otherUser(t, f));
  const user = await t.server.auth.userStore.findByUsername(owner);
  await t.server.notifications.notify({
    recipients: [user?.id as string],
    topic: 'request.commented',
    title: 'Matrix',
    body: 'A notice for the matrix',
  });
  return (await t.server.notifications.inbox.latestId(user?.id as string)) as string;
}

async function webhook(t: TestServer, f: Fixture) {
  const created = await t.server.notifications.webhooks.create(
    { userId: null, username: null, ip: null },
    { name: f.unique('hook'), url: 'http://127.0.0.1:9/hook', topics: ['*'] },
  );
  return created.webhook.id;
}

const roles: Role[] = ['anonymous', 'member', 'keeper'];

async function auditCount(t: TestServer): Promise<number> {
  const rows = await t.server.database.db.selectFrom('audit_log').select('id').execute();
  return rows.length;
}

describe.each(testDatabases())('authorization matrix on %s', (database) => {
  let t: TestServer;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}`;

  beforeAll(async () => {
    t = await startTestServer({
      database,
      config: { catalog: { webhookSecret: WEBHOOK_SECRET }, services: { vault: { key: VAULT_KEY } } },
    });
    const keeper = { userId: null, username: null, ip: null };
    const row = await t.server.catalog.locations.create(keeper, { name: 'matrix', target: catalogFolder });
    await t.server.catalog.sync.sync(row);
  });
  afterAll(async () => t?.close());

  async function fixture(role: Role): Promise<Fixture> {
    if (role === 'anonymous') return { caller: anonymous, username: null, unique };
    const { username } = await t.createUser({ username: unique(role), role });
    return { caller: await bearer(t, username), username, unique };
  }

  const isWebAsset = (url: string) => !/^\/(api|healthz|readyz|metrics)\b/.test(url);

  test('every API route of the server is in the matrix (a new route must be added here)', () => {
    const known = new Set(cases.map((c) => `${c.method} ${c.route}`));
    const missing = t.server.routeTable
      .filter((r) => r.method !== 'HEAD' && !isWebAsset(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !known.has(r));
    expect(missing).toEqual([]);
  });

  test('files of the web app are public and nothing else outside the API is', async () => {
    const assets = t.server.routeTable.filter((r) => r.method === 'GET' && isWebAsset(r.url));
    for (const asset of assets) {
      expect(asset.permission).toBe('platform.read');
      const response = await call(t, anonymous, 'GET', asset.url.replace('*', 'x'));
      expect(response.statusCode, asset.url).toBe(200);
    }
  });

  for (const c of cases) {
    test.each(roles)(`${c.method} ${c.route} as %s`, async (role) => {
      const f = await fixture(role);
      const { url, payload, headers } = await c.request(t, f);
      const before = await auditCount(t);
      const caller = headers ? { ...f.caller, headers: { ...f.caller.headers, ...headers } } : f.caller;
      const response = await call(t, caller, c.method as 'GET', url, payload);
      expect(response.statusCode, response.body).toBe(c.expect[role]);
      if (response.statusCode >= 400) {
        expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      } else if (c.method !== 'GET' && c.mutates !== false) {
        // Every successful mutation leaves a trace in the audit log.
        expect(await auditCount(t)).toBeGreaterThan(before);
      }
    });
  }
});

/** A scrape token for Prometheus: no account, it opens /metrics only. */
const METRICS_TOKEN = 'matrix-metrics-scrape-token-0123456789';

/** The routes an operator may close (server.publicMetrics, server.publicApiDocs), closed. */
const closable: Case[] = [
  { method: 'GET', route: '/metrics', request: at('/metrics'), expect: keeperOnly(200) },
  { method: 'GET', route: '/api/docs', request: at('/api/docs'), expect: signedIn(200) },
  { method: 'GET', route: '/api/docs/', request: at('/api/docs/'), expect: signedIn(200) },
  { method: 'GET', route: '/api/docs/json', request: at('/api/docs/json'), expect: signedIn(200) },
  { method: 'GET', route: '/api/docs/yaml', request: at('/api/docs/yaml'), expect: signedIn(200) },
  {
    method: 'GET',
    route: '/api/docs/static/index.html',
    request: at('/api/docs/static/index.html'),
    expect: signedIn(302),
  },
  {
    method: 'GET',
    route: '/api/docs/static/swagger-initializer.js',
    request: at('/api/docs/static/swagger-initializer.js'),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    route: '/api/docs/static/*',
    request: at('/api/docs/static/swagger-ui.css'),
    expect: signedIn(200),
  },
  // Liveness and readiness stay public: orchestrators probe them without credentials.
  { method: 'GET', route: '/healthz', request: at('/healthz'), expect: open },
  { method: 'GET', route: '/readyz', request: at('/readyz'), expect: open },
];

describe.each(testDatabases())('authorization matrix with metrics and API docs closed on %s', (database) => {
  let t: TestServer;
  let counter = 0;
  const unique = (prefix: string) => `closed-${prefix}-${++counter}`;
  const scraper: Caller = { name: 'scraper', headers: { authorization: `Bearer ${METRICS_TOKEN}` } };

  beforeAll(async () => {
    t = await startTestServer({
      database,
      config: { server: { publicMetrics: false, publicApiDocs: false, metricsToken: METRICS_TOKEN } },
    });
  });
  afterAll(async () => t?.close());

  async function fixture(role: Role): Promise<Fixture> {
    if (role === 'anonymous') return { caller: anonymous, username: null, unique };
    const { username } = await t.createUser({ username: unique(role), role });
    return { caller: await bearer(t, username), username, unique };
  }

  test('every route whose audience a setting decides is in this list', () => {
    const known = new Set(closable.map((c) => `${c.method} ${c.route}`));
    const missing = t.server.routeTable
      .filter(
        (r) => r.method !== 'HEAD' && (r.permission === 'ops.metrics' || r.permission === 'ops.apiDocs'),
      )
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !known.has(r));
    expect(missing).toEqual([]);
  });

  for (const c of closable) {
    test.each(roles)(`${c.method} ${c.route} as %s`, async (role) => {
      const f = await fixture(role);
      const { url } = await c.request(t, f);
      const response = await call(t, f.caller, c.method as 'GET', url);
      expect(response.statusCode, response.body).toBe(c.expect[role]);
      if (response.statusCode >= 400) expect(response.json().code).toMatch(/^AUTH_(REQUIRED|FORBIDDEN)$/);
    });
  }

  test('the scrape token opens /metrics and nothing else', async () => {
    expect((await call(t, scraper, 'GET', '/metrics')).statusCode).toBe(200);
    for (const url of ['/api/docs/json', '/api/me', '/api/teams']) {
      const refused = await call(t, scraper, 'GET', url);
      expect(refused.statusCode, url).toBe(401);
      expect(refused.json().code).toBe('AUTH_REQUIRED');
    }
    const wrong = await call(
      t,
      { name: 'guess', headers: { authorization: 'Bearer not-the-token' } },
      'GET',
      '/metrics',
    );
    expect(wrong.statusCode).toBe(401);
  });
});
