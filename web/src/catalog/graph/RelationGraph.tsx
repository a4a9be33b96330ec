import '@xyflow/react/dist/style.css';
import './graph.css';
import { useComputedColorScheme } from '@mantine/core';
import { Background, BackgroundVariant, Controls, MarkerType, ReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { EntityGraph } from '../../api/catalog-types.js';
import { GraphEdge, type RelationEdgeType } from './GraphEdge.js';
import { type EntityNode, GraphNode } from './GraphNode.js';
import { type GraphLayout, layoutGraph, NODE_HEIGHT } from './graph-layout.js';

// Defined once: React Flow warns (and re-mounts every node) when these objects change between renders.
const nodeTypes = { entity: GraphNode };
const edgeTypes = { relation: GraphEdge };
const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--plinth-graph-edge)' };

// Below this zoom the titles are too small to read; the first view then shows the nearest hop only.
const READABLE_ZOOM = 0.7;

function toFlow(layout: GraphLayout): { nodes: EntityNode[]; edges: RelationEdgeType[] } {
  const nodes: EntityNode[] = layout.nodes.map((n) => ({
    id: n.info.ref,
    type: 'entity',
    position: { x: n.x - n.width / 2, y: n.y - NODE_HEIGHT / 2 },
    data: { info: n.info, isRoot: n.isRoot, width: n.width },
    width: n.width,
    height: NODE_HEIGHT,
    // React Flow lets clicks through nodes that cannot be selected or dragged; ours are links.
    style: { pointerEvents: 'all' as const },
  }));
  const edges: RelationEdgeType[] = layout.edges.map((e) => ({
    id: e.id,
    type: 'relation',
    source: e.info.source,
    target: e.info.target,
    sourceHandle: e.sourceHandle,
    targetHandle: e.targetHandle,
    markerEnd: marker,
    data: {
      type: e.info.type,
      labelNear: e.labelNear,
      showLabel: e.showLabel,
      labelOffset: e.labelOffset,
      missing: e.missing,
    },
  }));
  return { nodes, edges };
}

/** Props of {@link RelationGraph}. */
export interface RelationGraphProps {
  graph: EntityGraph;
  root: string;
  /** Size of the drawing area, to decide what the first view shows. */
  width: number;
  height: number;
  /** Told whether the first view shows only the nearest hop, so the page can say so. */
  onPartialView?: (partial: boolean) => void;
}

/**
 * The relation graph around an entity, drawn with React Flow: pan, zoom, fit, click to open.
 * A large graph first shows the entity and its direct neighbours at a readable size; "Fit view"
 * shows it all.
 */
export function RelationGraph({ graph, root, width, height, onPartialView }: RelationGraphProps) {
  const scheme = useComputedColorScheme('light');
  const layout = useMemo(() => layoutGraph(graph, root), [graph, root]);
  const { nodes, edges } = useMemo(() => toFlow(layout), [layout]);
  const fitsReadably = Math.min(width / layout.width, height / layout.height) >= READABLE_ZOOM;
  const near = useMemo(
    () =>
      fitsReadably
        ? undefined
        : layout.nodes.filter((n) => n.info.depth <= 1).map((n) => ({ id: n.info.ref })),
    [fitsReadably, layout],
  );
  useEffect(() => onPartialView?.(!fitsReadably), [fitsReadably, onPartialView]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode={scheme}
      fitView
      fitViewOptions={{ padding: 0.1, maxZoom: near ? 0.9 : 1.1, nodes: near }}
      minZoom={0.1}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      nodesFocusable={false}
      zoomOnDoubleClick={false}
      aria-label="Relation graph"
    >
      <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="var(--plinth-graph-dots)" />
      <Controls showInteractive={false} position="bottom-left" fitViewOptions={{ padding: 0.04 }} />
    </ReactFlow>
  );
}

export default RelationGraph;
