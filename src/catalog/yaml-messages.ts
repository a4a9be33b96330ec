import type { YAMLError } from 'yaml';

// The yaml library's messages are precise but terse; these say what a person usually has to do.
const HINTS: Partial<Record<string, string>> = {
  BAD_INDENT:
    'check the indentation: the keys of one mapping, and the items of one list, start in the same column',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BLOCK_AS_IMPLICIT_KEY: 'a line above may lack the ":" after its key, or be indented differently',
  MULTILINE_IMPLICIT_KEY: 'a line above may lack the ":" after its key, or a quote may be left open',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  BAD_SCALAR_START: "put the value in quotes ('…')",
  UNEXPECTED_TOKEN: 'remove the unexpected text, or put the value in quotes',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) written before it',
  TAG_RESOLVE_FAILED: 'remove the tag (the word after !), catalog files use plain values',
};

/** A one-line message for a YAML error or warning, with a hint and how many errors follow it. */
export function syntaxMessage(error: YAMLError, more: number): string {
  const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const text = first.charAt(0).toLowerCase() + first.slice(1);
  const hint = HINTS[error.code];
  const then =
    more > 0
      ? ` (${more} more YAML error${more === 1 ? '' : 's'} in this document, probably caused by this one)`
      : '';
  const prefix = error.name === 'YAMLWarning' ? 'YAML' : 'not valid YAML';
  return `${prefix}: ${text}${hint ? `; ${hint}` : ''}${then}`;
}
