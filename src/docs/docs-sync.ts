import type MarkdownIt from 'markdown-it';
import { LinkRefused } from '../core/confined-folder.js';
import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { newId, nowIso } from '../core/time.js';
import { type BuiltSource, buildSource } from './build-source.js';
import type { DocsSourceSpec } from './docs-sources.js';
import { createMarkdown } from './markdown.js';
import { type DocsProblem, symlinkProblem } from './problem-codes.js';

const BATCH = 100;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A source that could not be read at all: one problem says why, where its owner will see it. */
function unreadableSource(spec: DocsSourceSpec, error: Error): BuiltSource {
  const file = spec.entityRef ?? spec.key;
  const problem: DocsProblem =
    error instanceof LinkRefused
      ? { ...symlinkProblem(error.link), file }
      : {
          code: 'DOCS_SOURCE_UNREADABLE',
          severity: 'error',
          file,
          line: 1,
          message: `${spec.place}: ${error.message.split('\n')[0]}`,
        };
  return { hash: `unreadable:${problem.message}`, pages: [], assets: [], problems: [problem] };
}

export interface SyncSummary {
  sources: number;
  rendered: number;
  pages: number;
  problems: number;
  ms: number;
}

/**
 * Reads every docs source and makes the database equal to it, source by source, each in one
 * transaction. A source whose files did not change is not rendered again.
 */
export class DocsSync {
  private readonly md: MarkdownIt = createMarkdown();
  private running: Promise<SyncSummary> | null = null;
  /** The sources of the last sync, to read their files (images) on request. */
  private specs = new Map<string, DocsSourceSpec>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly discover: () => Promise<DocsSourceSpec[]>,
    /** Called after a sync that changed something (the search index follows). */
    private readonly afterChange: () => Promise<unknown>,
  ) {}

  /** One sync at a time; a request during one waits for it. */
  sync(): Promise<SyncSummary> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<SyncSummary> {
    const started = performance.now();
    const specs = await this.discover();
    this.specs = new Map(specs.map((s) => [s.key, s]));
    const stored = new Map(
      (await this.db.selectFrom('docs_sources').select(['key', 'hash']).execute()).map((r) => [
        r.key,
        r.hash,
      ]),
    );
    let rendered = 0;
    let pages = 0;
    let problems = 0;
    for (const spec of specs) {
      let built: BuiltSource;
      try {
        built = await buildSource(this.md, spec, nowIso());
      } catch (error) {
        built = unreadableSource(spec, error as Error);
      }
      pages += built.pages.length;
      problems += built.problems.length;
      if (stored.get(spec.key) === built.hash) continue;
      rendered++;
      await this.write(spec, built);
    }
    const gone = [...stored.keys()].filter((key) => !specs.some((s) => s.key === key));
    if (gone.length) await this.db.deleteFrom('docs_sources').where('key', 'in', gone).execute();
    if (rendered > 0 || gone.length > 0) await this.afterChange();
    const summary = {
      sources: specs.length,
      rendered,
      pages,
      problems,
      ms: Math.round(performance.now() - started),
    };
    if (rendered > 0 || gone.length > 0) this.logger.info(summary, 'Docs synced');
    return summary;
  }

  /** A file of a source that its pages may show: only files recorded at the last sync are read. */
  async readAsset(source: string, path: string): Promise<Buffer | null> {
    const known = await this.db
      .selectFrom('docs_assets')
      .select('path')
      .where('source', '=', source)
      .where('path', '=', path)
      .executeTakeFirst();
    const files = this.specs.get(source)?.files;
    if (!known || !files) return null;
    return files.read(path).catch(() => null);
  }

  private async write(spec: DocsSourceSpec, built: BuiltSource) {
    await this.db.transaction().execute(async (trx) => {
      // Children first: PostgreSQL checks foreign keys per statement, SQLite only with the pragma on.
      await trx.deleteFrom('docs_pages').where('source', '=', spec.key).execute();
      await trx.deleteFrom('docs_problems').where('source', '=', spec.key).execute();
      await trx.deleteFrom('docs_assets').where('source', '=', spec.key).execute();
      await trx.deleteFrom('docs_sources').where('key', '=', spec.key).execute();
      await trx
        .insertInto('docs_sources')
        .values({
          key: spec.key,
          title: spec.title,
          origin: spec.origin,
          entity_ref: spec.entityRef,
          place: spec.place,
          hash: built.hash,
          synced_at: nowIso(),
          page_count: built.pages.length,
          problem_count: built.problems.length,
        })
        .execute();
      for (const batch of chunks(built.pages, BATCH))
        await trx.insertInto('docs_pages').values(batch).execute();
      const problems = built.problems.map((p) => ({
        id: newId(),
        source: spec.key,
        owner: spec.owner,
        ...p,
      }));
      for (const batch of chunks(problems, 500))
        await trx.insertInto('docs_problems').values(batch).execute();
      const assets = built.assets.map((path) => ({ source: spec.key, path }));
      for (const batch of chunks(assets, 500)) await trx.insertInto('docs_assets').values(batch).execute();
    });
  }
}
