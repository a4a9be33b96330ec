import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  authMigrations,
  authRoutes,
  createAuthServices,
  ensureFirstKeeper,
  type FirstKeeper,
} from '../auth/index.js';
import { verifyPassword } from '../auth/password.js';
import type { Role } from '../auth/schemas.js';
import { createCatalogModule } from '../catalog/catalog-module.js';
import { kindAdapter, templateKind } from '../catalog/index.js';
import { catalogMigrations } from '../catalog/migrations.js';
import { createComputeModule } from '../compute/compute-module.js';
import { localExecutor } from '../compute/executors/local/index.js';
import { slurmExecutor } from '../compute/executors/slurm/index.js';
import { computeMigrations } from '../compute/migrations.js';
import type { Config } from '../core/config/index.js';
import { fastifyTrustProxy } from '../core/config/trust-proxy.js';
import { secureDataDir } from '../core/data-dir.js';
import { coreMigrations } from '../core/db/core-migrations.js';
import { openDatabase } from '../core/db/database.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { postgresEngine } from '../core/db/postgres-engine.js';
import { sqliteEngine } from '../core/db/sqlite-engine.js';
import { ExtensionRegistry } from '../core/extension.js';
import { createLogger, type Logger } from '../core/logger.js';
import { packageRoot, version } from '../core/package-info.js';
import { resolveSecretKey } from '../core/secret-key.js';
import { createDocsModule, docsMigrations } from '../docs/index.js';
import { checkoutPlatformRepo, isGitUrl } from '../gitops/platform-checkout.js';
import { folderReader } from '../gitops/readers/folder-reader.js';
import { gitReader } from '../gitops/readers/git-reader.js';
import {
  createNotificationsModule,
  emailChannel,
  inAppChannel,
  notificationsMigrations,
  webhookChannel,
} from '../notifications/index.js';
import { placeholderPlatformInfo, readPlatformInfo } from '../platform/platform-info.js';
import { platformRoutes } from '../platform/routes.js';
import { createRadarModule, radarMigrations } from '../radar/index.js';
import { createRequestsModule, requestsMigrations } from '../requests/index.js';
import {
  archiveZipAction,
  catalogRegisterAction,
  cloudTagsCheck,
  createScaffolderModule,
  fsDeleteAction,
  fsRenameAction,
  gitInitAction,
  gitPushAction,
  noSecretsCheck,
  pinnedDependenciesCheck,
  requiredFilesCheck,
  scaffolderMigrations,
  storageSafetyCheck,
  templateLocations,
  templateRenderAction,
} from '../scaffolder/index.js';
import {
  catalogSearchSource,
  createSearchModule,
  postgresSearch,
  searchMigrations,
  sqliteSearch,
} from '../search/index.js';
import { createServicesModule, servicesMigrations } from '../services/index.js';
import './fastify-types.js';
import { opsRoutes } from './ops-routes.js';
import { installAuthentication } from './plugins/authentication.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { installInputGuard } from './plugins/input-guard.js';
import { installMetrics } from './plugins/metrics.js';
import { installOpenApi } from './plugins/openapi.js';
import { installSecurity } from './plugins/security.js';
import { schemaValidator } from './plugins/validation.js';
import { installWebAssets } from './plugins/web-assets.js';
import { protectedPaths } from './protected-paths.js';

export interface CreateServerOptions {
  logger?: Logger;
  /** Folder of the built web app; default dist/web of this installation. */
  webDir?: string;
  /** Start periodic work (catalog sync) once ready; tests turn it off and sync on demand. */
  backgroundJobs?: boolean;
  /** The clock of time-dependent rules (request targets and their escalation, sign-in locks); tests move it. */
  now?: () => number;
}

/** The registry with every adapter this build ships. */
export function defaultRegistry(): ExtensionRegistry {
  return new ExtensionRegistry()
    .register(sqliteEngine)
    .register(postgresEngine)
    .register(gitReader)
    .register(folderReader)
    .register(localExecutor)
    .register(slurmExecutor)
    .register(sqliteSearch)
    .register(postgresSearch)
    .register(templateRenderAction)
    .register(fsRenameAction)
    .register(fsDeleteAction)
    .register(gitInitAction)
    .register(gitPushAction)
    .register(catalogRegisterAction)
    .register(archiveZipAction)
    .register(noSecretsCheck)
    .register(requiredFilesCheck)
    .register(pinnedDependenciesCheck)
    .register(cloudTagsCheck)
    .register(storageSafetyCheck)
    .register(kindAdapter(templateKind))
    .register(inAppChannel)
    .register(emailChannel)
    .register(webhookChannel);
}

