import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type SandboxPlan, sandboxArgs } from './sandbox-args.js';

const plan = (over: Partial<SandboxPlan> = {}): SandboxPlan => ({
  uid: 999,
  gid: 995,
  hide: [{ path: '/srv/plinth/data', kind: 'dir' }],
  binds: [{ path: '/srv/plinth/data/jobs/J1/work', writable: true }],
  cwd: '/srv/plinth/data/jobs/J1/work',
  network: true,
  ...over,
});

/** The mounts in order, as [flag, destination]. */
function mounts(args: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    if (flag === '--') break;
    if (flag === '--tmpfs' || flag === '--dir') out.push([flag, args[i + 1] as string]);
    if (flag === '--bind' || flag === '--ro-bind') out.push([flag, args[i + 2] as string]);
  }
  return out;
}

const under = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

describe('sandboxArgs', () => {
  test('hides the data dir, then shows the job its own folder, and hands it to the user', () => {
    const args = sandboxArgs(plan(), ['/srv/plinth/data/jobs/J1/command.sh']);
    expect(mounts(args)).toEqual([
      ['--bind', '/'],
      ['--tmpfs', '/tmp'],
      ['--tmpfs', '/var/tmp'],
      ['--tmpfs', '/srv/plinth/data'],
      ['--dir', '/srv/plinth/data/jobs'],
      ['--dir', '/srv/plinth/data/jobs/J1'],
      ['--bind', '/srv/plinth/data/jobs/J1/work'],
    ]);
    expect(args).toContain('--unshare-pid');
    expect(args).not.toContain('--unshare-net');
    const command = args.slice(args.indexOf('--') + 1);
    expect(command.slice(0, 3)).toEqual(['setpriv', '--reuid=999', '--regid=995']);
    expect(command).toContain('--no-new-privs');
    expect(command.at(-1)).toBe('/srv/plinth/data/jobs/J1/command.sh');
  });

  test('no network when the operator turns it off', () => {
    expect(sandboxArgs(plan({ network: false }), ['true'])).toContain('--unshare-net');
  });

  test('a folder under /tmp that contains the data dir comes back, and the data dir stays hidden', () => {
    const args = sandboxArgs(
      plan({
        hide: [{ path: '/tmp/t/data', kind: 'dir' }],
        binds: [
          { path: '/tmp/t', writable: true },
          { path: '/tmp/t/data/jobs/J1/work', writable: true },
        ],
        cwd: '/tmp/t',
      }),
      ['true'],
    );
    const order = mounts(args).map(([, path]) => path);
    expect(order.indexOf('/tmp/t')).toBeLessThan(order.indexOf('/tmp/t/data'));
  });

  test('property: whatever is shown, no hidden path is mounted over after it is hidden, except the job folders below it', () => {
    const segment = fc.constantFrom('a', 'b', 'data', 'jobs', 'work');
    const path = fc
      .tuple(
        fc.constantFrom('/tmp', '/srv', '/var/tmp', '/home'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
      )
      .map(([root, parts]) => [root, ...parts].join('/'));
    fc.assert(
      fc.property(path, fc.array(path, { maxLength: 4 }), (hidden, shown) => {
        const binds = shown.map((p) => ({ path: p, writable: true }));
        const list = mounts(
          sandboxArgs(plan({ hide: [{ path: hidden, kind: 'dir' }], binds, cwd: '/' }), ['true']),
        );
        const hiddenAt = list.findIndex(([flag, p]) => flag === '--tmpfs' && p === hidden);
        expect(hiddenAt).toBeGreaterThan(0);
        for (const [flag, p] of list.slice(hiddenAt + 1)) {
          // Only what was asked to be shown below the hidden folder, and the folders leading to it.
          if (flag === '--bind') expect(shown.includes(p) && under(p, hidden) && p !== hidden).toBe(true);
          if (flag === '--tmpfs') expect(under(p, hidden)).toBe(false);
        }
        for (const [flag, p] of list.slice(0, hiddenAt)) {
          if (flag === '--bind' && p !== '/')
            expect(p.startsWith('/tmp') || p.startsWith('/var/tmp')).toBe(true);
        }
      }),
    );
  });
});
