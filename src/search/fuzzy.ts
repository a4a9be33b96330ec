/**
 * Edit distance where swapping two neighbouring letters costs one (optimal string alignment):
 * "pytroch" is one step from "pytorch", as a typo is.
 */
export function typoDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    let best = max + 1;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
      if (value < best) best = value;
    }
    // Every later row is at least this row's best: stop early once over the limit.
    if (best > max) return max + 1;
  }
  return (d[rows - 1] as number[])[cols - 1] as number;
}

/** How far a typo may be from the word meant: none for short words, where any change is another word. */
export function allowedTypos(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

/**
 * The indexed word closest to `term` within its allowed typos, the most frequent on a tie;
 * undefined when none is close enough.
 */
export function closestWord(term: string, candidates: { word: string; docs: number }[]): string | undefined {
  const max = allowedTypos(term);
  if (max === 0) return undefined;
  let best: { word: string; distance: number; docs: number } | undefined;
  for (const { word, docs } of candidates) {
    if (word === term) return word;
    const distance = typoDistance(term, word, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) {
      best = { word, distance, docs };
    }
  }
  return best?.word;
}
