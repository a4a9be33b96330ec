/** Small helpers that put values into sentences a non-programmer can act on. */

/** A text value, quoted and shortened: `'team-x'`. */
export function quote(value: string): string {
  // Control characters would break the one-problem-per-line output; show them as escapes.
  const visible = value.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, escapeChar);
  const short = visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
  return `'${short}'`;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  return ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A value as a person would name it: quoted text, a number, "a list", "a mapping", "an empty value". */
export function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/** Joins words as a sentence does: `Group`, `Group or User`, `A, B or C`. */
export function either(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** The word with its indefinite article: `a Component`, `an API`. */
export function withArticle(word: string): string {
  // "a User", "a URL" but "an API", "an Umbrella": a leading "us"/"ur" sounds like "you".
  return /^(?:[aeio]|u(?![sr]))/i.test(word) ? `an ${word}` : `a ${word}`;
}
