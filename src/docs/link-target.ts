import { posix } from 'node:path';

/** What a link or image in a page points at, once resolved against the page's folder. */
export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'anchor'; anchor: string }
  /** A path of the portal itself (`/compute`), kept as it is. */
  | { kind: 'portal'; href: string }
  /** A file inside the docs folder, relative to its root, with the anchor if any. */
  | { kind: 'file'; path: string; anchor: string | null }
  /** Climbs out of the docs folder, or cannot be read as a path: never followed. */
  | { kind: 'outside'; href: string }
  /** A scheme that must not be linked (javascript:, data:, file:…). */
  | { kind: 'unsafe'; href: string };

/** Control characters and spaces, which browsers skip inside URLs. */
const isInvisible = (code: number) => code <= 0x20 || (code >= 0x7f && code <= 0x9f);

const SAFE_SCHEMES = /^(https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves `href` as written in the page `file` (a path relative to the docs root). Relative paths
 * are decoded and normalized before the check, so `..%2f..` or `a/../../b` cannot climb out.
 */
export function resolveLinkTarget(file: string, href: string): LinkTarget {
  // Browsers drop these characters from URLs; a scheme hidden behind them is still a scheme.
  const trimmed = [...href].filter((c) => !isInvisible(c.charCodeAt(0))).join('');
  if (trimmed === '') return { kind: 'anchor', anchor: '' };
  if (SAFE_SCHEMES.test(trimmed)) return { kind: 'external', href: trimmed };
  if (ANY_SCHEME.test(trimmed) || trimmed.startsWith('//')) return { kind: 'unsafe', href };
  if (trimmed.startsWith('#')) return { kind: 'anchor', anchor: trimmed.slice(1) };
  const hashAt = trimmed.indexOf('#');
  const rawPath = (hashAt < 0 ? trimmed : trimmed.slice(0, hashAt)).replace(/\?.*$/, '');
  const anchor = hashAt < 0 ? null : trimmed.slice(hashAt + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath).replace(/\\/g, '/');
  } catch {
    return { kind: 'outside', href };
  }
  if (decoded.includes('\u0000')) return { kind: 'outside', href };
  if (decoded.startsWith('/')) return { kind: 'portal', href: trimmed };
  const joined = posix.normalize(posix.join(posix.dirname(file), decoded));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined))
    return { kind: 'outside', href };
  return { kind: 'file', path: joined === '.' ? '' : joined.replace(/\/$/, ''), anchor };
}

/** The page slug of a Markdown file: no extension, and `index.md`/`README.md` name their folder. */
export function slugOf(path: string): string {
  const noExt = path.replace(/\.md$/i, '');
  const base = posix.basename(noExt).toLowerCase();
  if (base === 'index' || base === 'readme') {
    const dir = posix.dirname(noExt);
    return dir === '.' ? '' : dir;
  }
  return noExt;
}

export const isMarkdown = (path: string) => /\.md$/i.test(path);
