import { codeUnitEscape, loneSurrogateAt } from './well-formed.js';

/** How deeply lists and objects may nest in any input Plinth accepts (request bodies, YAML, config). */
export const MAX_INPUT_DEPTH = 64;

/** Most values one input may hold once YAML aliases are expanded; bounds the walk itself. */
export const MAX_INPUT_NODES = 1_000_000;

export interface ShapeLimits {
  maxDepth: number;
  maxNodes: number;
  /** Also refuse strings (and keys) that UTF-8 cannot carry: a lone surrogate such as `"\ud800"`. */
  wellFormedText?: boolean;
}

/** What is wrong with the shape of a value, and where (the keys from the top, e.g. `['parameters', 'a']`). */
export interface ShapeProblem {
  reason: 'too-deep' | 'cyclic' | 'too-many-values' | 'not-text';
  path: (string | number)[];
  /** For `not-text`: the 1-based character and its code unit, e.g. `character 3 (\ud800)`. */
  at?: string;
}

interface Visit {
  value: object;
  depth: number;
  key: string | number | undefined;
  parent: Visit | undefined;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.unshift(v.key);
  return path;
}

/** True when `value` is one of the containers above it: a YAML alias inside its own anchor. */
function isOwnAncestor(visit: Visit): boolean {
  for (let v = visit.parent; v !== undefined; v = v.parent) if (v.value === visit.value) return true;
  return false;
}

function childrenOf(value: object): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  return Object.entries(value);
}

/** Where a key or a string value holds a lone surrogate, in words; undefined when both are fine. */
function illFormedIn(key: string | number, value: unknown): string | undefined {
  for (const text of [key, value]) {
    if (typeof text !== 'string') continue;
    const index = loneSurrogateAt(text);
    if (index >= 0) return `character ${index + 1} (${codeUnitEscape(text, index)})`;
  }
  return undefined;
}

/** Leaves that happen to be objects: bytes of an upload, a date from YAML. */
const isLeaf = (value: object) => ArrayBuffer.isView(value) || value instanceof Date;

/**
 * Finds the first place where a value nests deeper than allowed, refers to itself, or holds more
 * values than allowed. Walks with an explicit stack, so a hostile input cannot overflow the call
 * stack here the way it does in recursive code further on (schema validators, JSON Schema forms,
 * `structuredClone`, template rendering).
 * @example findShapeProblem(JSON.parse(body), { maxDepth: 64, maxNodes: 1e6 })
 */
export function findShapeProblem(
  value: unknown,
  limits: ShapeLimits = { maxDepth: MAX_INPUT_DEPTH, maxNodes: MAX_INPUT_NODES },
): ShapeProblem | undefined {
  if (typeof value === 'string' && limits.wellFormedText) {
    const at = illFormedIn('', value);
    return at ? { reason: 'not-text', path: [], at } : undefined;
  }
  if (typeof value !== 'object' || value === null || isLeaf(value)) return undefined;
  const stack: Visit[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  let nodes = 0;
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    if (isOwnAncestor(visit)) return { reason: 'cyclic', path: pathOf(visit) };
    if (visit.depth > limits.maxDepth) return { reason: 'too-deep', path: pathOf(visit) };
    for (const [key, child] of childrenOf(visit.value)) {
      if (++nodes > limits.maxNodes) return { reason: 'too-many-values', path: pathOf(visit) };
      const badText = limits.wellFormedText ? illFormedIn(key, child) : undefined;
      if (badText) return { reason: 'not-text', path: [...pathOf(visit), key], at: badText };
      if (typeof child !== 'object' || child === null || isLeaf(child)) continue;
      stack.push({ value: child, depth: visit.depth + 1, key, parent: visit });
    }
  }
  return undefined;
}

/** A path for people: `parameters.a.a.a…` with the middle of a long path left out. */
export function describePath(path: readonly (string | number)[], root = ''): string {
  const parts = path.map(String);
  const shown = parts.length > 6 ? [...parts.slice(0, 3), '…', ...parts.slice(-2)] : parts;
  const text = shown.join('.');
  if (!root) return text || '(the whole value)';
  return text ? `${root}.${text}` : root;
}

/** A shape problem for people: the field (`parameters.a.a…`) and what is wrong with it. */
export function describeShapeProblem(
  problem: ShapeProblem,
  limits: ShapeLimits,
  root = '',
): { field: string; message: string } {
  const field = describePath(problem.path, root);
  switch (problem.reason) {
    case 'too-deep':
      return { field, message: `nests lists and objects deeper than ${limits.maxDepth} levels` };
    case 'cyclic':
      return { field, message: 'refers to itself (a YAML alias inside its own anchor)' };
    case 'too-many-values':
      return { field, message: `holds more than ${limits.maxNodes} values in all` };
    case 'not-text':
      return {
        field,
        message: `${problem.at ?? 'a character'} is half of a UTF-16 surrogate pair on its own, which cannot be stored as UTF-8`,
      };
  }
}
