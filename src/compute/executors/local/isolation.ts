import { execFile } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type SandboxPlan, sandboxArgs } from './sandbox-args.js';

const run = promisify(execFile);

/** The OS account local jobs run as. */
export interface JobUser {
  name: string;
  uid: number;
  gid: number;
}

/**
 * Whether local jobs run outside Plinth's trust boundary. When they do not, they could read the
 * server's keys and database, so only Keepers may use the executor (unless the operator says every
 * member is trusted with the server's identity).
 */
export interface Isolation {
  /** Members may submit local jobs. */
  members: boolean;
  /** In words, for the portal and the log: what jobs run as, and how to change it. */
  reason: string;
  /** Set when jobs run as their own user in a sandbox. */
  user?: JobUser;
}

export interface IsolationSettings {
  runAs?: string;
  network: boolean;
  trustMembers: boolean;
  /** Plinth's own paths, hidden from jobs. */
  protectedPaths: string[];
  /** A folder inside the data dir where the check may make a throwaway job folder. */
  scratch: string;
}

const HOW = 'see "Security model" in the operator guide';

/** The first `name` on PATH that this process may execute. */
export function onPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

async function lookupUser(name: string): Promise<JobUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Paths to hide, as the sandbox wants them: existing ones only, each a folder or a file. */
export function hiddenPaths(paths: string[]): SandboxPlan['hide'] {
  const out: SandboxPlan['hide'] = [];
  for (const path of new Set(paths.map((p) => resolve(p)))) {
    try {
      out.push({ path, kind: statSync(path).isDirectory() ? 'dir' : 'file' });
    } catch {
      // Nothing there to hide.
    }
  }
  return out;
}

/** Whether jobs can run isolated here, found out by starting one: what was set is not what works. */
export async function checkIsolation(settings: IsolationSettings): Promise<Isolation> {
  const unisolated = (why: string): Isolation =>
    settings.trustMembers
      ? {
          members: true,
          reason: `${why} compute.executors.local.trustMembers is on: members' jobs can read Plinth's secrets.`,
        }
      : { members: false, reason: `${why} Until then only Keepers may use it (${HOW}).` };
  const { runAs } = settings;
  if (!runAs) {
    return unisolated(
      "Local jobs run as Plinth's own OS user: set compute.executors.local.runAs to an unprivileged user for them.",
    );
  }
  if (process.getuid?.() !== 0) {
    return unisolated(
      `Plinth does not run as root, so it cannot start jobs as ${runAs}: start Plinth as root (it never runs a job as root when runAs is set).`,
    );
  }
  const user = await lookupUser(runAs);
  if (!user) {
    return unisolated(
      `compute.executors.local.runAs: there is no user '${runAs}' on this host; create it (useradd --system --no-create-home --shell /usr/sbin/nologin ${runAs}).`,
    );
  }
  if (user.uid === 0 || user.gid === 0) {
    return unisolated(`compute.executors.local.runAs: '${runAs}' is root; choose an unprivileged user.`);
  }
  if (!onPath('bwrap') || !onPath('setpriv')) {
    return unisolated(
      'Local jobs need bubblewrap (bwrap) and setpriv to run in a sandbox: install the bubblewrap package.',
    );
  }
  const failure = await trySandbox(user, settings);
  if (failure) return unisolated(`bubblewrap could not start a sandbox on this host (${failure}).`);
  return {
    members: true,
    user,
    reason: `Local jobs run as ${runAs} in a sandbox that hides Plinth's data, keys and other jobs.`,
  };
}

/** Starts one throwaway job in the sandbox; null when it ran as `user`, otherwise what went wrong. */
async function trySandbox(user: JobUser, settings: IsolationSettings): Promise<string | null> {
  mkdirSync(settings.scratch, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(settings.scratch, 'check-'));
  try {
    chownSync(dir, user.uid, user.gid);
    const plan: SandboxPlan = {
      uid: user.uid,
      gid: user.gid,
      hide: hiddenPaths(settings.protectedPaths),
      binds: [{ path: dir, writable: true }],
      cwd: dir,
      network: settings.network,
    };
    const { stdout } = await run('bwrap', sandboxArgs(plan, ['id', '-u']), {
      timeout: 10_000,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    return stdout.trim() === String(user.uid) ? null : `the job ran as uid ${stdout.trim()}`;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    return stderr || (error as Error).message;
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
