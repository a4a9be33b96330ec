import type { CST } from 'yaml';

/** Where a document first goes deeper than allowed. */
export interface TooDeep {
  offset: number;
}

/**
 * Finds the first place where a document nests collections deeper than `maxDepth`, walking the
 * concrete syntax tree with an explicit stack. The yaml composer recurses once per level, and a
 * stack overflow inside it can take the whole process down (V8 fails hard when the overflow hits
 * while compiling a regular expression), so deep documents must be refused before composing.
 */
export function findTooDeep(document: CST.Document, maxDepth: number): TooDeep | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  if (document.value) stack.push({ token: document.value, depth: 0 });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { token, depth } = next;
    if (!isCollection(token)) continue;
    if (depth + 1 > maxDepth) return { offset: token.offset };
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}
