import { adapter } from '../../../core/extension.js';
import { type SearchEngineConfig, searchEnginePoint } from '../../extension.js';
import { PostgresSearch } from './postgres-search.js';

/** Full-text search in PostgreSQL: tsvector with GIN, pg_trgm for typos. */
export const postgresSearch = adapter(searchEnginePoint, {
  name: 'postgres-tsvector',
  description: 'PostgreSQL full text (weighted tsvector, GIN) with pg_trgm word similarity for typos',
  capabilities: { databases: ['postgres'], typos: 'trigram', prefix: true },
  create: ({ config }) => new PostgresSearch((config as SearchEngineConfig).db),
});
