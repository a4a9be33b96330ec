import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { CatalogProblemCode } from './problem-codes.js';

/** The limits a composed document is checked against before it becomes a JavaScript value. */
export interface WalkLimits {
  maxAliasCount: number;
  maxExpandedNodes: number;
  maxDepth: number;
}

/** The first thing wrong with a document's structure, at its offset in the file. */
export interface WalkIssue {
  offset: number;
  code: Extract<CatalogProblemCode, 'CATALOG_YAML_SYNTAX' | 'CATALOG_YAML_LIMIT'>;
  message: string;
}

/** The offset of every field by dotted path, or the issue that stopped the walk. */
export interface WalkResult {
  offsets: Map<string, number>;
  issue?: WalkIssue;
}

interface Size {
  nodes: number;
  depth: number;
}
interface AnchorEntry {
  size?: Size;
}

/**
 * Walks a composed document once: records where each field is, and refuses what would be
 * unsafe to turn into a value — duplicate or non-text keys, too many aliases, aliases that loop,
 * or that expand into more values or deeper nesting than allowed (alias bombs).
 */
export function walkDocument(root: Node, limits: WalkLimits): WalkResult {
  const walker = new DocumentWalker(limits);
  try {
    walker.visit(root, undefined, 0);
  } catch (error) {
    if (!(error instanceof StopWalk)) throw error;
    return { offsets: walker.offsets, issue: error.issue };
  }
  return { offsets: walker.offsets };
}

class StopWalk extends Error {
  constructor(readonly issue: WalkIssue) {
    super(issue.message);
  }
}

class DocumentWalker {
  readonly offsets = new Map<string, number>();
  private aliases = 0;
  private expanded = 0;
  // The latest node seen with each anchor name: what an alias further on refers to (YAML's rule).
  private readonly anchors = new Map<string, AnchorEntry>();

  constructor(private readonly limits: WalkLimits) {}

  visit(node: Node, path: string | undefined, depth: number): Size {
    const entry: AnchorEntry = {};
    if (!isAlias(node) && node.anchor) this.anchors.set(node.anchor, entry);
    const size = isAlias(node) ? this.alias(node.source, start(node), depth) : this.value(node, path, depth);
    entry.size = size;
    return size;
  }

  private value(node: Node, path: string | undefined, depth: number): Size {
    this.count(1, depth, start(node));
    let size: Size = { nodes: 1, depth: 0 };
    if (isMap(node)) size = this.mapping(node, path, depth);
    else if (isSeq(node)) size = this.sequence(node.items as (Node | null)[], path, depth);
    return size;
  }

  private mapping(map: YAMLMap, path: string | undefined, depth: number): Size {
    const keys = new Set<string>();
    const total: Size = { nodes: 1, depth: 1 };
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key !== null && !isScalar(key)) {
        this.stop(
          'CATALOG_YAML_SYNTAX',
          start(key),
          'a key must be a plain word, not a list, a mapping or an alias',
        );
      }
      const name = key === null ? '' : String(key.value ?? '');
      if (keys.has(name)) {
        this.stop(
          'CATALOG_YAML_SYNTAX',
          key === null ? start(map) : start(key),
          `the key '${name}' is written twice in this mapping; keep one`,
        );
      }
      keys.add(name);
      const childPath = path === undefined ? name : `${path}.${name}`;
      this.offsets.set(childPath, fieldOffset(key, value));
      if (value !== null) add(total, this.visit(value, childPath, depth + 1));
    }
    return total;
  }

  private sequence(items: (Node | null)[], path: string | undefined, depth: number): Size {
    const total: Size = { nodes: 1, depth: 1 };
    items.forEach((item, index) => {
      if (item === null) return;
      const childPath = path === undefined ? String(index) : `${path}.${index}`;
      this.offsets.set(childPath, start(item));
      add(total, this.visit(item, childPath, depth + 1));
    });
    return total;
  }

  private alias(source: string, offset: number, depth: number): Size {
    this.aliases += 1;
    if (this.aliases > this.limits.maxAliasCount) {
      this.stop(
        'CATALOG_YAML_LIMIT',
        offset,
        `this document uses more than ${this.limits.maxAliasCount} aliases (*name); use fewer`,
      );
    }
    const entry = this.anchors.get(source);
    if (entry === undefined) return { nodes: 1, depth: 0 };
    if (entry.size === undefined) {
      this.stop(
        'CATALOG_YAML_LIMIT',
        offset,
        `the alias *${source} is inside the value it repeats, which would never end`,
      );
    }
    this.count(entry.size.nodes, depth + entry.size.depth, offset);
    return entry.size;
  }

  private count(nodes: number, depth: number, offset: number): void {
    this.expanded += nodes;
    if (this.expanded > this.limits.maxExpandedNodes) {
      const max = this.limits.maxExpandedNodes.toLocaleString('en-US');
      this.stop(
        'CATALOG_YAML_LIMIT',
        offset,
        `this document holds more than ${max} values (counting what aliases repeat); split it`,
      );
    }
    if (depth > this.limits.maxDepth) {
      this.stop(
        'CATALOG_YAML_LIMIT',
        offset,
        `values are nested more than ${this.limits.maxDepth} levels deep (counting what aliases repeat)`,
      );
    }
  }

  private stop(code: WalkIssue['code'], offset: number, message: string): never {
    throw new StopWalk({ code, offset, message });
  }
}

function add(total: Size, child: Size): void {
  total.nodes += child.nodes;
  total.depth = Math.max(total.depth, child.depth + 1);
}

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}

/** A field is shown at its value when that is a single value, else at its key (the line it starts on). */
function fieldOffset(key: Node | null, value: Node | null): number {
  const valueIsShort = value !== null && (isAlias(value) || (isScalar(value) && value.value !== null));
  if (valueIsShort || key === null) return value === null ? 0 : start(value);
  return start(key);
}
