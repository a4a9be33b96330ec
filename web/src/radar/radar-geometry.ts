import type { Blip, Quadrant, RadarView } from '../api/radar-types.js';

/** Colours per quadrant position, from Mantine's palette so both themes read well. */
export const QUADRANT_COLORS = ['petrol', 'grape', 'orange', 'teal', 'indigo', 'pink', 'lime', 'cyan'];

export function quadrantColor(index: number, shade = 7): string {
  return `var(--mantine-color-${QUADRANT_COLORS[index % QUADRANT_COLORS.length]}-${shade})`;
}

/** Room around the rim for the quadrant titles, in drawing units. */
export const LABEL_MARGIN = 40;

/** Text in a quadrant's colour that keeps its contrast in both themes (Mantine's per-scheme text shade). */
export function quadrantTextColor(index: number): string {
  return `var(--mantine-color-${QUADRANT_COLORS[index % QUADRANT_COLORS.length]}-text)`;
}

const point = (r: number, a: number) => ({ x: r * Math.cos(a), y: r * Math.sin(a) });

/** SVG path of an annular sector (a quadrant × ring band). */
export function sectorPath(start: number, end: number, inner: number, outer: number): string {
  const large = end - start > Math.PI ? 1 : 0;
  const o1 = point(outer, start);
  const o2 = point(outer, end);
  if (inner <= 0) {
    return `M 0 0 L ${o1.x} ${o1.y} A ${outer} ${outer} 0 ${large} 1 ${o2.x} ${o2.y} Z`;
  }
  const i1 = point(inner, end);
  const i2 = point(inner, start);
  return `M ${o1.x} ${o1.y} A ${outer} ${outer} 0 ${large} 1 ${o2.x} ${o2.y} L ${i1.x} ${i1.y} A ${inner} ${inner} 0 ${large} 0 ${i2.x} ${i2.y} Z`;
}

/** The viewBox showing the whole radar, or only one quadrant (zoomed in), with room for labels. */
export function viewBoxOf(radar: RadarView, quadrant: Quadrant | null): string {
  const margin = LABEL_MARGIN;
  if (!quadrant) {
    const r = radar.radius + margin;
    return `${-r} ${-r} ${2 * r} ${2 * r}`;
  }
  const xs = [0];
  const ys = [0];
  for (let i = 0; i <= 32; i++) {
    const p = point(radar.radius, quadrant.startAngle + ((quadrant.endAngle - quadrant.startAngle) * i) / 32);
    xs.push(p.x);
    ys.push(p.y);
  }
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  return `${minX} ${minY} ${Math.max(...xs) + margin - minX} ${Math.max(...ys) + margin - minY}`;
}

/**
 * Where a quadrant's title goes: in the corner of the drawing its slice points to, growing inwards,
 * so a long title never leaves the picture; slices that point straight up or down centre it.
 */
export function quadrantLabel(radius: number, q: Quadrant, margin = LABEL_MARGIN) {
  const a = (q.startAngle + q.endAngle) / 2;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const edge = radius + margin;
  const x = Math.abs(cos) > 0.3 ? Math.sign(cos) * (edge - 4) : 0;
  const y = Math.abs(sin) > 0.3 ? Math.sign(sin) * (edge - 14) : 0;
  const anchor = cos < -0.3 ? 'start' : cos > 0.3 ? 'end' : 'middle';
  return { x, y, anchor: anchor as 'start' | 'middle' | 'end' };
}

/** Words for screen readers and tooltips: "12. Python 3.13 — Trial, moved recently". */
export function blipLabel(blip: Blip, ringTitle: string): string {
  const change = blip.change === 'new' ? ', new' : blip.change === 'moved' ? ', moved recently' : '';
  return `${blip.number}. ${blip.title} — ${ringTitle}${change}`;
}
