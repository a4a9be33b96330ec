import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { relationLabel } from '../refs.js';
import type { PlacedEdge } from './graph-layout.js';

/** What a drawn edge carries. */
export type RelationEdgeData = Pick<PlacedEdge, 'labelNear' | 'showLabel' | 'labelOffset' | 'missing'> & {
  type: string;
};
export type RelationEdgeType = Edge<RelationEdgeData, 'relation'>;

// How far from the node its label sits: inside the gap between columns, clear of the next node.
const LABEL_DISTANCE = 62;

/** "dependsOn" → "depends on": edge labels read as the middle of a sentence. */
function edgeWords(type: string): string {
  const label = relationLabel(type);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A relation drawn as a curve with an arrow, labelled by its type. The label sits just before the
 * node farther from the centre, where the curves of a fan are apart, rather than mid-way where they
 * all cross.
 */
export function GraphEdge(props: EdgeProps<RelationEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const [path, midX, midY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  let x = midX;
  let y = midY;
  if (data?.labelNear === 'source' || data?.labelNear === 'target') {
    const [nearX, nearY, farX] =
      data.labelNear === 'source' ? [sourceX, sourceY, targetX] : [targetX, targetY, sourceX];
    const towards = Math.sign(farX - nearX) || 1;
    x = nearX + towards * Math.min(LABEL_DISTANCE, Math.abs(farX - nearX) / 2);
    y = nearY + data.labelOffset;
  }
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className="plinth-graph-edge"
        style={data?.missing ? { strokeDasharray: '5 4' } : undefined}
      />
      {data?.showLabel && (
        <EdgeLabelRenderer>
          <div
            className="plinth-graph-edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
            data-relation={data.type}
          >
            {edgeWords(data.type)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
