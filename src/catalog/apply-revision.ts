import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import { chunks } from './batch.js';
import type { CatalogProblem, Relation } from './model.js';
import type { PreparedChunk } from './prepare-revision.js';
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

// 500 rows × at most 18 columns stays well under SQLite's and PostgreSQL's parameter limits.
const BATCH = 500;

async function deleteEntities(trx: Db, refs: string[]) {
  for (const batch of chunks(refs, BATCH)) {
    await trx.deleteFrom('catalog_entity_tags').where('ref', 'in', batch).execute();
    await trx.deleteFrom('catalog_entities').where('ref', 'in', batch).execute();
  }
}

/**
 * Writes one chunk of a revision's rows: added ones inserted, changed ones deleted and inserted
 * again (one bulk path instead of row-by-row updates), unchanged ones left alone.
 */
async function writeRows(trx: Db, locationId: string, rows: CatalogEntitiesTable[]) {
  const before = new Map<string, string>();
  for (const batch of chunks(rows, BATCH)) {
    const existing = await trx
      .selectFrom('catalog_entities')
      .select(['ref', 'hash'])
      .where('location_id', '=', locationId)
      .where(
        'ref',
        'in',
        batch.map((r) => r.ref),
      )
      .execute();
    for (const row of existing) before.set(row.ref, row.hash);
  }
  const changedRows = rows.filter((r) => before.has(r.ref) && before.get(r.ref) !== r.hash);
  const addedRows = rows.filter((r) => !before.has(r.ref));
  await deleteEntities(
    trx,
    changedRows.map((r) => r.ref),
  );
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
  return { added: addedRows.length, changed: changedRows.length };
}

/** The location's entities that the revision no longer holds. */
async function removedRefs(trx: Db, locationId: string, incoming: ReadonlySet<string>) {
  const stored = await trx
    .selectFrom('catalog_entities')
    .select('ref')
    .where('location_id', '=', locationId)
    .execute();
  return stored.filter((r) => !incoming.has(r.ref)).map((r) => r.ref);
}

async function insertRelations(trx: Db, locationId: string, relations: Relation[]) {
  for (const batch of chunks(relations, BATCH)) {
    await trx
      .insertInto('catalog_relations')
      .values(batch.map((r) => ({ ...r, location_id: locationId })))
      .onConflict((oc) => oc.columns(['source', 'type', 'target', 'location_id']).doNothing())
      .execute();
  }
}

async function insertProblems(trx: Db, locationId: string, problems: CatalogProblem[]) {
  const rows = problems.map((p) => ({
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
  for (const batch of chunks(rows, BATCH)) await trx.insertInto('catalog_problems').values(batch).execute();
}

/** A revision ready to write, whole (for callers that have it at hand; a sync streams chunks). */
export interface PreparedRevision {
  rows: CatalogEntitiesTable[];
  relations: Relation[];
  problems: CatalogProblem[];
}

/**
 * Makes the catalog of one location equal to a prepared revision, in ONE transaction: entities
 * added, changed and removed exactly as in the revision, relations and problems replaced, the
 * revision recorded. The revision arrives in chunks (rows, then relations, then problems) and is
 * written as it arrives, so memory holds a chunk, not the revision; a crash at any point, or a
 * chunk that cannot be written, leaves the previous revision in place, whole.
 */
export async function applyPrepared(
  db: Db,
  locationId: string,
  info: RevisionInfo,
  revision: PreparedRevision | AsyncIterable<PreparedChunk> | Iterable<PreparedChunk>,
): Promise<ApplyCounts> {
  const source: AsyncIterable<PreparedChunk> | Iterable<PreparedChunk> =
    'rows' in revision
      ? [{ rows: revision.rows }, { relations: revision.relations }, { problems: revision.problems }]
      : revision;
  const pieces = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source);
  try {
    // The first chunk comes once the whole revision is parsed: until then, the database is not held.
    const first = await pieces.next();
    return await writeRevision(db, locationId, info, first, pieces);
  } finally {
    // A failed write stops the producer too (its worker thread ends).
    await pieces.return?.();
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

async function writeRevision(
  db: Db,
  locationId: string,
  info: RevisionInfo,
  first: IteratorResult<PreparedChunk>,
  rest: AsyncIterator<PreparedChunk>,
): Promise<ApplyCounts> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('catalog_locations')
      .select(['sha', 'problem_count', 'last_sync_status'])
      .where('id', '=', locationId)
      .executeTakeFirst();
    // Relations and problems are derived from the whole revision: replaced, not compared.
    await trx.deleteFrom('catalog_relations').where('location_id', '=', locationId).execute();
    await trx.deleteFrom('catalog_problems').where('location_id', '=', locationId).execute();
    const incoming = new Set<string>();
    const counts = { added: 0, changed: 0, removed: 0 };
    let problems = 0;
    let rowsDone = false;
    const finishRows = async () => {
      if (rowsDone) return;
      rowsDone = true;
      const removed = await removedRefs(trx, locationId, incoming);
      await deleteEntities(trx, removed);
      counts.removed = removed.length;
    };
    for (let next = first; !next.done; next = await rest.next()) {
      const chunk = next.value;
      if ('rows' in chunk) {
        for (const row of chunk.rows) incoming.add(row.ref);
        const written = await writeRows(trx, locationId, chunk.rows);
        counts.added += written.added;
        counts.changed += written.changed;
      } else if ('relations' in chunk) {
        await finishRows();
        await insertRelations(trx, locationId, chunk.relations);
      } else {
        await finishRows();
        await insertProblems(trx, locationId, chunk.problems);
        problems += chunk.problems.length;
      }
    }
    await finishRows();
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
        entity_count: incoming.size,
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
