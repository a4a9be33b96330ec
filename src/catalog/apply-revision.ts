import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import { chunks } from './batch.js';
import type { CatalogProblem, Relation } from './model.js';
import type { CatalogEntitiesTable } from './tables.js';

/** The commit a revision was read from (all null for a plain folder). */
export interface RevisionInfo {
  sha: string | null;
  author: string | null;
  message: string | null;
  committedAt: string | null;
}

export interface ApplyCounts {
  added: number;
  changed: number;
  removed: number;
  problems: number;
}

// 500 rows × at most 17 columns stays well under SQLite's and PostgreSQL's parameter limits.
const BATCH = 500;

async function replaceEntities(trx: Db, locationId: string, rows: CatalogEntitiesTable[]) {
  const existing = await trx
    .selectFrom('catalog_entities')
    .select(['ref', 'hash'])
    .where('location_id', '=', locationId)
    .execute();
  const before = new Map(existing.map((r) => [r.ref, r.hash]));
  const incoming = new Set(rows.map((r) => r.ref));
  const removed = existing.filter((r) => !incoming.has(r.ref)).map((r) => r.ref);
  const changedRows = rows.filter((r) => before.has(r.ref) && before.get(r.ref) !== r.hash);
  const addedRows = rows.filter((r) => !before.has(r.ref));
  // A changed entity is deleted and inserted again: one bulk path instead of row-by-row updates.
  const toDelete = [...removed, ...changedRows.map((r) => r.ref)];
  for (const refs of chunks(toDelete, BATCH)) {
    await trx.deleteFrom('catalog_entity_tags').where('ref', 'in', refs).execute();
    await trx.deleteFrom('catalog_entities').where('ref', 'in', refs).execute();
  }
  const toInsert = [...addedRows, ...changedRows];
  for (const batch of chunks(toInsert, BATCH))
    await trx.insertInto('catalog_entities').values(batch).execute();
  const tags = toInsert.flatMap((row) => {
    const unique = new Set((JSON.parse(row.entity).metadata.tags ?? []) as string[]);
    return [...unique].map((tag) => ({ ref: row.ref, tag: String(tag).toLowerCase() }));
  });
  for (const batch of chunks(tags, BATCH)) {
    await trx
      .insertInto('catalog_entity_tags')
      .values(batch)
      .onConflict((oc) => oc.columns(['ref', 'tag']).doNothing())
      .execute();
  }
  return { added: addedRows.length, changed: changedRows.length, removed: removed.length };
}

async function replaceDerived(trx: Db, locationId: string, revision: Omit<PreparedRevision, 'rows'>) {
  await trx.deleteFrom('catalog_relations').where('location_id', '=', locationId).execute();
  const relations = revision.relations.map((r) => ({ ...r, location_id: locationId }));
  for (const batch of chunks(relations, BATCH)) {
    await trx
      .insertInto('catalog_relations')
      .values(batch)
      .onConflict((oc) => oc.columns(['source', 'type', 'target', 'location_id']).doNothing())
      .execute();
  }
  await trx.deleteFrom('catalog_problems').where('location_id', '=', locationId).execute();
  const problems = revision.problems.map((p) => ({
    id: newId(),
    location_id: locationId,
    file: p.file,
    line: p.line,
    col: p.column,
    code: p.code,
    severity: p.severity,
    message: p.message,
    entity_ref: p.entityRef ?? null,
    field: p.field ?? null,
    owner: p.owner ?? null,
  }));
  for (const batch of chunks(problems, BATCH))
    await trx.insertInto('catalog_problems').values(batch).execute();
}

/** A revision ready to write: entity rows, relations and problems (what a worker thread sends back). */
export interface PreparedRevision {
  rows: CatalogEntitiesTable[];
  relations: Relation[];
  problems: CatalogProblem[];
}

/**
 * Makes the catalog of one location equal to a validated revision, in ONE transaction: entities
 * added, changed and removed exactly as in the revision, relations and problems replaced, the
 * revision recorded. A crash at any point leaves the previous revision in place, whole.
 */
export async function applyPrepared(
  db: Db,
  locationId: string,
  info: RevisionInfo,
  revision: PreparedRevision,
): Promise<ApplyCounts> {
  const { rows } = revision;
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('catalog_locations')
      .select(['sha', 'problem_count', 'last_sync_status'])
      .where('id', '=', locationId)
      .executeTakeFirst();
    const counts = await replaceEntities(trx, locationId, rows);
    await replaceDerived(trx, locationId, revision);
    const problems = revision.problems.length;
    // The history lists revisions that changed something; a sync that found all as it was is not one.
    const unchanged =
      counts.added + counts.changed + counts.removed === 0 &&
      before?.sha === info.sha &&
      before?.problem_count === problems &&
      before?.last_sync_status === 'ok';
    if (!unchanged)
      await trx
        .insertInto('catalog_revisions')
        .values({
          id: newId(),
          location_id: locationId,
          sha: info.sha,
          commit_author: info.author,
          commit_message: info.message,
          committed_at: info.committedAt,
          applied_at: now,
          outcome: 'applied',
          ...counts,
          problems,
          error: null,
        })
        .execute();
    await trx
      .updateTable('catalog_locations')
      .set({
        last_sync_at: now,
        last_sync_status: 'ok',
        last_sync_error: null,
        sha: info.sha,
        commit_author: info.author,
        commit_message: info.message,
        committed_at: info.committedAt,
        entity_count: rows.length,
        problem_count: problems,
      })
      .where('id', '=', locationId)
      .execute();
    return { ...counts, problems };
  });
}

/** Records a revision that could not be read at all; the last good revision stays in place. */
export async function recordFailedSync(db: Db, locationId: string, error: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('catalog_revisions')
      .values({
        id: newId(),
        location_id: locationId,
        sha: null,
        commit_author: null,
        commit_message: null,
        committed_at: null,
        applied_at: now,
        outcome: 'failed',
        added: 0,
        changed: 0,
        removed: 0,
        problems: 0,
        error,
      })
      .execute();
    await trx
      .updateTable('catalog_locations')
      .set({ last_sync_at: now, last_sync_status: 'failed', last_sync_error: error })
      .where('id', '=', locationId)
      .execute();
  });
}
