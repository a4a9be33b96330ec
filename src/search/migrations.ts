import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { NamedMigrations } from '../core/db/migrate.js';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

// Weights: a word in the title or name counts most, then tags, the summary, the body.
async function sqliteSchema(db: Kysely<unknown>) {
  await sql`create table search_documents (
    seq integer primary key,
    id text not null unique,
    source text not null,
    type text not null,
    title text not null,
    title_key text not null,
    name text,
    kind text,
    owner text,
    tags text not null,
    summary text,
    url text not null,
    hash text not null,
    updated_at text not null
  )`.execute(db);
  // Porter stemming lets "studies" find "study". Prefix indexes of 2 to 5 letters keep search as you
  // type fast: without one, a prefix such as "quin" merges the lists of every word it starts.
  await sql`create virtual table search_fts using fts5(
    title, name, tags, summary, body,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4 5'
  )`.execute(db);
  await sql`insert into search_fts(search_fts, rank) values ('rank', 'bm25(10.0, 10.0, 5.0, 3.0, 1.0)')`.execute(
    db,
  );
  // The indexed words, for finding the word meant behind a typo.
  await sql`create virtual table search_fts_vocab using fts5vocab(search_fts, 'row')`.execute(db);
}

async function postgresSchema(db: Kysely<unknown>) {
  // Trigram similarity finds "pytorch" behind "pytroch"; the extension ships with PostgreSQL.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create table search_documents (
    id text primary key,
    source text not null,
    type text not null,
    title text not null,
    title_key text not null,
    name text,
    kind text,
    owner text,
    tags text not null,
    summary text,
    body text not null,
    url text not null,
    hash text not null,
    updated_at text not null,
    tsv tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
      setweight(to_tsvector('english', tags), 'B') ||
      setweight(to_tsvector('english', coalesce(summary, '')), 'C') ||
      setweight(to_tsvector('english', body), 'D')
    ) stored,
    words text generated always as (lower(title || ' ' || coalesce(name, '') || ' ' || tags)) stored
  )`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_words on search_documents using gin (words gin_trgm_ops)`.execute(
    db,
  );
}

export const searchMigrations: NamedMigrations = {
  '0020-search': {
    async up(db: Kysely<unknown>) {
      if (isPostgres(db)) await postgresSchema(db);
      else await sqliteSchema(db);
      for (const column of ['source', 'title_key', 'name', 'type']) {
        await db.schema
          .createIndex(`search_documents_${column}`)
          .on('search_documents')
          .column(column)
          .execute();
      }
      await db.schema
        .createTable('search_document_tags')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_document_tags_pk', ['id', 'tag'])
        .execute();
      await db.schema
        .createIndex('search_document_tags_tag')
        .on('search_document_tags')
        .columns(['tag', 'id'])
        .execute();
    },
  },
};
