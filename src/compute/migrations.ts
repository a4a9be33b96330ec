import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const computeMigrations: NamedMigrations = {
  '0005-compute-jobs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('executor', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('team', 'text')
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('script', 'text')
        .addColumn('output_dir', 'text', (c) => c.notNull())
        .addColumn('stdout_path', 'text')
        .addColumn('stderr_path', 'text')
        .addColumn('exit_code', 'integer')
        .addColumn('signal', 'integer')
        .addColumn('raw_state', 'text')
        .addColumn('reason', 'text')
        .addColumn('explanation', 'text')
        .addColumn('node', 'text')
        .addColumn('tasks', 'text')
        .addColumn('usage', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('status_at', 'text')
        .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('missing_polls', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cancelled_by', 'text')
        .execute();
      await db.schema.createIndex('jobs_state_executor').on('jobs').columns(['state', 'executor']).execute();
      await db.schema.createIndex('jobs_owner').on('jobs').columns(['owner_id', 'id']).execute();
      await db.schema.createIndex('jobs_team').on('jobs').columns(['team', 'id']).execute();
    },
  },
  '0007-compute-sweeps': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sweeps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('team', 'text')
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('seed', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('trial_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('best_trial', 'integer')
        .addColumn('best_value', 'double precision')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema.createIndex('sweeps_state').on('sweeps').column('state').execute();
      await db.schema.createIndex('sweeps_owner').on('sweeps').columns(['owner_id', 'id']).execute();
      await db.schema.createIndex('sweeps_team').on('sweeps').columns(['team', 'id']).execute();
      await db.schema
        .createTable('sweep_trials')
        .addColumn('sweep_id', 'text', (c) => c.notNull().references('sweeps.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('value', 'double precision')
        .addColumn('intermediate', 'text', (c) => c.notNull())
        .addColumn('metrics', 'text', (c) => c.notNull())
        .addColumn('log_offset', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addPrimaryKeyConstraint('sweep_trials_pk', ['sweep_id', 'number'])
        .execute();
    },
  },
  '0008-compute-sweep-trial-task': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sweep_trials').addColumn('task', 'integer').execute();
    },
  },
};
