/** The search domain's public surface: what other domains register into, and the wiring. */

export { postgresSearch } from './engines/postgres/index.js';
export { sqliteSearch } from './engines/sqlite/index.js';
export { type SearchEngine, type SearchEngineConfig, searchEnginePoint } from './extension.js';
export { searchMigrations } from './migrations.js';
export type { FacetCounts, FacetName, ParsedQuery, SearchDocument } from './model.js';
export { parseQuery, wordsOf } from './parse-query.js';
export { SearchIndex } from './search-index.js';
export { createSearchModule, type SearchModule } from './search-module.js';
export type { RefreshCounts, SearchSource } from './source.js';
export { catalogSearchSource, entityUrl } from './sources/catalog-source.js';
