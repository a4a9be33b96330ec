import { Kysely, sql } from 'kysely';
import type { ExtensionRegistry } from '../extension.js';
import type { Logger } from '../logger.js';
import { type DatabaseEngine, type DatabaseEngineConfig, databasePoint } from './engine.js';
import { StorageHealth, watchStorage } from './storage-health.js';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  engine: DatabaseEngine;
  /** Name of the adapter in use (e.g. 'sqlite'), for readiness and metrics. */
  engineName: string;
  ping(): Promise<void>;
  /** Whether writes fail for want of space; see {@link StorageHealth}. */
  storage: StorageHealth;
  /** Writes one row and fails when the database cannot store it (a full disk). */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
}

function chooseEngine(registry: ExtensionRegistry, url: string | undefined) {
  const scheme = url ? url.slice(0, url.indexOf(':')) : undefined;
  const engines = registry.list(databasePoint);
  const found = scheme
    ? engines.find((a) => (a.capabilities.schemes as string[] | undefined)?.includes(scheme))
    : engines.find((a) => a.capabilities.embedded === true);
  if (!found) {
    const known = engines.flatMap((a) => a.capabilities.schemes as string[]);
    throw new Error(
      `databaseUrl: no database engine for '${scheme ?? '(embedded)'}'; known: ${known.join(', ')}`,
    );
  }
  return found;
}

/** Opens the configured database through the engine registered for its URL scheme. */
export async function openDatabase(
  registry: ExtensionRegistry,
  config: DatabaseEngineConfig,
  logger: Logger,
): Promise<OpenDatabase> {
  const chosen = chooseEngine(registry, config.url);
  const engine = await chosen.create({ config, logger });
  const storage = new StorageHealth((error) => engine.storageFullReason?.(error), logger);
  const db = new Kysely<Database>({ dialect: watchStorage(engine.dialect, storage) });
  return {
    db,
    engine,
    engineName: chosen.name,
    storage,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    probeWrite: async () => {
      const now = new Date().toISOString();
      await db
        .insertInto('meta')
        .values({ key: 'storage-probe', value: now, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: now, updated_at: now }))
        .execute();
    },
    close: async () => {
      await db.destroy();
      await engine.close?.();
    },
  };
}
