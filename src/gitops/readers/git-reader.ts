import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { symlinkProblem, withoutTemplateSkeletons } from '../../catalog/index.js';
import { linkMessage } from '../../core/confined-folder.js';
import { adapter } from '../../core/extension.js';
import { isFileEntry, parseTreeListing, readBlobs, treeLinks } from '../git-tree.js';
import { isGitUrl, redactUrl } from '../platform-checkout.js';
import {
  type LocationReader,
  type LocationSpec,
  locationReaderPoint,
  SNAPSHOT_LIMITS,
  type SnapshotFile,
} from '../reader.js';

const exec = promisify(execFile);
const YAML_FILE = /\.ya?ml$/i;

export interface GitReaderConfig {
  /** Where bare mirrors of the repositories are kept (one per location). */
  cacheDir: string;
  timeoutMs?: number;
}

/** Runs git without a terminal (no password prompt can hang a server) and with a time limit. */
async function git(args: string[], cwd: string, timeoutMs: number): Promise<string> {
  try {
    const { stdout } = await exec('git', args, {
      cwd,
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true' },
    });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    // git's reason is on its `fatal:` line; what follows it is advice ("...and the repository exists.").
    const lines = stderr.trim().split('\n');
    const reason = lines.find((l) => l.startsWith('fatal:')) ?? lines.pop() ?? '';
    throw new Error(`git ${args[0]} failed: ${redactUrl(reason.replace(/^fatal:\s*/, ''))}`);
  }
}

/**
 * Reads a location from git at ONE commit: fetch the branch into a bare mirror, list the YAML
 * files of the tree at that commit, read them as blobs. A half-updated working copy can never be read.
 */
export class GitReader implements LocationReader {
  constructor(private readonly config: GitReaderConfig) {}

  async read(location: LocationSpec) {
    const timeout = this.config.timeoutMs ?? 120_000;
    const mirror = join(this.config.cacheDir, `${location.id}.git`);
    if (!existsSync(join(mirror, 'HEAD'))) {
      mkdirSync(mirror, { recursive: true });
      await git(['init', '--bare', '--quiet'], mirror, timeout);
    }
    const ref = location.branch ?? 'HEAD';
    await git(['fetch', '--quiet', '--depth', '1', '--no-tags', '--', location.target, ref], mirror, timeout);
    const sha = (await git(['rev-parse', 'FETCH_HEAD^{commit}'], mirror, timeout)).trim();
    const [author, message, committedAt] = (
      await git(['show', '-s', '--format=%an <%ae>%x00%s%x00%cI', sha], mirror, timeout)
    )
      .trim()
      .split('\0');
    const listing = await git(
      ['ls-tree', '-r', '-z', '--long', sha, '--', location.path || '.'],
      mirror,
      timeout,
    );
    const tree = withoutTemplateSkeletons(parseTreeListing(listing));
    const links = await treeLinks(mirror, tree, location.path);
    const top = links.find((link) => link.path === '.');
    // The location's own folder as a link: nothing of it can be read, as with a missing folder.
    if (top) throw new Error(linkMessage({ ...top, path: location.path }, 'repository'));
    const entries = tree.filter((e) => isFileEntry(e) && YAML_FILE.test(e.path));
    if (entries.length > SNAPSHOT_LIMITS.maxFiles)
      throw new Error(`more than ${SNAPSHOT_LIMITS.maxFiles} YAML files`);
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total > SNAPSHOT_LIMITS.maxTotalBytes)
      throw new Error(`YAML files total ${total} bytes, over the limit`);
    const blobs = await readBlobs(
      mirror,
      entries.map((e) => e.id),
    );
    const prefix = location.path ? `${location.path.replace(/\/+$/, '')}/` : '';
    const files: SnapshotFile[] = entries.map((e, i) => ({
      path: prefix && e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
      text: (blobs[i] as Buffer).toString('utf8'),
    }));
    return {
      commit: { sha, author: author ?? null, message: message ?? null, committedAt: committedAt ?? null },
      files,
      problems: links.map((link) => symlinkProblem(link, 'repository')),
    };
  }
}

/** Git repositories over https, ssh or file URLs, through the system git. */
export const gitReader = adapter(locationReaderPoint, {
  name: 'git',
  description: 'Git repository (https, ssh, file URLs) read at one commit with the system git',
  capabilities: { handles: (target: string) => isGitUrl(target), revisions: true },
  create: ({ config }) => new GitReader(config as GitReaderConfig),
});
