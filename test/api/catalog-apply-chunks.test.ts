import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyPrepared } from '../../src/catalog/apply-revision.js';
import { catalogMigrations } from '../../src/catalog/migrations.js';
import { type PreparedChunk, prepareRevision, ROWS_PER_CHUNK } from '../../src/catalog/prepare-revision.js';
import type { CatalogFile } from '../../src/catalog/validate-revision.js';
import { openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { createLogger } from '../../src/core/logger.js';
import { defaultRegistry } from '../../src/server/create-server.js';
import { testDatabases } from '../helpers/databases.js';
import { freshPostgresDatabase } from '../helpers/server.js';

const LOCATION = 'loc-1';
const COMMIT = { sha: null, author: null, message: null, committedAt: null };

/** A catalog of `names`, each depending on the one before, owned by one team, 100 per file. */
function revision(names: string[], description = 'v1'): CatalogFile[] {
  const files: CatalogFile[] = [
    {
      path: 'catalog/team.yaml',
      text: 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: owners }\nspec: { type: team, children: [] }\n',
    },
  ];
  for (let f = 0; f * 100 < names.length; f++) {
    const docs = names.slice(f * 100, (f + 1) * 100).map((name, i) => {
      const before = f * 100 + i > 0 ? names[f * 100 + i - 1] : undefined;
      return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}, description: ${description}, tags: [chunk] }\nspec: { type: library, lifecycle: production, owner: owners${before ? `, dependsOn: ['component:${before}']` : ''} }\n`;
    });
    files.push({ path: `catalog/part-${f}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

const chunksOf = (files: CatalogFile[]) =>
  prepareRevision({
    files,
    readProblems: [],
    refsElsewhere: new Set(),
    locationId: LOCATION,
    now: '2026-01-01T00:00:00.000Z',
  });

/** The chunks of a revision, until the producer fails after `count` of them (a worker that dies). */
async function* failingAfter(chunks: Iterable<PreparedChunk>, count: number): AsyncGenerator<PreparedChunk> {
  let sent = 0;
  for (const chunk of chunks) {
    if (sent === count) throw new Error('the sync worker exited with 1');
    sent += 1;
    yield chunk;
  }
}

// Several chunks of rows, so that a revision is written in more than one piece.
const FIRST = 2500;

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe.each(testDatabases())('a revision written in chunks on %s', (kind) => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let cleanup: () => Promise<void>;

  const snapshot = async () => {
    const db = database.db;
    const entities = await db.selectFrom('catalog_entities').select(['ref', 'hash']).execute();
    // Sorted here: PostgreSQL's collation may order refs unlike JavaScript.
    entities.sort((a, b) => (a.ref < b.ref ? -1 : 1));
    const tags = await db
      .selectFrom('catalog_entity_tags')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const relations = await db
      .selectFrom('catalog_relations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const location = await db
      .selectFrom('catalog_locations')
      .select(['entity_count', 'problem_count'])
      .executeTakeFirstOrThrow();
    return { entities, tags: Number(tags?.n), relations: Number(relations?.n), location };
  };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plinth-chunks-'));
    const pg = kind === 'postgres' ? await freshPostgresDatabase() : undefined;
    database = await openDatabase(defaultRegistry(), { url: pg?.url, dataDir }, createLogger('silent'));
    await migrateToLatest(database.db, catalogMigrations);
    await database.db
      .insertInto('catalog_locations')
      .values({
        id: LOCATION,
        name: 'platform',
        reader: 'folder',
        target: '/nowhere',
        branch: null,
        path: 'catalog',
        origin: 'config',
        created_at: '2026-01-01T00:00:00.000Z',
        created_by: null,
        last_sync_at: null,
        last_sync_status: 'never',
        last_sync_error: null,
        sha: null,
        commit_author: null,
        commit_message: null,
        committed_at: null,
        entity_count: 0,
        problem_count: 0,
      })
      .execute();
    cleanup = async () => {
      await database.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup?.());

  test('a revision of several chunks lands whole, with its relations and tags', async () => {
    const count = FIRST;
    expect(count).toBeGreaterThan(ROWS_PER_CHUNK * 2);
    const counts = await applyPrepared(
      database.db,
      LOCATION,
      COMMIT,
      chunksOf(revision(names('old', count))),
    );
    expect(counts).toEqual({ added: count + 1, changed: 0, removed: 0, problems: 0 });
    const after = await snapshot();
    expect(after.entities).toHaveLength(count + 1);
    expect(after.location).toEqual({ entity_count: count + 1, problem_count: 0 });
    expect(after.tags).toBe(count);
    // dependsOn and dependencyOf between neighbours, ownedBy and ownerOf for each component.
    expect(after.relations).toBe((count - 1) * 2 + count * 2);
  });

  test('a producer that fails halfway leaves the previous revision in place, whole', async () => {
    const before = await snapshot();
    const next = revision([...names('old', 1500), ...names('new', 1500)], 'v2');
    await expect(
      applyPrepared(database.db, LOCATION, COMMIT, failingAfter(chunksOf(next), 2)),
    ).rejects.toThrow('the sync worker exited with 1');
    expect(await snapshot()).toEqual(before);
  });

  test('the next revision adds, changes and removes exactly what differs', async () => {
    const kept = names('old', 1500);
    const next = revision([...kept, ...names('new', 1500)], 'v2');
    const counts = await applyPrepared(database.db, LOCATION, COMMIT, chunksOf(next));
    // Every kept component changed (its description), the group did not; 1000 old ones are gone.
    expect(counts).toEqual({
      added: 1500,
      changed: 1500,
      removed: FIRST - 1500,
      problems: 0,
    });
    const after = await snapshot();
    expect(after.entities.map((e) => e.ref)).toEqual(
      [
        'group:default/owners',
        ...kept.map((n) => `component:default/${n}`),
        ...names('new', 1500).map((n) => `component:default/${n}`),
      ].sort(),
    );
    expect(after.tags).toBe(3000);
    expect(after.location.entity_count).toBe(3001);
  });
});
