import { dirname, isAbsolute, join } from 'node:path';
import type { CatalogModule } from '../catalog/catalog-module.js';
import { ConfinedFolder, LinkRefused, linkReason } from '../core/confined-folder.js';
import { isGitUrl } from '../gitops/platform-checkout.js';
import { scaffolderErrors } from './errors.js';
import type { TemplateSummary } from './schemas.js';
import { fromEntity, type LoadedTemplate } from './template-source.js';

type Query = { q?: string; type?: string; tag?: string };

/**
 * Templates as the catalog knows them (entities of kind Template), and the folder of each on
 * this server: the location's folder, or the platform repo's checkout for a git location.
 */
export class TemplateCatalog {
  constructor(
    private readonly catalog: CatalogModule,
    /** The platform repo as configured, and its folder on this server. */
    private readonly platform: { repo: string; folder: () => string },
  ) {}

  async list(query: Query = {}) {
    const all: TemplateSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.catalog.catalog.list({ kind: 'Template', limit: 500, cursor, sort: 'name' });
      for (const e of page.items) {
        all.push({
          ref: e.ref,
          namespace: e.namespace,
          name: e.name,
          title: e.title ?? e.name,
          description: e.description,
          type: e.type ?? 'project',
          owner: e.owner,
          tags: e.tags,
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const q = query.q?.toLowerCase().trim();
    const items = all.filter(
      (t) =>
        (!query.type || t.type === query.type) &&
        (!query.tag || t.tags.includes(query.tag)) &&
        (!q || [t.name, t.title, t.description ?? '', ...t.tags].some((s) => s.toLowerCase().includes(q))),
    );
    return { items, facets: { type: facet(all.map((t) => [t.type])), tag: facet(all.map((t) => t.tags)) } };
  }

  /** A template by `template:ns/name`, `ns/name` or name, with its folder resolved. */
  async load(refOrName: string): Promise<LoadedTemplate> {
    const ref = normalizeRef(refOrName);
    let detail: Awaited<ReturnType<CatalogModule['catalog']['get']>>;
    try {
      detail = await this.catalog.catalog.get(ref);
    } catch {
      throw scaffolderErrors.TEMPLATE_NOT_FOUND.create([refOrName]);
    }
    const location = await this.catalog.locations.require(detail.source.location.id).catch(() => null);
    if (!location)
      throw scaffolderErrors.TEMPLATE_SOURCE_UNAVAILABLE.create([ref, 'its location was removed']);
    const base = isGitUrl(location.target)
      ? location.target === this.platform.repo
        ? this.platform.folder()
        : null
      : location.target;
    if (!base) {
      throw scaffolderErrors.TEMPLATE_SOURCE_UNAVAILABLE.create([
        ref,
        'templates are read from the platform repo or a folder location',
      ]);
    }
    const inside = join(location.path, dirname(detail.source.file));
    const folder = join(base, inside);
    if (!isAbsolute(folder))
      throw scaffolderErrors.TEMPLATE_SOURCE_UNAVAILABLE.create([ref, 'relative folder']);
    await refuseLinks(base, inside);
    return fromEntity(detail.entity as Record<string, unknown>, folder, base);
  }
}

/**
 * The template's folder must be reached without a link: the catalog read it at a commit, but
 * its files are read from disk, where a link could have been swapped in since.
 */
async function refuseLinks(base: string, inside: string): Promise<void> {
  try {
    await (await ConfinedFolder.open(base)).folder(inside);
  } catch (error) {
    if (error instanceof LinkRefused)
      throw scaffolderErrors.TEMPLATE_PATH_ESCAPE.create([
        error.link.path,
        linkReason(error.link, 'repository'),
      ]);
    // A missing folder is reported when the skeleton is read, with the step that reads it.
  }
}

/** `template:default/x`, `default/x` and `x` all name the same template. */
export function normalizeRef(refOrName: string): string {
  const s = refOrName
    .trim()
    .toLowerCase()
    .replace(/^template:/, '');
  return `template:${s.includes('/') ? s : `default/${s}`}`;
}

function facet(lists: string[][]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => a.value.localeCompare(b.value));
}
