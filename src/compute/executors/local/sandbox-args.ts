import { dirname, relative, sep } from 'node:path';

/** What a job may see and who it runs as, for one bubblewrap invocation. */
export interface SandboxPlan {
  uid: number;
  gid: number;
  /** Plinth's own folders and files: empty inside the sandbox (data dir, platform checkout, secret files). */
  hide: { path: string; kind: 'dir' | 'file' }[];
  /**
   * Folders the job reads and writes, shown at the same path. Those under a hidden folder or a
   * fresh scratch folder are mounted after it (its own work folder, a sweep's folder).
   */
  binds: { path: string; writable: boolean }[];
  /** Where the job starts. */
  cwd: string;
  /** Whether the job reaches the network (its own empty network namespace when false). */
  network: boolean;
}

/** Folders every job gets fresh and empty, so jobs leave nothing there for one another. */
export const SCRATCH = ['/tmp', '/var/tmp'];

const inside = (path: string, root: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/** The folders bubblewrap must create (world-traversable) so that `path` is reachable below `root`. */
function ancestorsBelow(path: string, root: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(path); dir !== root && inside(dir, root); dir = dirname(dir)) out.unshift(dir);
  return out;
}

/**
 * The bubblewrap arguments for a plan. The whole filesystem is seen as the job's OS user sees it
 * (Unix permissions still apply); on top of that Plinth's own paths are emptied, /tmp and /var/tmp
 * are fresh, the job has its own PID and IPC namespaces (no view of the server's /proc), and it
 * becomes the unprivileged user with no capabilities left and no way to gain any.
 */
export function sandboxArgs(plan: SandboxPlan, command: string[]): string[] {
  const args = ['--bind', '/', '/', '--dev', '/dev', '--proc', '/proc'];
  for (const dir of SCRATCH) args.push('--perms', '1777', '--tmpfs', dir);
  const covering = [...SCRATCH, ...plan.hide.filter((h) => h.kind === 'dir').map((h) => h.path)];
  // The deepest folder that is mounted fresh above `path`: the folders below it must be made.
  const coveredBy = (path: string) =>
    covering.filter((root) => inside(path, root) && path !== root).sort((a, b) => b.length - a.length)[0];
  // A folder asked for that is itself hidden stays hidden: hiding always wins.
  const outer = plan.binds.filter((b) => !plan.hide.some((h) => inside(b.path, h.path)));
  const inner = plan.binds.filter((b) => plan.hide.some((h) => inside(b.path, h.path) && b.path !== h.path));
  // Folders under /tmp or /var/tmp come back over the fresh ones before Plinth's paths are hidden,
  // so that hiding still wins where one contains the other.
  for (const bind of outer) {
    if (SCRATCH.some((root) => inside(bind.path, root)))
      args.push(bind.writable ? '--bind' : '--ro-bind', bind.path, bind.path);
  }
  for (const hidden of plan.hide) {
    if (hidden.kind === 'dir') args.push('--perms', '0755', '--tmpfs', hidden.path);
    else args.push('--ro-bind', '/dev/null', hidden.path);
  }
  const made = new Set<string>();
  for (const bind of inner) {
    const root = coveredBy(bind.path);
    for (const dir of root ? ancestorsBelow(bind.path, root) : []) {
      if (made.has(dir)) continue;
      made.add(dir);
      args.push('--perms', '0755', '--dir', dir);
    }
    args.push(bind.writable ? '--bind' : '--ro-bind', bind.path, bind.path);
  }
  args.push('--unshare-pid', '--unshare-ipc');
  if (!plan.network) args.push('--unshare-net');
  args.push('--die-with-parent', '--chdir', plan.cwd);
  // bubblewrap starts as the server's root: it keeps just enough to hand the job to its own user.
  args.push('--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--cap-add', 'CAP_SETPCAP');
  args.push('--', ...dropPrivileges(plan.uid, plan.gid), ...command);
  return args;
}

/** `setpriv` as the job's user: no supplementary groups, no capabilities, never any new privilege. */
export function dropPrivileges(uid: number, gid: number): string[] {
  return [
    'setpriv',
    `--reuid=${uid}`,
    `--regid=${gid}`,
    '--clear-groups',
    '--no-new-privs',
    '--inh-caps=-all',
    '--bounding-set=-all',
    '--',
  ];
}
