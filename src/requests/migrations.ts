import { type Kysely, PostgresAdapter } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const requestsMigrations: NamedMigrations = {
  '0050-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('urgency', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('team', 'text')
        .addColumn('requester_id', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('context_path', 'text')
        .addColumn('context_entity', 'text')
        .addColumn('context_step', 'text')
        .addColumn('proposal_id', 'text')
        .addColumn('decline_reason', 'text')
        .addColumn('withdraw_reason', 'text')
        .addColumn('has_reply', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('first_response_due_at', 'text', (c) => c.notNull())
        .addColumn('resolution_due_at', 'text', (c) => c.notNull())
        .addColumn('first_response_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('first_response_escalated_at', 'text')
        .addColumn('resolution_escalated_at', 'text')
        .execute();
      await db.schema.createIndex('requests_state').on('requests').columns(['state']).execute();
      await db.schema.createIndex('requests_team').on('requests').columns(['team']).execute();
      await db.schema.createIndex('requests_requester').on('requests').columns(['requester_id']).execute();
      await db.schema
        .createTable('request_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('by_keeper', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_comments_request')
        .on('request_comments')
        .columns(['request_id'])
        .execute();
      await db.schema
        .createTable('request_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('actor_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_events_request')
        .on('request_events')
        .columns(['request_id'])
        .execute();
      // Attachments live in the database: every replica behind a load balancer sees them, a
      // database backup holds them, and the size limit keeps rows small.
      await db.schema
        .createTable('request_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
        .addColumn('comment_id', 'text')
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_attachments_request')
        .on('request_attachments')
        .columns(['request_id'])
        .execute();
    },
  },
};
