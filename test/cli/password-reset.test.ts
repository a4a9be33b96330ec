import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, sessionCaller } from '../helpers/client.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let keeperEnv: Record<string, string>;
const dirs = tempConfigDirs();

beforeAll(async () => {
  server = await startTestServer({ listen: true });
  keeperEnv = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
});
afterAll(async () => {
  await server?.close();
  dirs.cleanup();
});

describe('plinth users reset-password', () => {
  it('prints the one-time password on stdout and says on stderr what it signed out and revoked', async () => {
    await server.createUser({ username: 'lost-laptop' });
    const session = await sessionCaller(server, 'lost-laptop', TEST_PASSWORD);
    const tokens = [await bearer(server, 'lost-laptop'), await bearer(server, 'lost-laptop')];
    const reset = await plinth(['users', 'reset-password', 'lost-laptop'], {
      configDir: dirs.make(),
      env: keeperEnv,
    });
    expect(reset.code).toBe(0);
    expect(reset.stdout.trim()).toMatch(/^\S{12,}$/);
    expect(reset.stderr).toContain('lost-laptop: 1 session signed out, 2 API tokens revoked.');
    for (const caller of [session, ...tokens]) {
      expect((await call(server, caller, 'GET', '/api/me')).statusCode).toBe(401);
    }
  });

  it('gives the counts with --json too', async () => {
    await server.createUser({ username: 'json-reader' });
    const reset = await plinth(['users', 'reset-password', 'json-reader', '--json'], {
      configDir: dirs.make(),
      env: keeperEnv,
    });
    expect(JSON.parse(reset.stdout)).toMatchObject({ sessionsEnded: 0, tokensRevoked: 0 });
  });
});
