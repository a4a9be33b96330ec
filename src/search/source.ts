import type { SearchDocument } from './model.js';

/**
 * What a domain registers to put its things in the one search: every document id it holds now with
 * a hash that changes when the document does, and the documents themselves on demand. The index
 * compares hashes, so a refresh rewrites only what changed.
 *
 * @example
 * index.register({
 *   name: 'templates',
 *   hashes: async () => new Map(rows.map((r) => [`template:${r.ref}`, r.hash])),
 *   documents: async (ids) => rows.filter((r) => ids.includes(`template:${r.ref}`)).map(toDocument),
 * });
 */
export interface SearchSource {
  /** Unique; stored as the `source` of each of its documents. */
  readonly name: string;
  hashes(): Promise<Map<string, string>>;
  /**
   * Where the source keeps its hashes, when that is a table of the portal's own database: the
   * index then compares them with its own in SQL and never loads them all (100,000 entities would
   * be hundreds of megabytes). A document's id is `idPrefix` followed by the row's `key`.
   */
  readonly stored?: StoredHashes;
  documents(ids: string[]): Promise<SearchDocument[]>;
}

/** A table holding one row per document: its key (the id without the prefix) and its hash. */
export interface StoredHashes {
  table: string;
  key: string;
  hash: string;
  idPrefix: string;
}

/** What one refresh of a source changed. */
export interface RefreshCounts {
  written: number;
  removed: number;
  ms: number;
}
