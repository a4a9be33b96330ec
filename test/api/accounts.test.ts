import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymous, bearer, type Caller, call, sessionCaller } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('accounts and teams on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  beforeAll(async () => {
    t = await startTestServer({ database });
    keeper = await bearer(t, t.adminUsername);
  });
  afterAll(async () => t?.close());

  test('a new user gets a one-time password and must change it before anything else', async () => {
    const created = await call(t, keeper, 'POST', '/api/users', {
      username: 'newbie',
      displayName: 'New Bie',
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(user.mustChangePassword).toBe(true);
    expect(initialPassword).toHaveLength(20);
    const session = await sessionCaller(t, 'newbie', initialPassword);
    const blocked = await call(t, session, 'GET', '/api/teams');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await call(t, session, 'GET', '/api/me')).statusCode).toBe(200);
    const weak = await call(t, session, 'POST', '/api/me/password', {
      currentPassword: initialPassword,
      newPassword: 'short',
    });
    expect(weak.json().code).toBe('AUTH_PASSWORD_TOO_WEAK');
    const wrong = await call(t, session, 'POST', '/api/me/password', {
      currentPassword: 'not-the-password',
      newPassword: 'Entirely-new-secret-42',
    });
    expect(wrong.json().code).toBe('AUTH_WRONG_PASSWORD');
    const changed = await call(t, session, 'POST', '/api/me/password', {
      currentPassword: initialPassword,
      newPassword: 'Entirely-new-secret-42',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ sessionsEnded: 0, tokensRevoked: 0 });
    expect((await call(t, session, 'GET', '/api/teams')).statusCode).toBe(200);
    const login = await call(t, anonymous, 'POST', '/api/auth/login', {
      username: 'newbie',
      password: initialPassword,
    });
    expect(login.statusCode).toBe(401);
  });

  test('a duplicate username is a conflict that names the field', async () => {
    const response = await call(t, keeper, 'POST', '/api/users', {
      username: t.adminUsername,
      displayName: 'Twin',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'AUTH_USER_EXISTS',
      message: expect.stringContaining('username'),
    });
  });

  test('creating a user into a team that does not exist stores nothing', async () => {
    const response = await call(t, keeper, 'POST', '/api/users', {
      username: 'orphan',
      displayName: 'O',
      teams: ['nope'],
    });
    expect(response.json().code).toBe('AUTH_TEAM_NOT_FOUND');
    expect((await call(t, keeper, 'GET', '/api/users/orphan')).statusCode).toBe(404);
  });

  test('the last active Keeper can be neither demoted nor disabled', async () => {
    const demote = await call(t, keeper, 'PATCH', `/api/users/${t.adminUsername}`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('AUTH_LAST_KEEPER');
    const disable = await call(t, keeper, 'PATCH', `/api/users/${t.adminUsername}`, { disabled: true });
    expect(disable.json().code).toBe('AUTH_LAST_KEEPER');
    await t.createUser({ username: 'second-keeper', role: 'keeper' });
    const nowAllowed = await call(t, await bearer(t, 'second-keeper'), 'PATCH', '/api/users/second-keeper', {
      role: 'member',
    });
    expect(nowAllowed.statusCode).toBe(200);
    expect(nowAllowed.json().role).toBe('member');
  });

  test('a disabled user loses sessions and tokens and cannot sign in', async () => {
    await t.createUser({ username: 'leaver' });
    const session = await sessionCaller(t, 'leaver', TEST_PASSWORD);
    const token = await bearer(t, 'leaver');
    expect((await call(t, keeper, 'PATCH', '/api/users/leaver', { disabled: true })).statusCode).toBe(200);
    expect((await call(t, session, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await call(t, token, 'GET', '/api/me')).statusCode).toBe(401);
    const login = await call(t, anonymous, 'POST', '/api/auth/login', {
      username: 'leaver',
      password: TEST_PASSWORD,
    });
    expect(login.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  test('a password reset ends sessions and gives a one-time password', async () => {
    await t.createUser({ username: 'forgetful' });
    const session = await sessionCaller(t, 'forgetful', TEST_PASSWORD);
    const reset = await call(t, keeper, 'POST', '/api/users/forgetful/reset-password');
    expect((await call(t, session, 'GET', '/api/me')).statusCode).toBe(401);
    const relogin = await sessionCaller(t, 'forgetful', reset.json().initialPassword);
    expect((await call(t, relogin, 'GET', '/api/me')).json().user.mustChangePassword).toBe(true);
  });

  test('a member may read their own account but not another one', async () => {
    await t.createUser({ username: 'self-reader' });
    const member = await bearer(t, 'self-reader');
    expect((await call(t, member, 'GET', '/api/users/self-reader')).statusCode).toBe(200);
    expect((await call(t, member, 'GET', `/api/users/${t.adminUsername}`)).statusCode).toBe(403);
  });

  test('teams: create, add members (a user can be in several), list, remove, delete', async () => {
    for (const name of ['climate', 'protein-ml']) {
      const created = await call(t, keeper, 'POST', '/api/teams', { name, title: name.toUpperCase() });
      expect(created.statusCode).toBe(201);
    }
    await t.createUser({ username: 'polymath' });
    for (const name of ['climate', 'protein-ml']) {
      expect((await call(t, keeper, 'PUT', `/api/teams/${name}/members/polymath`)).statusCode).toBe(204);
    }
    // Adding again is harmless.
    expect((await call(t, keeper, 'PUT', '/api/teams/climate/members/polymath')).statusCode).toBe(204);
    const me = await call(t, await bearer(t, 'polymath'), 'GET', '/api/me');
    expect(me.json().user.teams.map((team: { name: string }) => team.name)).toEqual([
      'climate',
      'protein-ml',
    ]);
    const detail = await call(t, keeper, 'GET', '/api/teams/climate');
    expect(detail.json()).toMatchObject({
      name: 'climate',
      memberCount: 1,
      members: [{ username: 'polymath' }],
    });
    const byTeam = await call(t, keeper, 'GET', '/api/users?team=protein-ml');
    expect(byTeam.json().items.map((u: { username: string }) => u.username)).toEqual(['polymath']);
    expect((await call(t, keeper, 'DELETE', '/api/teams/climate/members/polymath')).statusCode).toBe(204);
    expect((await call(t, keeper, 'DELETE', '/api/teams/protein-ml')).statusCode).toBe(204);
    const after = await call(t, await bearer(t, 'polymath'), 'GET', '/api/me');
    expect(after.json().user.teams).toEqual([]);
    const dup = await call(t, keeper, 'POST', '/api/teams', { name: 'climate', title: 'again' });
    expect(dup.json().code).toBe('AUTH_TEAM_EXISTS');
  });

  test('lists page with a cursor and never repeat or skip', async () => {
    for (let i = 0; i < 7; i++) await t.createUser({ username: `pager-${i}` });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const url: string = `/api/users?q=pager&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await call(t, keeper, 'GET', url)).json();
      seen.push(...page.items.map((u: { username: string }) => u.username));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `pager-${i}`));
  });

  test('the audit log records who did what from where, filterable, newest first', async () => {
    await call(t, keeper, 'POST', '/api/teams', { name: 'audited', title: 'Audited' });
    await call(t, keeper, 'PATCH', '/api/teams/audited', { title: 'Audited again' });
    const response = await call(t, keeper, 'GET', `/api/audit?actor=${t.adminUsername}&action=team.*`);
    const entries = response.json().items.filter((e: { target: string }) => e.target === 'audited');
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['team.update', 'team.create']);
    expect(entries[0]).toMatchObject({
      actor: t.adminUsername,
      ip: '127.0.0.1',
      details: { changes: { title: 'Audited again' } },
    });
  });

  test('the audit log never holds a password or a token', async () => {
    const created = await call(t, keeper, 'POST', '/api/users', { username: 'secretive', displayName: 'S' });
    const { initialPassword } = created.json();
    const token = (await call(t, keeper, 'POST', '/api/tokens', { name: 'n' })).json().secret;
    const rows = await t.server.database.db.selectFrom('audit_log').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(initialPassword);
    expect(dump).not.toContain(token);
  });
});
