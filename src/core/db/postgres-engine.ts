import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { adapter } from '../extension.js';
import { type DatabaseEngineConfig, databasePoint } from './engine.js';

// int8 (counts, sums) would otherwise arrive as strings; our numbers stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** PostgreSQL, for several replicas behind a load balancer. */
export const postgresEngine = adapter(databasePoint, {
  name: 'postgres',
  description: 'PostgreSQL (server; set databaseUrl to postgres://...)',
  capabilities: { schemes: ['postgres', 'postgresql'], embedded: false, fullText: 'tsvector' },
  create: ({ config, logger }) => {
    const { url } = config as DatabaseEngineConfig;
    const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
    // An idle connection closed by the server (restart, failover) must not crash the process;
    // the pool replaces it at the next query.
    pool.on('error', (error) => logger.warn({ error: error.message }, 'A database connection was closed'));
    return {
      dialect: new PostgresDialect({ pool }),
      description: `PostgreSQL at ${redact(url ?? '')}`,
      // 53100 is disk_full: the database server has no room left for the write.
      storageFullReason: (error: unknown) =>
        (error as { code?: unknown }).code === '53100' ? 'PostgreSQL disk_full (53100)' : undefined,
    };
  },
});
