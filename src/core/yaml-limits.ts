import { type CST, LineCounter, Parser, parse } from 'yaml';
import { describeShapeProblem, findShapeProblem, MAX_INPUT_DEPTH, MAX_INPUT_NODES } from './input-shape.js';

/** Where a document first goes deeper than allowed. */
export interface TooDeep {
  offset: number;
}

function isCollection(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
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

/** Limits for YAML read outside the catalog: front matter, platform.yaml, job files, plinth.yaml. */
export interface YamlLimits {
  maxDepth: number;
  /** Most aliases (`*name`) in one document; the yaml library refuses more. */
  maxAliasCount: number;
  /** Most values once aliases are expanded. */
  maxNodes: number;
}

export const DEFAULT_YAML_LIMITS: Readonly<YamlLimits> = Object.freeze({
  maxDepth: MAX_INPUT_DEPTH,
  maxAliasCount: 100,
  maxNodes: MAX_INPUT_NODES,
});

/** A YAML text refused for its shape, with the line and column of the place, as the yaml library reports them. */
export class YamlLimitError extends Error {
  readonly linePos: { line: number; col: number }[];
  constructor(message: string, line: number, col: number) {
    super(message);
    this.name = 'YamlLimitError';
    this.linePos = [{ line, col }];
  }
}

/**
 * Throws a {@link YamlLimitError} when a document of `text` nests deeper than allowed. Run it
 * before handing the text to `parse` or `parseDocument`, which recurse once per level.
 */
export function assertYamlDepth(text: string, maxDepth: number = MAX_INPUT_DEPTH): void {
  const lines = new LineCounter();
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if (token.type !== 'document') continue;
    const deep = findTooDeep(token, maxDepth);
    if (deep) {
      const { line, col } = lines.linePos(deep.offset);
      throw new YamlLimitError(`lists and mappings nest deeper than ${maxDepth} levels`, line, col);
    }
  }
}

/**
 * Throws a {@link YamlLimitError} when a value built from YAML refers to itself (an alias inside
 * its own anchor) or expands into too many values: code that walks it would never finish.
 */
export function assertYamlValueShape(value: unknown, limits: YamlLimits = DEFAULT_YAML_LIMITS): void {
  const problem = findShapeProblem(value, limits);
  if (!problem) return;
  const { field, message } = describeShapeProblem(problem, limits);
  throw new YamlLimitError(`${field}: ${message}`, 1, 1);
}

/**
 * `parse` from the yaml library with limits: depth checked before composing, aliases counted,
 * and the result refused when it is cyclic or too large once aliases are expanded.
 * @example const data = parseYamlBounded(text) ?? {};
 */
export function parseYamlBounded(
  text: string,
  limits: Partial<YamlLimits> = {},
  options: { logLevel?: 'silent' | 'error' | 'warn' } = {},
): unknown {
  const max = { ...DEFAULT_YAML_LIMITS, ...limits };
  assertYamlDepth(text, max.maxDepth);
  const value = parse(text, { maxAliasCount: max.maxAliasCount, prettyErrors: false, ...options });
  assertYamlValueShape(value, max);
  return value;
}
