import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const scaffolderMigrations: NamedMigrations = {
  '0030-scaffolder-tasks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scaffolder_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('template_ref', 'text', (c) => c.notNull())
        .addColumn('template_title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('checks', 'text', (c) => c.notNull())
        .addColumn('output', 'text', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scaffolder_tasks_owner')
        .on('scaffolder_tasks')
        .columns(['owner_id', 'id'])
        .execute();
      await db.schema
        .createIndex('scaffolder_tasks_state')
        .on('scaffolder_tasks')
        .columns(['state'])
        .execute();
      await db.schema
        .createTable('scaffolder_task_logs')
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scaffolder_task_logs_pk', ['task_id', 'seq'])
        .execute();
    },
  },
};
