import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
const dirs = tempConfigDirs();

beforeAll(async () => {
  server = await startTestServer({ listen: true });
});
afterAll(async () => {
  await server?.close();
  dirs.cleanup();
});

async function loginWithPassword(configDir: string, username: string, password: string) {
  return plinth(['login', '--url', server.url, '--username', username, '--password-stdin'], {
    configDir,
    input: `${password}\n`,
  });
}

function storedCredentials(configDir: string) {
  return JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')) as {
    url: string;
    token: string;
    username: string;
  };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('plinth login / whoami / logout', () => {
  it('signs in with a password from stdin and stores a token readable by its owner only', async () => {
    const configDir = dirs.make();
    const login = await loginWithPassword(configDir, server.adminUsername, server.adminPassword);
    expect(login.stderr).toContain(`Signed in to ${server.url} as ${server.adminUsername}`);
    expect(login.code).toBe(0);
    expect(statSync(join(configDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    const stored = storedCredentials(configDir);
    expect(stored).toMatchObject({ url: server.url, username: server.adminUsername });
    expect(stored.token).toMatch(/^plinth_/);
    expect(readFileSync(join(configDir, 'credentials.json'), 'utf8')).not.toContain(server.adminPassword);

    const whoami = await plinth(['whoami', '--json'], { configDir });
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      user: { username: server.adminUsername, role: 'keeper' },
      authMethod: 'token',
    });
  });

  it('signs in with an existing token', async () => {
    const member = await server.createUser({ username: 'token-user' });
    const configDir = dirs.make();
    const login = await plinth(
      ['login', '--url', server.url, '--token', await server.tokenFor(member.username)],
      { configDir },
    );
    expect(login.code).toBe(0);
    const whoami = await plinth(['whoami'], { configDir });
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toMatch(/username\s+token-user/);
    // A pasted token has no known id: logout finds it by its prefix and still revokes it.
    const { token } = storedCredentials(configDir);
    expect((await plinth(['logout'], { configDir })).code).toBe(0);
    const reuse = await plinth(['whoami'], {
      configDir,
      env: { PLINTH_URL: server.url, PLINTH_TOKEN: token },
    });
    expect(reuse.code).toBe(3);
  });

  it('refuses a wrong password with exit 3', async () => {
    const result = await loginWithPassword(dirs.make(), server.adminUsername, 'not-the-password');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^plinth: /);
  });

  it('asks for a terminal when the password is a one-time one (exit 4)', async () => {
    const env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
    const created = await plinth(['users', 'create', 'newcomer', '--display-name', 'New Comer'], {
      configDir: dirs.make(),
      env,
    });
    expect(created.code).toBe(0);
    const configDir = dirs.make();
    const result = await loginWithPassword(configDir, 'newcomer', created.stdout.trim());
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('one-time password');
    expect(() => statSync(join(configDir, 'credentials.json'))).toThrow();
  });

  it('asks a script for --username instead of waiting for a prompt (exit 2)', async () => {
    const result = await plinth(['login', '--url', server.url], { configDir: dirs.make() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--password-stdin');
  });

  it('exits 3 once the token has been revoked', async () => {
    await server.createUser({ username: 'revoked-user' });
    const env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('revoked-user') };
    const configDir = dirs.make();
    const list = await plinth(['tokens', 'ls', '--json'], { configDir, env });
    expect(list.code).toBe(0);
    const { items } = JSON.parse(list.stdout) as { items: { id: string; prefix: string }[] };
    const own = items.find((token) => env.PLINTH_TOKEN.startsWith(token.prefix));
    expect(own).toBeDefined();
    expect((await plinth(['tokens', 'revoke', own?.id ?? ''], { configDir, env })).code).toBe(0);
    const whoami = await plinth(['whoami'], { configDir, env });
    expect(whoami.code).toBe(3);
  });

  it('logs out by revoking the stored token and deleting the file', async () => {
    const member = await server.createUser({ username: 'leaving-user' });
    const configDir = dirs.make();
    expect((await loginWithPassword(configDir, member.username, member.password)).code).toBe(0);
    const { token } = storedCredentials(configDir);
    const logout = await plinth(['logout'], { configDir });
    expect(logout.code).toBe(0);
    expect(() => statSync(join(configDir, 'credentials.json'))).toThrow();
    const reuse = await plinth(['whoami'], {
      configDir,
      env: { PLINTH_URL: server.url, PLINTH_TOKEN: token },
    });
    expect(reuse.code).toBe(3);
  });

  it('prints a new token’s secret alone on stdout', async () => {
    const env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(server.adminUsername) };
    const created = await plinth(['tokens', 'create', 'nightly CI', '--expires-in-days', '30'], {
      configDir: dirs.make(),
      env,
    });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^plinth_\S+\n$/);
  });

  it('exits 3 with advice when not signed in', async () => {
    const result = await plinth(['whoami'], { configDir: dirs.make() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('plinth login');
  });

  it('exits 9 when the server is down', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await plinth(['whoami'], {
      configDir: dirs.make(),
      env: { PLINTH_URL: url, PLINTH_TOKEN: 'plinth_x' },
    });
    expect(result.code).toBe(9);
    expect(result.stderr).toContain(`cannot reach Plinth at ${url} — is it running?`);
  });
});
