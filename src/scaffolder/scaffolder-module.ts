import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditLog } from '../auth/index.js';
import type { CatalogModule } from '../catalog/catalog-module.js';
import type { LocationInput } from '../catalog/location-service.js';
import type { Config } from '../core/config/index.js';
import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import { isGitUrl } from '../gitops/platform-checkout.js';
import type { TypedApp } from '../server/typed-app.js';
import { checkPoint, type PolicyCheck } from './checks/index.js';
import { ScaffolderEngine } from './engine.js';
import { actionPoint, type GitRemote, type ScaffolderAction, type TaskUser } from './extension.js';
import { DEFAULT_RENDER_BOUNDS } from './liquid-engine.js';
import { taskRoutes } from './routes/task-routes.js';
import { templateRoutes } from './routes/template-routes.js';
import { chooseChecks } from './run-checks.js';
import { TaskService } from './task-service.js';
import { TaskStore } from './task-store.js';
import { TemplateCatalog } from './template-catalog.js';

/** The catalog location of the platform repo's templates folder, when there is one to read. */
export function templateLocations(config: Config, platformFolder: string): LocationInput[] {
  const path = config.scaffolder.templatesPath;
  const present = isGitUrl(config.platformRepo) || existsSync(join(platformFolder, path));
  return present ? [{ name: 'templates', target: config.platformRepo, path }] : [];
}

export interface ScaffolderModuleOptions {
  config: Config;
  dataDir: string;
  catalog: CatalogModule;
  /** The platform repo's folder on this server (its checkout for a git URL). */
  platformFolder: () => string;
  userById: (id: string) => Promise<TaskUser | null>;
}

/** The scaffolder, wired: actions and checks from the registry, the engine, tasks, routes. */
export async function createScaffolderModule(
  db: Db,
  registry: ExtensionRegistry,
  audit: AuditLog,
  logger: Logger,
  options: ScaffolderModuleOptions,
) {
  const c = options.config.scaffolder;
  const actions = new Map<string, ScaffolderAction>();
  for (const entry of registry.list(actionPoint)) {
    const action = await entry.create({ config: {}, logger });
    actions.set(action.id, action);
  }
  const checks = new Map<string, PolicyCheck>();
  for (const entry of registry.list(checkPoint))
    checks.set(entry.name, await entry.create({ config: {}, logger }));
  // A typo in requiredChecks stops the start with the list of checks, as an unknown executor does.
  try {
    chooseChecks(checks, c.requiredChecks);
  } catch (error) {
    throw new Error(`Invalid configuration: scaffolder.requiredChecks: ${(error as Error).message}`);
  }
  const remotes = new Map<string, GitRemote>(
    Object.entries(c.remotes).map(([name, r]) => [name, { name, ...r }]),
  );
  const engine = new ScaffolderEngine(actions, checks, {
    requiredChecks: c.requiredChecks,
    limits: {
      output: { maxFiles: c.maxOutputFiles, maxBytes: c.maxOutputBytes },
      render: { ...DEFAULT_RENDER_BOUNDS, renderMs: c.fileRenderTimeoutMs },
      deadlineMs: c.renderTimeoutMs,
    },
    services: {
      remotes,
      registerLocation: async (input, user) => {
        const actor = { userId: null, username: user.username, ip: null };
        const row = await options.catalog.locations.create(actor, input);
        await options.catalog.locations.syncNow(actor, row.id);
        const entities = await db
          .selectFrom('catalog_entities')
          .select('ref')
          .where('location_id', '=', row.id)
          .orderBy('ref')
          .execute();
        return { entityRefs: entities.map((e) => e.ref) };
      },
    },
  });
  const templates = new TemplateCatalog(options.catalog, {
    repo: options.config.platformRepo,
    folder: options.platformFolder,
  });
  const store = new TaskStore(db);
  const tasks = new TaskService(db, store, templates, engine, audit, logger, {
    tasksDir: join(options.dataDir, 'tasks'),
    concurrency: c.concurrentTasks,
    usersById: options.userById,
  });
  return {
    engine,
    templates,
    tasks,
    routes(app: TypedApp) {
      templateRoutes(app, templates, engine, c.dryRunsPerMinute);
      taskRoutes(app, tasks, store, c.tasksPerMinute);
    },
    /** Runs what a previous process left queued; fails what it left running. */
    start: () => tasks.recover(),
    async stop() {
      tasks.stop();
      await tasks.drain();
    },
  };
}

export type ScaffolderModule = Awaited<ReturnType<typeof createScaffolderModule>>;
