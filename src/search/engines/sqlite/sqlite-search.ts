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
import { closestWord } from '../../fuzzy.js';
import {
  type EngineResult,
  FACET_NAMES,
  type FacetCounts,
  type FacetName,
  type ParsedQuery,
  type SearchDocument,
} from '../../model.js';

const quote = (term: string) => `"${term}"`;

/** The longest prefix with its own index (see the migration's `prefix` option). */
const INDEXED_PREFIX = 5;
/** A longer prefix stands for at most this many of the words it starts, the most frequent first. */
const PREFIX_EXPANSIONS = 10;
/** Ranked matches considered per query (see ranked()). */
const CANDIDATES = 1000;
const EXACT_LIMIT = 50;
/** Matches counted for the total, and sampled for the facet counts. */
const TOTAL_LIMIT = 10_000;
const FACET_SAMPLE = 3000;

/**
 * An FTS5 MATCH expression: every term must appear; the last one may also be the start of a word.
 * Terms hold only letters and digits (see parseQuery), so quoting them is enough to keep FTS5
 * operators out.
 */
export function ftsMatch(terms: string[], prefix: boolean, expansions: string[] = []): string {
  return terms
    .map((term, i) => {
      if (!prefix || i !== terms.length - 1) return quote(term);
      if (term.length > INDEXED_PREFIX) return `(${[term, ...expansions].map(quote).join(' OR ')})`;
      return `(${quote(term)}* OR ${quote(term)})`;
    })
    .join(' AND ');
}

type Row = HitRow & { seq: number };
type SampleRow = { id: string; type: string; kind: string | null; owner: string | null; tags: string };

/** SQLite FTS5: bm25 over weighted columns, prefix indexes, and the vocabulary table for typos. */
export class SqliteSearch implements SearchEngine {
  constructor(private readonly db: Db) {}

  async upsert(trx: Db, documents: SearchDocument[]): Promise<void> {
    for (const batch of chunks(documents, WRITE_BATCH)) {
      await this.remove(
        trx,
        batch.map((d) => d.id),
      );
      const inserted = await trx
        .insertInto('search_documents')
        .values(batch.map(documentRow))
        .returning(sql<number>`seq`.as('seq'))
        .returning('id')
        .execute();
      const seqOf = new Map(inserted.map((r) => [r.id, r.seq]));
      const rows = batch.map(
        (d) =>
          sql`(${seqOf.get(d.id)}, ${d.title}, ${d.name ?? ''}, ${d.tags.join(' ')}, ${d.summary ?? ''}, ${d.body})`,
      );
      await sql`insert into search_fts(rowid, title, name, tags, summary, body) values ${sql.join(rows)}`.execute(
        trx,
      );
      const tags = batch.flatMap(uniqueTags);
      if (tags.length) await trx.insertInto('search_document_tags').values(tags).execute();
    }
  }

  async remove(trx: Db, ids: string[]): Promise<void> {
    for (const batch of chunks(ids, 500)) {
      const existing = await trx
        .selectFrom('search_documents')
        .select(sql<number>`seq`.as('seq'))
        .where('id', 'in', batch)
        .execute();
      if (existing.length === 0) continue;
      const seqs = existing.map((r) => r.seq);
      await sql`delete from search_fts where rowid in (${sql.join(seqs)})`.execute(trx);
      await sql`delete from search_documents where seq in (${sql.join(seqs)})`.execute(trx);
      await trx.deleteFrom('search_document_tags').where('id', 'in', batch).execute();
    }
  }

  /**
   * Exact title or name matches first (an index lookup), then the best of the first CANDIDATES
   * matches by bm25. Bounding the candidates keeps a word found in nearly every document as fast as a
   * rare one; below the bound the ranking is exact.
   */
  private async ranked(query: ParsedQuery, match: string): Promise<{ rows: Row[]; more: boolean }> {
    const columns = sql`d.seq, d.id, d.type, d.title, d.name, d.kind, d.owner, d.tags, d.summary, d.url`;
    const filters = filterSql(query);
    const { rows: exact } = await sql<Row>`
      select ${columns}, 1 as exact from search_documents d
      where (d.title_key = ${query.phrase} or d.name = ${query.phrase}) ${filters}
      order by d.title_key, d.id limit ${EXACT_LIMIT}`.execute(this.db);
    const candidates =
      query.filters && Object.keys(query.filters).length > 0
        ? sql`select f.rowid as ref, f.rank as score from search_fts f join search_documents d on d.seq = f.rowid
          where search_fts match ${match} ${filters} limit ${CANDIDATES}`
        : sql`select rowid as ref, rank as score from search_fts where search_fts match ${match} limit ${CANDIDATES}`;
    const wanted = query.offset + query.limit + 1 + exact.length;
    const { rows: best } = await sql<Row>`
      select ${columns}, 0 as exact from (${candidates}) c join search_documents d on d.seq = c.ref
      order by c.score limit ${wanted}`.execute(this.db);
    const exactIds = new Set(exact.map((r) => r.id));
    const all = [...exact, ...best.filter((r) => !exactIds.has(r.id))];
    const page = all.slice(query.offset, query.offset + query.limit + 1);
    return { rows: page.slice(0, query.limit), more: page.length > query.limit };
  }

