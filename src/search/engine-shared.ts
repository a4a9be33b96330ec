import { type RawBuilder, sql } from 'kysely';
import type { FacetName, ParsedQuery, SearchDocument, SearchHit } from './model.js';

/** Documents written per statement: 14 columns × 200 rows stays under every engine's parameter limit. */
export const WRITE_BATCH = 200;
export const FACET_LIMIT = 30;

/** `and …` conditions on the `d` (documents) alias for every filter except `skip`. */
export function filterSql(query: ParsedQuery, skip?: FacetName): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const facet of ['type', 'kind', 'owner'] as const) {
    const values = query.filters[facet];
    if (facet === skip || !values?.length) continue;
    parts.push(sql`and d.${sql.ref(facet)} in (${sql.join(values)})`);
  }
  const tags = query.filters.tag;
  if (skip !== 'tag' && tags?.length) {
    parts.push(sql`and d.id in (select t.id from search_document_tags t where t.tag in (${sql.join(tags)}))`);
  }
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

export interface HitRow {
  id: string;
  type: string;
  title: string;
  name: string | null;
  kind: string | null;
  owner: string | null;
  tags: string;
  summary: string | null;
  url: string;
  exact: number | boolean;
}

export function toHit(row: HitRow, marked: string | undefined): SearchHit {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    name: row.name,
    kind: row.kind,
    owner: row.owner,
    tags: row.tags ? row.tags.split(' ') : [],
    summary: row.summary,
    url: row.url,
    marked: marked ?? '',
    exact: Boolean(row.exact),
  };
}

/** The shared columns of a document row. */
export function documentRow(doc: SearchDocument) {
  return {
    id: doc.id,
    source: doc.source,
    type: doc.type,
    title: doc.title,
    title_key: doc.title.toLowerCase(),
    name: doc.name?.toLowerCase() ?? null,
    kind: doc.kind,
    owner: doc.owner,
    tags: doc.tags.join(' '),
    summary: doc.summary,
    url: doc.url,
    hash: doc.hash,
    updated_at: doc.updatedAt,
  };
}

export function uniqueTags(doc: SearchDocument) {
  return [...new Set(doc.tags.map((t) => t.toLowerCase()))].map((tag) => ({ id: doc.id, tag }));
}
