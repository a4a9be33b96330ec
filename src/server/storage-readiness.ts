import type { OpenDatabase } from '../core/db/database.js';
import { freeBytes } from '../core/db/storage-health.js';

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/** Where the server keeps its files, and the free space below which it reports not ready. */
export interface StorageLimits {
  dataDir: string;
  minFreeBytes: number;
}

/**
 * Why the server cannot store anything right now, or null when it can: the data folder's
 * filesystem is (nearly) full, or writes failed for want of space and a probe write still fails.
 * A probe succeeding clears the failure, so readiness comes back by itself once space is freed.
 */
export async function storageProblem(database: OpenDatabase, limits: StorageLimits): Promise<string | null> {
  const free = await freeBytes(limits.dataDir);
  if (free < limits.minFreeBytes) {
    return (
      `disk full: ${mib(free)} free on the filesystem of the data folder ${limits.dataDir}, ` +
      `below the ${mib(limits.minFreeBytes)} of server.minFreeDiskMb`
    );
  }
  const failure = database.storage.failure;
  if (!failure) return null;
  try {
    await database.probeWrite();
    database.storage.noteRecovered();
    return null;
  } catch {
    return `disk full: database writes fail (${failure.reason}) since ${failure.since}`;
  }
}
