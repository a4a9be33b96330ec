import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import { createServer } from '../../src/server/index.js';
import { engineAvailable, testJobUser } from '../helpers/engines.js';
import { freePort, waitUntilReady } from '../helpers/processes.js';

/**
 * A member's local job tries everything that took the platform over before: reading the server's
 * key, database and environment, another team's job and vault secret, and writing the database to
 * become a Keeper. The server runs as its own process with its secrets in its environment, as an
 * operator would start it; jobs run as the isolated user.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const isolated = engineAvailable(
  'job isolation',
  Boolean(testJobUser) && process.getuid?.() === 0,
  'run the tests as root with bubblewrap installed and PLINTH_TEST_RUN_AS naming an unprivileged user (.ci/run creates plinth-jobs)',
);

const canary = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const secrets = {
  adminPassword: canary('Keeper-pw'),
  vaultKey: randomBytes(32).toString('base64'),
  webhookSecret: canary('webhook'),
  betaVaultValue: canary('beta-vault'),
  betaOutput: canary('beta-output'),
};
const password = 'Member-password-2468';

describe.runIf(isolated)('a member local job cannot escape its sandbox', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plinth-attack-'));
  let server: ChildProcess | undefined;
  let url = '';
  let tokens: Record<string, string> = {};
  let serverLog = '';

  beforeAll(async () => {
    tokens = await prepareAccounts(dataDir);
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PLINTH_DATA_DIR: dataDir,
        PLINTH_HOST: '127.0.0.1',
        PLINTH_PORT: String(port),
        PLINTH_ADMIN_PASSWORD: secrets.adminPassword,
        PLINTH_SERVICES_VAULT_KEY: secrets.vaultKey,
        PLINTH_CATALOG_WEBHOOK_SECRET: secrets.webhookSecret,
        PLINTH_COMPUTE_POLL_INTERVAL_SECONDS: '0.3',
        PLINTH_COMPUTE_EXECUTORS: JSON.stringify({ local: { runAs: testJobUser } }),
        PLINTH_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => {
      serverLog += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      serverLog += chunk.toString();
    });
    url = `http://127.0.0.1:${port}`;
    await waitUntilReady(url, Date.now() + 60_000);
  }, 120_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function waitForState(token: string, id: string, states: string[]) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { body } = await call(token, 'GET', `/api/jobs/${id}`);
      if (states.includes(body.state as string)) return body;
      if (Date.now() > deadline)
        throw new Error(`job ${id} stayed ${body.state}; server said:\n${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  async function logs(token: string, id: string) {
    let text = '';
    for (const stream of ['stdout', 'stderr']) {
      const { body } = await call(token, 'GET', `/api/jobs/${id}/logs?stream=${stream}&limit=1000000`);
      text += `${body.text as string}\n`;
    }
    return text;
  }

  test('reads nothing of the server, the other team or the database, and changes nothing', async () => {
    const { alice, bob } = tokens as { alice: string; bob: string };
    const secret = await call(bob, 'PUT', '/api/secrets/beta/token', { value: secrets.betaVaultValue });
    expect(secret.status).toBeLessThan(300);

    // Bob's job keeps running with his team's secret in its environment and his results in its folder.
    const victim = await call(bob, 'POST', '/api/jobs', {
      name: 'beta-results',
      team: 'beta',
      env: { BETA_TOKEN: 'secret:token' },
      script: `echo ${secrets.betaOutput} > result.txt\necho ${secrets.betaOutput}\nsleep 120\n`,
    });
    expect(victim.status).toBe(201);
    const victimId = victim.body.id as string;
    await waitForState(bob, victimId, ['running']);

    const serverPid = String(server?.pid);
    const attack = await call(alice, 'POST', '/api/jobs', {
      name: 'escape',
      team: 'alpha',
      env: { DATA: dataDir, SERVER_PID: serverPid, VICTIM: victimId },
      script: ATTACK,
    });
    expect(attack.status).toBe(201);
    const done = await waitForState(alice, attack.body.id as string, ['succeeded', 'failed']);
    const output = await logs(alice, attack.body.id as string);

    // The attack ran, to the end, as the jobs' user: a silent non-run would prove nothing.
    expect(output).toContain('== start');
    expect(output).toContain('== end');
    expect(output).toContain(
      `uid=${execFileSync('id', ['-u', testJobUser as string])
        .toString()
        .trim()}`,
    );
    expect(done.state).toBe('succeeded');
    for (const [name, value] of Object.entries(secrets)) {
      expect(output.includes(value), `the job read ${name}`).toBe(false);
    }
    // The key the server generated into its data dir, as a default install does.
    expect(output).not.toContain(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim());
    if (process.env.PLINTH_TEST_SHOW_ATTACK) console.log(output);
    expect(output).not.toMatch(/SQLite format 3/);

    // Nothing changed: alice is still a member, the database and the key are intact.
    const me = (await call(alice, 'GET', '/api/me')).body as { user: { role: string } };
    expect(me.user.role).toBe('member');
    await call(bob, 'POST', `/api/jobs/${victimId}/cancel`, {});
  }, 180_000);

  test('the data dir and its key are the server user’s alone', () => {
    const mode = (path: string) => execFileSync('stat', ['-c', '%a', path]).toString().trim();
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'plinth.sqlite'))).toBe('600');
  });

  test('after the attack the database still says alice is a member', () => {
    const db = new Database(join(dataDir, 'plinth.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select role from users where username = ?').get('alice') as { role: string };
      expect(row.role).toBe('member');
    } finally {
      db.close();
    }
  });
});

/** The accounts, teams and tokens of the attack, made before the server process starts. */
async function prepareAccounts(dataDir: string): Promise<Record<string, string>> {
  const { config } = loadConfig({
    env: {},
    cwd: dataDir,
    overrides: {
      dataDir,
      adminPassword: secrets.adminPassword,
      logLevel: 'silent',
      auth: { scryptCost: 10 },
      services: { vault: { key: secrets.vaultKey } },
    },
  });
  const setup = await createServer(config, { logger: createLogger('silent'), backgroundJobs: false });
  try {
    for (const team of ['alpha', 'beta']) {
      await setup.auth.teams.create(systemActor, { name: team, title: team });
    }
    const tokens: Record<string, string> = {};
    for (const [username, team] of [
      ['alice', 'alpha'],
      ['bob', 'beta'],
    ] as const) {
      await setup.auth.users.create(
        systemActor,
        { username, displayName: username, teams: [team], password },
        { mustChangePassword: false },
      );
      const user = await setup.auth.userStore.findByUsername(username);
      if (!user) throw new Error(`no user ${username}`);
      const principal = { user, role: 'member' as const, method: 'token' as const };
      tokens[username] = (await setup.auth.tokens.create(principal, systemActor, { name: 'attack' })).secret;
    }
    return tokens;
  } finally {
    await setup.app.close();
  }
}

