import { join } from 'node:path';
import type { AuditLog } from '../auth/index.js';
import { systemActor } from '../auth/index.js';
import type { Config } from '../core/config/index.js';
import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import type { TypedApp } from '../server/typed-app.js';
import { CatalogService } from './catalog-service.js';
import { EntityStore } from './entity-store.js';
import { type LocationInput, LocationService } from './location-service.js';
import { LocationStore } from './location-store.js';
import { ProblemStore } from './problem-store.js';
import { entityRoutes } from './routes/entity-routes.js';
import { locationRoutes } from './routes/location-routes.js';
import { webhookRoutes } from './routes/webhook-routes.js';
import { CatalogSync } from './sync-service.js';

export interface CatalogModuleOptions {
  config: Config;
  /** The platform repo as configured (folder or git URL); its catalog/ folder is the `platform` location. */
  platformRepo: string;
  dataDir: string;
  afterBulkWrite?: () => Promise<void>;
  /** Locations other domains add to the configured ones (the scaffolder's templates folder). */
  extraLocations?: LocationInput[];
}

/** The locations the config file asks for: the platform repo's catalog folder, then `catalog.locations`. */
export function configuredLocations(config: Config, platformRepo: string): LocationInput[] {
  return [{ name: 'platform', target: platformRepo, path: 'catalog' }, ...config.catalog.locations];
}

/** The catalog domain, wired: stores, services, routes, and the periodic sync. */
export function createCatalogModule(
  db: Db,
  registry: ExtensionRegistry,
  audit: AuditLog,
  logger: Logger,
  options: CatalogModuleOptions,
) {
  const entities = new EntityStore(db);
  const locations = new LocationStore(db);
  const problems = new ProblemStore(db);
  const sync = new CatalogSync(db, locations, entities, registry, logger, {
    cacheDir: join(options.dataDir, 'git-cache'),
  });
  const locationService = new LocationService(db, locations, sync, audit);
  const catalog = new CatalogService(entities, problems);
  let timer: NodeJS.Timeout | undefined;

  return {
    catalog,
    locations: locationService,
    sync,
    routes(app: TypedApp) {
      entityRoutes(app, catalog);
      locationRoutes(app, locationService);
      webhookRoutes(app, {
        secret: options.config.catalog.webhookSecret,
        locations: () => locations.list(),
        trigger: (location) => {
          sync.sync(location).catch((error) => logger.error({ err: error }, 'Catalog sync failed'));
        },
      });
    },
    /** Brings config locations in line with the config file (at every start). */
    reconcile: () =>
      locationService.reconcileConfigured(systemActor, [
        ...configuredLocations(options.config, options.platformRepo),
        ...(options.extraLocations ?? []),
      ]),
    /** Syncs everything now, then every `catalog.syncIntervalSeconds`. */
    start() {
      const all = () => sync.syncAll().catch((error) => logger.error({ err: error }, 'Catalog sync failed'));
      void all();
      const seconds = options.config.catalog.syncIntervalSeconds;
      if (seconds > 0) {
        timer = setInterval(all, seconds * 1000);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
