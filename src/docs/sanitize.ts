import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    'p',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'span',
    'div',
    'em',
    'strong',
    'del',
    's',
    'hr',
    'br',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'label',
    'kbd',
    'sup',
    'sub',
    'details',
    'summary',
    'dl',
    'dt',
    'dd',
    'mark',
    'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'class', 'aria-hidden', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    input: ['type', 'checked', 'disabled', 'class', 'id'],
    label: ['for', 'class'],
    th: ['style', 'align'],
    td: ['style', 'align'],
    div: ['class', 'data-lang'],
    ...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
    '*': ['class'],
  },
  allowedClasses: {
    '*': [
      /^hljs(-[\w-]+)?$/,
      /^language-[\w-]+$/,
      'mermaid',
      'mermaid-diagram',
      'code-block',
      /^admonition(-\w+)?$/,
      'docs-anchor',
      'task-list-item',
      'task-list-item-checkbox',
      'contains-task-list',
      'docs-link-broken',
    ],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedSchemesByTag: {},
  // Only checkboxes survive as inputs (task lists), and only disabled ones.
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  transformTags: {
    input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: '' } }),
    a: (tagName, attribs) =>
      /^(https?:)?\/\//i.test(attribs.href ?? '')
        ? { tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }
        : { tagName, attribs },
  },
};

/** Removes from rendered HTML everything that could run script or leave the page: an allowlist, not a blocklist. */
export function sanitizeDocHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
