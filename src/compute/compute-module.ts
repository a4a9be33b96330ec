import { join } from 'node:path';
import { Value } from 'typebox/value';
import type { AuditLog, Principal } from '../auth/index.js';
import type { Config } from '../core/config/index.js';
import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import type { TypedApp } from '../server/typed-app.js';
import { type Executor, executorPoint } from './extension.js';
import { JobCollector } from './job-collector.js';
import { type ComputeOptions, JobService } from './job-service.js';
import { JobStore } from './job-store.js';
import { computeRoutes, type ExecutorInfo } from './routes.js';
import { sweepRoutes } from './sweeps/routes.js';
import { SweepController } from './sweeps/sweep-controller.js';
import { SweepService } from './sweeps/sweep-service.js';
import { SweepStore } from './sweeps/sweep-store.js';
import { TeamAccess } from './team-access.js';

export interface ComputeModuleOptions {
  config: Config;
  dataDir: string;
  teamsOf: (userId: string) => Promise<string[]>;
  /** A user as the policy sees them, for work done on their behalf (a sweep's trials). */
  principalOf: (userId: string) => Promise<Principal | null>;
  /** Plinth's own folders and files (data dir, platform checkout, secret files): no job may see them. */
  protectedPaths: string[];
  /** A secret of a team's vault for a job's env (`secret:NAME`); absent without a vault. */
  resolveSecret?: ComputeOptions['resolveSecret'];
}

/** Builds the executors the config asks for; a wrong setting names its key, an unknown executor lists the known. */
async function createExecutors(
  registry: ExtensionRegistry,
  config: Config,
  outputRoot: string,
  protectedPaths: string[],
  logger: Logger,
) {
  const executors = new Map<string, Executor>();
  const infos: ExecutorInfo[] = [];
  for (const [name, settings] of Object.entries(config.compute.executors)) {
    const entry = registry.get(executorPoint, name);
    if (entry.configSchema && !Value.Check(entry.configSchema, settings)) {
      const first = [...Value.Errors(entry.configSchema, settings)][0];
      const path = `compute.executors.${name}${first?.instancePath.replaceAll('/', '.') ?? ''}`;
      throw new Error(`Invalid configuration: ${path}: ${first?.message ?? 'invalid'}`);
    }
    executors.set(name, await entry.create({ config: { ...settings, outputRoot, protectedPaths }, logger }));
    infos.push({
      name,
      description: entry.description,
      default: name === config.compute.defaultExecutor,
      capabilities: { ...entry.capabilities },
    });
  }
  if (executors.size > 0 && !executors.has(config.compute.defaultExecutor)) {
    throw new Error(
      `Invalid configuration: compute.defaultExecutor: '${config.compute.defaultExecutor}' is not among compute.executors`,
    );
  }
  return { executors, infos };
}

/** The compute domain, wired: executors, the job store and service, the status collector, routes. */
export async function createComputeModule(
  db: Db,
  registry: ExtensionRegistry,
  audit: AuditLog,
  logger: Logger,
  options: ComputeModuleOptions,
) {
  const outputRoot = join(options.dataDir, 'jobs');
  const { executors, infos } = await createExecutors(
    registry,
    options.config,
    outputRoot,
    options.protectedPaths,
    logger,
  );
  const store = new JobStore(db);
  const c = options.config.compute;
  const access = new TeamAccess({
    executorTeams: c.executorTeams,
    teamLimits: c.teamLimits,
    defaultMaxActiveJobs: c.maxActiveJobsPerTeam,
  });
  const jobs = new JobService(store, executors, audit, options.teamsOf, {
    defaultExecutor: c.defaultExecutor,
    access,
    outputRoot,
    ...(options.resolveSecret ? { resolveSecret: options.resolveSecret } : {}),
  });
  const collector = new JobCollector(store, executors, logger, {
    intervalMs: c.pollIntervalSeconds * 1000,
    idleIntervalMs: c.idlePollSeconds * 1000,
  });
  const sweepStore = new SweepStore(db);
  const controller = new SweepController(sweepStore, jobs, store, logger, {
    dir: join(options.dataDir, 'sweeps'),
    intervalMs: Math.max(500, c.pollIntervalSeconds * 1000),
    principalOf: options.principalOf,
  });
  const sweeps = new SweepService(sweepStore, jobs, audit, options.teamsOf, () => controller.kick());
  // A trial's job changed state: the sweep may have a slot free, a metric to read, a trial to stop.
  collector.on('job', () => controller.kick());
  return {
    jobs,
    collector,
    executors,
    sweeps,
    sweepController: controller,
    routes: (app: TypedApp) => {
      computeRoutes(app, jobs, collector, () => infos, c.submitsPerMinute);
      sweepRoutes(app, sweeps, c.submitsPerMinute);
    },
    /** Reconciles jobs in flight with their executors, then keeps polling; running sweeps carry on. */
    start: () => {
      collector.start();
      controller.start();
    },
    async stop() {
      collector.stop();
      controller.stop();
      for (const executor of executors.values()) await executor.close?.();
    },
  };
}

export type ComputeModule = Awaited<ReturnType<typeof createComputeModule>>;
