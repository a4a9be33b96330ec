import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeShapeProblem, findShapeProblem } from './input-shape.js';
import { loneSurrogateAt } from './well-formed.js';

/** Depth as the guard counts it: a scalar is 0, an object or list one more than its deepest child. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

const nest = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Any sequence of UTF-16 code units: lone surrogates included, which fc.string rarely makes. */
const codeUnits = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })), {
    maxLength: 12,
  })
  .map((units) => String.fromCharCode(...units));

describe('findShapeProblem', () => {
  test('property: a value is refused exactly when it nests deeper than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 10 }), (value, maxDepth) => {
        const problem = findShapeProblem(value, { maxDepth, maxNodes: Number.POSITIVE_INFINITY });
        expect(problem?.reason).toBe(depthOf(value) > maxDepth ? 'too-deep' : undefined);
      }),
      { numRuns: 500 },
    );
  });

  test('walks 10,000 levels without recursion and names the path from the top', () => {
    const problem = findShapeProblem({ parameters: nest(10_000) }, { maxDepth: 64, maxNodes: 1e6 });
    expect(problem?.reason).toBe('too-deep');
    expect(problem?.path.slice(0, 3)).toEqual(['parameters', 0, 'a']);
    const text = describeShapeProblem(problem as NonNullable<typeof problem>, {
      maxDepth: 64,
      maxNodes: 1e6,
    });
    expect(text).toEqual({
      field: expect.stringMatching(/^parameters\.0\.a\.….+$/),
      message: 'nests lists and objects deeper than 64 levels',
    });
  });

  test('property: a value that contains itself is cyclic, wherever the loop closes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (above, below) => {
        const loop: Record<string, unknown> = { name: 'loop' };
        loop.inner = nest(below, loop);
        const problem = findShapeProblem(nest(above, loop));
        expect(problem?.reason).toBe('cyclic');
      }),
      { numRuns: 100 },
    );
  });

  test('a value shared but not cyclic (a YAML alias used twice) is fine; an expansion past the limit is not', () => {
    const shared = { x: [1, 2, 3] };
    expect(findShapeProblem({ a: shared, b: shared })).toBeUndefined();
    let laugh: unknown = ['lol'];
    for (let i = 0; i < 30; i++) laugh = [laugh, laugh];
    expect(findShapeProblem(laugh, { maxDepth: 64, maxNodes: 10_000 })?.reason).toBe('too-many-values');
  });

  test('bytes and dates are leaves: an upload of megabytes is not walked byte by byte', () => {
    const started = Date.now();
    expect(findShapeProblem(Buffer.alloc(20_000_000), { maxDepth: 64, maxNodes: 10 })).toBeUndefined();
    expect(findShapeProblem({ when: new Date() }, { maxDepth: 1, maxNodes: 10 })).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('property: text is refused exactly when UTF-8 cannot carry it back unchanged', () => {
    const limits = { maxDepth: 64, maxNodes: 1e6, wellFormedText: true };
    fc.assert(
      fc.property(codeUnits, codeUnits, (key, value) => {
        const roundTrips = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s;
        const problem = findShapeProblem({ outer: { [key]: value } }, limits);
        expect(problem?.reason === 'not-text').toBe(!(roundTrips(key) && roundTrips(value)));
        expect(loneSurrogateAt(value) < 0).toBe(roundTrips(value));
        if (problem) expect(problem.path).toEqual(['outer', key]);
      }),
      { numRuns: 1000 },
    );
  });
});
