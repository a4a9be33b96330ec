import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML is off in the parser and the sanitizer removes anything else: request text comes from
// anyone signed in, and is shown to Keepers.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    's',
    'del',
    'hr',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/** Request and comment Markdown as sanitized HTML, with `@username` mentions emphasised. */
export function renderRequestMarkdown(text: string): string {
  const html = md.render(text);
  const withMentions = html.replace(
    /(^|[\s(>])@([a-z][a-z0-9._-]{1,38}[a-z0-9])(?![\w@])/g,
    '$1<strong>@$2</strong>',
  );
  return sanitizeHtml(withMentions, {
    ...OPTIONS,
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  });
}
