import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept; a page of the portal runs a few dozen distinct queries. */
const MAX_STATEMENTS = 200;
/** Longer SQL is a bulk write (hundreds of rows of values): different each time, not worth keeping. */
const MAX_SQL_LENGTH = 2000;

/**
 * The database as Kysely sees it, with prepared statements reused: Kysely prepares every query it
 * runs, and compiling the SQL again cost more than running it on a lookup by key. Least recently
 * used statements are dropped first; a statement still being iterated (a streamed query) is not
 * handed out twice.
 */
export function withStatementCache(database: Database.Database, max = MAX_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: moving it to the end keeps the least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (sql.length <= MAX_SQL_LENGTH && !cached) {
        cache.set(sql, statement);
        if (cache.size > max) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
