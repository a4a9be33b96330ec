import type { Db } from '../../core/db/database.js';
import type { SearchDocument } from '../model.js';
import type { SearchSource } from '../source.js';

interface EntityJson {
  metadata: { tags?: string[]; links?: { title?: string }[] };
  spec?: Record<string, unknown>;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** The portal path of an entity's page (as web/src/app/routes.ts builds it). */
export function entityUrl(kind: string, namespace: string, name: string): string {
  return `/catalog/${[kind, namespace, name].map(encodeURIComponent).join('/')}`;
}

/**
 * Catalog entities as search documents. The catalog's own hash of each entity drives the refresh,
 * so applying a revision rewrites only the entities it changed.
 */
export function catalogSearchSource(db: Db): SearchSource {
  return {
    name: 'catalog',
    stored: { table: 'catalog_entities', key: 'ref', hash: 'hash', idPrefix: 'entity:' },
    async hashes() {
      const rows = await db.selectFrom('catalog_entities').select(['ref', 'hash']).execute();
      return new Map(rows.map((r) => [`entity:${r.ref}`, r.hash]));
    },
    async documents(ids) {
      const refs = ids.map((id) => id.slice('entity:'.length));
      const rows = await db
        .selectFrom('catalog_entities')
        .select([
          'ref',
          'kind',
          'namespace',
          'name',
          'title',
          'description',
          'type',
          'lifecycle',
          'owner',
          'entity',
          'hash',
          'updated_at',
        ])
        .where('ref', 'in', refs)
        .execute();
      return rows.map((row): SearchDocument => {
        const entity = JSON.parse(row.entity) as EntityJson;
        const spec = entity.spec ?? {};
        const body = [
          row.description,
          row.type,
          row.lifecycle,
          textOf(spec.system),
          textOf(spec.domain),
          ...(entity.metadata.links ?? []).map((l) => l.title ?? ''),
        ]
          .filter(Boolean)
          .join('\n');
        return {
          id: `entity:${row.ref}`,
          source: 'catalog',
          type: 'entity',
          title: row.title ?? row.name,
          name: row.name,
          kind: row.kind,
          owner: row.owner,
          tags: (entity.metadata.tags ?? []).map(String),
          summary: row.description,
          body,
          url: entityUrl(row.kind, row.namespace, row.name),
          hash: row.hash,
          updatedAt: row.updated_at,
        };
      });
    },
  };
}
