import { type KeyboardEvent, useState } from 'react';
import type { Blip, RadarView } from '../api/radar-types.js';
import { BlipShape } from './BlipMark.js';
import {
  blipLabel,
  quadrantColor,
  quadrantLabel,
  quadrantTextColor,
  sectorPath,
  viewBoxOf,
} from './radar-geometry.js';

export interface RadarChartProps {
  radar: RadarView;
  blips: Blip[];
  /** The quadrant shown alone (zoomed in), or null for the whole radar. */
  quadrant: string | null;
  /** The blip the legend points at: drawn larger, the others dimmed. */
  highlighted: number | null;
  onSelect: (blip: Blip) => void;
}

const BAND_OPACITY = [0.2, 0.13, 0.08, 0.04];
const BLIP_SIZE = 12;

function Tooltip({ blip, text, viewRight }: { blip: Blip; text: string; viewRight: number }) {
  const width = Math.min(360, text.length * 7 + 20);
  const flip = blip.x + 14 + width > viewRight;
  const x = flip ? blip.x - 14 - width : blip.x + 14;
  return (
    <g pointerEvents="none" data-testid="radar-tooltip">
      <rect
        x={x}
        y={blip.y - 15}
        width={width}
        height={30}
        rx={6}
        fill="var(--mantine-color-body)"
        stroke="var(--mantine-color-default-border)"
      />
      <text x={x + 10} y={blip.y + 5} fontSize={13} fill="var(--mantine-color-text)">
        {text}
      </text>
    </g>
  );
}

/** The classic radar as SVG: quadrants × rings, ring labels, numbered blips with hover and keyboard focus. */
export function RadarChart({ radar, blips, quadrant, highlighted, onSelect }: RadarChartProps) {
  const [pointed, setPointed] = useState<number | null>(null);
  const focusQuadrant = radar.quadrants.find((q) => q.id === quadrant) ?? null;
  const shownQuadrants = focusQuadrant ? [focusQuadrant] : radar.quadrants;
  const viewBox = viewBoxOf(radar, focusQuadrant);
  const [minX = 0, , width = 0] = viewBox.split(' ').map(Number);
  const ringTitle = (id: string) => radar.rings.find((r) => r.id === id)?.title ?? id;
  const active = highlighted ?? pointed;
  const tipped = blips.find((b) => b.number === active) ?? null;
  const onKey = (blip: Blip) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(blip);
    }
  };

  return (
    <svg
      viewBox={viewBox}
      aria-label={`Technology radar${focusQuadrant ? `, ${focusQuadrant.title} only` : ''}: ${blips.length} technologies`}
      data-testid="radar-svg"
      style={{ width: '100%', height: 'auto', display: 'block', fontFamily: 'var(--mantine-font-family)' }}
    >
      <title>{`Technology radar${focusQuadrant ? `, ${focusQuadrant.title} only` : ''}`}</title>
      {shownQuadrants.map((q) => {
        const index = radar.quadrants.indexOf(q);
        return (
          <g key={q.id} data-quadrant={q.id}>
            {radar.rings.map((ring, r) => (
              <path
                key={ring.id}
                d={sectorPath(q.startAngle, q.endAngle, ring.innerRadius, ring.outerRadius)}
                fill={quadrantColor(index, 6)}
                fillOpacity={BAND_OPACITY[r] ?? 0.04}
                stroke="var(--mantine-color-default-border)"
                strokeWidth={1}
              />
            ))}
          </g>
        );
      })}
      {shownQuadrants.map((q) => {
        const label = quadrantLabel(radar.radius, q);
        return (
          <text
            key={q.id}
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            dominantBaseline="middle"
            fontSize={19}
            fontWeight={650}
            fill={quadrantTextColor(radar.quadrants.indexOf(q))}
            className="radar-quadrant-title"
          >
            {q.title}
          </text>
        );
      })}
      {radar.rings.map((ring) => (
        <text
          key={ring.id}
          x={
            focusQuadrant
              ? ((ring.innerRadius + ring.outerRadius) / 2) * Math.cos(focusQuadrant.startAngle)
              : 0
          }
          y={
            focusQuadrant
              ? ((ring.innerRadius + ring.outerRadius) / 2) * Math.sin(focusQuadrant.startAngle) - 8
              : -(ring.innerRadius + ring.outerRadius) / 2
          }
          textAnchor="middle"
          dominantBaseline="middle"
          fontSize={14}
          fontWeight={700}
          letterSpacing={1.5}
          fill="var(--mantine-color-dimmed)"
          stroke="var(--mantine-color-body)"
          strokeWidth={4}
          paintOrder="stroke"
          pointerEvents="none"
        >
          {ring.title.toUpperCase()}
        </text>
      ))}
      <g>
        {blips.map((blip) => {
          const index = radar.quadrants.findIndex((q) => q.id === blip.quadrant);
          const dimmed = active !== null && active !== blip.number;
          const big = active === blip.number;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, tabIndex and keys make it one
            <g
              key={blip.ref}
              role="button"
              tabIndex={0}
              aria-label={blipLabel(blip, ringTitle(blip.ring))}
              data-testid="radar-blip"
              data-number={blip.number}
              data-change={blip.change ?? 'none'}
              transform={`translate(${blip.x} ${blip.y}) scale(${big ? 1.35 : 1})`}
              opacity={dimmed ? 0.35 : 1}
              className="radar-blip"
              onMouseEnter={() => setPointed(blip.number)}
              onMouseLeave={() => setPointed(null)}
              onFocus={() => setPointed(blip.number)}
              onBlur={() => setPointed(null)}
              onClick={() => onSelect(blip)}
              onKeyDown={onKey(blip)}
              style={{ cursor: 'pointer', outline: 'none' }}
            >
              <BlipShape
                change={blip.change}
                size={BLIP_SIZE}
                fill={quadrantColor(index, 7)}
                stroke={big ? 'var(--mantine-color-text)' : 'var(--mantine-color-body)'}
              />
              <text
                y={blip.change === 'moved' ? 4 : 0.5}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={blip.number > 99 ? 10 : 12.5}
                fontWeight={700}
                fill="white"
                pointerEvents="none"
              >
                {blip.number}
              </text>
            </g>
          );
        })}
      </g>
      {tipped && (
        <Tooltip blip={tipped} text={blipLabel(tipped, ringTitle(tipped.ring))} viewRight={minX + width} />
      )}
    </svg>
  );
}
