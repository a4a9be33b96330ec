import { isAbsolute } from 'node:path';
import { readCatalogFolder } from '../../catalog/index.js';
import { ConfinedFolder, LinkRefused, linkMessage } from '../../core/confined-folder.js';
import { adapter } from '../../core/extension.js';
import { isGitUrl } from '../platform-checkout.js';
import { type LocationReader, type LocationSpec, locationReaderPoint } from '../reader.js';

/**
 * Reads a folder on the server as it is now; it has no commits, so a revision has no sha. The
 * configured folder is trusted; its sub-folder `path` and all it holds are not, so no link is followed.
 */
export class FolderReader implements LocationReader {
  async read(location: LocationSpec) {
    const folder = await ConfinedFolder.open(location.target)
      .then((root) => root.folder(location.path))
      .catch((error: Error) => {
        if (error instanceof LinkRefused) throw new Error(linkMessage(error.link, 'folder'));
        const root = location.path ? `${location.target}/${location.path}` : location.target;
        throw new Error(`the folder ${root} does not exist or is not a folder`);
      });
    const { files, problems } = await readCatalogFolder(folder);
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