  private async snippets(match: string, seqs: number[]): Promise<Map<number, string>> {
    if (seqs.length === 0) return new Map();
    const { rows } = await sql<{ seq: number; body: string; summary: string }>`
      select rowid as seq,
        snippet(search_fts, 4, char(2), char(3), '…', 24) as body,
        highlight(search_fts, 3, char(2), char(3)) as summary
      from search_fts where search_fts match ${match} and rowid in (${sql.join(seqs)})`.execute(this.db);
    return new Map(rows.map((r) => [r.seq, r.body.includes('\u0002') || !r.summary ? r.body : r.summary]));
  }

  /** For each term that matches nothing, the indexed word closest to it (same first two letters). */
  private async corrections(terms: string[]): Promise<string[] | undefined> {
    const corrected: string[] = [];
    let changed = false;
    for (const term of terms) {
      const { rows: found } =
        await sql`select rowid from search_fts where search_fts match ${quote(term)} limit 1`.execute(
          this.db,
        );
      if (found.length > 0) {
        corrected.push(term);
        continue;
      }
      const start = term.slice(0, 2);
      const { rows } = await sql<{ word: string; docs: number }>`
        select term as word, doc as docs from search_fts_vocab
        where term >= ${start} and term < ${`${start}\uffff`}
          and length(term) between ${term.length - 2} and ${term.length + 2}`.execute(this.db);
      const word = closestWord(term, rows);
      if (!word) return undefined;
      corrected.push(word);
      changed = true;
    }
    return changed ? corrected : undefined;
  }

  /**
   * The MATCH expression of a query. A prefix longer than the prefix indexes becomes an explicit OR of
   * the indexed words it starts: FTS5 walks an OR lazily and stops at the candidate bound, where an
   * unindexed prefix would first merge the lists of every word it starts.
   */
  private async matchFor(query: ParsedQuery): Promise<string> {
    const last = query.terms[query.terms.length - 1] ?? '';
    if (!query.prefix || last.length <= INDEXED_PREFIX) return ftsMatch(query.terms, query.prefix);
    const { rows } = await sql<{ word: string }>`
      select term as word from search_fts_vocab where term > ${last} and term < ${`${last}\uffff`}
      order by doc desc limit ${PREFIX_EXPANSIONS}`.execute(this.db);
    return ftsMatch(
      query.terms,
      true,
      rows.map((r) => r.word).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)),
    );
  }

  async search(query: ParsedQuery): Promise<EngineResult> {
    if (query.terms.length === 0) return { hits: [], more: false };
    let match = await this.matchFor(query);
    let { rows, more } = await this.ranked(query, match);
    let corrected: string[] | undefined;
    if (rows.length === 0 && query.offset === 0) {
      corrected = await this.corrections(query.terms);
      if (corrected) {
        match = ftsMatch(corrected, false);
        ({ rows, more } = await this.ranked({ ...query, phrase: corrected.join(' ') }, match));
      }
    }
    const marked = await this.snippets(
      match,
      rows.map((r) => r.seq),
    );
    return { hits: rows.map((r) => toHit(r, marked.get(r.seq))), more, ...(corrected ? { corrected } : {}) };
  }

  async facets(query: ParsedQuery) {
    const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, []])) as unknown as FacetCounts;
    if (query.terms.length === 0) return { total: 0, approximate: false, facets };
    const match = await this.matchFor(query);
    const { rows: totals } = await sql<{ n: number }>`
      select count(*) as n from (select 1 from search_fts f join search_documents d on d.seq = f.rowid
        where search_fts match ${match} ${filterSql(query)} limit ${TOTAL_LIMIT})`.execute(this.db);
    // Each facet ignores its own filter; facets whose other filters are the same share one sample
    // of the matches (all four do when nothing is filtered).
    const samples = new Map<string, Promise<SampleRow[]>>();
    const sampleFor = (skip: FacetName) => {
      const others = FACET_NAMES.filter((f) => f !== skip && query.filters[f]?.length);
      const key = JSON.stringify(others.map((f) => [f, query.filters[f]]));
      let sample = samples.get(key);
      if (!sample) {
        sample = sql<SampleRow>`
          select d.id, d.type, d.kind, d.owner, d.tags from search_fts f join search_documents d on d.seq = f.rowid
          where search_fts match ${match} ${filterSql(query, skip)} limit ${FACET_SAMPLE}`
          .execute(this.db)
          .then((r) => r.rows);
        samples.set(key, sample);
      }
      return sample;
    };
    for (const facet of FACET_NAMES) {
      const counts = new Map<string, number>();
      for (const row of await sampleFor(facet)) {
        const values = facet === 'tag' ? (row.tags ? row.tags.split(' ') : []) : [row[facet]];
        for (const value of new Set(values)) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      facets[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, FACET_LIMIT);
    }
    const total = totals[0]?.n ?? 0;
    return { total, approximate: total >= TOTAL_LIMIT, facets };
  }
}
