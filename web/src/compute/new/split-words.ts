/** The words of a command line, or what is wrong with it. */
export type SplitResult = { ok: true; words: string[] } | { ok: false; error: string };

/**
 * Splits one line into words as a POSIX shell would, without running anything: spaces separate
 * words, quotes group them (`'…'` keeps everything literally, `"…"` lets `\"` and `\\` through),
 * and a backslash keeps the next character.
 * @example splitWords(`sh -c 'echo $HOME'`) // { ok: true, words: ['sh', '-c', 'echo $HOME'] }
 */
export function splitWords(line: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && '"\\$`'.includes(line.charAt(i + 1)) && i + 1 < line.length)
        word += line.charAt(++i);
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 === line.length) return { ok: false, error: 'The line ends with a lone backslash' };
      word += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `A ${quote === "'" ? 'single' : 'double'} quote is not closed` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** Quotes one word for a POSIX shell: everything inside single quotes is literal. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.,:=@%+-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** The line that gives back exactly these words (the inverse of {@link splitWords}). */
export function joinWords(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
