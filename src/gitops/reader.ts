import type { CatalogProblem } from '../catalog/model.js';
import { extensionPoint } from '../core/extension.js';

/** A file of a revision, its path relative to the location's root folder. */
export interface SnapshotFile {
  path: string;
  text: string;
}

/** The commit a snapshot was read from; all null for a plain folder. */
export interface SnapshotCommit {
  sha: string | null;
  author: string | null;
  message: string | null;
  committedAt: string | null;
}

/** Everything one location holds at one revision. */
export interface LocationSnapshot {
  commit: SnapshotCommit;
  files: SnapshotFile[];
  /** What the reader skipped and why (a file over the size limit...), shown with the other problems. */
  problems?: CatalogProblem[];
}

/** Where to read: the location as configured. */
export interface LocationSpec {
  id: string;
  target: string;
  branch: string | null;
  /** Sub-folder to read ('' = the whole repository or folder). */
  path: string;
}

/**
 * Reads a location whole, at one revision. Throws when the location cannot be read at all
 * (network down, bad credentials, missing folder): the caller then keeps the last good revision.
 */
export interface LocationReader {
  read(location: LocationSpec): Promise<LocationSnapshot>;
}

/** Location readers; an adapter declares which targets it handles in `capabilities.handles(target)`. */
export const locationReaderPoint = extensionPoint<LocationReader>('gitops.reader');

/** Limits that keep one location from exhausting memory. */
export const SNAPSHOT_LIMITS = {
  maxFiles: 50_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: 5 * 1024 * 1024,
};
