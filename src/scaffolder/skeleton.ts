import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { scaffolderErrors } from './errors.js';
import type { OutputBounds } from './workspace.js';

/** A file of a template's skeleton, as read from disk, path relative to the skeleton folder. */
export interface SkeletonFile {
  path: string;
  data: Buffer;
}

/**
 * Reads a skeleton folder whole. A symbolic link is refused (it could point anywhere on the
 * server), and so is a skeleton over the output bounds: both before anything is rendered.
 */
export async function readSkeleton(
  root: string,
  bounds: OutputBounds,
  label = 'skeleton',
  /** The template's folder: the skeleton must really be inside it, whatever links lead there. */
  within?: string,
): Promise<SkeletonFile[]> {
  if (within) {
    const [real, base] = await Promise.all([realpath(root).catch(() => null), realpath(within)]);
    if (real === null)
      throw scaffolderErrors.TEMPLATE_INVALID.create([label, `the folder ${label} does not exist`]);
    if (real !== base && !real.startsWith(base + sep)) {
      throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([
        label,
        'a symbolic link leads outside the template',
      ]);
    }
  }
  const files: SkeletonFile[] = [];
  let bytes = 0;
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const info = await lstat(join(root, path));
      if (info.isSymbolicLink()) {
        throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([
          `${label}/${path}`,
          'symbolic links are not allowed in a skeleton; copy the file instead',
        ]);
      }
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) {
        bytes += info.size;
        if (files.length >= bounds.maxFiles || bytes > bounds.maxBytes) {
          throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([
            `The ${label} holds more than ${bounds.maxFiles} files or ${bounds.maxBytes} bytes, the limit`,
          ]);
        }
        files.push({ path, data: await readFile(join(root, path)) });
      }
    }
  };
  await walk('');
  return files;
}
