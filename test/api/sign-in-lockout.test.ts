import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createServer } from '../../src/server/index.js';
import { bearer, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

const lockout = { failures: 3, firstLockSeconds: 60, maxLockSeconds: 240, forgetAfterHours: 1 };
const WRONG = 'not-the-password-1';

describe.each(testDatabases())('per-account sign-in lock on %s', (database) => {
  let t: TestServer;
  let clock = Date.parse('2030-01-01T08:00:00Z');
  let forged = 0;
  const tick = (seconds: number) => {
    clock += seconds * 1000;
  };

  beforeAll(async () => {
    t = await startTestServer({
      database,
      now: () => clock,
      // `true`: the peer is the one proxy in front, so X-Forwarded-For sets the client address.
      config: { trustProxy: true, auth: { scryptCost: 10, loginAttemptsPerMinute: 1000, lockout } },
    });
  });
  afterAll(async () => t?.close());

  /** One sign-in from a fresh, forged address: the per-address limit never sees the same one twice. */
  const login = (username: string, password = WRONG) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': `198.51.100.${++forged % 250}` },
      payload: { username, password },
    });

  async function statuses(username: string, count: number, password = WRONG) {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await login(username, password)).statusCode);
    return out;
  }

  const auditOf = async (action: string, target: string) => {
    const keeper = await bearer(t, t.adminUsername);
    const page = await call(t, keeper, 'GET', `/api/audit?action=${action}&limit=100`);
    return page.json().items.filter((e: { target: string }) => e.target === target);
  };

  test('failures from ever-changing forged addresses still lock the account, with when to retry', async () => {
    await t.createUser({ username: 'forged-target' });
    expect(await statuses('forged-target', 3)).toEqual([401, 401, 401]);
    const locked = await login('forged-target', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json()).toEqual({
      code: 'AUTH_ACCOUNT_LOCKED',
      message:
        'Too many failed sign-ins for this account; try again in 1 minute, or ask a Keeper to clear the lock',
      details: { retryAfterSeconds: 60, lockedUntil: new Date(clock + 60_000).toISOString() },
    });
    // The right password during the lock gets the very same answer as a wrong one.
    const wrong = await login('forged-target');
    expect(wrong.json()).toEqual(locked.json());
    const [entry] = await auditOf('auth.login.locked', 'forged-target');
    expect(entry).toMatchObject({ actor: 'forged-target', details: { failures: 3, lockSeconds: 60 } });
    // The address is the one Fastify computed from the one trusted hop: the third forged one.
    expect(entry.ip).toBe(`198.51.100.${forged - 2}`);
  });

  test('locks grow exponentially, up to the longest, and end on their own', async () => {
    await t.createUser({ username: 'backoff' });
    const lengths: string[] = [];
    for (let round = 0; round < 4; round++) {
      expect(await statuses('backoff', 3)).toEqual([401, 401, 401]);
      const refused = await login('backoff', TEST_PASSWORD);
      expect(refused.statusCode).toBe(429);
      lengths.push(refused.headers['retry-after'] as string);
      tick(Number(refused.headers['retry-after']) - 1);
      expect((await login('backoff', TEST_PASSWORD)).statusCode).toBe(429);
      tick(1);
    }
    expect(lengths).toEqual(['60', '120', '240', '240']);
    expect((await login('backoff', TEST_PASSWORD)).statusCode).toBe(200);
  });

  test('a successful sign-in clears the count', async () => {
    await t.createUser({ username: 'resets' });
    expect(await statuses('resets', 2)).toEqual([401, 401]);
    expect((await login('resets', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await statuses('resets', 2)).toEqual([401, 401]);
    expect((await login('resets', TEST_PASSWORD)).statusCode).toBe(200);
  });

  test('an unknown name and a real one get the same answers, locks and waits', async () => {
    await t.createUser({ username: 'real-person' });
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await login(username);
        out.push([response.statusCode, response.headers['retry-after'], response.json()]);
      }
      return out;
    };
    const real = await answers('real-person');
    const ghost = await answers('no-such-person');
    expect(ghost).toEqual(real);
    expect(real.map((a) => (a as [number])[0])).toEqual([401, 401, 401, 429, 429]);
  });

  test('the lock is in the database: another replica (or a restart) refuses too', async () => {
    await t.createUser({ username: 'replicated' });
    await statuses('replicated', 3);
    const other = await createServer(t.server.config, {
      logger: createLogger('silent'),
      backgroundJobs: false,
      now: () => clock,
    });
    try {
      const response = await other.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'replicated', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(429);
      expect(response.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    } finally {
      await other.app.close();
    }
  });

  test('a Keeper sees the lock and clears it; members cannot, and do not see it', async () => {
    const { username } = await t.createUser({ username: 'locked-out' });
    await t.createUser({ username: 'bystander' });
    await statuses(username, 3);
    const keeper = await bearer(t, t.adminUsername);
    const shown = await call(t, keeper, 'GET', `/api/users/${username}`);
    expect(shown.json().signInLock).toEqual({
      locked: true,
      lockedUntil: new Date(clock + 60_000).toISOString(),
      failures: 3,
      lockCount: 1,
    });
    const listed = await call(t, keeper, 'GET', `/api/users?q=${username}`);
    expect(listed.json().items[0].signInLock.locked).toBe(true);

    const member = await bearer(t, 'bystander');
    const refused = await call(t, member, 'DELETE', `/api/users/${username}/lock`);
    expect(refused.statusCode).toBe(403);
    const self = await call(t, await bearer(t, username), 'GET', `/api/users/${username}`);
    expect(self.json().signInLock).toBeUndefined();

    expect((await call(t, keeper, 'DELETE', `/api/users/${username}/lock`)).statusCode).toBe(204);
    expect((await call(t, keeper, 'GET', `/api/users/${username}`)).json().signInLock).toBeUndefined();
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
    const [cleared] = await auditOf('user.lock.clear', username);
    expect(cleared).toMatchObject({ actor: t.adminUsername, details: { wasLocked: true, failures: 3 } });
    const missing = await call(t, keeper, 'DELETE', '/api/users/nobody-at-all/lock');
    expect(missing.json().code).toBe('AUTH_USER_NOT_FOUND');
  });

  test('guesses sent all at once check no more passwords than the limit', async () => {
    await t.createUser({ username: 'stampede' });
    const answers = await Promise.all(Array.from({ length: 12 }, () => login('stampede')));
    const codes = answers.map((a) => a.json().code);
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length).toBeLessThanOrEqual(3);
    expect(codes.filter((c) => c !== 'AUTH_INVALID_CREDENTIALS')).toEqual(
      codes.filter((c) => c === 'AUTH_ACCOUNT_LOCKED'),
    );
    expect((await auditOf('auth.login.failed', 'stampede')).length).toBeLessThanOrEqual(3);
  });

  test('failures are forgotten after a quiet spell', async () => {
    await t.createUser({ username: 'forgetful' });
    expect(await statuses('forgetful', 2)).toEqual([401, 401]);
    tick(3600);
    expect(await statuses('forgetful', 2)).toEqual([401, 401]);
    expect((await login('forgetful', TEST_PASSWORD)).statusCode).toBe(200);
    // Forgotten rows (mostly names nobody has) are swept when a new name starts a count.
    tick(3600);
    await login('sweeps-the-rest');
    const rows = await t.server.database.db.selectFrom('sign_in_lockouts').select('username').execute();
    expect(rows.map((r) => r.username)).toEqual(['sweeps-the-rest']);
  });
});
