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

/** Catalog problems with their location, grouped by location and file by their order. Queries only. */
export class ProblemStore {
  constructor(private readonly db: Db) {}

  list(filter: ProblemFilter) {
    let query = this.db
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
    if (filter.locationName) query = query.where('catalog_locations.name', '=', filter.locationName);
    if (filter.severity) query = query.where('catalog_problems.severity', '=', filter.severity);
    if (filter.entityRef) query = query.where('catalog_problems.entity_ref', '=', filter.entityRef);
    if (filter.owner) {
      const owner = ownerRef(filter.owner, 'default') as string;
      query = query.where('catalog_problems.owner', '=', owner);
    }
    if (filter.after) query = query.where('catalog_problems.id', '>', filter.after);
    // Ids are ULIDs in insertion order, and a revision inserts problems file by file.
    return query
      .orderBy('catalog_problems.id')
      .limit(filter.limit + 1)
      .execute();
  }
}
