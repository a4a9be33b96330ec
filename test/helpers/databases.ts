import { engineAvailable, testPostgresUrl } from './engines.js';
import type { TestDatabase } from './server.js';

/** The engines every store and API test runs on: SQLite always, PostgreSQL when a test cluster is up. */
export function testDatabases(): TestDatabase[] {
  const hasPostgres = engineAvailable(
    'PostgreSQL',
    Boolean(testPostgresUrl),
    'set PLINTH_TEST_DATABASE_URL (scripts/pg-up.sh starts a throwaway cluster and prints it)',
  );
  return hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
}
