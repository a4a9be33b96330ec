import type { AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import type { TypedApp } from '../server/typed-app.js';
import { searchErrors } from './errors.js';
import { searchEnginePoint } from './extension.js';
import { searchRoutes } from './routes.js';
import { SearchIndex } from './search-index.js';

/** The search engine adapter that works on the database in use, chosen by capability. */
export async function createSearchIndex(
  db: Db,
  registry: ExtensionRegistry,
  databaseEngine: string,
  logger: Logger,
) {
  const engines = registry.list(searchEnginePoint);
  const entry = engines.find((e) =>
    (e.capabilities.databases as string[] | undefined)?.includes(databaseEngine),
  );
  if (!entry) {
    throw searchErrors.SEARCH_NO_ENGINE.create([
      databaseEngine,
      engines.map((e) => e.name).join(', ') || 'none',
    ]);
  }
  const engine = await entry.create({ config: { db }, logger });
  return new SearchIndex(db, engine, logger);
}

/** The search domain, wired: the index (sources are registered by the domains that own them) and its routes. */
export async function createSearchModule(
  db: Db,
  registry: ExtensionRegistry,
  databaseEngine: string,
  audit: AuditLog,
  logger: Logger,
) {
  const index = await createSearchIndex(db, registry, databaseEngine, logger);
  return {
    index,
    routes: (app: TypedApp) => searchRoutes(app, index, audit),
  };
}

export type SearchModule = Awaited<ReturnType<typeof createSearchModule>>;
