/**
 * The catalog's vocabulary, shared by the parser, the store, the sync, the API, the web and the CLI.
 * The entity envelope is Backstage's, so that existing `catalog-info.yaml` files work unchanged.
 */

/** Where something sits in the platform repo: a file and a 1-based line and column. */
export interface SourcePosition {
  /** Path relative to the location root, with forward slashes (e.g. `catalog/teams.yaml`). */
  file: string;
  line: number;
  column: number;
}

export type ProblemSeverity = 'error' | 'warning';

/**
 * Something wrong in the catalog, at the place a person can fix it.
 * `message` is for a non-programmer: "spec.owner: 'team-x' is not a known Group".
 */
export interface CatalogProblem extends SourcePosition {
  /** Stable code, e.g. CATALOG_YAML_SYNTAX, CATALOG_SCHEMA, CATALOG_DUPLICATE_REF, CATALOG_DANGLING_REF. */
  code: string;
  severity: ProblemSeverity;
  message: string;
  /** The entity concerned, when the problem belongs to one (`component:default/pi-sim`). */
  entityRef?: string;
  /** The JSON path of the field concerned (`spec.owner`), when there is one. */
  field?: string;
  /** Owner ref of the entity concerned when it could be read, so the owning team sees the problem. */
  owner?: string;
}

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMetadata {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
}

/** An entity as written in YAML. */
export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMetadata;
  spec?: Record<string, unknown>;
}

/** The relation types, each with its inverse. */
export const RELATION_PAIRS = {
  ownedBy: 'ownerOf',
  partOf: 'hasPart',
  dependsOn: 'dependencyOf',
  providesApi: 'apiProvidedBy',
  consumesApi: 'apiConsumedBy',
  memberOf: 'hasMember',
  childOf: 'parentOf',
} as const;

export type RelationType = keyof typeof RELATION_PAIRS | (typeof RELATION_PAIRS)[keyof typeof RELATION_PAIRS];

export interface Relation {
  source: string;
  type: RelationType;
  target: string;
}

/** An entity read from a file: its canonical ref, where it was written, and its raw YAML text. */
export interface ParsedEntity {
  ref: string;
  entity: Entity;
  position: SourcePosition;
  /** The YAML document text of this entity, as written. */
  raw: string;
  /** Line and column of each field, by dotted path (`spec.owner` → position), for located problems. */
  fieldPositions: Map<string, { line: number; column: number }>;
}
