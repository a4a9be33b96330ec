import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer, type PlinthServer } from '../../src/server/index.js';
import { parseVaultKey } from '../../src/services/vault/envelope.js';
import { bearer, call, sessionCaller } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { ADMIN_PASSWORD, freshPostgresDatabase, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

const VAULT_KEY = randomBytes(32).toString('base64');
const SECRET = `s3cr3t-${randomBytes(12).toString('hex')}`;

/**
 * Like startTestServer, but the logger writes (at trace level) into `logs`, so the test can
 * search everything the server logged for the secret.
 */
async function startCapturing(database: 'sqlite' | 'postgres', config: Record<string, unknown>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plinth-vault-'));
  const pgDb = database === 'postgres' ? await freshPostgresDatabase() : undefined;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const { config: loaded } = loadConfig({
    env: {},
    cwd: dataDir,
    overrides: {
      dataDir,
      adminPassword: ADMIN_PASSWORD,
      databaseUrl: pgDb?.url,
      auth: { scryptCost: 10 },
      ...config,
    },
  });
  const server = await createServer(loaded, { logger: createLogger('trace', sink), backgroundJobs: false });
  const t = {
    server,
    app: server.app,
    url: '',
    adminUsername: loaded.adminUser,
    adminPassword: ADMIN_PASSWORD,
    async tokenFor(username: string) {
      const user = await server.auth.userStore.findByUsername(username);
      if (!user) throw new Error(username);
      const principal = { user, role: user.role as 'member', method: 'token' as const };
      return (await server.auth.tokens.create(principal, systemActor, { name: 'test' })).secret;
    },
    async createUser(input: { username: string; teams?: string[] }) {
      await server.auth.users.create(
        systemActor,
        { ...input, displayName: input.username, password: TEST_PASSWORD },
        { mustChangePassword: false },
      );
      return { username: input.username, password: TEST_PASSWORD };
    },
    async close() {
      await server.app.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return { t: t as unknown as TestServer, logs, server: server as PlinthServer };
}

describe.each(testDatabases())('team vault on %s', (database) => {
  let t: TestServer;
  let logs: string[];

  beforeAll(async () => {
    ({ t, logs } = await startCapturing(database, { services: { vault: { key: VAULT_KEY } } }));
    for (const name of ['lab', 'climate']) {
      await t.server.auth.teams.create(systemActor, { name, title: name });
    }
    await t.createUser({ username: 'ann', teams: ['lab'] });
    await t.createUser({ username: 'bob', teams: ['climate'] });
  });
  afterAll(async () => t?.close());

  test('stores a secret for the team, lists it without its value, and reveals it to a member', async () => {
    const ann = await bearer(t, 'ann');
    const put = await call(t, ann, 'PUT', '/api/secrets/lab/DB_PASSWORD', {
      value: SECRET,
      description: 'Postgres of the lab',
      expiresAt: '2099-01-01',
    });
    expect(put.statusCode, put.body).toBe(201);
    expect(put.body).not.toContain(SECRET);
    const list = await call(t, ann, 'GET', '/api/secrets');
    expect(list.json().items).toMatchObject([
      { team: 'lab', name: 'DB_PASSWORD', version: 1, expiryState: 'ok' },
    ]);
    expect(list.body).not.toContain(SECRET);
    const revealed = await call(t, ann, 'POST', '/api/secrets/lab/DB_PASSWORD/reveal', {});
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json().value).toBe(SECRET);
    expect(revealed.headers['cache-control']).toBe('no-store');
  });

  test('the database holds only ciphertext: no trace of the plaintext in any column', async () => {
    const rows = await t.server.database.db.selectFrom('vault_secrets').selectAll().execute();
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(dump).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  test('a member of another team gets 403, and an unknown team 404', async () => {
    const bob = await bearer(t, 'bob');
    for (const [method, url, body] of [
      ['POST', '/api/secrets/lab/DB_PASSWORD/reveal', {}],
      ['GET', '/api/secrets/lab/DB_PASSWORD', undefined],
      ['PUT', '/api/secrets/lab/DB_PASSWORD', { value: 'overwrite' }],
      ['DELETE', '/api/secrets/lab/DB_PASSWORD', undefined],
      ['GET', '/api/secrets?team=lab', undefined],
    ] as const) {
      const response = await call(t, bob, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('VAULT_TEAM_FORBIDDEN');
    }
    expect((await call(t, bob, 'GET', '/api/secrets')).json().items).toEqual([]);
    const unknown = await call(t, bob, 'PUT', '/api/secrets/nope/X', { value: 'x' });
    expect(unknown.json().code).toBe('VAULT_TEAM_NOT_FOUND');
  });

  test('a session must confirm the password to reveal; a wrong one is refused and audited', async () => {
    const session = await sessionCaller(t, 'ann', TEST_PASSWORD);
    const url = '/api/secrets/lab/DB_PASSWORD/reveal';
    expect((await call(t, session, 'POST', url, {})).json().code).toBe('VAULT_REAUTH_REQUIRED');
    const wrong = await call(t, session, 'POST', url, { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('VAULT_REAUTH_FAILED');
    const right = await call(t, session, 'POST', url, { password: TEST_PASSWORD });
    expect(right.json().value).toBe(SECRET);
    const audit = await t.server.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'target', 'details'])
      .where('action', 'like', 'secrets.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['secrets.put', 'secrets.reveal', 'secrets.reveal.refused']),
    );
    expect(audit.filter((a) => a.action === 'secrets.reveal')).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  test('tampered ciphertext gives VAULT_SECRET_CORRUPT, never garbage', async () => {
    const ann = await bearer(t, 'ann');
    await call(t, ann, 'PUT', '/api/secrets/lab/TAMPERED', { value: 'original value' });
    const row = await t.server.database.db
      .selectFrom('vault_secrets')
      .selectAll()
      .where('name', '=', 'TAMPERED')
      .executeTakeFirstOrThrow();
    const bytes = Buffer.from(row.ciphertext, 'base64');
    bytes[14] = (bytes[14] as number) ^ 0x01;
    await t.server.database.db
      .updateTable('vault_secrets')
      .set({ ciphertext: bytes.toString('base64') })
      .where('id', '=', row.id)
      .execute();
    const response = await call(t, ann, 'POST', '/api/secrets/lab/TAMPERED/reveal', {});
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'VAULT_SECRET_CORRUPT' });
    expect(response.body).not.toContain('original');
  });

  test('a ciphertext moved to another secret does not decrypt there', async () => {
    const ann = await bearer(t, 'ann');
    await call(t, ann, 'PUT', '/api/secrets/lab/DECOY', { value: 'decoy' });
    const db = t.server.database.db;
    const source = await db
      .selectFrom('vault_secrets')
      .selectAll()
      .where('name', '=', 'DB_PASSWORD')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('vault_secrets')
      .set({ ciphertext: source.ciphertext, wrapped_key: source.wrapped_key })
      .where('name', '=', 'DECOY')
      .execute();
    const response = await call(t, ann, 'POST', '/api/secrets/lab/DECOY/reveal', {});
    expect(response.json().code).toBe('VAULT_SECRET_CORRUPT');
  });

  test('expiry: soon-expiring secrets are flagged and reminded once; expired ones are not revealed', async () => {
    const ann = await bearer(t, 'ann');
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await call(t, ann, 'PUT', '/api/secrets/lab/SOON', { value: 'x', expiresAt: soon });
    await call(t, ann, 'PUT', '/api/secrets/lab/GONE', { value: 'y', expiresAt: '2020-01-01' });
    const expiring = await call(t, ann, 'GET', '/api/secrets?expiring=true');
    expect(
      expiring
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['GONE', 'SOON']);
    const reminded = await t.server.services.vault.remindExpiring();
    expect(reminded.map((r) => r.name).sort()).toEqual(['GONE', 'SOON']);
    expect(await t.server.services.vault.remindExpiring()).toEqual([]);
    const gone = await call(t, ann, 'POST', '/api/secrets/lab/GONE/reveal', {});
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('VAULT_SECRET_EXPIRED');
  });

  test('replacing a value makes a new version; removing deletes it', async () => {
    const ann = await bearer(t, 'ann');
    const replaced = await call(t, ann, 'PUT', '/api/secrets/lab/SOON', { value: 'z' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ version: 2 });
    expect((await call(t, ann, 'DELETE', '/api/secrets/lab/SOON')).statusCode).toBe(204);
    expect((await call(t, ann, 'GET', '/api/secrets/lab/SOON')).json().code).toBe('VAULT_SECRET_NOT_FOUND');
  });

  test('reveals are rate-limited per user', async () => {
    await t.createUser({ username: 'carl', teams: ['lab'] });
    const carl = await bearer(t, 'carl');
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      statuses.push((await call(t, carl, 'POST', '/api/secrets/lab/DB_PASSWORD/reveal', {})).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    // Ann has her own allowance.
    const ann = await bearer(t, 'ann');
    expect((await call(t, ann, 'POST', '/api/secrets/lab/DB_PASSWORD/reveal', {})).statusCode).toBe(200);
  });

  test('no secret, stored or generated, appears in the server log, even at trace level', async () => {
    const ann = await bearer(t, 'ann');
    const password = (await call(t, ann, 'POST', '/api/credentials/password', {})).json().value;
    const key = (await call(t, ann, 'POST', '/api/credentials/ssh-key', {})).json().privateKey;
    const body = key.split('\n')[1];
    expect(logs.length).toBeGreaterThan(10);
    const all = logs.join('');
    for (const secret of [SECRET, 'original value', password, body]) expect(all).not.toContain(secret);
  });
});

describe('team vault without a key', () => {
  test('answers VAULT_DISABLED and the Services page shows it as disabled', async () => {
    const { t } = await startCapturing('sqlite', {});
    try {
      const admin = await bearer(t, t.adminUsername);
      const response = await call(t, admin, 'GET', '/api/secrets');
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('VAULT_DISABLED');
      const services = await call(t, admin, 'GET', '/api/services');
      const vault = services.json().items.find((s: { id: string }) => s.id === 'vault');
      expect(vault.health.status).toBe('disabled');
    } finally {
      await t.close();
    }
  });
});

describe('vault key rotation', () => {
  test('secrets wrapped under a retired key are re-wrapped at start and still reveal', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-rotate-'));
    const start = async (vault: Record<string, unknown>) => {
      const { config } = loadConfig({
        env: {},
        cwd: dataDir,
        overrides: {
          dataDir,
          adminPassword: ADMIN_PASSWORD,
          logLevel: 'silent',
          auth: { scryptCost: 10 },
          services: { vault },
        },
      });
      return createServer(config, { logger: createLogger('silent'), backgroundJobs: false });
    };
    try {
      let server = await start({ key: oldKey });
      await server.auth.teams.create(systemActor, { name: 'lab', title: 'Lab' });
      const admin = await server.auth.userStore.findByUsername('admin');
      if (!admin) throw new Error('no admin');
      await server.auth.teams.addMember(systemActor, 'lab', 'admin');
      const principal = { user: admin, role: 'keeper' as const, method: 'token' as const };
      const actor = { userId: admin.id, username: 'admin', ip: null };
      await server.services.vault.put(principal, actor, 'lab', 'ROTATED', { value: 'kept across rotation' });
      await server.app.close();

      server = await start({ key: newKey, retiredKeys: [oldKey] });
      const rows = await server.database.db.selectFrom('vault_secrets').select('key_id').execute();
      await server.app.close();

      server = await start({ key: newKey });
      const revealed = await server.services.vault.reveal(principal, actor, 'lab', 'ROTATED', undefined);
      expect(revealed.value).toBe('kept across rotation');
      expect(rows.map((r) => r.key_id)).toEqual([parseVaultKey(newKey, 'key').id]);
      await server.app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
