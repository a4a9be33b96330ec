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
  documents(ids: string[]): Promise<SearchDocument[]>;
}

/** What one refresh of a source changed. */
export interface RefreshCounts {
  written: number;
  removed: number;
  ms: number;
}
