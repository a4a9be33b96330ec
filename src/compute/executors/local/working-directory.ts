import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { JobUser } from './isolation.js';

const within = (path: string, root: string) => {
  const rel = relative(resolve(root), path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** Whether `user` may enter `dir` by the owner/group/other bits (no supplementary groups: jobs have none). */
function mayEnter(dir: string, user: JobUser): boolean {
  const info = statSync(dir);
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/**
 * Refuses a working directory a local job could not or must not start in, naming the field: not an
 * absolute path, missing, one of Plinth's own folders, or closed to the user jobs run as.
 */
export function checkWorkingDirectory(path: string, user: JobUser | undefined, protectedPaths: string[]) {
  if (!isAbsolute(path)) {
    throw new Error(`workingDirectory: give an absolute path on the Plinth host (got '${path}')`);
  }
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDir) throw new Error(`workingDirectory: there is no folder ${dir} on the Plinth host`);
  if (protectedPaths.some((root) => within(dir, root))) {
    throw new Error(
      `workingDirectory: ${dir} is one of Plinth's own folders; choose a folder of your project`,
    );
  }
  if (!user) return;
  for (let step = dir; ; step = dirname(step)) {
    if (!mayEnter(step, user)) {
      throw new Error(
        `workingDirectory: local jobs run as ${user.name}, who may not enter ${step}; give that user access or choose another folder`,
      );
    }
    if (step === dirname(step)) break;
  }
}
