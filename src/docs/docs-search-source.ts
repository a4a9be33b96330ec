import type { Db } from '../core/db/database.js';
import type { SearchDocument, SearchSource } from '../search/index.js';
import { pageUrl } from './build-source.js';

/** Docs pages, guides and practices as search documents; the page hash drives the refresh. */
export function docsSearchSource(db: Db): SearchSource {
  return {
    name: 'docs',
    async hashes() {
      const rows = await db.selectFrom('docs_pages').select(['id', 'hash']).execute();
      return new Map(rows.map((r) => [`doc:${r.id}`, r.hash]));
    },
    async documents(ids) {
      const rows = await db
        .selectFrom('docs_pages')
        .select([
          'id',
          'source',
          'slug',
          'type',
          'title',
          'description',
          'tags',
          'owner',
          'text',
          'hash',
          'updated_at',
        ])
        .where(
          'id',
          'in',
          ids.map((id) => id.slice('doc:'.length)),
        )
        .execute();
      return rows.map(
        (row): SearchDocument => ({
          id: `doc:${row.id}`,
          source: 'docs',
          type: row.type,
          title: row.title,
          name: row.slug.split('/').pop() || null,
          kind: null,
          owner: row.owner,
          tags: JSON.parse(row.tags),
          summary: row.description,
          body: row.text,
          url: pageUrl(row.source, row.slug),
          hash: row.hash,
          updatedAt: row.updated_at,
        }),
      );
    },
  };
}
