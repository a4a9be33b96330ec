import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const catalogMigrations: NamedMigrations = {
  '0004-catalog': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_locations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('reader', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('branch', 'text')
        .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('last_sync_at', 'text')
        .addColumn('last_sync_status', 'text', (c) => c.notNull().defaultTo('never'))
        .addColumn('last_sync_error', 'text')
        .addColumn('sha', 'text')
        .addColumn('commit_author', 'text')
        .addColumn('commit_message', 'text')
        .addColumn('committed_at', 'text')
        .addColumn('entity_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('catalog_entities')
        .addColumn('ref', 'text', (c) => c.primaryKey())
        .addColumn('location_id', 'text', (c) =>
          c.notNull().references('catalog_locations.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('namespace', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('description', 'text')
        .addColumn('type', 'text')
        .addColumn('lifecycle', 'text')
        .addColumn('owner', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Each filter's index is ordered like the default sort (name, then ref), so a filtered page is
      // read in order from the index instead of sorting every match.
      for (const column of ['location_id', 'kind', 'owner', 'type', 'lifecycle', 'namespace']) {
        await db.schema
          .createIndex(`catalog_entities_${column}`)
          .on('catalog_entities')
          .columns([column, 'name', 'ref'])
          .execute();
      }
      await db.schema
        .createIndex('catalog_entities_name')
        .on('catalog_entities')
        .columns(['name', 'ref'])
        .execute();
      await db.schema
        .createTable('catalog_entity_tags')
        .addColumn('ref', 'text', (c) => c.notNull().references('catalog_entities.ref').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_entity_tags_pk', ['ref', 'tag'])
        .execute();
      await db.schema
        .createIndex('catalog_entity_tags_tag')
        .on('catalog_entity_tags')
        .columns(['tag', 'ref'])
        .execute();
      await db.schema
        .createTable('catalog_relations')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) =>
          c.notNull().references('catalog_locations.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('catalog_relations_pk', ['source', 'type', 'target', 'location_id'])
        .execute();
      await db.schema
        .createIndex('catalog_relations_target')
        .on('catalog_relations')
        .column('target')
        .execute();
      await db.schema
        .createIndex('catalog_relations_location')
        .on('catalog_relations')
        .column('location_id')
        .execute();
      await db.schema
        .createTable('catalog_problems')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('location_id', 'text', (c) =>
          c.notNull().references('catalog_locations.id').onDelete('cascade'),
        )
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('col', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('entity_ref', 'text')
        .addColumn('field', 'text')
        .addColumn('owner', 'text')
        .execute();
      await db.schema.createIndex('catalog_problems_owner').on('catalog_problems').column('owner').execute();
      await db.schema
        .createIndex('catalog_problems_location')
        .on('catalog_problems')
        .column('location_id')
        .execute();
      await db.schema
        .createIndex('catalog_problems_entity')
        .on('catalog_problems')
        .column('entity_ref')
        .execute();
      await db.schema
        .createTable('catalog_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('location_id', 'text', (c) =>
          c.notNull().references('catalog_locations.id').onDelete('cascade'),
        )
        .addColumn('sha', 'text')
        .addColumn('commit_author', 'text')
        .addColumn('commit_message', 'text')
        .addColumn('committed_at', 'text')
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('added', 'integer', (c) => c.notNull())
        .addColumn('changed', 'integer', (c) => c.notNull())
        .addColumn('removed', 'integer', (c) => c.notNull())
        .addColumn('problems', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema
        .createIndex('catalog_revisions_location')
        .on('catalog_revisions')
        .columns(['location_id', 'id'])
        .execute();
    },
  },
  '0006-catalog-entity-job': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('catalog_entities').addColumn('job', 'text').execute();
    },
  },
};
