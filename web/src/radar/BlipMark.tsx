import type { Blip } from '../api/radar-types.js';

/**
 * The mark of one blip: a circle, a triangle when it moved recently, a square when it is new.
 * The shape carries the meaning, so it does not rest on colour alone.
 */
export function BlipShape({
  change,
  size,
  fill,
  stroke,
}: {
  change: Blip['change'];
  size: number;
  fill: string;
  stroke?: string;
}) {
  if (change === 'moved') {
    const h = size * 1.25;
    return (
      <polygon
        points={`0,${-h} ${h * 0.95},${h * 0.7} ${-h * 0.95},${h * 0.7}`}
        fill={fill}
        stroke={stroke}
        strokeWidth={2}
      />
    );
  }
  if (change === 'new') {
    const s = size * 0.95;
    return (
      <rect x={-s} y={-s} width={2 * s} height={2 * s} rx={2} fill={fill} stroke={stroke} strokeWidth={2} />
    );
  }
  return <circle r={size} fill={fill} stroke={stroke} strokeWidth={2} />;
}

/** A small inline marker for the legend and the key: the same shape as on the drawing. */
export function BlipMarker({
  change,
  color,
  label,
}: {
  change: Blip['change'];
  color: string;
  label?: string;
}) {
  return (
    <svg
      width={14}
      height={14}
      viewBox="-8 -8 16 16"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      <BlipShape change={change} size={5.5} fill={color} />
    </svg>
  );
}
