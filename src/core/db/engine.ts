import type { Dialect, Kysely } from 'kysely';
import { extensionPoint } from '../extension.js';

/** What differs between database engines; everything else goes through Kysely. */
export interface DatabaseEngine {
  readonly dialect: Dialect;
  /** Human description without credentials, for logs and the operator. */
  readonly description: string;
  /** Closes connections that Kysely does not own. */
  close?(): Promise<void>;
  /** Refreshes the planner's statistics after a large write, where the engine does not do it itself. */
  afterBulkWrite?(db: Kysely<never>): Promise<void>;
  /** Why an error of this engine means its storage is full (SQLITE_FULL, PostgreSQL's disk_full). */
  storageFullReason?(error: unknown): string | undefined;
}

export interface DatabaseEngineConfig {
  /** The database URL, or undefined for the embedded default. */
  url: string | undefined;
  dataDir: string;
}

/** Database engines, chosen by the scheme of `databaseUrl` (an adapter declares `capabilities.schemes`). */
export const databasePoint = extensionPoint<DatabaseEngine>('core.database');
