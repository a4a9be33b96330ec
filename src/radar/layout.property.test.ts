import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RINGS } from '../catalog/index.js';
import {
  DEFAULT_GEOMETRY,
  type LayoutItem,
  layoutRadar,
  type Ring,
  sectorCandidates,
  sectorOf,
} from './layout.js';

const QUADRANTS = ['languages-frameworks', 'tools', 'platforms', 'techniques'];
const ROUNDING = 0.05;

const item = (quadrants: string[]) =>
  fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    quadrant: fc.constantFrom(...quadrants),
    ring: fc.constantFrom(...RINGS),
  });

const itemsOf = (quadrants: string[], max = 60) =>
  fc
    .uniqueArray(item(quadrants), { maxLength: max, selector: (i) => i.name })
    .map((list) => list.map((i): LayoutItem => ({ ...i, id: `technology:default/${i.name}` })));

/** Angle of a point normalised into [start, start + 2π). */
function angleFrom(start: number, x: number, y: number): number {
  let a = Math.atan2(y, x);
  while (a < start) a += 2 * Math.PI;
  while (a >= start + 2 * Math.PI) a -= 2 * Math.PI;
  return a;
}

function checkLayout(items: LayoutItem[], quadrants: string[]) {
  const blips = layoutRadar(items, quadrants);
  // Exactly one blip per technology.
  expect(blips.map((b) => b.id).sort()).toEqual(items.map((i) => i.id).sort());
  // Numbers are 1..n, unique.
  expect(blips.map((b) => b.number).sort((a, b) => a - b)).toEqual(items.map((_, i) => i + 1));
  const bySector = new Map<string, typeof blips>();
  for (const blip of blips) {
    const sector = sectorOf(quadrants.indexOf(blip.quadrant), quadrants.length, blip.ring);
    const r = Math.hypot(blip.x, blip.y);
    expect(r).toBeGreaterThanOrEqual(sector.innerRadius - ROUNDING);
    expect(r).toBeLessThanOrEqual(sector.outerRadius + ROUNDING);
    const a = angleFrom(sector.startAngle - 1e-3, blip.x, blip.y);
    expect(a).toBeLessThanOrEqual(sector.endAngle + 1e-3);
    const key = `${blip.quadrant}/${blip.ring}`;
    bySector.set(key, [...(bySector.get(key) ?? []), blip]);
  }
  // Spacing holds between all blips whose sectors all had room.
  const roomy = (quadrant: string, ring: Ring) => {
    const sector = sectorOf(quadrants.indexOf(quadrant), quadrants.length, ring);
    const count = bySector.get(`${quadrant}/${ring}`)?.length ?? 0;
    return sectorCandidates(sector, DEFAULT_GEOMETRY.spacing).length >= count;
  };
  const spaced = blips.filter((b) => roomy(b.quadrant, b.ring));
  for (let i = 0; i < spaced.length; i++) {
    for (let j = i + 1; j < spaced.length; j++) {
      const a = spaced[i];
      const b = spaced[j];
      if (!a || !b) continue;
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(DEFAULT_GEOMETRY.spacing - ROUNDING);
    }
  }
  return blips;
}

describe('radar layout', () => {
  test('every technology gets exactly one blip inside its sector, spaced, uniquely numbered', () => {
    fc.assert(
      fc.property(itemsOf(QUADRANTS), (items) => {
        checkLayout(items, QUADRANTS);
      }),
      { numRuns: 200 },
    );
  });

  test('holds for any number of configured quadrants, and for crowded sectors', () => {
    const quadrantSets = fc
      .uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 8 })
      .chain((quadrants) => fc.tuple(fc.constant(quadrants), itemsOf(quadrants, 150)));
    fc.assert(
      fc.property(quadrantSets, ([quadrants, items]) => {
        checkLayout(items, quadrants);
      }),
      { numRuns: 100 },
    );
  });

  test('numbering and positions do not depend on the input order', () => {
    fc.assert(
      fc.property(
        itemsOf(QUADRANTS).chain((items) =>
          fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length })),
        ),
        ([items, shuffled]) => {
          expect(layoutRadar(shuffled, QUADRANTS)).toEqual(layoutRadar(items, QUADRANTS));
        },
      ),
    );
  });

  test('numbers follow quadrant order, then ring, then name', () => {
    const items: LayoutItem[] = [
      { id: 'b', name: 'b', quadrant: 'tools', ring: 'adopt' },
      { id: 'a', name: 'a', quadrant: 'tools', ring: 'hold' },
      { id: 'c', name: 'c', quadrant: 'languages-frameworks', ring: 'trial' },
      { id: 'd', name: 'd', quadrant: 'tools', ring: 'adopt' },
    ];
    const numbers = Object.fromEntries(layoutRadar(items, QUADRANTS).map((b) => [b.id, b.number]));
    expect(numbers).toEqual({ c: 1, b: 2, d: 3, a: 4 });
  });

  test('a technology whose quadrant is not configured gets no blip', () => {
    const blips = layoutRadar([{ id: 'x', name: 'x', quadrant: 'elsewhere', ring: 'adopt' }], QUADRANTS);
    expect(blips).toEqual([]);
  });
});
