import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { sourceLinks } from '../catalog/index.js';
import type { Db } from '../core/db/database.js';
import { type DocsFiles, FolderDocsFiles, GitTreeDocsFiles, insideRoot } from './docs-files.js';
import type { DocsProblem } from './problem-codes.js';

/** Where one source's docs are read, and how to link its files for editing. */
export interface DocsSourceSpec {
  key: string;
  title: string;
  origin: 'platform' | 'entity';
  entityRef: string | null;
  /** Owner ref of the entity (its docs problems go to its team). */
  owner: string | null;
  place: string;
  /** Null when the folder cannot even be located; `unreadable` then says why. */
  files: DocsFiles | null;
  unreadable?: DocsProblem;
  editUrl(file: string): string | null;
}

/** Backstage's annotation, so existing catalog-info.yaml files bring their docs along. */
export const TECHDOCS_REF = 'backstage.io/techdocs-ref';

export interface PlatformDocsOptions {
  /** The local folder of the platform repo (a checkout when the repo is a git URL). */
  folder: string;
  /** The platform repo as configured (folder or git URL), for edit links. */
  repo: string;
  editUrlBase?: string;
}

/**
 * The platform repo's docs/ folder. When the repo is a git URL, it is read at the commit the catalog
 * sync fetched last (the `platform` location's mirror), so docs follow the repo without a restart.
 */
export async function platformSource(
  db: Db,
  options: PlatformDocsOptions,
  gitCacheDir: string,
): Promise<DocsSourceSpec | null> {
  const common = {
    key: 'platform',
    title: 'Platform docs',
    origin: 'platform' as const,
    entityRef: null,
    owner: null,
    editUrl: (file: string) => {
      if (options.editUrlBase) return `${options.editUrlBase.replace(/\/?$/, '/')}docs/${file}`;
      return sourceLinks({ reader: 'git', target: options.repo, branch: null, path: 'docs' }, file, 1)
        .editUrl;
    },
  };
  const location = await db
    .selectFrom('catalog_locations')
    .select(['id', 'sha', 'reader'])
    .where('name', '=', 'platform')
    .executeTakeFirst();
  if (location?.reader === 'git' && location.sha) {
    const mirror = join(gitCacheDir, `${location.id}.git`);
    return {
      ...common,
      place: `${options.repo} docs`,
      files: new GitTreeDocsFiles(mirror, location.sha, 'docs'),
    };
  }
  const root = join(options.folder, 'docs');
  if (!existsSync(root)) return null;
  return { ...common, place: root, files: new FolderDocsFiles(options.folder, 'docs') };
}

interface EntityRow {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  entity: string;
  file: string;
  location_id: string;
  reader: string;
  target: string;
  branch: string | null;
  path: string;
  sha: string | null;
}

/** Reads `dir:<path>`; other forms (`url:`) are Backstage features Plinth does not read. */
export function parseTechdocsRef(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^dir:(.*)$/.exec(value.trim());
  return match ? (match[1] ?? '').trim() || '.' : null;
}

function entitySource(row: EntityRow, gitCacheDir: string): DocsSourceSpec {
  const annotations = (JSON.parse(row.entity).metadata?.annotations ?? {}) as Record<string, unknown>;
  const value = annotations[TECHDOCS_REF];
  const dir = parseTechdocsRef(value);
  // The entity file's folder, inside the repository (git) or the location's folder.
  const entityDir = posix.dirname(posix.join(row.path || '', row.file));
  const docsDir = dir === null ? null : insideRoot(entityDir === '.' ? '' : entityDir, dir);
  const common = {
    key: `${row.kind}/${row.namespace}/${row.name}`.toLowerCase(),
    title: row.title ?? row.name,
    origin: 'entity' as const,
    entityRef: row.ref,
    owner: row.owner,
    editUrl: (file: string) =>
      sourceLinks(
        { reader: row.reader, target: row.target, branch: row.branch, path: docsDir ?? '' },
        file,
        1,
      ).editUrl,
  };
  const unreadable = (message: string): DocsSourceSpec => ({
    ...common,
    place: row.target,
    files: null,
    // Shown at the entity's file: that is where the annotation is fixed.
    unreadable: { code: 'DOCS_SOURCE_UNREADABLE', severity: 'error', file: row.file, line: 1, message },
  });
  if (dir === null)
    return unreadable(`${row.ref}: ${TECHDOCS_REF} '${String(value)}' is not supported; write dir:<folder>`);
  if (docsDir === null)
    return unreadable(`${row.ref}: the docs folder '${dir}' is outside the entity's repository`);
  if (row.reader === 'git') {
    if (!row.sha) return unreadable(`${row.ref}: the repository has not been read yet`);
    const mirror = join(gitCacheDir, `${row.location_id}.git`);
    return {
      ...common,
      place: `${row.target} ${docsDir || '.'}`,
      files: new GitTreeDocsFiles(mirror, row.sha, docsDir),
    };
  }
  return { ...common, place: resolve(row.target, docsDir), files: new FolderDocsFiles(row.target, docsDir) };
}

/** Every catalog entity that names a docs folder, as a docs source (or the problem that stops it). */
export async function entitySources(db: Db, gitCacheDir: string) {
  const rows = await db
    .selectFrom('catalog_entities')
    .innerJoin('catalog_locations', 'catalog_locations.id', 'catalog_entities.location_id')
    .select([
      'catalog_entities.ref',
      'catalog_entities.kind',
      'catalog_entities.namespace',
      'catalog_entities.name',
      'catalog_entities.title',
      'catalog_entities.owner',
      'catalog_entities.entity',
      'catalog_entities.file',
      'catalog_entities.location_id',
      'catalog_locations.reader',
      'catalog_locations.target',
      'catalog_locations.branch',
      'catalog_locations.path',
      'catalog_locations.sha',
    ])
    .where('catalog_entities.entity', 'like', `%${TECHDOCS_REF}%`)
    .execute();
  return rows.map((row) => entitySource(row, gitCacheDir));
}
