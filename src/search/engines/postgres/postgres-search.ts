import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { chunks } from '../../batch.js';
import {
  documentRow,
  FACET_LIMIT,
  filterSql,
  type HitRow,
  toHit,
  uniqueTags,
  WRITE_BATCH,
} from '../../engine-shared.js';
import type { SearchEngine } from '../../extension.js';
import {
  type EngineResult,
  FACET_NAMES,
  type FacetCounts,
  type FacetName,
  type ParsedQuery,
  type SearchDocument,
} from '../../model.js';

/**
 * A tsquery where every term must appear and the last may be the start of a word. Terms hold only
 * letters and digits (see parseQuery), so no tsquery operator can be injected.
 */
export function tsQueryText(terms: string[], prefix: boolean): string {
  return terms.map((t, i) => (prefix && i === terms.length - 1 ? `${t}:*` : t)).join(' & ');
}

/** Bounds that keep very common words fast (see search() and facets()). */
const CANDIDATES = 2000;
const EXACT_LIMIT = 50;
const TOTAL_LIMIT = 10_000;
const FACET_SAMPLE = 5000;

// How close a word must be (pg_trgm word_similarity) to count as a typo of what was typed.
const TYPO_SIMILARITY = 0.45;
const HEADLINE =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "';

/** PostgreSQL full text: weighted tsvector with GIN, ts_rank, and pg_trgm similarity for typos. */
export class PostgresSearch implements SearchEngine {
  constructor(private readonly db: Db) {}

  async upsert(trx: Db, documents: SearchDocument[]): Promise<void> {
    for (const batch of chunks(documents, WRITE_BATCH)) {
      await this.remove(
        trx,
        batch.map((d) => d.id),
      );
      const rows = batch.map((d) => ({ ...documentRow(d), body: d.body }));
      await trx
        .insertInto('search_documents')
        .values(rows as never)
        .execute();
      const tags = batch.flatMap(uniqueTags);
      if (tags.length) await trx.insertInto('search_document_tags').values(tags).execute();
    }
  }

  async remove(trx: Db, ids: string[]): Promise<void> {
    for (const batch of chunks(ids, 1000)) {
      await trx.deleteFrom('search_documents').where('id', 'in', batch).execute();
      await trx.deleteFrom('search_document_tags').where('id', 'in', batch).execute();
    }
  }

  async search(query: ParsedQuery): Promise<EngineResult> {
    if (query.terms.length === 0) return { hits: [], more: false };
    const tsq = sql`to_tsquery('english', ${tsQueryText(query.terms, query.prefix)})`;
    const exact = sql`(d.title_key = ${query.phrase} or coalesce(d.name = ${query.phrase}, false))`;
    // Exact title or name matches always, then the best of the first CANDIDATES matches: a word found
    // in nearly every document stays as fast as a rare one; below the bound the ranking is exact.
    const { rows } = await sql<HitRow & { marked: string }>`
      with candidates as (
        (select d.id from search_documents d where d.tsv @@ ${tsq} ${filterSql(query)} limit ${CANDIDATES})
        union
        (select d.id from search_documents d where d.tsv @@ ${tsq} and ${exact} ${filterSql(query)} limit ${EXACT_LIMIT})
      ),
      page as (
        select d.*, ${exact} as exact, ts_rank(d.tsv, ${tsq}) as score
        from candidates c join search_documents d on d.id = c.id
        order by exact desc, score desc, d.title_key
        limit ${query.limit + 1} offset ${query.offset}
      )
      select page.*, ts_headline('english', page.body, ${tsq}, ${HEADLINE}) as marked
      from page order by exact desc, score desc, title_key`.execute(this.db);
    if (rows.length > 0 || query.offset > 0) {
      return {
        hits: rows.slice(0, query.limit).map((r) => toHit(r, r.marked)),
        more: rows.length > query.limit,
      };
    }
    return this.similar(query);
  }

  /** Nothing matched as typed: documents whose title, name or tags hold a word close to the query. */
  private similar(query: ParsedQuery): Promise<EngineResult> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`.execute(
        trx,
      );
      const { rows } = await sql<HitRow & { marked: string }>`
        select d.id, d.type, d.title, d.name, d.kind, d.owner, d.tags, d.summary, d.url, false as exact,
          left(d.body, 200) as marked
        from search_documents d
        where ${query.phrase} <% d.words ${filterSql(query)}
        order by word_similarity(${query.phrase}, d.words) desc, d.title_key
        limit ${query.limit + 1}`.execute(trx);
      return {
        hits: rows.slice(0, query.limit).map((r) => toHit(r, r.marked)),
        more: rows.length > query.limit,
        ...(rows.length ? { corrected: [] } : {}),
      };
    });
  }

  async facets(query: ParsedQuery) {
    const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as FacetCounts;
    if (query.terms.length === 0) return { total: 0, approximate: false, facets };
    const tsq = sql`to_tsquery('english', ${tsQueryText(query.terms, query.prefix)})`;
    const sample = (skip?: FacetName) => sql`
      select d.id, d.type, d.kind, d.owner from search_documents d
      where d.tsv @@ ${tsq} ${filterSql(query, skip)} limit ${FACET_SAMPLE}`;
    const { rows: totals } = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from search_documents d
        where d.tsv @@ ${tsq} ${filterSql(query)} limit ${TOTAL_LIMIT}) m`.execute(this.db);
    for (const facet of ['type', 'kind', 'owner'] as const) {
      const { rows } = await sql<{ value: string; count: number }>`
        select s.${sql.ref(facet)} as value, count(*)::int as count from (${sample(facet)}) s
        where s.${sql.ref(facet)} is not null
        group by value order by count desc, value limit ${FACET_LIMIT}`.execute(this.db);
      facets[facet] = rows;
    }
    const { rows: tags } = await sql<{ value: string; count: number }>`
      select t.tag as value, count(*)::int as count from (${sample('tag')}) s join search_document_tags t on t.id = s.id
      group by t.tag order by count desc, t.tag limit ${FACET_LIMIT}`.execute(this.db);
    facets.tag = tags;
    const total = totals[0]?.n ?? 0;
    return { total, approximate: total >= TOTAL_LIMIT, facets };
  }
}
