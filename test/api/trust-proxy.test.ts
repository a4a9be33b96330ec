import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Three attempts per address and minute; the second failure in a row locks the account. */
const auth = { scryptCost: 10, loginAttemptsPerMinute: 3, lockout: { failures: 2 } };

/** Signs in over a real TCP connection from 127.0.0.1, carrying whatever X-Forwarded-For we like. */
async function attempt(t: TestServer, username: string, forwardedFor: string) {
  const response = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username, password: 'not-the-password-1' }),
  });
  return { status: response.status, code: ((await response.json()) as { code: string }).code };
}

async function auditIps(t: TestServer, action: string, target: string): Promise<string[]> {
  const page = await call(t, await bearer(t, t.adminUsername), 'GET', `/api/audit?action=${action}`);
  return page
    .json()
    .items.filter((e: { target: string }) => e.target === target)
    .map((e: { ip: string }) => e.ip)
    .reverse();
}

describe.each(testDatabases())('client addresses behind a reverse proxy on %s', (database) => {
  describe('when the peer is not a trusted proxy', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ database, listen: true, config: { trustProxy: ['10.0.0.0/8'], auth } });
    });
    afterAll(async () => t?.close());

    test('a forged X-Forwarded-For is ignored: limits and the audit log see the real peer', async () => {
      await t.createUser({ username: 'direct-target' });
      const answers = [];
      for (let i = 1; i <= 4; i++) answers.push(await attempt(t, 'direct-target', `203.0.113.${i}`));
      expect(answers).toEqual([
        { status: 401, code: 'AUTH_INVALID_CREDENTIALS' },
        { status: 401, code: 'AUTH_INVALID_CREDENTIALS' },
        { status: 429, code: 'AUTH_ACCOUNT_LOCKED' },
        // The fourth attempt from 127.0.0.1, whatever the header said.
        { status: 429, code: 'RATE_LIMITED' },
      ]);
      expect(await auditIps(t, 'auth.login.failed', 'direct-target')).toEqual(['127.0.0.1', '127.0.0.1']);
      expect(await auditIps(t, 'auth.login.locked', 'direct-target')).toEqual(['127.0.0.1']);
    });
  });

  describe('when the peer is a trusted proxy', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ database, listen: true, config: { trustProxy: ['127.0.0.1'], auth } });
    });
    afterAll(async () => t?.close());

    test('the client is the address the proxy added; what the client forged before it is not', async () => {
      await t.createUser({ username: 'proxied-target' });
      const answers = [];
      for (let i = 1; i <= 4; i++)
        answers.push(await attempt(t, 'proxied-target', `6.6.6.6, 203.0.113.${i}`));
      // Four client addresses, so no per-address limit; the account locks all the same.
      expect(answers.map((a) => a.code)).toEqual([
        'AUTH_INVALID_CREDENTIALS',
        'AUTH_INVALID_CREDENTIALS',
        'AUTH_ACCOUNT_LOCKED',
        'AUTH_ACCOUNT_LOCKED',
      ]);
      expect(await auditIps(t, 'auth.login.failed', 'proxied-target')).toEqual([
        '203.0.113.1',
        '203.0.113.2',
      ]);
      expect(await auditIps(t, 'auth.login.locked', 'proxied-target')).toEqual(['203.0.113.2']);
    });
  });
});
