import { createHash } from 'node:crypto';
import type MarkdownIt from 'markdown-it';
import { DOCS_LIMITS } from './docs-files.js';
import type { DocsSourceSpec } from './docs-sources.js';
import { isMarkdown } from './link-target.js';
import { type DocsProblem, symlinkProblem } from './problem-codes.js';
import { type ParsedPage, parsePage, renderPage } from './render-page.js';
import type { DocsPagesTable } from './tables.js';

export interface BuiltSource {
  hash: string;
  pages: DocsPagesTable[];
  problems: DocsProblem[];
  assets: string[];
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The portal path of a docs page. */
export function pageUrl(source: string, slug: string, anchor: string | null = null): string {
  const path = slug ? `/docs/${source}/${encodePath(slug)}` : `/docs/${source}`;
  return anchor ? `${path}#${encodeURIComponent(anchor)}` : path;
}

export function assetUrl(source: string, path: string): string {
  return `/api/docs-assets/${source}/${encodePath(path)}`;
}

/** Guides and practices are the platform repo's `guides/` and `practices/` folders. */
function pageType(spec: DocsSourceSpec, slug: string): 'doc' | 'guide' | 'practice' {
  if (spec.origin !== 'platform') return 'doc';
  if (slug.startsWith('guides/')) return 'guide';
  if (slug.startsWith('practices/')) return 'practice';
  return 'doc';
}

/** Normalizes a front-matter owner as the catalog does: a bare name is a group of the default namespace. */
export function ownerRefOf(owner: string | undefined): string | null {
  if (!owner) return null;
  const lower = owner.toLowerCase();
  const withKind = lower.includes(':') ? lower : `group:${lower}`;
  const [kind = 'group', rest = ''] = withKind.split(':', 2);
  return rest.includes('/') ? `${kind}:${rest}` : `${kind}:default/${rest}`;
}

/** Reads every file of a source, renders its pages and checks their links, images and front matter. */
export async function buildSource(md: MarkdownIt, spec: DocsSourceSpec, now: string): Promise<BuiltSource> {
  if (!spec.files)
    return { hash: 'unreadable', pages: [], problems: spec.unreadable ? [spec.unreadable] : [], assets: [] };
  const [{ files: entries, links }, commits] = await Promise.all([spec.files.list(), spec.files.commits()]);
  const digest = createHash('sha256');
  const problems: DocsProblem[] = links.map((link) => symlinkProblem(link));
  for (const link of links) digest.update(`${link.path}\u0000link\u0000${link.outside}\u0000`);
  const parsed: ParsedPage[] = [];
  const assets: string[] = [];
  for (const entry of entries.sort((a, b) => a.path.localeCompare(b.path))) {
    const commit = commits.get(entry.path);
    digest.update(`${entry.path}\u0000${entry.size}\u0000${commit?.sha ?? ''}\u0000`);
    if (!isMarkdown(entry.path)) {
      assets.push(entry.path);
      continue;
    }
    if (entry.size > DOCS_LIMITS.maxFileBytes) {
      problems.push({
        code: 'DOCS_FILE_TOO_LARGE',
        severity: 'warning',
        file: entry.path,
        line: 1,
        message: `${entry.path} is larger than ${DOCS_LIMITS.maxFileBytes} bytes; skipped`,
      });
      continue;
    }
    const text = (await spec.files.read(entry.path)).toString('utf8');
    digest.update(text);
    parsed.push(parsePage(md, entry.path, text));
  }
  const files = new Set(entries.map((e) => e.path));
  const anchors = new Map(parsed.map((p) => [p.slug, new Set(p.headings.map((h) => h.id))]));
  const context = {
    files,
    anchors,
    pageUrl: (slug: string, anchor: string | null) => pageUrl(spec.key, slug, anchor),
    assetUrl: (path: string) => assetUrl(spec.key, path),
  };
  const pages = parsed.map((page): DocsPagesTable => {
    const rendered = renderPage(md, page, context);
    problems.push(...rendered.problems);
    const commit = commits.get(page.file);
    const row = {
      id: `${spec.key}:${page.slug}`,
      source: spec.key,
      slug: page.slug,
      file: page.file,
      type: pageType(spec, page.slug),
      title: rendered.title,
      description: page.front.description ?? null,
      tags: JSON.stringify((page.front.tags ?? []).map((t) => t.toLowerCase())),
      owner: ownerRefOf(page.front.owner) ?? spec.owner,
      audience: page.front.audience ?? null,
      verified: page.front.verified?.slice(0, 10) ?? null,
      nav_order: page.front.order ?? null,
      html: rendered.html,
      sections: JSON.stringify(rendered.sections),
      toc: JSON.stringify(rendered.toc),
      text: rendered.text,
      has_mermaid: rendered.hasMermaid ? 1 : 0,
      commit_sha: commit?.sha ?? null,
      commit_author: commit?.author ?? null,
      committed_at: commit?.date ?? null,
      edit_url: spec.editUrl(page.file),
      updated_at: now,
    };
    const hash = createHash('sha256')
      .update(JSON.stringify({ ...row, updated_at: '' }))
      .digest('hex');
    return { ...row, hash };
  });
  return { hash: digest.digest('hex'), pages, problems, assets };
}
