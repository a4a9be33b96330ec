// The catalog's contract, typed from the server's own TypeBox schemas (types only: nothing of the
// server is bundled into the portal).
import type { Type } from 'typebox';
import type {
  EntityDetail,
  EntitySummary,
  Facets,
  Graph,
  Location,
  Problem,
  RelationView,
  Revision,
  SyncResult,
} from '../../../src/catalog/schemas.js';

export type { EntityDetail, EntitySummary, Location, Problem };
export type CatalogFacets = Type.Static<typeof Facets>;
export type FacetName = keyof CatalogFacets;
export type EntityGraph = Type.Static<typeof Graph>;
export type GraphNodeInfo = EntityGraph['nodes'][number];
export type GraphEdgeInfo = EntityGraph['edges'][number];
export type Relation = Type.Static<typeof RelationView>;
export type CatalogRevision = Type.Static<typeof Revision>;
export type SyncOutcome = Type.Static<typeof SyncResult>;

/** A page of entities, with how many match in all. */
export interface EntityPage {
  items: EntitySummary[];
  nextCursor: string | null;
  total: number;
}

/** Filters of the entity list; every one is also a key of the catalog page URL. */
export interface EntityFilters {
  kind?: string;
  type?: string;
  owner?: string;
  lifecycle?: string;
  tag?: string;
  namespace?: string;
  q?: string;
}

/** How the entity list is ordered. */
export type EntitySort = 'name' | 'kind' | 'owner' | 'updated';

/** Filters of the problems list. */
export interface ProblemFilters {
  location?: string;
  owner?: string;
  severity?: 'error' | 'warning';
}

/** What a Keeper fills in to add a location. */
export interface NewLocation {
  name: string;
  target: string;
  branch?: string;
  path?: string;
}
