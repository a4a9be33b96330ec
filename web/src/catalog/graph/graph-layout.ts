import type { EntityGraph, GraphEdgeInfo, GraphNodeInfo } from '../../api/catalog-types.js';

/** Sizes of the drawing, in pixels at zoom 1. */
export const NODE_WIDTH = 216;
export const NODE_HEIGHT = 50;
const ROOT_WIDTH = 230;
const ROW = 64;
// Room between columns for the relation labels that sit just before each node.
const COLUMN_GAP = 120;
const BAND_GAP = 140;
const MAX_ROWS = 11;

type Side = 'left' | 'right';

/** A node with its place: the centre of its box. */
export interface PlacedNode {
  info: GraphNodeInfo;
  x: number;
  y: number;
  width: number;
  isRoot: boolean;
}

/** An edge with the sides it leaves and enters by, and where its label goes (if it shows one). */
export interface PlacedEdge {
  id: string;
  info: GraphEdgeInfo;
  sourceHandle: 'l-s' | 'r-s';
  targetHandle: 'l-t' | 'r-t';
  /** Which end the label sits near: the node farther from the centre, or the middle for equals. */
  labelNear: 'source' | 'target' | 'middle';
  /** False when another edge into the same node already says the same words. */
  showLabel: boolean;
  /** Vertical shift that keeps several labels at one node apart. */
  labelOffset: number;
  missing: boolean;
}

function sideOfFirstHop(graph: EntityGraph, root: string): Map<string, Side> {
  const first = graph.nodes.filter((n) => n.depth === 1);
  const typeOf = (ref: string) =>
    graph.edges.find(
      (e) => (e.source === root && e.target === ref) || (e.target === root && e.source === ref),
    );
  // What the entity names (owner, system, dependencies) goes right; what names it goes left.
  const sides = new Map<string, Side>(
    first.map((n) => [n.ref, typeOf(n.ref)?.source === root ? 'right' : 'left']),
  );
  const left = first.filter((n) => sides.get(n.ref) === 'left').length;
  const right = first.length - left;
  if (Math.max(left, right) <= 2 * Math.min(left, right) + 6) return sides;
  // Very lopsided (a team that owns forty things): split by relation type so the drawing stays wide, not tall.
  const ordered = [...first].sort((a, b) =>
    `${typeOf(a.ref)?.type}${a.kind}${a.title}`.localeCompare(`${typeOf(b.ref)?.type}${b.kind}${b.title}`),
  );
  ordered.forEach((n, i) => {
    sides.set(n.ref, i < ordered.length / 2 ? 'left' : 'right');
  });
  return sides;
}

function neighbours(graph: EntityGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
    out.set(e.target, [...(out.get(e.target) ?? []), e.source]);
  }
  return out;
}

/** Puts one band (a side at one depth) into columns of at most MAX_ROWS, nearest column first. */
function placeBand(
  nodes: GraphNodeInfo[],
  side: Side,
  start: number,
  placed: Map<string, PlacedNode>,
): number {
  if (nodes.length === 0) return start;
  const columns = Math.ceil(nodes.length / MAX_ROWS);
  const rows = Math.ceil(nodes.length / columns);
  const direction = side === 'right' ? 1 : -1;
  nodes.forEach((info, i) => {
    const column = Math.floor(i / rows);
    const inColumn = Math.min(rows, nodes.length - column * rows);
    const row = i - column * rows;
    placed.set(info.ref, {
      info,
      x: direction * (start + NODE_WIDTH / 2 + column * (NODE_WIDTH + COLUMN_GAP)),
      y: (row - (inColumn - 1) / 2) * ROW,
      width: NODE_WIDTH,
      isRoot: false,
    });
  });
  return start + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP + BAND_GAP;
}

