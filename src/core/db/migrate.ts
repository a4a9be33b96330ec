import { type Kysely, type Migration, Migrator } from 'kysely';
import { coreErrors } from '../errors.js';
import type { Database } from './tables.js';

/** A named migration; names sort in the order they must run (`0001-...`). */
export type NamedMigrations = Record<string, Migration>;

/** Brings the schema up to date; each migration runs once, in its own transaction where the engine allows. */
export async function migrateToLatest(db: Kysely<Database>, migrations: NamedMigrations): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'plinth_migrations',
    migrationLockTableName: 'plinth_migrations_lock',
    // Each domain numbers its migrations in its own range and they do not depend on one another:
    // a database that already ran a later domain's migration still takes an earlier-numbered new one.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw coreErrors.DATABASE_MIGRATION_FAILED.create([failed], { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
