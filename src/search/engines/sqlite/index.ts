import { adapter } from '../../../core/extension.js';
import { type SearchEngineConfig, searchEnginePoint } from '../../extension.js';
import { SqliteSearch } from './sqlite-search.js';

/** Full-text search in the embedded SQLite database (FTS5). */
export const sqliteSearch = adapter(searchEnginePoint, {
  name: 'sqlite-fts5',
  description: 'SQLite FTS5: bm25 ranking, prefix indexes, typo correction from the index vocabulary',
  capabilities: { databases: ['sqlite'], typos: 'vocabulary', prefix: true },
  create: ({ config }) => new SqliteSearch((config as SearchEngineConfig).db),
});
