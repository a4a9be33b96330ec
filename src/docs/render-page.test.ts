import { describe, expect, test } from 'vitest';
import { createMarkdown } from './markdown.js';
import { parsePage, type RenderContext, renderPage } from './render-page.js';

const md = createMarkdown();

function render(text: string, file = 'guides/page.md', files: string[] = []) {
  const page = parsePage(md, file, text);
  const context: RenderContext = {
    files: new Set([file, ...files]),
    anchors: new Map([
      [page.slug, new Set(page.headings.map((h) => h.id))],
      ['guides/other', new Set(['setup'])],
    ]),
    pageUrl: (slug, anchor) => `/docs/platform/${slug}${anchor ? `#${anchor}` : ''}`,
    assetUrl: (path) => `/api/docs-assets/platform/${path}`,
  };
  return renderPage(md, page, context);
}

describe('rendering every Markdown feature', () => {
  test('headings get GitHub-style anchors and feed the table of contents', () => {
    const out = render('# Title\n\n## Install the CLI\n\n### On macOS\n\n## Install the CLI\n');
    expect(out.html).toContain('<h2 id="install-the-cli">');
    expect(out.html).toContain('<a class="docs-anchor" href="#install-the-cli" aria-hidden="true">#</a>');
    expect(out.toc).toEqual([
      { level: 2, id: 'install-the-cli', title: 'Install the CLI' },
      { level: 3, id: 'on-macos', title: 'On macOS' },
      { level: 2, id: 'install-the-cli-1', title: 'Install the CLI' },
    ]);
    expect(out.title).toBe('Title');
  });

  test('front matter sets the title and is not shown', () => {
    const out = render('---\ntitle: From front matter\ntags: [a]\n---\n# Heading\n');
    expect(out.title).toBe('From front matter');
    expect(out.html).not.toContain('tags:');
  });

  test('code blocks are highlighted and labelled; unknown languages are escaped text', () => {
    const out = render('```python\nprint("<hi>")\n```\n\n```nosuchlang\n<b>x</b>\n```\n');
    expect(out.html).toContain(
      '<div class="code-block" data-lang="python"><pre><code class="hljs language-python">',
    );
    expect(out.html).toContain('<span class="hljs-built_in">print</span>');
    expect(out.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(out.hasMermaid).toBe(false);
  });

  test('tables, strikethrough and task lists', () => {
    const out = render('| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~old~~\n\n- [ ] todo\n- [x] done\n');
    expect(out.html).toContain('<table>');
    expect(out.html).toMatch(/<th style="text-align:\s*left">a<\/th>/);
    expect(out.html).toContain('<s>old</s>');
    expect(out.html).toContain('<input class="task-list-item-checkbox" disabled type="checkbox" />');
    expect(out.html).toContain('<input class="task-list-item-checkbox" checked disabled type="checkbox" />');
  });

  test('admonitions: note, tip and warning, with or without a title', () => {
    const out = render(
      '::: note\nPlain.\n:::\n\n::: tip Save time\nUse presets.\n:::\n\n::: warning\nCareful.\n:::\n',
    );
    expect(out.html).toContain(
      '<div class="admonition admonition-note"><p class="admonition-title">Note</p>',
    );
    expect(out.html).toContain(
      '<div class="admonition admonition-tip"><p class="admonition-title">Save time</p>',
    );
    expect(out.html).toContain(
      '<div class="admonition admonition-warning"><p class="admonition-title">Warning</p>',
    );
  });

  test('Mermaid fences stay text for the browser to draw, and mark the page', () => {
    const out = render('```mermaid\ngraph TD; A-->B\n```\n');
    expect(out.html).toContain('<pre class="mermaid">graph TD; A--&gt;B\n</pre>');
    expect(out.hasMermaid).toBe(true);
  });

  test('second-level headings split the page into steps', () => {
    const out = render('# Guide\n\nIntro.\n\n## First\n\nOne.\n\n## Second\n\nTwo.\n');
    expect(out.sections.map((s) => [s.id, s.title])).toEqual([
      [null, null],
      ['first', 'First'],
      ['second', 'Second'],
    ]);
    expect(out.sections[1]?.html).toContain('One.');
    expect(out.sections[1]?.html).not.toContain('Two.');
  });

  test('relative links and images resolve inside the docs folder; broken ones are problems at their line', () => {
    const out = render(
      '# P\n\n[ok](other.md#setup) [dir](../practices/) ![img](img/a.png)\n\n[gone](missing.md) ![nope](nope.png) [bad anchor](other.md#nowhere)\n',
      'guides/page.md',
      ['guides/other.md', 'guides/img/a.png', 'practices/index.md'],
    );
    expect(out.html).toContain('href="/docs/platform/guides/other#setup"');
    expect(out.html).toContain('href="/docs/platform/practices"');
    expect(out.html).toContain('src="/api/docs-assets/platform/guides/img/a.png"');
    expect(out.problems.map((p) => `${p.line} ${p.code}`)).toEqual([
      '5 DOCS_LINK_BROKEN',
      '5 DOCS_IMAGE_MISSING',
      '5 DOCS_ANCHOR_BROKEN',
    ]);
  });

  test('../ escapes are never followed, however they are spelled', () => {
    const escapes = [
      '../../secret.md',
      '../../../etc/passwd',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '..%5C..%5C..%5Cx.png',
      'a/../../../b.md',
      '%2e%2e/%2e%2e/%2e%2e/x',
    ];
    for (const href of escapes) {
      const out = render(`[x](${href}) ![y](${href})`, 'guides/page.md', ['secret.md']);
      expect(out.problems.map((p) => p.code)).toEqual(['DOCS_PATH_OUTSIDE', 'DOCS_PATH_OUTSIDE']);
      expect(out.html).not.toContain('etc');
      expect(out.html).not.toContain('..');
    }
  });
});

// Vectors from the OWASP XSS filter evasion cheat sheet and PortSwigger's XSS cheat sheet, as they
// would appear in Markdown: raw HTML, links, images, autolinks and reference definitions.
const XSS_VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">click</a>',
  '<a href="java\u0000script:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "javascript:alert(1)";</style>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<video><source onerror="alert(1)"></video>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:alert(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x"onerror="alert(1)](x.png)',
  '[a]: javascript:alert(1)\n\n[link][a]',
  '<javascript:alert(1)>',
  '[x](<javascript:alert(1)>)',
  '<a href="x" onclick="alert(1)">x</a>',
  '<img src="x" srcset="javascript:alert(1)">',
  '<p id="x" class="y" onmouseover="alert(1)">hover</p>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '```mermaid\n<img src=x onerror=alert(1)>\n```',
];

describe('sanitizing: no vector can run script', () => {
  test.each(XSS_VECTORS)('%s', (vector) => {
    const { html } = render(`# T\n\n${vector}\n`);
    expect(html).not.toMatch(
      /<(script|iframe|object|embed|svg|math|style|form|meta|link|base|body|template|video|source|marquee)\b/i,
    );
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src|srcset|action|data)\s*=\s*"\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/style="[^"]*(expression|url\()/i);
  });
});
