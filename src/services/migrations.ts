import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const servicesMigrations: NamedMigrations = {
  '0010-services-id-worker-leases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('id_worker_leases')
        .addColumn('worker_id', 'integer', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('holder_name', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('acquired_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0011-services-vault-secrets': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vault_secrets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('ciphertext', 'text', (c) => c.notNull())
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('last_read_at', 'text')
        .addColumn('last_read_by', 'text')
        .addUniqueConstraint('vault_secrets_team_name', ['team', 'name'])
        .execute();
      await db.schema
        .createIndex('vault_secrets_expiry')
        .on('vault_secrets')
        .columns(['expires_at'])
        .execute();
    },
  },
};
