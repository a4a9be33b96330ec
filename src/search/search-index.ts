import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { chunks } from './batch.js';
import { searchErrors } from './errors.js';
import type { SearchEngine } from './extension.js';
import { stripMarks } from './highlight.js';
import type { ParsedQuery, SearchDocument } from './model.js';
import type { RefreshCounts, SearchSource, StoredHashes } from './source.js';

// Small batches: the documents of a batch live across several writes, and the fewer outlive the
// young generation, the less garbage is left in the old one once a big refresh is over.
const FETCH_BATCH = 100;
const MAX_BODY = 200_000;

function clean(doc: SearchDocument): SearchDocument {
  return {
    ...doc,
    title: stripMarks(doc.title),
    summary: doc.summary === null ? null : stripMarks(doc.summary),
    body: stripMarks(doc.body.slice(0, MAX_BODY)),
    tags: doc.tags.map((t) => t.toLowerCase().replace(/\s+/g, '-')),
  };
}

/**
 * The one search index: domains register sources, the index keeps their documents in the engine
 * of the database in use, refreshing only what changed.
 */
export class SearchIndex {
  private readonly sources = new Map<string, SearchSource>();
  /** One refresh per source at a time; a request during one runs once it ends. */
  private readonly queue = new Map<string, Promise<RefreshCounts>>();

  constructor(
    private readonly db: Db,
    readonly engine: SearchEngine,
    private readonly logger: Logger,
  ) {}

  register(source: SearchSource): this {
    if (this.sources.has(source.name))
      throw new Error(`A search source named '${source.name}' is already registered`);
    this.sources.set(source.name, source);
    return this;
  }

  sourceNames(): string[] {
    return [...this.sources.keys()];
  }

  refresh(name: string): Promise<RefreshCounts> {
    const source = this.sources.get(name);
    if (!source)
      throw searchErrors.SEARCH_SOURCE_UNKNOWN.create([name, this.sourceNames().join(', ') || 'none']);
    const previous = this.queue.get(name) ?? Promise.resolve(undefined);
    const next = previous
      .catch(() => undefined)
      .then(() => this.run(source))
      .finally(() => {
        if (this.queue.get(name) === next) this.queue.delete(name);
      });
    this.queue.set(name, next);
    return next;
  }

  async refreshAll(): Promise<void> {
    for (const name of this.sources.keys()) {
      try {
        await this.refresh(name);
      } catch (error) {
        this.logger.error({ err: error, source: name }, 'Search refresh failed');
      }
    }
  }

  private async run(source: SearchSource): Promise<RefreshCounts> {
    const started = performance.now();
    const { changed, removed } = source.stored
      ? await this.staleInSql(source.name, source.stored)
      : await this.staleByHashes(source);
    let written = 0;
    for (const ids of chunks(removed, FETCH_BATCH)) await this.apply([], ids);
    // A batch at a time, each in its own transaction: memory holds one batch of documents, and
    // requests are served between batches. What a crash leaves unwritten, the next refresh finds.
    for (const ids of chunks(changed, FETCH_BATCH)) {
      const documents = await source.documents(ids);
      await this.apply(documents.map((d) => ({ ...d, source: source.name })));
      written += documents.length;
      await setImmediate();
    }
    const counts = { written, removed: removed.length, ms: Math.round(performance.now() - started) };
    if (counts.written + counts.removed > 0)
      this.logger.info({ source: source.name, ...counts }, 'Search index updated');
    return counts;
  }

  /** Ids to write and to remove, from the hashes a source lists in JavaScript. */
  private async staleByHashes(source: SearchSource) {
    const [current, stored] = await Promise.all([
      source.hashes(),
      this.db
        .selectFrom('search_documents')
        .select(['id', 'hash'])
        .where('source', '=', source.name)
        .execute(),
    ]);
    const before = new Map(stored.map((r) => [r.id, r.hash]));
    return {
      changed: [...current].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id),
      removed: stored.filter((r) => !current.has(r.id)).map((r) => r.id),
    };
  }

  /** Ids to write and to remove, compared in the database: only the ids come back. */
  private async staleInSql(name: string, stored: StoredHashes) {
    const key = sql.ref(`s.${stored.key}`);
    const id = sql<string>`${stored.idPrefix} || ${key}`;
    const { rows: changed } = await sql<{ id: string }>`
      select ${id} as id from ${sql.table(stored.table)} s
      left join search_documents d on d.id = ${id}
      where d.id is null or d.hash <> ${sql.ref(`s.${stored.hash}`)}`.execute(this.db);
    const { rows: removed } = await sql<{ id: string }>`
      select d.id from search_documents d
      where d.source = ${name} and not exists (
        select 1 from ${sql.table(stored.table)} s
        where ${key} = substr(d.id, ${stored.idPrefix.length + 1}))`.execute(this.db);
    return { changed: changed.map((r) => r.id), removed: removed.map((r) => r.id) };
  }

  /** Writes and removes documents in one transaction (also for sources that push single changes). */
  async apply(documents: SearchDocument[], removedIds: string[] = []): Promise<void> {
    if (documents.length === 0 && removedIds.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      if (removedIds.length) await this.engine.remove(trx, removedIds);
      if (documents.length) await this.engine.upsert(trx, documents.map(clean));
    });
  }

  search(query: ParsedQuery) {
    return this.engine.search(query);
  }

  facets(query: ParsedQuery) {
    return this.engine.facets(query);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
