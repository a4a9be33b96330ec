import type { Actor } from '../auth/index.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { ownerRefOf, pageUrl } from './build-source.js';
import { docsErrors } from './errors.js';
import type { GuideProgressStore } from './guide-progress.js';
import { breadcrumbsOf, buildNav, type NavPage } from './nav.js';
import { splitPagePath } from './page-path.js';
import type { DocsPage } from './schemas.js';
import type { DocsPagesTable } from './tables.js';

const DAY = 86_400_000;

/** Days since a YYYY-MM-DD date, or null. */
export function ageInDays(verified: string | null, now = Date.now()): number | null {
  if (!verified) return null;
  const at = Date.parse(`${verified.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at) ? null : Math.floor((now - at) / DAY);
}

/** A guide is stale once its `verified` date is older than the allowed age, or when it was never verified. */
export function isStale(
  type: string,
  verified: string | null,
  maxAgeDays: number,
  now = Date.now(),
): boolean {
  if (type !== 'guide') return false;
  const age = ageInDays(verified, now);
  return age === null || age > maxAgeDays;
}

const stepsOf = (row: Pick<DocsPagesTable, 'sections'>) =>
  (JSON.parse(row.sections) as { id: string | null }[])
    .map((s) => s.id)
    .filter((id): id is string => Boolean(id));

/** Reading docs: sources with their navigation, pages with everything around them, guides and their progress. */
export class DocsService {
  constructor(
    private readonly db: Db,
    private readonly progress: GuideProgressStore,
    private readonly maxAgeDays: number,
  ) {}

  private navPages(source: string): Promise<NavPage[]> {
    return this.db
      .selectFrom('docs_pages')
      .select(['slug', 'title', 'type', 'nav_order'])
      .where('source', '=', source)
      .execute();
  }

  async sources(entityRef?: string) {
    let query = this.db.selectFrom('docs_sources').selectAll().orderBy('origin', 'desc').orderBy('title');
    if (entityRef) query = query.where('entity_ref', '=', entityRef.toLowerCase());
    const sources = await query.execute();
    return {
      items: await Promise.all(
        sources.map(async (s) => ({
          key: s.key,
          title: s.title,
          origin: s.origin === 'platform' ? ('platform' as const) : ('entity' as const),
          entityRef: s.entity_ref,
          url: pageUrl(s.key, ''),
          pageCount: s.page_count,
          problemCount: s.problem_count,
          syncedAt: s.synced_at,
          nav: buildNav(s.key, await this.navPages(s.key)),
        })),
      ),
    };
  }

  private async findPage(path: string) {
    const { source, slug } = splitPagePath(path);
    const row = await this.db
      .selectFrom('docs_pages')
      .innerJoin('docs_sources', 'docs_sources.key', 'docs_pages.source')
      .selectAll('docs_pages')
      .select(['docs_sources.title as source_title', 'docs_sources.entity_ref'])
      .where('docs_pages.source', '=', source)
      .where('docs_pages.slug', '=', slug)
      .executeTakeFirst();
    if (!row) throw docsErrors.DOCS_PAGE_NOT_FOUND.create([`/docs/${path}`]);
    return row;
  }

  async page(path: string, userId: string | null): Promise<DocsPage> {
    const row = await this.findPage(path);
    const pages = await this.navPages(row.source);
    const order = buildNav(row.source, pages).filter((i) => i.url);
    const url = pageUrl(row.source, row.slug);
    const at = order.findIndex((i) => i.url === url);
    const link = (i: number) => {
      const item = order[i];
      return item?.url ? { title: item.title, url: item.url } : null;
    };
    const steps = stepsOf(row);
    return {
      id: row.id,
      source: {
        key: row.source,
        title: row.source_title,
        entityRef: row.entity_ref,
        url: pageUrl(row.source, ''),
      },
      slug: row.slug,
      url,
      file: row.file,
      type: row.type as DocsPage['type'],
      title: row.title,
      description: row.description,
      tags: JSON.parse(row.tags),
      owner: row.owner,
      audience: row.audience,
      verified: row.verified,
      stale: isStale(row.type, row.verified, this.maxAgeDays),
      maxAgeDays: this.maxAgeDays,
      html: row.html,
      sections: JSON.parse(row.sections),
      toc: JSON.parse(row.toc),
      hasMermaid: Boolean(row.has_mermaid),
      breadcrumbs: breadcrumbsOf({ key: row.source, title: row.source_title }, row.slug, pages),
      previous: at > 0 ? link(at - 1) : null,
      next: at >= 0 ? link(at + 1) : null,
      editUrl: row.edit_url,
      lastCommit:
        row.commit_sha && row.committed_at
          ? { sha: row.commit_sha, author: row.commit_author ?? '', date: row.committed_at }
          : null,
      progress: row.type === 'guide' ? await this.progress.of(row.id, steps, userId) : null,
    };
  }

  async tick(actor: Actor & { userId: string }, input: { page: string; step: string; done: boolean }) {
    const row = await this.findPage(input.page);
    if (row.type !== 'guide') throw docsErrors.DOCS_NOT_A_GUIDE.create([`/docs/${input.page}`]);
    const steps = stepsOf(row);
    if (!steps.includes(input.step))
      throw docsErrors.DOCS_STEP_NOT_FOUND.create([`/docs/${input.page}`, input.step]);
    await this.progress.set(actor, row.id, input.step, input.done);
    return this.progress.of(row.id, steps, actor.userId);
  }

  /** Every guide with the caller's progress, started ones first. */
  async myGuides(userId: string) {
    const [guides, mine] = await Promise.all([
      this.db
        .selectFrom('docs_pages')
        .select(['id', 'source', 'slug', 'title', 'description', 'sections', 'nav_order'])
        .where('type', '=', 'guide')
        .execute(),
      this.progress.mine(userId),
    ]);
    const items = await Promise.all(
      guides.map(async (g) => ({
        title: g.title,
        url: pageUrl(g.source, g.slug),
        description: g.description,
        order: g.nav_order ?? Number.POSITIVE_INFINITY,
        progress: await this.progress.of(g.id, stepsOf(g), userId),
        started: mine.has(g.id),
      })),
    );
    items.sort(
      (a, b) => Number(b.started) - Number(a.started) || a.order - b.order || a.title.localeCompare(b.title),
    );
    return { items: items.map(({ order, started, ...rest }) => rest) };
  }

  async staleGuides(now = Date.now()) {
    const guides = await this.db
      .selectFrom('docs_pages')
      .select(['source', 'slug', 'title', 'file', 'owner', 'verified', 'edit_url'])
      .where('type', '=', 'guide')
      .execute();
    const items = guides
      .filter((g) => isStale('guide', g.verified, this.maxAgeDays, now))
      .map((g) => ({
        title: g.title,
        url: pageUrl(g.source, g.slug),
        file: g.file,
        owner: g.owner,
        verified: g.verified,
        ageDays: ageInDays(g.verified, now),
        editUrl: g.edit_url,
      }))
      .sort((a, b) => (b.ageDays ?? Number.POSITIVE_INFINITY) - (a.ageDays ?? Number.POSITIVE_INFINITY));
    return { items, maxAgeDays: this.maxAgeDays };
  }

  async problems(filter: {
    source?: string;
    owner?: string;
    severity?: string;
    cursor?: string;
    limit?: number;
  }) {
    const limit = filter.limit ?? 100;
    let query = this.db
      .selectFrom('docs_problems')
      .innerJoin('docs_sources', 'docs_sources.key', 'docs_problems.source')
      .selectAll('docs_problems')
      .select(['docs_sources.title as source_title', 'docs_sources.entity_ref'])
      .select((eb) =>
        eb
          .selectFrom('docs_pages')
          .select('edit_url')
          .whereRef('docs_pages.source', '=', 'docs_problems.source')
          .whereRef('docs_pages.file', '=', 'docs_problems.file')
          .limit(1)
          .as('edit_url'),
      );
    if (filter.source) query = query.where('docs_problems.source', '=', filter.source.toLowerCase());
    if (filter.severity) query = query.where('docs_problems.severity', '=', filter.severity);
    if (filter.owner) query = query.where('docs_problems.owner', '=', ownerRefOf(filter.owner));
    const after = decodeCursor(filter.cursor);
    if (after) query = query.where('docs_problems.id', '>', after);
    const rows = await query
      .orderBy('docs_problems.id')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({
        code: r.code,
        severity: r.severity === 'warning' ? ('warning' as const) : ('error' as const),
        message: r.message,
        file: r.file,
        line: r.line,
        source: { key: r.source, title: r.source_title, entityRef: r.entity_ref },
        owner: r.owner,
        editUrl: r.edit_url ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  }
}
