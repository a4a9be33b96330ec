import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { OpenDatabase } from '../core/db/database.js';
import { coreErrors } from '../core/errors.js';
import { type StorageLimits, storageProblem } from './storage-readiness.js';
import { errorResponses, type TypedApp } from './typed-app.js';

const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

/** Liveness, readiness and metrics for orchestrators and monitoring. */
export function opsRoutes(
  app: TypedApp,
  database: OpenDatabase,
  metrics: Registry,
  isMigrated: () => boolean,
  storage: StorageLimits,
) {
  const tags = ['operations'];
  app.get(
    '/healthz',
    {
      config: { permission: 'ops.read' },
      logLevel: 'warn',
      schema: { tags, summary: 'Liveness: the process answers', response: { 200: Status } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'ops.read' },
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Readiness: database reachable, migrations done, room left to store data',
        response: { 200: Status, ...errorResponses },
      },
    },
    async () => {
      if (!isMigrated())
        throw coreErrors.SERVICE_UNAVAILABLE.create(['Database migrations are still running']);
      try {
        await database.ping();
      } catch (error) {
        throw coreErrors.SERVICE_UNAVAILABLE.create(['The database does not answer'], { cause: error });
      }
      const full = await storageProblem(database, storage);
      if (full) throw coreErrors.SERVICE_UNAVAILABLE.create([full], { details: { reason: 'STORAGE_FULL' } });
      return { status: 'ready', database: database.engineName };
    },
  );

  app.get(
    '/metrics',
    {
      config: { permission: 'ops.metrics' },
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Prometheus metrics (public, or for Keepers and the scrape token: server.publicMetrics)',
      },
    },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );
}
