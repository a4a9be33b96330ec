import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const docsMigrations: NamedMigrations = {
  '0021-docs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('docs_sources')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('entity_ref', 'text')
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('synced_at', 'text', (c) => c.notNull())
        .addColumn('page_count', 'integer', (c) => c.notNull())
        .addColumn('problem_count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('docs_pages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull().references('docs_sources.key').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('audience', 'text')
        .addColumn('verified', 'text')
        .addColumn('nav_order', 'real')
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('sections', 'text', (c) => c.notNull())
        .addColumn('toc', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('has_mermaid', 'integer', (c) => c.notNull())
        .addColumn('commit_sha', 'text')
        .addColumn('commit_author', 'text')
        .addColumn('committed_at', 'text')
        .addColumn('edit_url', 'text')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('docs_pages_source').on('docs_pages').columns(['source', 'slug']).execute();
      await db.schema.createIndex('docs_pages_type').on('docs_pages').column('type').execute();
      await db.schema
        .createTable('docs_problems')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull().references('docs_sources.key').onDelete('cascade'))
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .execute();
      await db.schema.createIndex('docs_problems_source').on('docs_problems').column('source').execute();
      await db.schema
        .createTable('docs_assets')
        .addColumn('source', 'text', (c) => c.notNull().references('docs_sources.key').onDelete('cascade'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('docs_assets_pk', ['source', 'path'])
        .execute();
      // Progress outlives the page rows (a sync rewrites them): it is keyed by page id, not a foreign key.
      await db.schema
        .createTable('docs_guide_progress')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('page_id', 'text', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('docs_guide_progress_pk', ['user_id', 'page_id', 'step'])
        .execute();
      await db.schema
        .createIndex('docs_guide_progress_page')
        .on('docs_guide_progress')
        .columns(['page_id', 'user_id'])
        .execute();
    },
  },
};