function placeNodes(graph: EntityGraph, root: string): Map<string, PlacedNode> {
  const placed = new Map<string, PlacedNode>();
  const rootInfo = graph.nodes.find((n) => n.ref === root);
  if (rootInfo) placed.set(root, { info: rootInfo, x: 0, y: 0, width: ROOT_WIDTH, isRoot: true });
  const sides = sideOfFirstHop(graph, root);
  const links = neighbours(graph);
  const order = new Map<string, number>([[root, 0]]);
  const maxDepth = Math.max(0, ...graph.nodes.map((n) => n.depth));
  const start: Record<Side, number> = { left: ROOT_WIDTH / 2 + BAND_GAP, right: ROOT_WIDTH / 2 + BAND_GAP };
  for (let depth = 1; depth <= maxDepth; depth++) {
    const band = graph.nodes.filter((n) => n.depth === depth);
    // Each node follows the nearer neighbour it was reached through, so its edges stay short.
    const parentOf = (n: GraphNodeInfo) =>
      (links.get(n.ref) ?? [])
        .filter((r) => order.has(r))
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0];
    for (const n of band) {
      if (depth > 1) sides.set(n.ref, sides.get(parentOf(n) ?? '') ?? 'right');
    }
    for (const side of ['left', 'right'] as const) {
      const nodes = band
        .filter((n) => sides.get(n.ref) === side)
        .sort(
          (a, b) =>
            (order.get(parentOf(a) ?? '') ?? 0) - (order.get(parentOf(b) ?? '') ?? 0) ||
            a.kind.localeCompare(b.kind) ||
            a.title.localeCompare(b.title),
        );
      start[side] = placeBand(nodes, side, start[side], placed);
      for (const n of nodes) order.set(n.ref, order.size);
    }
  }
  return placed;
}

function placeEdges(graph: EntityGraph, placed: Map<string, PlacedNode>): PlacedEdge[] {
  const labelsAt = new Map<string, string[]>();
  return graph.edges.flatMap((info) => {
    const source = placed.get(info.source);
    const target = placed.get(info.target);
    if (!source || !target) return [];
    const sameColumn = Math.abs(source.x - target.x) < 1;
    const rightwards = sameColumn ? source.x >= 0 : target.x > source.x;
    const labelNear =
      source.info.depth === target.info.depth
        ? 'middle'
        : source.info.depth > target.info.depth
          ? 'source'
          : 'target';
    const near = labelNear === 'source' ? source : target;
    const key = `${near.info.ref}|${labelNear}`;
    const types = labelsAt.get(key) ?? [];
    const showLabel = labelNear === 'middle' || !types.includes(info.type);
    if (showLabel && labelNear !== 'middle') labelsAt.set(key, [...types, info.type]);
    return [
      {
        id: `${info.source}|${info.type}|${info.target}`,
        info,
        sourceHandle: sameColumn ? (rightwards ? 'r-s' : 'l-s') : rightwards ? 'r-s' : 'l-s',
        targetHandle: sameColumn ? (rightwards ? 'r-t' : 'l-t') : rightwards ? 'l-t' : 'r-t',
        labelNear,
        showLabel,
        labelOffset: showLabel ? types.length * 15 : 0,
        missing: !source.info.exists || !target.info.exists,
      } satisfies PlacedEdge,
    ];
  });
}

/**
 * Lays out the graph around one entity: the entity in the centre, what it names (owner, system,
 * dependencies) to the right, what names it to the left, each further hop one band farther out.
 * Bands wrap into columns so a team owning forty things stays readable.
 */
export function layoutGraph(graph: EntityGraph, root: string): GraphLayout {
  const placed = placeNodes(graph, root);
  const nodes = [...placed.values()];
  const xs = nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]);
  const ys = nodes.flatMap((n) => [n.y - NODE_HEIGHT / 2, n.y + NODE_HEIGHT / 2]);
  return {
    nodes,
    edges: placeEdges(graph, placed),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

/** A laid-out graph and the size of its drawing at zoom 1. */
export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}
