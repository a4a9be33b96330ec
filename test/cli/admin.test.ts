import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
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

/** Runs the CLI as the first Keeper, through PLINTH_URL/PLINTH_TOKEN as CI would. */
const asKeeper = (args: string[], input?: string) =>
  plinth(args, { configDir: dirs.make(), env: keeperEnv, ...(input === undefined ? {} : { input }) });

describe('plinth users / teams / audit', () => {
  it('creates a user, prints their one-time password, and lists them', async () => {
    const created = await asKeeper([
      'users',
      'create',
      'ada',
      '--display-name',
      'Ada Lovelace',
      '--email',
      'ada@example.org',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).not.toBe('');
    expect(created.stdout.trim()).not.toContain(' ');
    const list = await asKeeper(['users', 'ls', '--json']);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout) as { items: { username: string }[]; nextCursor: string | null };
    expect(page.items.map((user) => user.username)).toContain('ada');
    const table = await asKeeper(['users', 'ls', '--q', 'lovelace']);
    expect(table.stdout).toMatch(/USERNAME\s+NAME/);
    expect(table.stdout).toContain('Ada Lovelace');
  });

  it('creates a team, adds a member and shows them', async () => {
    await server.createUser({ username: 'grace' });
    const create = await asKeeper(['teams', 'create', 'optics', '--title', 'Optics Lab', '--json']);
    expect(create.code).toBe(0);
    expect(JSON.parse(create.stdout)).toMatchObject({ name: 'optics', title: 'Optics Lab' });
    expect((await asKeeper(['teams', 'add-member', 'optics', 'grace'])).code).toBe(0);
    const show = await asKeeper(['teams', 'show', 'optics', '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ name: 'optics', members: [{ username: 'grace' }] });
  });

  it('exits 6 for a team that already exists', async () => {
    expect((await asKeeper(['teams', 'create', 'twice', '--title', 'Twice'])).code).toBe(0);
    const again = await asKeeper(['teams', 'create', 'twice', '--title', 'Twice']);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/^plinth: /);
  });

  it('exits 5 for a user that does not exist', async () => {
    const result = await asKeeper(['users', 'show', 'nobody-here']);
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
  });

  it('exits 7 for an invalid username, naming the field', async () => {
    const result = await asKeeper(['users', 'create', 'Not Valid!', '--display-name', 'X']);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('username');
  });

  it('reports errors as JSON on stderr with --json', async () => {
    const result = await asKeeper(['teams', 'show', 'no-such-team', '--json']);
    expect(result.code).toBe(5);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'AUTH_TEAM_NOT_FOUND' } });
  });

  it('exits 4 when a member lists users', async () => {
    const member = await server.createUser({ username: 'plain-member' });
    const env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor(member.username) };
    const result = await plinth(['users', 'ls'], { configDir: dirs.make(), env });
    expect(result.code).toBe(4);
  });

  it('updates and disables a user', async () => {
    await server.createUser({ username: 'hopper' });
    const update = await asKeeper([
      'users',
      'update',
      'hopper',
      '--display-name',
      'Grace Hopper',
      '--disable',
      '--json',
    ]);
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout)).toMatchObject({ displayName: 'Grace Hopper', disabled: true });
    expect((await asKeeper(['users', 'update', 'hopper'])).code).toBe(2);
  });

  it('deletes a team only with --yes when not interactive', async () => {
    expect((await asKeeper(['teams', 'create', 'short-lived', '--title', 'Short'])).code).toBe(0);
    expect((await asKeeper(['teams', 'delete', 'short-lived'])).code).toBe(2);
    expect((await asKeeper(['teams', 'delete', 'short-lived', '--yes'])).code).toBe(0);
    expect((await asKeeper(['teams', 'show', 'short-lived'])).code).toBe(5);
  });

  it('follows every page with --all and says how to get more without it', async () => {
    await Promise.all(
      ['page-a', 'page-b', 'page-c'].map((name) => asKeeper(['teams', 'create', name, '--title', name])),
    );
    const first = await asKeeper(['teams', 'ls', '--limit', '1', '--json']);
    expect(JSON.parse(first.stdout).items).toHaveLength(1);
    expect(first.stderr).toContain('--all');
    const all = await asKeeper(['teams', 'ls', '--limit', '1', '--all', '--json']);
    const page = JSON.parse(all.stdout) as { items: { name: string }[]; nextCursor: string | null };
    expect(page.items.map((team) => team.name)).toEqual(
      expect.arrayContaining(['page-a', 'page-b', 'page-c']),
    );
    expect(page.nextCursor).toBeNull();
  });

  it('shows a user locked by failed sign-ins, and unlocks them', async () => {
    await server.createUser({ username: 'turing' });
    for (let i = 0; i < server.server.config.auth.lockout.failures; i++) {
      await server.server.auth.sessions
        .login('turing', 'wrong-guess-123', { ip: '192.0.2.1' })
        .catch(() => null);
    }
    const locked = await asKeeper(['users', 'show', 'turing']);
    expect(locked.stdout).toMatch(/status\s+locked until \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(locked.stdout).toMatch(/failed sign-ins\s+5 since the last lock ran out \(1 lock so far\)/);
    const unlock = await asKeeper(['users', 'unlock', 'turing']);
    expect(unlock.code).toBe(0);
    expect(unlock.stderr).toContain('Cleared the sign-in lock of turing');
    const after = await asKeeper(['users', 'show', 'turing', '--json']);
    expect(JSON.parse(after.stdout)).not.toHaveProperty('signInLock');
    expect((await asKeeper(['users', 'unlock', 'nobody-here'])).code).toBe(5);
  });

  it('shows the audit log to Keepers', async () => {
    const result = await asKeeper(['audit', 'ls', '--action', 'team.create', '--json']);
    expect(result.code).toBe(0);
    const page = JSON.parse(result.stdout) as { items: { action: string }[] };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((entry) => entry.action === 'team.create')).toBe(true);
  });
});
