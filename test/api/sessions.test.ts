import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymous, bearer, call, sessionCaller } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

describe.each(testDatabases())('sign-in, sessions and tokens on %s', (database) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ database, config: { auth: { scryptCost: 10, loginAttemptsPerMinute: 5 } } });
  });
  afterAll(async () => t?.close());

  test('login sets an httpOnly session cookie and a readable CSRF cookie', async () => {
    await t.createUser({ username: 'cookie-user' });
    const response = await call(t, anonymous, 'POST', '/api/auth/login', {
      username: 'cookie-user',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'plinth_session');
    const csrf = response.cookies.find((c) => c.name === 'plinth_csrf');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(response.json().user.username).toBe('cookie-user');
  });

  test('a cookie-authenticated write needs the CSRF header', async () => {
    await t.createUser({ username: 'csrf-user' });
    const caller = await sessionCaller(t, 'csrf-user', TEST_PASSWORD);
    const { 'x-csrf-token': _csrf, ...withoutHeader } = caller.headers;
    const refused = await call(t, { name: 'no header', headers: withoutHeader }, 'POST', '/api/tokens', {
      name: 'x',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AUTH_CSRF_INVALID');
    const wrong = { name: 'wrong', headers: { ...caller.headers, 'x-csrf-token': 'forged' } };
    expect((await call(t, wrong, 'POST', '/api/tokens', { name: 'x' })).statusCode).toBe(403);
    expect((await call(t, caller, 'POST', '/api/tokens', { name: 'x' })).statusCode).toBe(201);
    // Reads need no CSRF header.
    expect((await call(t, { name: 'read', headers: withoutHeader }, 'GET', '/api/me')).statusCode).toBe(200);
  });

  test('logout ends the session', async () => {
    await t.createUser({ username: 'leaving' });
    const caller = await sessionCaller(t, 'leaving', TEST_PASSWORD);
    expect((await call(t, caller, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await call(t, caller, 'GET', '/api/me')).statusCode).toBe(401);
  });

  test('an API token works until it is revoked, and is shown only once', async () => {
    await t.createUser({ username: 'cli-user' });
    const session = await sessionCaller(t, 'cli-user', TEST_PASSWORD);
    const created = await call(t, session, 'POST', '/api/tokens', { name: 'laptop CLI' });
    const { token, secret } = created.json();
    expect(secret).toMatch(/^plinth_[A-Za-z0-9_-]{40,}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const cli = { name: 'cli', headers: { authorization: `Bearer ${secret}` } };
    const me = await call(t, cli, 'GET', '/api/me');
    expect(me.json()).toMatchObject({ user: { username: 'cli-user' }, authMethod: 'token' });
    const listed = await call(t, session, 'GET', '/api/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    expect((await call(t, session, 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
    const after = await call(t, cli, 'GET', '/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_TOKEN_INVALID');
  });

  test('tokens are stored hashed', async () => {
    const secret = await t.tokenFor(t.adminUsername);
    const rows = await t.server.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  test("nobody can revoke another person's token", async () => {
    await t.createUser({ username: 'owner' });
    await t.createUser({ username: 'intruder' });
    const owner = await bearer(t, 'owner');
    const intruder = await bearer(t, 'intruder');
    const { token } = (await call(t, owner, 'POST', '/api/tokens', { name: 'mine' })).json();
    const response = await call(t, intruder, 'DELETE', `/api/tokens/${token.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('AUTH_TOKEN_NOT_FOUND');
  });

  test('an expired token is refused', async () => {
    await t.createUser({ username: 'expiring' });
    const caller = await bearer(t, 'expiring');
    const { token, secret } = (
      await call(t, caller, 'POST', '/api/tokens', { name: 'short', expiresInDays: 1 })
    ).json();
    await t.server.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', token.id)
      .execute();
    const response = await call(
      t,
      { name: 'x', headers: { authorization: `Bearer ${secret}` } },
      'GET',
      '/api/me',
    );
    expect(response.statusCode).toBe(401);
  });

  test('login brute force is throttled with RATE_LIMITED', async () => {
    // Guesses at another account than the one signing in below: failures also lock the account guessed at.
    await t.createUser({ username: 'guessed-at' });
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.8.7',
        payload: { username: 'guessed-at', password: 'guess-guess-guess' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not punished for the first one's guesses.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.8.8',
      payload: { username: t.adminUsername, password: t.adminPassword },
    });
    expect(other.statusCode).toBe(200);
  });

  test('wrong password and unknown user give the same answer, and both are audited', async () => {
    const login = (username: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.1.1.1',
        payload: { username, password: 'nope-nope' },
      });
    const wrong = await login(t.adminUsername);
    const unknown = await login('ghost');
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const audit = await call(
      t,
      await bearer(t, t.adminUsername),
      'GET',
      '/api/audit?action=auth.login.failed',
    );
    const targets = audit.json().items.map((e: { target: string }) => e.target);
    expect(targets).toEqual(expect.arrayContaining(['ghost', t.adminUsername]));
  });
});
