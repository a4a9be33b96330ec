import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger.js';

const open = (mode: number) => (mode & 0o077) !== 0;

/**
 * Makes the data dir Plinth's alone: the folder 0700 and the files at its top (database, keys)
 * 0600, so that no other account on the host, a local job's included, can read them. Folders
 * below keep their own modes (jobs' work folders belong to the jobs' user).
 */
export function secureDataDir(dataDir: string, logger: Logger): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const info = statSync(dataDir);
  if (open(info.mode) && info.uid === process.getuid?.()) {
    chmodSync(dataDir, 0o700);
    logger.warn({ dataDir }, 'The data dir was readable by other users; it is now 0700');
  }
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(dataDir, entry.name);
    if (open(statSync(file).mode)) chmodSync(file, 0o600);
  }
}
