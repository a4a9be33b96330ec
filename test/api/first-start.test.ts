import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer } from '../../src/server/index.js';
import { testDatabases } from '../helpers/databases.js';
import { freshPostgresDatabase } from '../helpers/server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configIn(dataDir: string, extra: Record<string, unknown> = {}) {
  return loadConfig({
    env: {},
    cwd: dataDir,
    overrides: { dataDir, logLevel: 'silent', auth: { scryptCost: 10 }, ...extra },
  }).config;
}

const start = (dataDir: string, extra?: Record<string, unknown>) =>
  createServer(configIn(dataDir, extra), { logger: createLogger('silent') });

describe('first start', () => {
  test('creates one Keeper with a generated one-time password, exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-first-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    expect(first.firstKeeper?.username).toBe('admin');
    const password = first.firstKeeper?.generatedPassword as string;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password },
    });
    expect(login.json().user).toMatchObject({ role: 'keeper', mustChangePassword: true });
    await first.app.close();

    const second = await start(dataDir);
    expect(second.firstKeeper).toBeNull();
    const users = await second.database.db.selectFrom('users').select('username').execute();
    expect(users).toEqual([{ username: 'admin' }]);
    await second.app.close();
  });

  test('uses PLINTH_ADMIN_USER and PLINTH_ADMIN_PASSWORD when given, with no forced change', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-first-'));
    dirs.push(dataDir);
    const server = await start(dataDir, { adminUser: 'keeper', adminPassword: 'Chosen-by-operator-9' });
    expect(server.firstKeeper).toEqual({ username: 'keeper', generatedPassword: undefined });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'keeper', password: 'Chosen-by-operator-9' },
    });
    expect(login.json().user.mustChangePassword).toBe(false);
    await server.app.close();
  });

  test('generates the secret key into the data dir with mode 0600 and reuses it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-first-'));
    dirs.push(dataDir);
    const first = await start(dataDir, { adminPassword: 'Chosen-by-operator-9' });
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Chosen-by-operator-9' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.cookies.find((c) => c.name === 'plinth_csrf')?.value as string;
    await first.app.close();
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    // After a restart the same session and CSRF token still work: the key was kept.
    const second = await start(dataDir);
    const write = await second.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'after restart' },
    });
    expect(write.statusCode).toBe(201);
    await second.app.close();
  });

  test('readiness reports the database engine', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-first-'));
    dirs.push(dataDir);
    const server = await start(dataDir);
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', database: 'sqlite' });
    const metrics = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('plinth_http_request_duration_seconds_bucket');
    await server.app.close();
  });
});

describe.each(testDatabases().filter((d) => d === 'postgres'))('first start of two replicas on %s', () => {
  test('two replicas starting at once on one database create exactly one Keeper', async () => {
    const database = await freshPostgresDatabase();
    const dataDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'plinth-replica-')));
    dirs.push(...dataDirs);
    try {
      const replicas = await Promise.all(
        dataDirs.map((dataDir) => start(dataDir, { databaseUrl: database.url, secretKey: 's'.repeat(40) })),
      );
      expect(replicas.filter((r) => r.firstKeeper !== null)).toHaveLength(1);
      const users = await replicas[0]?.database.db.selectFrom('users').select('username').execute();
      expect(users).toEqual([{ username: 'admin' }]);
      await Promise.all(replicas.map((r) => r.app.close()));
    } finally {
      await database.drop();
    }
  });
});
