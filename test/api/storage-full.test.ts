import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer, type PlinthServer } from '../../src/server/index.js';
import { engineAvailable } from '../helpers/engines.js';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/server.js';

const VAULT_KEY = randomBytes(32).toString('base64');

/** Whether this machine lets the suite mount a small tmpfs (root on Linux). */
function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'plinth-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const mountable = engineAvailable(
  'tmpfs',
  canMountTmpfs(),
  'the full-disk suite mounts a small tmpfs: run it as root on Linux (CI does)',
);

/** A Plinth server on `dataDir` (SQLite there), its log lines kept for the test to read. */
async function startOn(dataDir: string, logs: string[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const { config } = loadConfig({
    env: {},
    cwd: dataDir,
    overrides: {
      dataDir,
      adminPassword: ADMIN_PASSWORD,
      auth: { scryptCost: 10 },
      // Only failing writes make it not ready here; the free-space rule has its own test below.
      server: { minFreeDiskMb: 0 },
      services: { vault: { key: VAULT_KEY, readsPerMinute: 100_000, maxValueBytes: 65_536 } },
    },
  });
  const server = await createServer(config, { logger: createLogger('info', sink), backgroundJobs: false });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { server, url };
}

/** Writes zeros into `file` until the filesystem refuses more. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mountable)('a full disk under SQLite', () => {
  let mountPoint: string;
  let dataDir: string;
  let server: PlinthServer;
  let url: string;
  let headers: Record<string, string>;
  const logs: string[] = [];

  beforeAll(async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'plinth-full-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint]);
    dataDir = join(mountPoint, 'data');
    mkdirSync(dataDir);
    ({ server, url } = await startOn(dataDir, logs));
    await server.auth.teams.create(systemActor, { name: 'lab', title: 'Lab' });
    const admin = await server.auth.userStore.findByUsername(server.config.adminUser);
    const principal = {
      user: admin as NonNullable<typeof admin>,
      role: 'keeper' as const,
      method: 'token' as const,
    };
    await server.auth.teams.addMember(systemActor, 'lab', server.config.adminUser);
    const token = (await server.auth.tokens.create(principal, systemActor, { name: 'disk' })).secret;
    headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  });

  afterAll(async () => {
    await server?.app.close();
    if (mountPoint) {
      execFileSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  const put = (name: string, value: string) =>
    fetch(`${url}/api/secrets/lab/${name}`, { method: 'PUT', headers, body: JSON.stringify({ value }) });
  const readyz = async () => {
    const response = await fetch(`${url}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test('writes are refused with 507 STORAGE_FULL, readiness says why, and space freed brings both back with nothing lost', async () => {
    expect((await readyz()).status).toBe(200);
    const acknowledged = new Map<string, string>();
    for (let i = 0; i < 5; i++) {
      const value = `stored before the disk filled, #${i}`;
      expect((await put(`EARLY${i}`, value)).status).toBe(201);
      acknowledged.set(`EARLY${i}`, value);
    }
    const filler = join(mountPoint, 'filler');
    fillDisk(filler);

    // The WAL may still have room it used before: write until the disk truly refuses.
    let refusal: Response | undefined;
    for (let i = 0; i < 600 && !refusal; i++) {
      const value = randomBytes(24 * 1024).toString('base64');
      const response = await put(`S${i}`, value);
      if (response.status === 201) acknowledged.set(`S${i}`, value);
      else refusal = response;
    }
    expect(refusal?.status).toBe(507);
    expect(await refusal?.json()).toEqual({
      code: 'STORAGE_FULL',
      message: expect.stringMatching(
        /^The server has no room left to store this \(SQLITE_FULL: .*\); nothing/,
      ),
    });

    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/^disk full: database writes fail \(SQLITE_FULL/),
      details: { reason: 'STORAGE_FULL' },
    });
    const logged = logs.join('');
    expect(logged).toContain('disk full');
    expect(logged).not.toContain('cannot rollback');

    rmSync(filler);
    expect((await readyz()).status).toBe(200);
    expect((await put('AFTER', 'written once space was back')).status).toBe(201);
    acknowledged.set('AFTER', 'written once space was back');

    // Everything acknowledged is there, also after a restart on the same files.
    await server.app.close();
    ({ server, url } = await startOn(dataDir, logs));
    for (const [name, value] of acknowledged) {
      const response = await fetch(`${url}/api/secrets/lab/${name}/reveal`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(response.status, name).toBe(200);
      expect(((await response.json()) as { value: string }).value, name).toBe(value);
    }
    expect(acknowledged.size).toBeGreaterThan(5);
  });
});

describe('readiness and the free space of the data folder', () => {
  test('is not ready, with the reason, when the data folder has less free space than server.minFreeDiskMb', async () => {
    // No disk has an exbibyte free: the rule applies without filling anything.
    const t = await startTestServer({ config: { server: { minFreeDiskMb: 2 ** 40 } } });
    try {
      const response = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(
          /^disk full: [\d.]+ MiB free on the filesystem of the data folder .*server\.minFreeDiskMb$/,
        ),
        details: { reason: 'STORAGE_FULL' },
      });
    } finally {
      await t.close();
    }
  });
});
