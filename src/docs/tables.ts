/** Row shapes of the docs tables. JSON columns hold text; timestamps are ISO-8601 UTC. */
export interface DocsSourcesTable {
  /** `platform`, or `<kind>/<namespace>/<name>` of the entity whose docs these are. */
  key: string;
  title: string;
  /** `platform` | `entity` */
  origin: string;
  entity_ref: string | null;
  /** Where the files were read, for people (folder, or repository and folder). */
  place: string;
  /** sha256 over every file: an unchanged source is not rendered again. */
  hash: string;
  synced_at: string;
  page_count: number;
  problem_count: number;
}

export interface DocsPagesTable {
  /** `<source key>:<slug>` */
  id: string;
  source: string;
  slug: string;
  file: string;
  /** `doc` | `guide` | `practice` */
  type: string;
  title: string;
  description: string | null;
  tags: string;
  owner: string | null;
  audience: string | null;
  verified: string | null;
  nav_order: number | null;
  html: string;
  /** JSON: the sections split at second-level headings (guide steps). */
  sections: string;
  /** JSON: second- and third-level headings. */
  toc: string;
  /** Plain text, for the search index. */
  text: string;
  has_mermaid: number;
  commit_sha: string | null;
  commit_author: string | null;
  committed_at: string | null;
  edit_url: string | null;
  hash: string;
  updated_at: string;
}

export interface DocsProblemsTable {
  id: string;
  source: string;
  file: string;
  line: number;
  code: string;
  severity: string;
  message: string;
  /** Owner ref of the source (the entity's owner), so its team sees the problem. */
  owner: string | null;
}

/** Files of a source other than pages (images, attachments): only these can be served. */
export interface DocsAssetsTable {
  source: string;
  path: string;
}

/** One ticked step of a guide, by one person. */
export interface DocsGuideProgressTable {
  user_id: string;
  page_id: string;
  step: string;
  done_at: string;
}

export interface DocsTables {
  docs_sources: DocsSourcesTable;
  docs_pages: DocsPagesTable;
  docs_problems: DocsProblemsTable;
  docs_assets: DocsAssetsTable;
  docs_guide_progress: DocsGuideProgressTable;
}
