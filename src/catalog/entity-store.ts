import { type SelectQueryBuilder, sql } from 'kysely';
import { compiledOnce } from '../core/db/compiled-query.js';
import type { Db } from '../core/db/database.js';
import type { Database } from '../core/db/tables.js';
import { ownerRef } from './entity-rows.js';
import type { EntityListQuery, EntitySummary } from './schemas.js';
import type { CatalogEntitiesTable } from './tables.js';

type EntityQuery = SelectQueryBuilder<Database, 'catalog_entities', object>;
export type FacetName = 'kind' | 'type' | 'owner' | 'lifecycle' | 'tag' | 'namespace';

const SORT_COLUMNS = { name: 'name', kind: 'kind', owner: 'owner', updated: 'updated_at' } as const;

/** Applies every filter of the list query except `skip` (facet counts ignore their own filter). */
export function applyFilters(query: EntityQuery, filter: EntityListQuery, skip?: FacetName): EntityQuery {
  let q = query;
  if (filter.kind && skip !== 'kind') q = q.where('catalog_entities.kind', '=', filter.kind.toLowerCase());
  if (filter.type && skip !== 'type') q = q.where('catalog_entities.type', '=', filter.type);
  if (filter.lifecycle && skip !== 'lifecycle')
    q = q.where('catalog_entities.lifecycle', '=', filter.lifecycle);
  if (filter.namespace && skip !== 'namespace') {
    q = q.where('catalog_entities.namespace', '=', filter.namespace.toLowerCase());
  }
  if (filter.owner && skip !== 'owner') {
    q = q.where('catalog_entities.owner', '=', ownerRef(filter.owner, 'default') as string);
  }
  if (filter.tag && skip !== 'tag') {
    const tag = filter.tag.toLowerCase();
    q = q.where('catalog_entities.ref', 'in', (eb) =>
      eb
        .selectFrom('catalog_entity_tags')
        .select('catalog_entity_tags.ref')
        .where('catalog_entity_tags.tag', '=', tag),
    );
  }
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where('catalog_entities.search_text', 'like', like);
  }
  return q;
}

/** The list view of an entity; `entity` is its parsed JSON, when the caller has parsed it already. */
export function toSummary(
  row: CatalogEntitiesTable,
  entity = JSON.parse(row.entity) as { metadata?: { tags?: string[] } },
): EntitySummary {
  return {
    ref: row.ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title,
    description: row.description,
    type: row.type,
    lifecycle: row.lifecycle,
    owner: row.owner,
    tags: entity.metadata?.tags ?? [],
  };
}

const entityWithLocation = compiledOnce(
  (db, ref: string) =>
    db
      .selectFrom('catalog_entities')
      .leftJoin('catalog_locations', 'catalog_locations.id', 'catalog_entities.location_id')
      .selectAll('catalog_entities')
      .select([
        'catalog_locations.name as location_name',
        'catalog_locations.reader as location_reader',
        'catalog_locations.target as location_target',
        'catalog_locations.branch as location_branch',
        'catalog_locations.path as location_path',
      ])
      .where('catalog_entities.ref', '=', ref),
  [''],
);

const relationsWithTitles = compiledOnce(
  (db, ref: string) =>
    db
      .selectFrom('catalog_relations')
      .leftJoin('catalog_entities', 'catalog_entities.ref', 'catalog_relations.target')
      .select([
        'catalog_relations.type',
        'catalog_relations.target',
        'catalog_entities.ref as target_ref',
        'catalog_entities.title',
        'catalog_entities.name',
      ])
      .distinct()
      .where('catalog_relations.source', '=', ref)
      .orderBy('catalog_relations.type')
      .orderBy('catalog_relations.target'),
  [''],
);

/** Catalog entities as stored: filtered lists, facet counts, lookups. Queries only. */
export class EntityStore {
  constructor(private readonly db: Db) {}

  /** One page in the chosen order; the cursor is the last row's sort value and ref. */
  async list(filter: EntityListQuery, after: [string, string] | undefined, limit: number) {
    const column = SORT_COLUMNS[filter.sort ?? 'name'];
    // Only owner may be empty; the other sort columns are never null, so their indexes serve the order.
    const key = column === 'owner' ? sql<string>`coalesce(owner, '')` : sql<string>`${sql.ref(column)}`;
    let query = applyFilters(this.db.selectFrom('catalog_entities'), filter).selectAll();
    if (after) {
      const [value, ref] = after;
      query = query.where((eb) =>
        eb.or([eb(key, '>', value), eb.and([eb(key, '=', value), eb('ref', '>', ref)])]),
      );
    }
    const rows = await query
      .orderBy(key)
      .orderBy('ref')
      .limit(limit + 1)
      .execute();
    return { rows, sortValue: (row: CatalogEntitiesTable) => String(row[column] ?? '') };
  }

  async count(filter: EntityListQuery): Promise<number> {
    const row = await applyFilters(this.db.selectFrom('catalog_entities'), filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Counts per value of one facet, under every other filter, most frequent first. */
  async facet(name: FacetName, filter: EntityListQuery, limit = 50) {
    const base = applyFilters(this.db.selectFrom('catalog_entities'), filter, name);
    if (name === 'tag') {
      const rows = await base
        .innerJoin('catalog_entity_tags', 'catalog_entity_tags.ref', 'catalog_entities.ref')
        .select(['catalog_entity_tags.tag as value', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('catalog_entity_tags.tag')
        .orderBy('count', 'desc')
        .orderBy('value')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
    }
    const column = `catalog_entities.${name}` as const;
    const rows = await base
      .select([`${column} as value`, (eb) => eb.fn.countAll<number>().as('count')])
      .where(column, 'is not', null)
      .groupBy(column)
      .orderBy('count', 'desc')
      .orderBy('value')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ value: String(r.value), count: Number(r.count) }));
  }

  get(ref: string) {
    return this.db.selectFrom('catalog_entities').selectAll().where('ref', '=', ref).executeTakeFirst();
  }

  /** An entity with what its page needs of its location (null once the location is gone), in one query. */
  async getWithLocation(ref: string) {
    const [row] = await entityWithLocation(this.db, ref);
    return row;
  }

  /**
   * The relations from one entity (both directions are stored) with the title of each target that
   * exists, in one query: an entity page needs both, and asking twice doubled its cost.
   */
  relationsWithTitles(ref: string) {
    return relationsWithTitles(this.db, ref);
  }

  /** Titles (or names) of many refs in one query, for labelling relations. */
  async titles(refs: string[]): Promise<Map<string, { title: string; kind: string }>> {
    const out = new Map<string, { title: string; kind: string }>();
    if (refs.length === 0) return out;
    const rows = await this.db
      .selectFrom('catalog_entities')
      .select(['ref', 'title', 'name', 'kind'])
      .where('ref', 'in', refs)
      .execute();
    for (const r of rows) out.set(r.ref, { title: r.title ?? r.name, kind: r.kind });
    return out;
  }

  /** Relations whose source is any of `refs`, both directions already stored. */
  relationsFrom(refs: string[]) {
    if (refs.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('catalog_relations')
      .select(['source', 'type', 'target'])
      .distinct()
      .where('source', 'in', refs)
      .orderBy('type')
      .orderBy('target')
      .execute();
  }

  /** Refs held by other locations than `locationId` (for duplicates and references across locations). */
  async refsOutside(locationId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('catalog_entities')
      .select('ref')
      .where('location_id', '!=', locationId)
      .execute();
    return new Set(rows.map((r) => r.ref));
  }
}
