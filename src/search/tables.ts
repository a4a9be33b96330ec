/**
 * Columns both engines' `search_documents` tables share (each engine adds its own: SQLite keeps the
 * text in an FTS5 table keyed by `seq`, PostgreSQL keeps `body` and generated `tsv`/`words` columns).
 */
export interface SearchDocumentsTable {
  id: string;
  source: string;
  type: string;
  title: string;
  /** Lower-cased title, for exact matches. */
  title_key: string;
  /** Lower-cased name, for exact matches. */
  name: string | null;
  kind: string | null;
  owner: string | null;
  /** Tags joined by spaces. */
  tags: string;
  summary: string | null;
  url: string;
  hash: string;
  updated_at: string;
}

export interface SearchDocumentTagsTable {
  id: string;
  tag: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  search_document_tags: SearchDocumentTagsTable;
}
