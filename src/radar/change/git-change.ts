import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfinedFolder, LinkRefused, linkMessage } from '../../core/confined-folder.js';
import { redactUrl } from '../../gitops/platform-checkout.js';

/** The person a commit is written in the name of. */
export interface GitAuthor {
  name: string;
  email: string;
}

export interface ChangeRequest {
  /** The platform repo's local folder (a git work tree, or a plain folder). */
  folder: string;
  /** Push the branch to `origin` (the platform repo is a git URL). */
  push: boolean;
  /** The file to change, relative to `folder`. */
  path: string;
  /** The new text of the file from its current text (null when the file does not exist yet). */
  edit: (current: string | null) => string;
  branch: string;
  message: string;
  author: GitAuthor;
  /** Commit time, ms since the epoch. */
  at: number;
}

export interface ChangeResult {
  status: 'branch' | 'patch';
  branch: string | null;
  commit: string | null;
  pushed: boolean;
  patch: string;
  message: string;
}

const TIMEOUT_MS = 120_000;

/** Runs git without a terminal (no password prompt can hang a server); failures name git's reason, credentials redacted. */
function git(args: string[], cwd: string, env: Record<string, string> = {}, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        timeout: TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', ...env },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const lines = String(stderr || error.message)
          .trim()
          .split('\n');
        const reason =
          lines.find((l) => l.startsWith('fatal:') || l.startsWith('error:')) ?? lines.pop() ?? '';
        reject(new Error(`git ${args[0]} failed: ${redactUrl(reason.replace(/^(fatal|error):\s*/, ''))}`));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function identity(author: GitAuthor, at: number): Record<string, string> {
  const date = `${Math.floor(at / 1000)} +0000`;
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_COMMITTER_DATE: date,
  };
}

/** True when `folder` is the top of a git work tree (not merely a folder inside another repository). */
export async function isRepoRoot(folder: string): Promise<boolean> {
  if (!existsSync(folder)) return false;
  try {
    const top = (await git(['rev-parse', '--show-toplevel'], folder)).trim();
    return realpathSync(top) === realpathSync(folder);
  } catch {
    return false;
  }
}

/**
 * Commits the change on a new branch without touching the work tree or the index that the server
 * reads: the new file goes in as a blob, a temporary index builds the tree, commit-tree makes the
 * commit, and update-ref creates the branch (refusing one that already exists).
 */
async function commitOnBranch(request: ChangeRequest): Promise<ChangeResult> {
  const { folder, path } = request;
  const base = (await git(['rev-parse', '--verify', 'HEAD^{commit}'], folder)).trim();
  const current = await git(['show', `${base}:${path}`], folder).catch(() => null);
  const blob = (
    await git(['hash-object', '-w', '--stdin', '--path', path], folder, {}, request.edit(current))
  ).trim();
  const scratch = mkdtempSync(join(tmpdir(), 'plinth-radar-index-'));
  try {
    const index = { GIT_INDEX_FILE: join(scratch, 'index') };
    await git(['read-tree', base], folder, index);
    await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], folder, index);
    const tree = (await git(['write-tree'], folder, index)).trim();
    const env = identity(request.author, request.at);
    const commit = (
      await git(['commit-tree', tree, '-p', base, '-F', '-'], folder, env, request.message)
    ).trim();
    // The empty old value makes git refuse to move a branch that already exists.
    await git(['update-ref', `refs/heads/${request.branch}`, commit, ''], folder);
    const patch = await git(['format-patch', '-1', '--stdout', commit], folder);
    let pushed = false;
    let note = `Committed on branch ${request.branch}; merge it to apply the change.`;
    if (request.push) {
      try {
        await git(['push', 'origin', `refs/heads/${request.branch}:refs/heads/${request.branch}`], folder);
        pushed = true;
        note = `Pushed branch ${request.branch} to the platform repo; merge it to apply the change.`;
      } catch (error) {
        note = `Committed on branch ${request.branch} here, but the push failed (${(error as Error).message}); download the patch instead.`;
      }
    }
    return { status: 'branch', branch: request.branch, commit, pushed, patch, message: note };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The file's text as it is in the folder, or null when there is none. A link is not followed: its
 * target, maybe a server file, would otherwise land in the patch.
 */
async function currentText(folder: string, path: string): Promise<string | null> {
  try {
    return (await (await ConfinedFolder.open(folder)).read(path)).toString('utf8');
  } catch (error) {
    if (error instanceof LinkRefused) throw new Error(linkMessage(error.link, 'platform repo'));
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A folder that is not a repository: the change is offered only as a patch, made in a scratch repository. */
async function patchOnly(request: ChangeRequest): Promise<ChangeResult> {
  const current = await currentText(request.folder, request.path);
  const scratch = mkdtempSync(join(tmpdir(), 'plinth-radar-patch-'));
  try {
    const env = identity(request.author, request.at);
    await git(['init', '-q', '-b', 'main'], scratch);
    await mkdir(dirname(join(scratch, request.path)), { recursive: true });
    if (current !== null) await writeFile(join(scratch, request.path), current);
    await git(['add', '-A'], scratch);
    await git(['commit', '-q', '--allow-empty', '-m', 'base'], scratch, env);
    await writeFile(join(scratch, request.path), request.edit(current));
    await git(['add', '-A'], scratch);
    await git(['commit', '-q', '-F', '-'], scratch, env, request.message);
    const patch = await git(['format-patch', '-1', '--stdout', 'HEAD'], scratch);
    return {
      status: 'patch',
      branch: null,
      commit: null,
      pushed: false,
      patch,
      message:
        'The platform repo is a plain folder, not a git repository: download the patch and apply it with git am.',
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes an accepted change as a branch of the platform repo (pushed when it has a remote), or as a patch only. */
export async function writeChange(request: ChangeRequest): Promise<ChangeResult> {
  return (await isRepoRoot(request.folder)) ? commitOnBranch(request) : patchOnly(request);
}
