import { RINGS } from '../catalog/index.js';

export type Ring = (typeof RINGS)[number];

/** The drawing's measures, in SVG user units around the centre (0, 0); y grows downwards. */
export interface RadarGeometry {
  radius: number;
  /** Outer radius of each ring, inner to outer (adopt, trial, assess, hold). */
  ringRadii: readonly number[];
  /** Least distance between two blip centres when their sector has room. */
  spacing: number;
}

export const DEFAULT_GEOMETRY: RadarGeometry = {
  radius: 400,
  ringRadii: [150, 245, 325, 400],
  spacing: 30,
};

/** What the layout needs of a technology. */
export interface LayoutItem {
  /** Unique (the entity ref); ties in the numbering are broken by it. */
  id: string;
  name: string;
  quadrant: string;
  ring: Ring;
}

export interface Blip {
  id: string;
  /** 1-based, by quadrant (configured order), then ring, then name. */
  number: number;
  x: number;
  y: number;
  quadrant: string;
  ring: Ring;
}

export interface Sector {
  /** Angles in radians, measured as SVG draws them (clockwise from the positive x axis). */
  startAngle: number;
  endAngle: number;
  innerRadius: number;
  outerRadius: number;
}

interface Point {
  x: number;
  y: number;
}

/** Quadrant i of n spans an equal slice, the first starting at the left (west) and going clockwise. */
export function quadrantAngles(index: number, count: number): { startAngle: number; endAngle: number } {
  const step = (2 * Math.PI) / count;
  return { startAngle: Math.PI + index * step, endAngle: Math.PI + (index + 1) * step };
}

export function sectorOf(
  quadrantIndex: number,
  quadrantCount: number,
  ring: Ring,
  geometry = DEFAULT_GEOMETRY,
): Sector {
  const r = RINGS.indexOf(ring);
  return {
    ...quadrantAngles(quadrantIndex, quadrantCount),
    innerRadius: r === 0 ? 0 : (geometry.ringRadii[r - 1] ?? 0),
    outerRadius: geometry.ringRadii[r] ?? geometry.radius,
  };
}

/**
 * Points of a sector that are all at least `spacing` apart and at least `spacing / 2` from its
 * edges (so blips of neighbouring sectors keep the spacing too): arcs `spacing` apart radially,
 * and on each arc points whose chord is `spacing`. Ordered by arc, then by angle.
 */
export function sectorCandidates(sector: Sector, spacing: number): Point[] {
  const half = spacing / 2;
  const points: Point[] = [];
  const span = sector.endAngle - sector.startAngle;
  for (let r = sector.innerRadius + half; r <= sector.outerRadius - half + 1e-9; r += spacing) {
    if (r <= half) continue;
    // Distance from a point at angle a to the sector's edge ray is r·sin(a); keep it ≥ half.
    const margin = Math.asin(Math.min(1, half / r));
    const usable = span - 2 * margin;
    if (usable < 0 || half / r >= 1) continue;
    const step = 2 * Math.asin(Math.min(1, half / r));
    const count = Math.floor(usable / step + 1e-9) + 1;
    // Centre the row inside the usable angle so the sector looks balanced.
    const start = sector.startAngle + margin + (usable - (count - 1) * step) / 2;
    for (let i = 0; i < count; i++) {
      const a = start + i * step;
      points.push({ x: r * Math.cos(a), y: r * Math.sin(a) });
    }
  }
  return points;
}

/** The centre of a sector, a point strictly inside it: the last resort for a crowded sector. */
function sectorMiddle(sector: Sector): Point {
  const a = (sector.startAngle + sector.endAngle) / 2;
  const r = (sector.innerRadius + sector.outerRadius) / 2;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/** `count` points of the sector, spread out; the spacing shrinks only when the sector has no room. */
function placeInSector(sector: Sector, count: number, spacing: number): Point[] {
  let s = spacing;
  for (let attempt = 0; attempt < 80; attempt++) {
    const candidates = sectorCandidates(sector, s);
    if (candidates.length >= count) {
      // Even picks over the ordered candidates spread blips over every arc instead of packing the inner one.
      return Array.from(
        { length: count },
        (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)] as Point,
      );
    }
    s *= 0.85;
  }
  return Array.from({ length: count }, () => sectorMiddle(sector));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Places technologies on the radar: one blip each, inside its quadrant × ring sector, numbered
 * by quadrant, ring and name. Pure and deterministic: the same input gives the same drawing.
 * Items whose quadrant is not in `quadrants` get no blip (the caller reports them).
 * @example layoutRadar([{ id: 'technology:default/slurm', name: 'slurm', quadrant: 'platforms', ring: 'adopt' }], ['languages-frameworks', 'tools', 'platforms', 'techniques'])
 */
export function layoutRadar(
  items: readonly LayoutItem[],
  quadrants: readonly string[],
  geometry: RadarGeometry = DEFAULT_GEOMETRY,
): Blip[] {
  const sorted = items
    .filter((item) => quadrants.includes(item.quadrant))
    .sort(
      (a, b) =>
        quadrants.indexOf(a.quadrant) - quadrants.indexOf(b.quadrant) ||
        RINGS.indexOf(a.ring) - RINGS.indexOf(b.ring) ||
        compare(a.name, b.name) ||
        compare(a.id, b.id),
    );
  const blips: Blip[] = [];
  let start = 0;
  while (start < sorted.length) {
    const first = sorted[start] as LayoutItem;
    let end = start;
    while (
      end < sorted.length &&
      sorted[end]?.quadrant === first.quadrant &&
      sorted[end]?.ring === first.ring
    ) {
      end++;
    }
    const sector = sectorOf(quadrants.indexOf(first.quadrant), quadrants.length, first.ring, geometry);
    const points = placeInSector(sector, end - start, geometry.spacing);
    for (let i = start; i < end; i++) {
      const item = sorted[i] as LayoutItem;
      const point = points[i - start] as Point;
      blips.push({
        id: item.id,
        number: i + 1,
        x: Math.round(point.x * 100) / 100,
        y: Math.round(point.y * 100) / 100,
        quadrant: item.quadrant,
        ring: item.ring,
      });
    }
    start = end;
  }
  return blips;
}
