import { RINGS } from '../catalog/index.js';
import type { RadarConfig } from './config-schema.js';
import { DEFAULT_GEOMETRY, layoutRadar, quadrantAngles, type Ring } from './layout.js';
import type { RadarBlip, RadarView } from './schemas.js';

/** A Technology entity as the radar reads it from the catalog. */
export interface TechnologyRecord {
  ref: string;
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  tags: string[];
  links: { url: string; title?: string }[];
  quadrant: string;
  ring: string;
  homepage: string | null;
  history: { date: string; ring: string; reason?: string }[];
  location: string;
  file: string;
  line: number;
}

export const RING_TEXT: Record<Ring, { title: string; description: string }> = {
  adopt: { title: 'Adopt', description: 'Use it: supported by the Keepers, the default choice' },
  trial: { title: 'Trial', description: 'Use it on a real project and tell the Keepers how it goes' },
  assess: { title: 'Assess', description: 'Worth a look; not for production yet' },
  hold: { title: 'Hold', description: 'Do not start anything new with it' },
};

const DAY_MS = 86_400_000;

/** `new` when its first placement is recent, `moved` when its last ring change is; otherwise null. */
export function changeOf(
  history: TechnologyRecord['history'],
  nowMs: number,
  recentDays: number,
): { change: 'new' | 'moved' | null; movedAt: string | null } {
  const dated = history.filter((h) => !Number.isNaN(Date.parse(h.date)));
  const last = dated.reduce<(typeof dated)[number] | null>(
    (latest, h) => (!latest || h.date >= latest.date ? h : latest),
    null,
  );
  if (!last) return { change: null, movedAt: null };
  const recent = nowMs - Date.parse(last.date) <= recentDays * DAY_MS;
  if (!recent) return { change: null, movedAt: last.date };
  return { change: dated.length === 1 ? 'new' : 'moved', movedAt: last.date };
}

const isRing = (ring: string): ring is Ring => (RINGS as readonly string[]).includes(ring);

/** The whole radar from the catalog's technologies: placed blips, and those that cannot be placed, with why. */
export function buildRadar(
  technologies: readonly TechnologyRecord[],
  config: Pick<RadarConfig, 'quadrants' | 'recentDays'>,
  nowMs: number,
): RadarView {
  const ids = config.quadrants.map((q) => q.id);
  const notPlaced = technologies
    .filter((t) => !ids.includes(t.quadrant) || !isRing(t.ring))
    .map((t) => ({
      ref: t.ref,
      title: t.title ?? t.name,
      quadrant: t.quadrant,
      ring: t.ring,
      reason: ids.includes(t.quadrant)
        ? `ring '${t.ring}' is not one of ${RINGS.join(', ')}`
        : `quadrant '${t.quadrant}' is not configured (radar.quadrants has ${ids.join(', ')}); see ${t.file}:${t.line}`,
    }));
  const placeable = technologies.filter((t) => ids.includes(t.quadrant) && isRing(t.ring));
  const byRef = new Map(placeable.map((t) => [t.ref, t]));
  const blips = layoutRadar(
    placeable.map((t) => ({ id: t.ref, name: t.name, quadrant: t.quadrant, ring: t.ring as Ring })),
    ids,
  ).map((blip): RadarBlip => {
    const t = byRef.get(blip.id) as TechnologyRecord;
    const { change, movedAt } = changeOf(t.history, nowMs, config.recentDays);
    return {
      number: blip.number,
      x: blip.x,
      y: blip.y,
      ref: t.ref,
      name: t.name,
      title: t.title ?? t.name,
      description: t.description,
      quadrant: blip.quadrant,
      ring: blip.ring,
      owner: t.owner,
      homepage: t.homepage,
      links: t.links.map((l) => ({ url: l.url, title: l.title ?? null })),
      tags: t.tags,
      history: t.history
        .filter((h) => isRing(h.ring))
        .map((h) => ({ date: h.date, ring: h.ring as Ring, reason: h.reason ?? null })),
      change,
      moved: change !== null,
      movedAt,
      source: { location: t.location, file: t.file, line: t.line },
    };
  });
  return {
    quadrants: config.quadrants.map((q, i) => ({
      id: q.id,
      title: q.title,
      description: q.description,
      ...quadrantAngles(i, ids.length),
    })),
    rings: RINGS.map((ring, i) => ({
      id: ring,
      ...RING_TEXT[ring],
      innerRadius: i === 0 ? 0 : (DEFAULT_GEOMETRY.ringRadii[i - 1] ?? 0),
      outerRadius: DEFAULT_GEOMETRY.ringRadii[i] ?? DEFAULT_GEOMETRY.radius,
    })),
    radius: DEFAULT_GEOMETRY.radius,
    recentDays: config.recentDays,
    blips,
    notPlaced,
  };
}
