import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call, sessionCaller } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

const NEW_PASSWORD = 'A-fresh-passphrase-2025';

const status = async (t: TestServer, caller: Caller) => (await call(t, caller, 'GET', '/api/me')).statusCode;

async function lastAudit(t: TestServer, action: string) {
  const row = await t.server.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row, details: JSON.parse(row.details) };
}

describe.each(testDatabases())('a new password revokes access on %s', (database) => {
  let t: TestServer;
  let keeper: Caller;
  beforeAll(async () => {
    t = await startTestServer({ database });
    keeper = await bearer(t, t.adminUsername);
  });
  afterAll(async () => t?.close());

  test('changing one’s password ends the other sessions and revokes the tokens, not the session making it', async () => {
    await t.createUser({ username: 'changer' });
    const here = await sessionCaller(t, 'changer', TEST_PASSWORD);
    const elsewhere = await sessionCaller(t, 'changer', TEST_PASSWORD);
    const laptop = await bearer(t, 'changer');
    const ci = await bearer(t, 'changer');
    const changed = await call(t, here, 'POST', '/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 2 });
    expect(await status(t, here)).toBe(200);
    expect(await status(t, elsewhere)).toBe(401);
    for (const token of [laptop, ci]) {
      const refused = await call(t, token, 'GET', '/api/me');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('AUTH_TOKEN_INVALID');
    }
    const audit = await lastAudit(t, 'user.password.change');
    expect(audit).toMatchObject({ target: 'changer', details: { sessionsEnded: 1, tokensRevoked: 2 } });
  });

  test('a change made with a token keeps that token and revokes the others', async () => {
    await t.createUser({ username: 'scripter' });
    const calling = await bearer(t, 'scripter');
    const other = await bearer(t, 'scripter');
    const session = await sessionCaller(t, 'scripter', TEST_PASSWORD);
    const changed = await call(t, calling, 'POST', '/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect(await status(t, calling)).toBe(200);
    expect(await status(t, other)).toBe(401);
    expect(await status(t, session)).toBe(401);
  });

  test('a Keeper’s reset ends every session and revokes every token of the user', async () => {
    await t.createUser({ username: 'forgot-it' });
    const session = await sessionCaller(t, 'forgot-it', TEST_PASSWORD);
    const token = await bearer(t, 'forgot-it');
    const reset = await call(t, keeper, 'POST', '/api/users/forgot-it/reset-password');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ sessionsEnded: 1, tokensRevoked: 1 });
    expect(reset.json().initialPassword).toEqual(expect.any(String));
    expect(await status(t, session)).toBe(401);
    expect(await status(t, token)).toBe(401);
    expect(await status(t, keeper)).toBe(200);
    const audit = await lastAudit(t, 'user.password.reset');
    expect(audit).toMatchObject({ target: 'forgot-it', details: { sessionsEnded: 1, tokensRevoked: 1 } });
    const listed = await t.server.database.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select('api_tokens.revoked_at')
      .where('users.username', '=', 'forgot-it')
      .execute();
    expect(listed.every((row) => row.revoked_at !== null)).toBe(true);
  });
});

describe('with auth.revokeTokensOnPasswordChange off', () => {
  let t: TestServer;
  let keeper: Caller;
  beforeAll(async () => {
    t = await startTestServer({ config: { auth: { scryptCost: 10, revokeTokensOnPasswordChange: false } } });
    keeper = await bearer(t, t.adminUsername);
  });
  afterAll(async () => t?.close());

  test('tokens survive a change and a reset; other sessions still end', async () => {
    await t.createUser({ username: 'keeps-tokens' });
    const here = await sessionCaller(t, 'keeps-tokens', TEST_PASSWORD);
    const elsewhere = await sessionCaller(t, 'keeps-tokens', TEST_PASSWORD);
    const token = await bearer(t, 'keeps-tokens');
    const changed = await call(t, here, 'POST', '/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect(await status(t, elsewhere)).toBe(401);
    expect(await status(t, token)).toBe(200);
    const reset = await call(t, keeper, 'POST', '/api/users/keeps-tokens/reset-password');
    expect(reset.json()).toMatchObject({ sessionsEnded: 1, tokensRevoked: 0 });
    expect(await status(t, here)).toBe(401);
    expect(await status(t, token)).toBe(200);
  });
});
