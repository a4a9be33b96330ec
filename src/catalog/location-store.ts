import type { Db } from '../core/db/database.js';
import { redactUrl } from '../gitops/platform-checkout.js';
import type { Location } from './schemas.js';
import type { CatalogLocationsTable, CatalogRevisionsTable } from './tables.js';

/** Locations and the history of their revisions. Queries only. */
export class LocationStore {
  constructor(private readonly db: Db) {}

  list() {
    return this.db.selectFrom('catalog_locations').selectAll().orderBy('name').execute();
  }

  findByName(name: string, db: Db = this.db) {
    return db.selectFrom('catalog_locations').selectAll().where('name', '=', name).executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('catalog_locations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Inserts unless the name is taken; true when inserted. */
  async insertIfNew(row: CatalogLocationsTable, db: Db = this.db): Promise<boolean> {
    const result = await db
      .insertInto('catalog_locations')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  update(id: string, changes: Partial<CatalogLocationsTable>, db: Db = this.db) {
    return db.updateTable('catalog_locations').set(changes).where('id', '=', id).execute();
  }

  delete(id: string, db: Db = this.db) {
    return db.deleteFrom('catalog_locations').where('id', '=', id).execute();
  }

  revisions(locationId: string, before: string | undefined, limit: number) {
    let query = this.db.selectFrom('catalog_revisions').selectAll().where('location_id', '=', locationId);
    if (before) query = query.where('id', '<', before);
    return query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  }

  static toApi(row: CatalogLocationsTable, running = false): Location {
    return {
      id: row.id,
      name: row.name,
      reader: row.reader,
      target: redactUrl(row.target),
      branch: row.branch,
      path: row.path,
      origin: row.origin === 'config' ? 'config' : 'api',
      lastSync: {
        at: row.last_sync_at,
        status: running ? 'running' : (row.last_sync_status as 'never' | 'ok' | 'failed'),
        error: row.last_sync_error,
      },
      commit: row.sha
        ? { sha: row.sha, author: row.commit_author, message: row.commit_message, at: row.committed_at }
        : null,
      entityCount: row.entity_count,
      problemCount: row.problem_count,
    };
  }

  static revisionToApi(row: CatalogRevisionsTable) {
    return {
      id: row.id,
      sha: row.sha,
      author: row.commit_author,
      message: row.commit_message,
      committedAt: row.committed_at,
      appliedAt: row.applied_at,
      outcome: row.outcome === 'failed' ? ('failed' as const) : ('applied' as const),
      added: row.added,
      changed: row.changed,
      removed: row.removed,
      problems: row.problems,
      error: row.error,
    };
  }
}
