import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemActor } from '../../src/auth/index.js';
import type { Principal } from '../../src/auth/principal.js';
import type { Role } from '../../src/auth/schemas.js';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer, type PlinthServer } from '../../src/server/index.js';
import { testLocalExecutor, testPostgresUrl } from './engines.js';

export type TestDatabase = 'sqlite' | 'postgres';

export interface TestServerOptions {
  database?: TestDatabase;
  listen?: boolean;
  /** Extra config keys (same names as plinth.yaml). */
  config?: Record<string, unknown>;
  /** The server's clock for time-dependent rules (request targets); the system clock when absent. */
  now?: () => number;
}

export const TEST_PASSWORD = 'Test-password-2468';
export const ADMIN_PASSWORD = 'Keeper-secret-1357';

/** A fresh, empty PostgreSQL database on the test cluster, dropped by the returned function. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!testPostgresUrl) throw new Error('PLINTH_TEST_DATABASE_URL is not set');
  const name = `plinth_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The test's compute settings, its local executor isolated as the machine allows (see testLocalExecutor). */
function withTestExecutors(compute: unknown): Record<string, unknown> {
  const section = (compute ?? {}) as { executors?: Record<string, Record<string, unknown>> };
  const executors = section.executors ?? { local: {} };
  return {
    ...section,
    executors: {
      ...executors,
      ...(executors.local ? { local: testLocalExecutor(executors.local) } : {}),
    },
  };
}

/** A real Plinth server on a throwaway data dir (and database), with helpers to make users and tokens. */
export async function startTestServer(options: TestServerOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plinth-test-'));
  const pgDb = options.database === 'postgres' ? await freshPostgresDatabase() : undefined;
  const { config } = loadConfig({
    env: {},
    cwd: dataDir,
    overrides: {
      dataDir,
      port: 0,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      databaseUrl: pgDb?.url,
      auth: { scryptCost: 10 },
      ...options.config,
      compute: withTestExecutors(options.config?.compute),
    },
  });
  let server: PlinthServer;
  try {
    server = await createServer(config, {
      logger: createLogger(config.logLevel),
      backgroundJobs: false,
      now: options.now,
    });
  } catch (error) {
    await pgDb?.drop();
    throw error;
  }
  // Empty when not listening: tests that only inject never need a URL.
  const url = options.listen ? await server.app.listen({ host: '127.0.0.1', port: 0 }) : '';

  async function principalOf(username: string): Promise<Principal> {
    const user = await server.auth.userStore.findByUsername(username);
    if (!user) throw new Error(`no user ${username}`);
    return { user, role: user.role as Role, method: 'token' };
  }

  return {
    server,
    app: server.app,
    url,
    /** The server's data folder (jobs' outputs, sweeps' files). */
    dataDir,
    adminUsername: config.adminUser,
    adminPassword: ADMIN_PASSWORD,
    /** A fresh API token of `username`. */
    async tokenFor(username: string): Promise<string> {
      const created = await server.auth.tokens.create(await principalOf(username), systemActor, {
        name: 'test',
      });
      return created.secret;
    },
    /** A ready-to-use account (its password needs no change) with TEST_PASSWORD. */
    async createUser(input: { username: string; role?: Role; teams?: string[] }) {
      await server.auth.users.create(
        systemActor,
        {
          username: input.username,
          displayName: `Test ${input.username}`,
          role: input.role,
          teams: input.teams,
          password: TEST_PASSWORD,
        },
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
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
