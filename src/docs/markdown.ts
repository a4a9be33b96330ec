import hljs from 'highlight.js';
import MarkdownIt, { type PluginWithParams } from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import anchor from 'markdown-it-anchor';
import container from 'markdown-it-container';
import taskLists from 'markdown-it-task-lists';

export const ADMONITIONS = ['note', 'tip', 'warning'] as const;
const DEFAULT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** Heading ids as GitHub makes them, so links written for GitHub keep working here. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * The Markdown dialect of Plinth docs: CommonMark + GitHub tables, strikethrough, task lists,
 * heading anchors, `::: note|tip|warning` admonitions, highlighted code and Mermaid fences (drawn in
 * the browser). Raw HTML is allowed here and removed by the sanitizer afterwards.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(anchor, {
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({
      symbol: '#',
      placement: 'after',
      class: 'docs-anchor',
      ariaHidden: true,
    }),
  });
  md.use(taskLists, { enabled: false, label: true });
  for (const name of ADMONITIONS) {
    // The plugin's types are written against the CommonJS build of markdown-it's types.
    md.use(container as unknown as PluginWithParams, name, {
      render(tokens: Token[], index: number) {
        const token = tokens[index] as Token;
        if (token.nesting !== 1) return '</div>\n';
        const title = token.info.trim().slice(name.length).trim() || (DEFAULT_TITLES[name] as string);
        return `<div class="admonition admonition-${name}"><p class="admonition-title">${md.utils.escapeHtml(title)}</p>\n`;
      },
    });
  }
  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index] as Token;
    const lang = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const code = token.content;
    if (lang === 'mermaid') {
      return `<div class="mermaid-diagram"><pre class="mermaid">${md.utils.escapeHtml(code)}</pre></div>\n`;
    }
    const known = lang && hljs.getLanguage(lang) ? lang : '';
    const body = known
      ? hljs.highlight(code, { language: known, ignoreIllegals: true }).value
      : md.utils.escapeHtml(code);
    const label = md.utils.escapeHtml(lang || 'text');
    return `<div class="code-block" data-lang="${label}"><pre><code class="hljs${known ? ` language-${known}` : ''}">${body}</code></pre></div>\n`;
  };
  return md;
}
