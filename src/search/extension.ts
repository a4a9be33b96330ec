import type { Db } from '../core/db/database.js';
import { extensionPoint } from '../core/extension.js';
import type { EngineResult, FacetCounts, ParsedQuery, SearchDocument } from './model.js';

/**
 * A full-text engine behind the one search index. It lives in the database Plinth already runs:
 * an adapter declares in `capabilities.databases` which database engines it works on, and the index
 * picks the adapter for the database in use.
 */
export interface SearchEngine {
  /** Writes documents (new or changed) inside the caller's transaction. */
  upsert(trx: Db, documents: SearchDocument[]): Promise<void>;
  /** Removes documents by id inside the caller's transaction. */
  remove(trx: Db, ids: string[]): Promise<void>;
  /** Ranked hits: exact title or name matches first, then by relevance; close words when nothing matched. */
  search(query: ParsedQuery): Promise<EngineResult>;
  /**
   * Counts by type, kind, owner and tag among the matches; each facet ignores its own filter. An
   * engine may count up to a bound and sample for the facets; it then says `approximate`.
   */
  facets(query: ParsedQuery): Promise<{ total: number; approximate: boolean; facets: FacetCounts }>;
}

export interface SearchEngineConfig {
  db: Db;
}

export const searchEnginePoint = extensionPoint<SearchEngine>('search.engine');
