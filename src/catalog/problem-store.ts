import { compiledOnce } from '../core/db/compiled-query.js';
import type { Db } from '../core/db/database.js';
import { ownerRef } from './entity-rows.js';

export interface ProblemFilter {
  locationName?: string;
  owner?: string;
  severity?: 'error' | 'warning';
  entityRef?: string;
  after?: string;
  limit: number;
}

/** Problems with their location and whether their entity exists, before any filter. */
function withLocation(db: Db) {
  return db
    .selectFrom('catalog_problems')
    .innerJoin('catalog_locations', 'catalog_locations.id', 'catalog_problems.location_id')
    .selectAll('catalog_problems')
    .select([
      'catalog_locations.name as location_name',
      'catalog_locations.reader',
      'catalog_locations.target',
      'catalog_locations.branch',
      'catalog_locations.path',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('catalog_entities')
            .select('ref')
            .whereRef('catalog_entities.ref', '=', 'catalog_problems.entity_ref'),
        )
        .as('entity_exists'),
    );
}

// Ids are ULIDs in insertion order, and a revision inserts problems file by file.
const problemsOfEntity = compiledOnce(
  (db, entityRef: string, limit: number) =>
    withLocation(db)
      .where('catalog_problems.entity_ref', '=', entityRef)
      .orderBy('catalog_problems.id')
      .limit(limit),
  ['', 1],
);

/** Catalog problems with their location, grouped by location and file by their order. Queries only. */
export class ProblemStore {
  constructor(private readonly db: Db) {}

  /** The problems of one entity (at most `limit` + 1), for its page: the same query for every entity. */
  ofEntity(entityRef: string, limit: number) {
    return problemsOfEntity(this.db, entityRef, limit + 1);
  }

  list(filter: ProblemFilter) {
    let query = withLocation(this.db);
    if (filter.locationName) query = query.where('catalog_locations.name', '=', filter.locationName);
    if (filter.severity) query = query.where('catalog_problems.severity', '=', filter.severity);
    if (filter.entityRef) query = query.where('catalog_problems.entity_ref', '=', filter.entityRef);
    if (filter.owner) {
      const owner = ownerRef(filter.owner, 'default') as string;
      query = query.where('catalog_problems.owner', '=', owner);
    }
    if (filter.after) query = query.where('catalog_problems.id', '>', filter.after);
    return query
      .orderBy('catalog_problems.id')
      .limit(filter.limit + 1)
      .execute();
  }
}
