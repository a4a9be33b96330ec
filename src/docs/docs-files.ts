import { execFile, spawn } from 'node:child_process';
import { posix } from 'node:path';
import { promisify } from 'node:util';
import { ConfinedFolder, type FoundLink, LinkRefused } from '../core/confined-folder.js';
import { isFileEntry, parseTreeListing, treeLinks } from '../gitops/git-tree.js';

const exec = promisify(execFile);

export interface FileEntry {
  path: string;
  size: number;
}

export interface CommitInfo {
  sha: string;
  author: string;
  date: string;
}

/** What a docs folder holds: its files, and the symbolic links that were not followed. */
export interface DocsListing {
  files: FileEntry[];
  links: FoundLink[];
}

/**
 * The files of one docs folder, wherever it lives (a folder on the server, a tree in a git mirror).
 * Symbolic links are never followed nor read; the docs folder itself being one is a LinkRefused.
 */
export interface DocsFiles {
  /** Every file under the root, relative to it, with '/' separators. */
  list(): Promise<DocsListing>;
  read(path: string): Promise<Buffer>;
  /** The last commit that touched each file, where the files are in git. */
  commits(): Promise<Map<string, CommitInfo>>;
}

export const DOCS_LIMITS = { maxFiles: 5000, maxFileBytes: 5 * 1024 * 1024 };
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

function gitEnv() {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true' };
}

/** `git log --name-only` output → the newest commit of each file (log lists newest first). */
export function parseNameLog(output: string): Map<string, CommitInfo> {
  const commits = new Map<string, CommitInfo>();
  for (const chunk of output.split('\u0000').filter(Boolean)) {
    const [header = '', ...names] = chunk.split('\n');
    const [sha = '', author = '', date = ''] = header.split('\u001f');
    for (const name of names) {
      if (name && !commits.has(name)) commits.set(name, { sha, author, date });
    }
  }
  return commits;
}

/**
 * A folder on the server, inside a repository or location folder (`base`, trusted as configured).
 * Each listing and each read checks real paths again, so a link made after a sync is not followed either.
 */
export class FolderDocsFiles implements DocsFiles {
  constructor(
    private readonly base: string,
    /** The docs folder inside `base` ('' for `base` itself). */
    private readonly dir: string,
  ) {}

  private async folder(): Promise<ConfinedFolder> {
    return (await ConfinedFolder.open(this.base)).folder(this.dir);
  }

  async list(): Promise<DocsListing> {
    const { files, links } = await (await this.folder()).walk({
      skipFolder: (name) => name.startsWith('.') || SKIPPED_DIRS.has(name),
      maxFiles: DOCS_LIMITS.maxFiles,
    });
    return { files, links };
  }

  async read(path: string): Promise<Buffer> {
    return (await this.folder()).read(path);
  }

  async commits(): Promise<Map<string, CommitInfo>> {
    try {
      const { stdout } = await exec(
        'git',
        ['log', '-n', '5000', '--format=%x00%H%x1f%an%x1f%aI', '--name-only', '--relative', '--', '.'],
        {
          cwd: (await this.folder()).path,
          timeout: 30_000,
          maxBuffer: 32 * 1024 * 1024,
          env: gitEnv(),
        },
      );
      return parseNameLog(stdout.replace(/\n\n/g, '\n'));
    } catch {
      // Not in git (or git is missing): pages simply show no last commit.
      return new Map();
    }
  }
}

/** A folder of a repository at one commit, read from the bare mirror the catalog's git reader keeps. */
export class GitTreeDocsFiles implements DocsFiles {
  private ids = new Map<string, string>();

  constructor(
    private readonly mirror: string,
    private readonly sha: string,
    /** The docs folder inside the repository ('' for the root). */
    private readonly dir: string,
  ) {}

  private async git(args: string[]): Promise<string> {
    const { stdout } = await exec('git', args, {
      cwd: this.mirror,
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: gitEnv(),
    });
    return stdout;
  }

  async list(): Promise<DocsListing> {
    const top = this.dir.replace(/\/+$/, '');
    const prefix = top ? `${top}/` : '';
    const listing = await this.git(['ls-tree', '-r', '-z', '--long', this.sha, '--', top || '.']);
    const hidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));
    const entries = parseTreeListing(listing).filter(
      (e) => e.path === top || (e.path.startsWith(prefix) && !hidden(e.path.slice(prefix.length))),
    );
    const links = await treeLinks(this.mirror, entries, top, gitEnv());
    const self = links.find((link) => link.path === '.');
    if (self) throw new LinkRefused({ ...self, path: top });
    const files: FileEntry[] = [];
    for (const entry of entries.filter(isFileEntry)) {
      const rel = entry.path.slice(prefix.length);
      this.ids.set(rel, entry.id);
      files.push({ path: rel, size: entry.size });
      if (files.length >= DOCS_LIMITS.maxFiles) break;
    }
    return { files, links };
  }

  async read(path: string): Promise<Buffer> {
    if (this.ids.size === 0) await this.list();
    const id = this.ids.get(path);
    if (!id) throw new Error(`${path} is not in the docs folder`);
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['cat-file', 'blob', id], { cwd: this.mirror, env: gitEnv() });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file exited with ${code}`)),
      );
    });
  }

  async commits(): Promise<Map<string, CommitInfo>> {
    // The mirror is fetched one commit deep: that commit is the last one known for every file.
    const [sha = '', author = '', date = ''] = (
      await this.git(['show', '-s', '--format=%H%x1f%an%x1f%aI', this.sha])
    )
      .trim()
      .split('\u001f');
    const { files } = await this.list();
    return new Map(files.map((f) => [f.path, { sha, author, date }]));
  }
}

/** `a/b` joined under `root` only when it stays inside: the techdocs-ref of an entity cannot leave its repository. */
export function insideRoot(base: string, relative: string): string | null {
  const joined = posix.normalize(posix.join(base, relative));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}
