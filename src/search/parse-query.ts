import type { FacetName, ParsedQuery } from './model.js';

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 64;

/** Splits text into the words both engines index: letters and digits, lower-case, accents kept. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export interface QueryOptions {
  /** Whether the last word may be unfinished (search as you type). Default: unless the text ends in a space. */
  prefix?: boolean;
  filters?: Partial<Record<FacetName, string[]>>;
  offset?: number;
  limit?: number;
}

/**
 * Turns what a person typed into terms the engines can use safely: punctuation and operators are
 * dropped (so no query syntax of either engine can be injected), words too long to be words are
 * skipped, and at most MAX_TERMS words are kept.
 */
export function parseQuery(text: string, options: QueryOptions = {}): ParsedQuery {
  const terms = wordsOf(text)
    .filter((w) => w.length <= MAX_TERM_LENGTH)
    .slice(0, MAX_TERMS);
  const endsInSpace = /\s$/.test(text);
  return {
    terms,
    phrase: terms.join(' '),
    prefix: options.prefix ?? !endsInSpace,
    filters: options.filters ?? {},
    offset: options.offset ?? 0,
    limit: options.limit ?? 20,
  };
}
