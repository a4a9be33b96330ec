import type MarkdownIt from 'markdown-it';
import { type FrontMatter, splitFrontMatter } from './front-matter.js';
import { isMarkdown, resolveLinkTarget, slugOf } from './link-target.js';
import type { DocsProblem } from './problem-codes.js';
import { sanitizeDocHtml } from './sanitize.js';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface Heading {
  level: number;
  id: string;
  title: string;
}

/** A page parsed but not yet rendered: its headings are known, so links between pages can be checked. */
export interface ParsedPage {
  file: string;
  slug: string;
  front: FrontMatter;
  tokens: Token[];
  headings: Heading[];
  lineOffset: number;
  problems: DocsProblem[];
}

export interface Section {
  id: string | null;
  title: string | null;
  html: string;
}

export interface RenderedPage {
  title: string;
  html: string;
  /** Split at second-level headings: the steps of a guide; the first has no heading (the intro). */
  sections: Section[];
  toc: Heading[];
  text: string;
  hasMermaid: boolean;
  problems: DocsProblem[];
}

/** What rendering needs to know about the other files of the source. */
export interface RenderContext {
  /** Every file of the docs folder, relative to its root. */
  files: ReadonlySet<string>;
  /** Heading ids of each page, by slug. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  pageUrl(slug: string, anchor: string | null): string;
  assetUrl(path: string): string;
}

const inlineText = (token: Token | undefined): string =>
  (token?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
    .trim();

export function parsePage(md: MarkdownIt, file: string, text: string): ParsedPage {
  const split = splitFrontMatter(text, file);
  const tokens = md.parse(split.body, {});
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    headings.push({
      level: Number(token.tag.slice(1)),
      id: token.attrGet('id') ?? '',
      title: inlineText(tokens[i + 1]),
    });
  });
  return {
    file,
    slug: slugOf(file),
    front: split.data,
    tokens,
    headings,
    lineOffset: split.lineOffset,
    problems: split.problems,
  };
}

function problem(page: ParsedPage, line: number, code: DocsProblem['code'], message: string): DocsProblem {
  return {
    code,
    severity: code === 'DOCS_ANCHOR_BROKEN' ? 'warning' : 'error',
    file: page.file,
    line,
    message,
  };
}

/** Points every link and image at its place in the portal; reports the ones that lead nowhere. */
function resolveLinks(page: ParsedPage, context: RenderContext): DocsProblem[] {
  const problems: DocsProblem[] = [];
  let line = page.lineOffset + 1;
  for (const block of page.tokens) {
    if (block.map) line = page.lineOffset + block.map[0] + 1;
    for (const token of block.children ?? []) {
      const isImage = token.type === 'image';
      if (token.type !== 'link_open' && !isImage) continue;
      const attr = isImage ? 'src' : 'href';
      const href = token.attrGet(attr) ?? '';
      const target = resolveLinkTarget(page.file, href);
      const fail = (code: DocsProblem['code'], message: string) => {
        problems.push(problem(page, line, code, message));
        token.attrSet(attr, isImage ? '' : '#');
        if (!isImage) token.attrJoin('class', 'docs-link-broken');
      };
      if (target.kind === 'outside') fail('DOCS_PATH_OUTSIDE', `'${href}' points outside the docs folder`);
      else if (target.kind === 'unsafe') token.attrSet(attr, isImage ? '' : '#');
      else if (target.kind === 'anchor') {
        if (target.anchor && !context.anchors.get(page.slug)?.has(target.anchor)) {
          problems.push(
            problem(page, line, 'DOCS_ANCHOR_BROKEN', `No heading '#${target.anchor}' on this page`),
          );
        }
      } else if (target.kind === 'file') {
        const exists =
          context.files.has(target.path) ||
          (!isImage &&
            (context.files.has(`${target.path}/index.md`) || context.files.has(`${target.path}/README.md`)));
        if (!exists) {
          if (isImage) fail('DOCS_IMAGE_MISSING', `The image '${href}' does not exist`);
          else fail('DOCS_LINK_BROKEN', `The link '${href}' points to nothing: no file ${target.path}`);
        } else if (!isImage && (isMarkdown(target.path) || !context.files.has(target.path))) {
          const slug = isMarkdown(target.path) ? slugOf(target.path) : target.path;
          if (target.anchor && !context.anchors.get(slug)?.has(target.anchor)) {
            problems.push(
              problem(page, line, 'DOCS_ANCHOR_BROKEN', `No heading '#${target.anchor}' in ${target.path}`),
            );
          }
          token.attrSet(attr, context.pageUrl(slug, target.anchor));
        } else {
          token.attrSet(attr, context.assetUrl(target.path));
        }
      }
    }
  }
  return problems;
}

/** Words of the page for the search index: text and inline code, without markup. */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') parts.push(inlineText(token));
    else if (token.type === 'fence' && token.info.trim() !== 'mermaid') parts.push(token.content);
  }
  return parts.join('\n');
}

/** Renders a parsed page to sanitized HTML, whole and split into sections at its second-level headings. */
export function renderPage(md: MarkdownIt, page: ParsedPage, context: RenderContext): RenderedPage {
  const problems = [...page.problems, ...resolveLinks(page, context)];
  const render = (tokens: Token[]) => sanitizeDocHtml(md.renderer.render(tokens, md.options, {}));
  const firstH1 = page.headings.find((h) => h.level === 1);
  const sections: Section[] = [];
  let start = 0;
  let current: Heading | null = null;
  const flush = (end: number) => {
    const slice = page.tokens.slice(start, end);
    if (current || slice.length)
      sections.push({ id: current?.id ?? null, title: current?.title ?? null, html: render(slice) });
  };
  page.tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.tag === 'h2') {
      flush(i);
      start = i;
      current = { level: 2, id: token.attrGet('id') ?? '', title: inlineText(page.tokens[i + 1]) };
    }
  });
  flush(page.tokens.length);
  return {
    title: page.front.title ?? firstH1?.title ?? page.slug.split('/').pop() ?? 'Untitled',
    html: render(page.tokens),
    sections,
    toc: page.headings.filter((h) => h.level === 2 || h.level === 3),
    text: plainText(page.tokens),
    hasMermaid: page.tokens.some((t) => t.type === 'fence' && t.info.trim().split(/\s+/)[0] === 'mermaid'),
    problems,
  };
}
