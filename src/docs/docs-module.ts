import { join } from 'node:path';
import type { AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import type { SearchIndex } from '../search/index.js';
import type { TypedApp } from '../server/typed-app.js';
import type { DocsConfig } from './config-schema.js';
import { docsSearchSource } from './docs-search-source.js';
import { DocsService } from './docs-service.js';
import { entitySources, platformSource } from './docs-sources.js';
import { DocsSync } from './docs-sync.js';
import { GuideProgressStore } from './guide-progress.js';
import { docsRoutes } from './routes.js';

export interface DocsModuleOptions {
  config: DocsConfig;
  /** The local folder of the platform repo (its checkout when the repo is a git URL). */
  platformFolder: string;
  /** The platform repo as configured (folder or git URL), for edit links. */
  platformRepo: string;
  dataDir: string;
  search: SearchIndex;
}

/** The docs domain, wired: sources (platform repo, entities), sync, pages, guides, search documents. */
export function createDocsModule(db: Db, audit: AuditLog, logger: Logger, options: DocsModuleOptions) {
  const gitCacheDir = join(options.dataDir, 'git-cache');
  options.search.register(docsSearchSource(db));
  const sync = new DocsSync(
    db,
    logger,
    async () => {
      const platform = await platformSource(
        db,
        {
          folder: options.platformFolder,
          repo: options.platformRepo,
          editUrlBase: options.config.editUrlBase,
        },
        gitCacheDir,
      );
      return [...(platform ? [platform] : []), ...(await entitySources(db, gitCacheDir))];
    },
    () => options.search.refresh('docs'),
  );
  const docs = new DocsService(db, new GuideProgressStore(db, audit), options.config.guideMaxAgeDays);
  let timer: NodeJS.Timeout | undefined;
  const syncLogged = () => sync.sync().catch((error) => logger.error({ err: error }, 'Docs sync failed'));
  return {
    docs,
    sync,
    routes: (app: TypedApp) => docsRoutes(app, docs, sync, audit),
    /** Follows the catalog: an applied revision may change entities' docs or the platform repo. */
    onCatalogRevision: () => sync.sync(),
    start() {
      void syncLogged();
      const seconds = options.config.syncIntervalSeconds;
      if (seconds > 0) {
        timer = setInterval(syncLogged, seconds * 1000);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

export type DocsModule = ReturnType<typeof createDocsModule>;
