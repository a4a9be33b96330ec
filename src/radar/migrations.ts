import type { Kysely } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

export const radarMigrations: NamedMigrations = {
  '0060-radar-proposals': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('radar_proposals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('technology_ref', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('quadrant', 'text', (c) => c.notNull())
        .addColumn('from_ring', 'text')
        .addColumn('target_ring', 'text', (c) => c.notNull())
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('proposer_id', 'text', (c) => c.notNull())
        .addColumn('proposer', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('decision', 'text')
        .addColumn('change', 'text')
        .addColumn('patch', 'text')
        .execute();
      await db.schema
        .createIndex('radar_proposals_state')
        .on('radar_proposals')
        .columns(['state', 'number'])
        .execute();
      await db.schema
        .createIndex('radar_proposals_technology')
        .on('radar_proposals')
        .columns(['technology_ref'])
        .execute();
    },
  },
  '0061-radar-votes-comments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('radar_votes')
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('voter_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('capacity', 'text', (c) => c.notNull())
        .addColumn('team', 'text')
        .addColumn('choice', 'text', (c) => c.notNull())
        .addColumn('blocking', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('radar_votes_pk', ['proposal_id', 'voter_key'])
        .execute();
      await db.schema
        .createTable('radar_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('radar_comments_proposal')
        .on('radar_comments')
        .columns(['proposal_id', 'id'])
        .execute();
    },
  },
};
