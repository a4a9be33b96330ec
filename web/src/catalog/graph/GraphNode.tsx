import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { GraphNodeInfo } from '../../api/catalog-types.js';
import { entityHref } from '../../app/routes.js';
import { kindStyle } from '../kinds.js';

/** What a drawn node carries. */
export type GraphNodeData = { info: GraphNodeInfo; isRoot: boolean; width: number };
export type EntityNode = Node<GraphNodeData, 'entity'>;

function NodeBody({ info, isRoot }: { info: GraphNodeInfo; isRoot: boolean }) {
  const style = kindStyle(info.kind);
  const Icon = style.icon;
  return (
    <>
      <span className="plinth-graph-kind">
        <Icon size={13} stroke={2} aria-hidden="true" />
        {style.label}
        {isRoot && ' · this entity'}
        {!info.exists && ' · not in catalog'}
      </span>
      <span className="plinth-graph-title" title={`${info.title} (${info.ref})`}>
        {info.title}
      </span>
    </>
  );
}

/**
 * One entity in the graph: its kind in words and colour, and its title. Entities in the catalog are
 * links (click, Enter, or open in a new tab); missing ones are drawn dashed and say so.
 */
export function GraphNode({ data }: NodeProps<EntityNode>) {
  const { info, isRoot, width } = data;
  const color = kindStyle(info.kind).color;
  const style = {
    width,
    '--node-color': `var(--mantine-color-${color}-filled)`,
    '--node-tint': `var(--mantine-color-${color}-light)`,
    '--node-text': `var(--mantine-color-${color}-light-color)`,
  } as CSSProperties;
  return (
    <div
      className="plinth-graph-node"
      style={style}
      data-root={isRoot || undefined}
      data-missing={!info.exists || undefined}
      data-ref={info.ref}
    >
      <Handle type="target" position={Position.Left} id="l-t" isConnectable={false} />
      <Handle type="source" position={Position.Left} id="l-s" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="r-t" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="r-s" isConnectable={false} />
      {info.exists && !isRoot ? (
        <Link
          to={entityHref(info.ref, 'relations')}
          className="plinth-graph-body"
          aria-label={`${info.title}, ${kindStyle(info.kind).label}`}
        >
          <NodeBody info={info} isRoot={isRoot} />
        </Link>
      ) : (
        <div className="plinth-graph-body">
          <NodeBody info={info} isRoot={isRoot} />
        </div>
      )}
    </div>
  );
}
