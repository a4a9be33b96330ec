import type { Kysely } from 'kysely';
import type { NamedMigrations } from './migrate.js';

export const coreMigrations: NamedMigrations = {
  '0001-core-meta': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
