import { relative, sep } from 'node:path';
import { ConfinedFolder, type FoundLink, LinkRefused, linkReason } from '../core/confined-folder.js';
import { scaffolderErrors } from './errors.js';
import type { OutputBounds } from './workspace.js';

/** A file of a template's skeleton, as read from disk, path relative to the skeleton folder. */
export interface SkeletonFile {
  path: string;
  data: Buffer;
}

/** Where a template's files are: its folder, and the trusted folder nothing may leave. */
export interface TemplatePlace {
  folder: string;
  /** The repository or location folder the template was found in; the template folder when absent. */
  root?: string;
}

/**
 * Reads a skeleton folder (`path`, relative to the template's folder) whole, before anything is
 * rendered. No symbolic link is followed, in the skeleton or on the way to it: a link is refused
 * (TEMPLATE_PATH_ESCAPE), so a skeleton cannot copy a server file into a project. A skeleton over
 * the output bounds is refused too.
 */
export async function readSkeleton(
  place: TemplatePlace,
  path: string,
  bounds: OutputBounds,
): Promise<SkeletonFile[]> {
  const root = place.root ?? place.folder;
  const refuse = (link: FoundLink) =>
    scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([
      link.path,
      linkReason(link, root === place.folder ? 'template folder' : 'repository'),
    ]);
  let folder: ConfinedFolder;
  try {
    const inRoot = [relative(root, place.folder), path].filter(Boolean).join(sep);
    folder = await (await ConfinedFolder.open(root)).folder(inRoot);
  } catch (error) {
    if (error instanceof LinkRefused) throw refuse(error.link);
    throw scaffolderErrors.TEMPLATE_INVALID.create([path, `the folder ${path} does not exist`]);
  }
  const listing = await folder.walk({ maxFiles: bounds.maxFiles + 1 });
  const first = listing.links[0];
  if (first) throw refuse({ ...first, path: `${path}/${first.path}` });
  const bytes = listing.files.reduce((sum, file) => sum + file.size, 0);
  if (listing.files.length > bounds.maxFiles || bytes > bounds.maxBytes) {
    throw scaffolderErrors.TEMPLATE_LIMIT_EXCEEDED.create([
      `The ${path} holds more than ${bounds.maxFiles} files or ${bounds.maxBytes} bytes, the limit`,
    ]);
  }
  const files: SkeletonFile[] = [];
  for (const file of listing.files) {
    const data = await folder.read(file.path, bounds.maxBytes).catch((error: Error) => {
      if (error instanceof LinkRefused) throw refuse({ ...error.link, path: `${path}/${error.link.path}` });
      throw error;
    });
    files.push({ path: file.path, data });
  }
  return files;
}