/** Everything the job tries; each step prints what it got, and the test looks for the secrets. */
const ATTACK = `set +e
echo "== start $(id)"
echo "== key"; cat "$DATA/secret.key"
echo "== database"; head -c 4096 "$DATA/plinth.sqlite"
echo "== server environment"; tr '\\0' '\\n' < "/proc/$SERVER_PID/environ"
echo "== server root"; cat "/proc/$SERVER_PID/root$DATA/secret.key"
echo "== every process"
for p in /proc/[0-9]*; do tr '\\0' '\\n' < "$p/environ"; tr '\\0' ' ' < "$p/cmdline"; echo; done
echo "== other job"; ls -la "$DATA/jobs" "$DATA/jobs/$VICTIM" "$DATA/jobs/$VICTIM/work"
cat "$DATA/jobs/$VICTIM/stdout.log" "$DATA/jobs/$VICTIM/work/result.txt"
echo "== search"; find / -xdev \\( -name secret.key -o -name 'plinth.sqlite*' -o -name result.txt \\) 2>/dev/null | head -20
for f in $(find / -xdev \\( -name secret.key -o -name result.txt \\) 2>/dev/null | head -20); do cat "$f"; done
echo "== write"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\\"update users set role='keeper' where username='alice'\\"); c.commit(); print('WROTE DATABASE')" "$DATA/plinth.sqlite"
echo tampered >> "$DATA/secret.key"
echo "== end"
exit 0
`;
