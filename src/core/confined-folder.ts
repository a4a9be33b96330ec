import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';

/** A symbolic link met in a confined folder. Links are never followed, wherever they lead. */
export interface FoundLink {
  /** Where the link is, relative to the folder it was met in, with '/' separators ('.' for the folder itself). */
  path: string;
  /** The link leads out of the confinement root (or to a link that does): a sign of an attack, not a slip. */
  outside: boolean;
}

/** Thrown when a path of a confined folder goes through a symbolic link. */
export class LinkRefused extends Error {
  constructor(readonly link: FoundLink) {
    super(`${link.path}: a symbolic link is not followed`);
    this.name = 'LinkRefused';
  }
}

/**
 * The words a reader uses for a link it did not follow; `root` names what the link would leave.
 * @example linkMessage({ path: 'docs/img', outside: true }, 'repository')
 * // 'docs/img: a symbolic link leading outside the repository is not followed'
 */
export function linkMessage(link: FoundLink, root: string): string {
  return `${link.path}: ${linkReason(link, root)}`;
}

/** {@link linkMessage} without the path, for messages that place it themselves. */
export function linkReason(link: FoundLink, root: string): string {
  return link.outside
    ? `a symbolic link leading outside the ${root} is not followed`
    : 'a symbolic link is not followed; copy the file or folder instead';
}

/**
 * Where a link's text leads, as a '/'-separated path relative to the root the link is in, or null
 * when it leaves the root (an absolute target, or `..` past the top). Only the text is read: a git
 * tree has no disk to resolve against.
 * @example linkTargetInside('docs/img', '../assets') // 'assets'
 */
export function linkTargetInside(linkPath: string, text: string): string | null {
  if (text === '' || text.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(text)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(linkPath), text));
  return joined === '..' || joined.startsWith('../') ? null : joined;
}

/** A file found by {@link ConfinedFolder.walk}. */
export interface WalkedFile {
  path: string;
  size: number;
}

export interface WalkOptions {
  /** A folder (by name) that is not entered. */
  skipFolder?: (name: string) => boolean;
  /** A file (by name) that is listed; all when absent. */
  includeFile?: (name: string) => boolean;
  /** Listing stops once this many files are found (`truncated` then says so). */
  maxFiles?: number;
}

export interface FolderListing {
  /** By path, code point by code point. */
  files: WalkedFile[];
  links: FoundLink[];
  truncated: boolean;
}

// Not following the last part of a path is what the kernel can do for us; the parts before it are checked by real path.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * A folder whose content is hostile (a repository, a folder a team fills): what it holds is read
 * only when its real path is the path asked for, so no symbolic link is ever followed, inside the
 * folder or on the way to it. Only the root given to {@link ConfinedFolder.open} is trusted.
 * @example
 * const repo = await ConfinedFolder.open('/srv/platform');
 * const docs = await repo.folder('docs');   // LinkRefused if docs, or a folder on the way, is a link
 * const { files, links } = await docs.walk();
 * const page = await docs.read('index.md');  // LinkRefused for a link, however it got there
 */
export class ConfinedFolder {
  private constructor(
    /** Real path of the root that nothing may leave. */
    private readonly base: string,
    /** Real path of this folder: the root or a folder under it. */
    readonly path: string,
  ) {}

  /** The folder `root` as the trusted root: its own real path is taken as it is. */
  static async open(root: string): Promise<ConfinedFolder> {
    const real = await realpath(root);
    if (!(await stat(real)).isDirectory()) throw notAFolder(root);
    return new ConfinedFolder(real, real);
  }

  /** A folder under this one, reached through real folders only. Throws LinkRefused, ENOENT or ENOTDIR. */
  async folder(relativePath: string): Promise<ConfinedFolder> {
    let at = this.path;
    for (const part of partsOf(relativePath)) {
      const next = join(at, part);
      const info = await lstat(next);
      if (info.isSymbolicLink()) throw new LinkRefused(await this.classify(next));
      if (!info.isDirectory()) throw notAFolder(relativePath);
      at = next;
    }
    return new ConfinedFolder(this.base, at);
  }

  /** Every file under this folder, and every link met (not followed), each sorted by path. */
  async walk(options: WalkOptions = {}): Promise<FolderListing> {
    const files: WalkedFile[] = [];
    const links: FoundLink[] = [];
    const pending = [''];
    let truncated = false;
    for (let dir = pending.pop(); dir !== undefined && !truncated; dir = pending.pop()) {
      const full = dir ? join(this.path, dir) : this.path;
      const entries = await readdir(full, { withFileTypes: true });
      // A folder swapped for a link while it was listed gave names from elsewhere: drop them.
      if ((await realpath(full)) !== full) {
        links.push(await this.classify(full));
        continue;
      }
      for (const entry of entries) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) links.push(await this.classify(join(this.path, path)));
        else if (entry.isDirectory()) {
          if (!options.skipFolder?.(entry.name)) pending.push(path);
        } else if (entry.isFile() && (options.includeFile?.(entry.name) ?? true)) {
          if (files.length === options.maxFiles) {
            truncated = true;
            break;
          }
          files.push({ path, size: (await lstat(join(this.path, path))).size });
        }
      }
    }
    return { files: files.sort(byPath), links: links.sort(byPath), truncated };
  }

  /**
   * A file of this folder, read through the handle that was checked: opened without following
   * a last link, then its real path must be the path asked for and hold the very file opened.
   */
  async read(relativePath: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
    const full = join(this.path, ...partsOf(relativePath));
    const handle = await open(full, constants.O_RDONLY | NO_FOLLOW | constants.O_NONBLOCK).catch(
      async (error: NodeJS.ErrnoException) => {
        if (error.code === 'ELOOP') throw new LinkRefused(await this.classify(full));
        throw error;
      },
    );
    try {
      const opened = await handle.stat();
      const real = await realpath(full);
      if (real !== full || !sameFile(opened, await stat(real)))
        throw new LinkRefused(await this.linkOn(full));
      if (!opened.isFile()) throw new Error(`${relativePath} is not a file`);
      if (opened.size > maxBytes) throw new Error(`${relativePath} is larger than ${maxBytes} bytes`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** The first link on the way from the root to `full` (the path itself when the link is gone again). */
  private async linkOn(full: string): Promise<FoundLink> {
    let at = this.base;
    for (const part of relative(this.base, full).split(sep)) {
      at = join(at, part);
      const info = await lstat(at).catch(() => null);
      if (info?.isSymbolicLink()) return this.classify(at);
    }
    return { path: this.shown(full), outside: true };
  }

  private async classify(full: string): Promise<FoundLink> {
    const path = this.shown(full);
    // The real path settles it, through any chain of links; a dangling or looping link has none, then its text does.
    const real = await realpath(full).catch(() => null);
    if (real !== null) return { path, outside: real !== this.base && !real.startsWith(this.base + sep) };
    const text = await readlink(full).catch(() => null);
    const inRoot = relative(this.base, full).split(sep).join('/');
    return { path, outside: text === null || linkTargetInside(inRoot, text) === null };
  }

  private shown(full: string): string {
    return relative(this.path, full).split(sep).join('/') || '.';
  }
}

/** The parts of a relative path; `..` and absolute paths are refused before anything is touched. */
function partsOf(relativePath: string): string[] {
  const normalized = posix.normalize(relativePath);
  if (posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    throw new Error(`${relativePath} is outside the folder`);
  }
  return normalized.split('/').filter((part) => part !== '' && part !== '.');
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function notAFolder(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' });
}
