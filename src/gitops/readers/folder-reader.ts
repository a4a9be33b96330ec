import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { readCatalogFolder } from '../../catalog/index.js';
import { adapter } from '../../core/extension.js';
import { isGitUrl } from '../platform-checkout.js';
import { type LocationReader, type LocationSpec, locationReaderPoint } from '../reader.js';

/** Reads a folder on the server as it is now; it has no commits, so a revision has no sha. */
export class FolderReader implements LocationReader {
  async read(location: LocationSpec) {
    const root = location.path ? join(location.target, location.path) : location.target;
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`the folder ${root} does not exist or is not a folder`);
    const { files, problems } = await readCatalogFolder(root);
    return { commit: { sha: null, author: null, message: null, committedAt: null }, files, problems };
  }
}

/** A folder on the server (absolute path, or relative to where Plinth was started). */
export const folderReader = adapter(locationReaderPoint, {
  name: 'folder',
  description: 'A folder on the server, read as it is at each sync',
  capabilities: {
    handles: (target: string) => !isGitUrl(target) && (isAbsolute(target) || !target.includes(':')),
    revisions: false,
  },
  create: () => new FolderReader(),
});
