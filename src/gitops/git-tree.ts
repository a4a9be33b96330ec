import { spawn } from 'node:child_process';
import { type FoundLink, linkTargetInside } from '../core/confined-folder.js';

/** One line of `git ls-tree -r -z --long`. */
export interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  /** Bytes of a blob; NaN for a submodule. */
  size: number;
  /** Path from the top of the repository. */
  path: string;
}

/** Git keeps a symbolic link as a blob of this mode, holding the link's text. */
const SYMLINK_MODE = '120000';

/** The entries of `git ls-tree -r -z --long` output. */
export function parseTreeListing(listing: string): TreeEntry[] {
  return listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode = '', type = '', id = '', size = ''] = line.slice(0, tab).split(/\s+/);
      return { mode, type, id, size: Number(size), path: line.slice(tab + 1) };
    });
}

/** True for a file git would check out as a real file (not a link, not a submodule). */
export function isFileEntry(entry: TreeEntry): boolean {
  return entry.type === 'blob' && entry.mode !== SYMLINK_MODE;
}

export function isLinkEntry(entry: TreeEntry): boolean {
  return entry.type === 'blob' && entry.mode === SYMLINK_MODE;
}

/** Reads many blobs through one `git cat-file --batch` process instead of one process per file. */
export function readBlobs(cwd: string, ids: string[], env?: NodeJS.ProcessEnv): Promise<Buffer[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (let i = 0; i < ids.length; i++) {
        const newline = all.indexOf(10, at);
        const size = Number(all.subarray(at, newline).toString().split(' ')[2]);
        blobs.push(all.subarray(newline + 1, newline + 1 + size));
        at = newline + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${ids.join('\n')}\n`);
  });
}

/**
 * The symbolic links of a tree listing, none followed: each is judged by its text alone, as
 * leading out of the repository or not. Paths are relative to `folder` (the folder listed, '' for the
 * top); '.' is `folder` itself being a link.
 */
export async function treeLinks(
  mirror: string,
  entries: TreeEntry[],
  folder: string,
  env?: NodeJS.ProcessEnv,
): Promise<FoundLink[]> {
  const links = entries.filter(isLinkEntry);
  const texts = await readBlobs(
    mirror,
    links.map((link) => link.id),
    env,
  );
  const top = folder.replace(/\/+$/, '');
  return links.map((link, i) => ({
    path: link.path === top ? '.' : top ? link.path.slice(top.length + 1) : link.path,
    outside: linkTargetInside(link.path, (texts[i] as Buffer).toString('utf8')) === null,
  }));
}
