/** Row shapes of the catalog's tables. JSON columns hold text; timestamps are ISO-8601 UTC. */
export interface CatalogLocationsTable {
  id: string;
  /** Unique, human name shown in the portal (`platform`, `climate-models`). */
  name: string;
  /** Reader adapter: `folder` or `git`. */
  reader: string;
  /** Folder path or git URL (credentials are never stored here; see config). */
  target: string;
  branch: string | null;
  /** Sub-folder inside the repository to read. */
  path: string;
  /** `config` locations come from plinth.yaml and cannot be deleted from the UI. */
  origin: string;
  created_at: string;
  created_by: string | null;
  last_sync_at: string | null;
  /** `never` | `ok` | `failed` */
  last_sync_status: string;
  last_sync_error: string | null;
  sha: string | null;
  commit_author: string | null;
  commit_message: string | null;
  committed_at: string | null;
  entity_count: number;
  problem_count: number;
}

export interface CatalogEntitiesTable {
  ref: string;
  location_id: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  /** Lower-cased name, title, description and tags, for the text filter. */
  search_text: string;
  /** The whole entity as JSON. */
  entity: string;
  raw: string;
  /** sha256 of `entity`: unchanged entities are not rewritten. */
  hash: string;
  file: string;
  line: number;
  updated_at: string;
  /** The job file its plinth.dev/job annotation names, read at the same commit: `{file, text}` as JSON. */
  job: string | null;
}

export interface CatalogEntityTagsTable {
  ref: string;
  tag: string;
}

export interface CatalogRelationsTable {
  source: string;
  type: string;
  target: string;
  /** The location whose revision produced this relation (both directions). */
  location_id: string;
}

export interface CatalogProblemsTable {
  id: string;
  location_id: string;
  file: string;
  line: number;
  col: number;
  code: string;
  severity: string;
  message: string;
  entity_ref: string | null;
  field: string | null;
  /** Owner ref of the entity concerned, when it could be read, so its team sees the problem. */
  owner: string | null;
}

export interface CatalogRevisionsTable {
  id: string;
  location_id: string;
  sha: string | null;
  commit_author: string | null;
  commit_message: string | null;
  committed_at: string | null;
  applied_at: string;
  /** `applied` or `failed` (unreadable: nothing changed). */
  outcome: string;
  added: number;
  changed: number;
  removed: number;
  problems: number;
  error: string | null;
}

export interface CatalogTables {
  catalog_locations: CatalogLocationsTable;
  catalog_entities: CatalogEntitiesTable;
  catalog_entity_tags: CatalogEntityTagsTable;
  catalog_relations: CatalogRelationsTable;
  catalog_problems: CatalogProblemsTable;
  catalog_revisions: CatalogRevisionsTable;
}
