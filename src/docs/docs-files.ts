import { execFile, spawn } from 'node:child_process';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';

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

/** The files of one docs folder, wherever it lives (a folder on the server, a tree in a git mirror). */
export interface DocsFiles {
  /** Every file under the root, relative to it, with '/' separators. */
  list(): Promise<FileEntry[]>;
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
 * A folder on the server. Symbolic links are not followed: a link inside the docs could otherwise
 * point anywhere on the server.
 */
export class FolderDocsFiles implements DocsFiles {
  constructor(private readonly root: string) {}

  async list(): Promise<FileEntry[]> {
    const out: FileEntry[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(join(this.root, dir), { withFileTypes: true })) {
        if (out.length >= DOCS_LIMITS.maxFiles) return;
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) await walk(rel);
        } else if (entry.isFile()) {
          out.push({ path: rel, size: (await lstat(join(this.root, rel))).size });
        }
      }
    };
    await walk('');
    return out;
  }

  async read(path: string): Promise<Buffer> {
    const full = join(this.root, path);
    const info = await lstat(full);
    if (!info.isFile()) throw new Error(`${path} is not a file`);
    return readFile(full);
  }

  async commits(): Promise<Map<string, CommitInfo>> {
    try {
      const { stdout } = await exec(
        'git',
        ['log', '-n', '5000', '--format=%x00%H%x1f%an%x1f%aI', '--name-only', '--relative', '--', '.'],
        { cwd: this.root, timeout: 30_000, maxBuffer: 32 * 1024 * 1024, env: gitEnv() },
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

  async list(): Promise<FileEntry[]> {
    const prefix = this.dir ? `${this.dir.replace(/\/+$/, '')}/` : '';
    const listing = await this.git(['ls-tree', '-r', '-z', '--long', this.sha, '--', prefix || '.']);
    const out: FileEntry[] = [];
    for (const line of listing.split('\u0000').filter(Boolean)) {
      const [meta = '', path = ''] = line.split('\t');
      const [, type, id = '', size] = meta.split(/\s+/);
      if (type !== 'blob' || !path.startsWith(prefix)) continue;
      const rel = path.slice(prefix.length);
      if (rel.split('/').some((part) => part.startsWith('.'))) continue;
      this.ids.set(rel, id);
      out.push({ path: rel, size: Number(size) });
      if (out.length >= DOCS_LIMITS.maxFiles) break;
    }
    return out;
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
    const files = await this.list();
    return new Map(files.map((f) => [f.path, { sha, author, date }]));
  }
}

/** `a/b` joined under `root` only when it stays inside: the techdocs-ref of an entity cannot leave its repository. */
export function insideRoot(base: string, relative: string): string | null {
  const joined = posix.normalize(posix.join(base, relative));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}
