import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Driver, SqliteDialect, sql } from 'kysely';
import { adapter } from '../extension.js';
import { type DatabaseEngineConfig, databasePoint } from './engine.js';
import { withStatementCache } from './statement-cache.js';

function sqlitePath(config: DatabaseEngineConfig): string {
  if (config.url?.startsWith('sqlite://')) {
    const path = config.url.slice('sqlite://'.length);
    return path === ':memory:' ? path : resolve(path);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return resolve(config.dataDir, 'plinth.sqlite');
}

/**
 * SQLite ends a transaction itself when a statement fails with SQLITE_FULL, SQLITE_IOERR or
 * SQLITE_NOMEM. Kysely then sends ROLLBACK anyway, which fails with "cannot rollback - no
 * transaction is active" and replaces the real error (a full disk) in the logs and the answer.
 */
class EndedTransactionAwareDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database: withStatementCache(database) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.database.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** The embedded default: one SQLite file in the data dir, in WAL mode. */
export const sqliteEngine = adapter(databasePoint, {
  name: 'sqlite',
  description: 'SQLite (embedded, one file in the data dir)',
  capabilities: { schemes: ['sqlite'], embedded: true, fullText: 'fts5' },
  create: ({ config }) => {
    const path = sqlitePath(config as DatabaseEngineConfig);
    const database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Another process (a CLI, a second worker) may hold the write lock briefly.
    database.pragma('busy_timeout = 5000');
    return {
      dialect: new EndedTransactionAwareDialect(database),
      description: `SQLite at ${path}`,
      storageFullReason: (error: unknown) =>
        (error as { code?: unknown }).code === 'SQLITE_FULL'
          ? 'SQLITE_FULL: database or disk is full'
          : undefined,
      // Without statistics SQLite may scan the kind index (100k rows) instead of the owner one (2k).
      afterBulkWrite: async (db) => {
        await sql`PRAGMA optimize`.execute(db);
      },
    };
  },
});
