// The CLI speaks the server's own contract: these are the types of the catalog's TypeBox schemas.
// Only types are imported, so the schemas themselves are never loaded by the CLI.
import type { Type } from 'typebox';
import type {
  EntityDetail,
  EntitySummary,
  Location,
  Problem,
  Revision as RevisionSchema,
} from '../catalog/schemas.js';
import { CliError } from './cli-error.js';
import type { Page } from './pagination.js';

export type { EntityDetail, EntitySummary, Location, Problem };

/** One sync of a location, applied or failed, as `…/revisions` and `…/sync` answer it. */
export type Revision = Type.Static<typeof RevisionSchema>;

/** What adding or syncing a location answers: the location after the sync, and the revision it made. */
export interface SyncResult {
  location: Location;
  revision: Revision;
}

/** `GET /api/catalog/entities`: a page, and how many entities match in all. */
export interface EntityPage extends Page<EntitySummary> {
  total: number;
}

/** The parts of an entity reference. */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Reads `kind:namespace/name`, or `kind:name` for the `default` namespace. The server checks the
 * parts; only the shape is checked here, so that a ref without a kind gets a usage hint.
 * @example parseEntityRef('component:climate-kit') // { kind: 'component', namespace: 'default', name: 'climate-kit' }
 */
export function parseEntityRef(ref: string): EntityRef {
  const match = /^([^:/\s]+):(?:([^:/\s]+)\/)?([^:/\s]+)$/.exec(ref.trim());
  if (match === null) {
    throw CliError.usage(
      `'${ref}' is not an entity reference: write kind:name or kind:namespace/name, e.g. component:climate-kit.`,
    );
  }
  const [, kind = '', namespace = 'default', name = ''] = match;
  return { kind, namespace, name };
}

/** The API path of one entity. */
export function entityPath(ref: EntityRef): string {
  const parts = [ref.kind, ref.namespace, ref.name].map(encodeURIComponent);
  return `/api/catalog/entities/${parts.join('/')}`;
}

/** The API path of one location, by name (the server also accepts its id). */
export function locationPath(name: string): string {
  return `/api/catalog/locations/${encodeURIComponent(name)}`;
}
