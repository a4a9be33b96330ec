import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreMigrations } from '../../src/core/db/core-migrations.js';
import { openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { createLogger } from '../../src/core/logger.js';
import type { SearchDocument, SearchSource } from '../../src/search/index.js';
import { searchMigrations } from '../../src/search/index.js';
import { createSearchIndex } from '../../src/search/search-module.js';
import { defaultRegistry } from '../../src/server/create-server.js';
import type { TestDatabase } from '../helpers/server.js';
import { freshPostgresDatabase } from '../helpers/server.js';

/** A document with defaults; only what a test cares about needs saying. */
export function doc(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    source: 'test',
    type: 'doc',
    title: id,
    name: null,
    kind: null,
    owner: null,
    tags: [],
    summary: null,
    body: '',
    url: `/docs/${id}`,
    hash: JSON.stringify(fields),
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...fields,
  };
}

/** A source whose documents a test sets and changes at will. */
export class ListSource implements SearchSource {
  docs = new Map<string, SearchDocument>();
  constructor(
    readonly name: string,
    list: SearchDocument[] = [],
  ) {
    this.set(list);
  }
  set(list: SearchDocument[]) {
    this.docs = new Map(list.map((d) => [d.id, { ...d, source: this.name }]));
  }
  async hashes() {
    return new Map([...this.docs.values()].map((d) => [d.id, d.hash]));
  }
  async documents(ids: string[]) {
    return ids.map((id) => this.docs.get(id)).filter((d): d is SearchDocument => Boolean(d));
  }
}

/** A search index on a fresh database of the given engine (SQLite file or PostgreSQL database). */
export async function openTestIndex(database: TestDatabase) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plinth-search-'));
  const pg = database === 'postgres' ? await freshPostgresDatabase() : undefined;
  const logger = createLogger('silent');
  const registry = defaultRegistry();
  const opened = await openDatabase(registry, { url: pg?.url, dataDir }, logger);
  await migrateToLatest(opened.db, { ...coreMigrations, ...searchMigrations });
  const index = await createSearchIndex(opened.db, registry, opened.engineName, logger);
  return {
    index,
    db: opened.db,
    async close() {
      await opened.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