/**
 * Builds the whole portal from a validated config: database (migrated), domains, HTTP routes.
 * Nothing listens yet; call `app.listen` or use `app.inject`.
 */
export async function createServer(config: Config, options: CreateServerOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const registry = defaultRegistry();
  const dataDir = resolve(config.dataDir);
  secureDataDir(dataDir, logger);
  const database = await openDatabase(registry, { url: config.databaseUrl, dataDir }, logger);
  let migrated = false;
  try {
    await migrateToLatest(database.db, {
      ...coreMigrations,
      ...authMigrations,
      ...catalogMigrations,
      ...computeMigrations,
      ...servicesMigrations,
      ...notificationsMigrations,
      ...searchMigrations,
      ...docsMigrations,
      ...scaffolderMigrations,
      ...radarMigrations,
      ...requestsMigrations,
    });
    migrated = true;
  } catch (error) {
    await database.close();
    throw error;
  }
  const secretKey = resolveSecretKey(config.secretKey, dataDir, logger);
  secureDataDir(dataDir, logger);
  const auth = createAuthServices(database.db, { ...config.auth, secretKey, now: options.now });
  const notifications = createNotificationsModule(database.db, auth.audit, logger, {
    config: config.notifications,
    publicUrl: config.publicUrl,
    secretKey,
    registry,
  });
  await notifications.prepare();
  const firstKeeper: FirstKeeper | null = await ensureFirstKeeper(database.db, auth.users, {
    username: config.adminUser,
    password: config.adminPassword,
  });
  // A git platform repo is cloned in the background: its welcome text must not delay the start.
  const knownFolder = isGitUrl(config.platformRepo)
    ? join(dataDir, 'platform-repo')
    : resolve(config.platformRepo);
  let platformInfo = existsSync(knownFolder)
    ? await readPlatformInfo(knownFolder, version, logger)
    : placeholderPlatformInfo(version);
  const platformCheckout = checkoutPlatformRepo(config.platformRepo, dataDir, logger).then(async (folder) => {
    platformInfo = await readPlatformInfo(folder, version, logger);
  });
  const catalog = createCatalogModule(database.db, registry, auth.audit, logger, {
    config,
    platformRepo: config.platformRepo,
    dataDir,
    afterBulkWrite: async () => database.engine.afterBulkWrite?.(database.db as never),
    extraLocations: templateLocations(config, knownFolder),
  });
  await catalog.reconcile();
  const search = await createSearchModule(database.db, registry, database.engineName, auth.audit, logger);
  search.index.register(catalogSearchSource(database.db));
  catalog.sync.onRevisionApplied(() => search.index.refresh('catalog'));
  const docs = createDocsModule(database.db, auth.audit, logger, {
    config: config.docs,
    platformFolder: knownFolder,
    platformRepo: config.platformRepo,
    dataDir,
    search: search.index,
  });
  catalog.sync.onRevisionApplied(docs.onCatalogRevision);
  catalog.sync.onRevisionApplied(notifications.onCatalogRevision);
  const compute = await createComputeModule(database.db, registry, auth.audit, logger, {
    config,
    dataDir,
    protectedPaths: protectedPaths(dataDir, knownFolder),
    teamsOf: async (userId) =>
      ((await auth.userStore.teamsOf([userId])).get(userId) ?? []).map((t) => t.name),
    principalOf: async (userId) => {
      const user = await auth.userStore.findById(userId);
      return user && !user.disabled ? { user, role: user.role as Role, method: 'token' } : null;
    },
    // The vault is built below; a job asks it for secrets only once the server runs.
    resolveSecret: async (principal, actor, team, name, job) => {
      try {
        return await services.vault.readForJob(principal, actor, team, name, job);
      } catch (error) {
        if ((error as { code?: string }).code === 'VAULT_DISABLED') return null;
        throw error;
      }
    },
  });

  const services = createServicesModule(database.db, auth.audit, logger, {
    config,
    notifier: notifications,
    teamMembers: notifications.teamMembers,
    teamsOf: async (userId) =>
      ((await auth.userStore.teamsOf([userId])).get(userId) ?? []).map((t) => t.name),
    teamExists: async (name) => Boolean(await auth.teamStore.findByName(name)),
    checkPassword: async (principal, password) =>
      principal.user.password_hash !== null && verifyPassword(password, principal.user.password_hash),
    entity: async (ref) => {
      const found = await catalog.catalog.get(ref).catch(() => null);
      if (!found) return null;
      const links = (
        found.entity as { metadata?: { links?: { url: string; title?: string; icon?: string }[] } }
      ).metadata?.links;
      return { ...found, links: links ?? [] };
    },
  });
  await services.prepare();
  const radar = createRadarModule(database.db, auth.audit, logger, {
    config: config.radar,
    notifier: notifications,
    people: {
      teamsOf: async (userId) =>
        ((await auth.userStore.teamsOf([userId])).get(userId) ?? []).map((t) => t.name),
      teamExists: async (name) => Boolean(await auth.teamStore.findByName(name)),
      keeperIds: async () =>
        (
          await database.db
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'keeper')
            .where('disabled', '=', 0)
            .execute()
        ).map((u) => u.id),
      email: async (userId) => (await auth.userStore.findById(userId))?.email ?? null,
    },
    // Accepted changes go to the platform repo's own checkout; a git URL also gets the branch pushed.
    platform: { folder: () => knownFolder, push: isGitUrl(config.platformRepo) },
    onChange: () => void search.index.refresh('radar').catch(() => undefined),
  });
  search.index.register(radar.searchSource);
  const requests = createRequestsModule(database.db, auth.audit, logger, {
    config: config.requests,
    notifier: notifications,
    users: auth.userStore,
    now: options.now,
  });
  const scaffolder = await createScaffolderModule(database.db, registry, auth.audit, logger, {
    config,
    dataDir,
    catalog,
    platformFolder: () => knownFolder,
    userById: async (id) => {
      const user = await auth.userStore.findById(id);
      return user
        ? {
            username: user.username,
            displayName: user.display_name,
            email: user.email ?? `${user.username}@users.plinth.invalid`,
          }
        : null;
    },
  });

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemaValidator());

  installErrorHandler(app, config.bodyLimitBytes, database.storage);
  installInputGuard(app);
  const secure = config.publicUrl?.startsWith('https://') ?? false;
  await installSecurity(app, { hsts: secure });
  const routeTable = installAuthentication(app, auth.sessions, {
    settings: config.server,
    metricsToken: config.server.metricsToken,
  });
  const metrics = installMetrics(app);
  services.metrics(metrics);
  await installOpenApi(app, version);
  opsRoutes(app, database, metrics, () => migrated, {
    dataDir,
    minFreeBytes: config.server.minFreeDiskMb * 1_048_576,
  });
  platformRoutes(app, () => platformInfo);
  authRoutes(app, auth, {
    cookies: { secure, maxAgeSeconds: auth.sessions.ttlSeconds },
    loginPerMinute: config.auth.loginAttemptsPerMinute,
  });
  catalog.routes(app);
  compute.routes(app);
  scaffolder.routes(app);
  services.routes(app);
  search.routes(app);
  docs.routes(app);
  radar.routes(app);
  notifications.routes(app);
  await requests.routes(app);
  await installWebAssets(app, options.webDir ?? join(packageRoot, 'dist', 'web'));
  app.addHook('onClose', async () => {
    await platformCheckout;
    catalog.stop();
    docs.stop();
    await compute.stop();
    await scaffolder.stop();
    await services.stop();
    await notifications.stop();
    requests.stop();
    await database.close();
  });
  await app.ready();
  logger.info({ database: database.engine.description, version }, 'Plinth is ready');
  if (options.backgroundJobs !== false) {
    void search.index.refreshAll();
    docs.start();
    catalog.start();
    compute.start();
    void scaffolder.start();
    services.start();
    notifications.start();
    requests.start();
  }

  return {
    app,
    config,
    database,
    registry,
    auth,
    catalog,
    compute,
    services,
    notifications,
    search,
    docs,
    scaffolder,
    radar,
    requests,
    firstKeeper,
    routeTable,
    logger,
  };
}

export type PlinthServer = Awaited<ReturnType<typeof createServer>>;
