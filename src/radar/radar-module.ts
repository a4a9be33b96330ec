import type { AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../notifications/notifier.js';
import type { TypedApp } from '../server/typed-app.js';
import type { RadarConfig } from './config-schema.js';
import type { PlatformTarget } from './proposal-change.js';
import { type People, ProposalService } from './proposal-service.js';
import { ProposalStore } from './proposal-store.js';
import { buildRadar } from './radar-model.js';
import { radarSearchSource } from './radar-search-source.js';
import { radarRoutes } from './routes.js';
import { TechnologyStore } from './technology-store.js';

export interface RadarModuleOptions {
  config: RadarConfig;
  notifier: Notifier;
  people: People;
  /** The platform repo's local folder, and whether accepted changes are pushed to its remote. */
  platform: PlatformTarget;
  now?: () => number;
  /** Called after proposals change (the search index refreshes its `radar` source). */
  onChange?: () => void;
}

/** The technology radar, wired: the drawing from the catalog's technologies, and the acceptance procedure. */
export function createRadarModule(db: Db, audit: AuditLog, logger: Logger, options: RadarModuleOptions) {
  const now = options.now ?? Date.now;
  const technologies = new TechnologyStore(db);
  const store = new ProposalStore(db);
  const proposals = new ProposalService({
    db,
    store,
    technologies,
    audit,
    logger,
    notifier: options.notifier,
    people: options.people,
    config: options.config,
    target: options.platform,
    now,
    onChange: options.onChange,
  });
  const radar = async () => buildRadar(await technologies.list(), options.config, now());
  return {
    radar,
    proposals,
    searchSource: radarSearchSource(store),
    routes(app: TypedApp) {
      radarRoutes(app, { radar, proposals, proposalsPerHour: options.config.proposalsPerHour });
    },
  };
}

export type RadarModule = ReturnType<typeof createRadarModule>;
