import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { servicesErrors } from '../errors.js';
import { composeId, DEFAULT_LAYOUT, decomposeId, idsPerSecondLimit, type SnowflakeLayout } from './layout.js';
import { ClockBehindError, SnowflakeGenerator } from './snowflake.js';

const START = DEFAULT_LAYOUT.epochMs + 1_000_000;

/** A clock driven by the test: each reading applies the next step (forward, or back). */
function scriptedClock(steps: number[]) {
  // Each pass over the script ends with a step forward that outweighs its steps back, as real time does.
  const script = [...steps, Math.max(1, 1 - steps.reduce((a, b) => a + b, 0))];
  let now = START;
  let i = 0;
  return () => {
    now += script[i++ % script.length] ?? 0;
    return now;
  };
}

/** Issues `count` ids, answering a clock that is behind the way the service does: wait it out. */
function issue(generator: SnowflakeGenerator, count: number, advance: (ms: number) => void): bigint[] {
  const out: bigint[] = [];
  while (out.length < count) {
    try {
      out.push(generator.next());
    } catch (error) {
      if (!(error instanceof ClockBehindError)) throw error;
      advance(error.behindMs);
    }
  }
  return out;
}

describe('snowflake generator', () => {
  test('ids are strictly increasing and unique even when the clock jumps back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 3 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 2000 }),
        (steps, count) => {
          let skew = 0;
          const base = scriptedClock(steps);
          const generator = new SnowflakeGenerator(DEFAULT_LAYOUT, () => base() + skew);
          generator.setWindow({ worker: 7, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
          const ids = issue(generator, count, (ms) => {
            skew += ms;
          });
          for (let i = 1; i < ids.length; i++) expect(ids[i] as bigint).toBeGreaterThan(ids[i - 1] as bigint);
          for (const id of ids) expect(decomposeId(DEFAULT_LAYOUT, id).worker).toBe(7);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('many workers on the same clock never produce the same id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1023 }), { minLength: 2, maxLength: 16 }),
        fc.array(fc.integer({ min: -5, max: 2 }), { minLength: 1, maxLength: 10 }),
        (workers, steps) => {
          const seen = new Set<bigint>();
          let total = 0;
          for (const worker of workers) {
            let skew = 0;
            const base = scriptedClock(steps);
            const generator = new SnowflakeGenerator(DEFAULT_LAYOUT, () => base() + skew);
            generator.setWindow({ worker, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
            for (const id of issue(generator, 500, (ms) => (skew += ms))) seen.add(id);
            total += 500;
          }
          expect(seen.size).toBe(total);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a frozen clock fills the sequence, then waits for the next millisecond instead of wrapping', () => {
    let now = START;
    let reads = 0;
    const layout: SnowflakeLayout = { ...DEFAULT_LAYOUT, sequenceBits: 4 };
    const generator = new SnowflakeGenerator(layout, () => {
      reads++;
      // Time moves only after many readings, as if the CPU were much faster than the clock.
      if (reads % 50 === 0) now++;
      return now;
    });
    generator.setWindow({ worker: 1, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
    const ids = generator.nextBatch(100);
    expect(new Set(ids).size).toBe(100);
    const perMs = new Map<number, number>();
    for (const id of ids) {
      const { timestampMs } = decomposeId(layout, id);
      perMs.set(timestampMs, (perMs.get(timestampMs) ?? 0) + 1);
    }
    expect(Math.max(...perMs.values())).toBeLessThanOrEqual(16);
  });

  test('a new holder of a worker id starts at the previous lease end, so the two never overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: 1, max: 200 }),
        (skew, leaseMs) => {
          // Holder A with its own clock issues until its lease ends.
          let aNow = START;
          const a = new SnowflakeGenerator(DEFAULT_LAYOUT, () => aNow);
          a.setWindow({ worker: 3, floorMs: 0, untilMs: START + leaseMs });
          const fromA: bigint[] = [];
          for (; aNow < START + leaseMs; aNow++) fromA.push(...a.nextBatch(3));
          expect(() => a.next()).toThrow(servicesErrors.IDS_WORKER_UNAVAILABLE.template.slice(0, 20));
          // Holder B, whose clock is off by `skew`, takes over with the floor from the lease row.
          let bNow = START + leaseMs + skew;
          const b = new SnowflakeGenerator(DEFAULT_LAYOUT, () => bNow++);
          b.setWindow({ worker: 3, floorMs: START + leaseMs, untilMs: Number.MAX_SAFE_INTEGER });
          const fromB = issue(b, 50, (ms) => {
            bNow += ms;
          });
          const maxA = fromA.at(-1) as bigint;
          for (const id of fromB) expect(id).toBeGreaterThan(maxA);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('issues nothing without a lease, and nothing before the epoch', () => {
    const generator = new SnowflakeGenerator(DEFAULT_LAYOUT, () => DEFAULT_LAYOUT.epochMs - 5);
    expect(() => generator.next()).toThrow(/no worker id/);
    generator.setWindow({ worker: 0, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
    expect(() => generator.next()).toThrow(/time bits/);
  });
});

describe('layout', () => {
  test('decompose(compose(t, w, s)) round-trips for any layout that fits 63 bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 45 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 4, max: 14 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (timeBits, workerBits, sequenceBits, ft, fw, fs) => {
          fc.pre(timeBits + workerBits + sequenceBits <= 63);
          const layout = { epochMs: DEFAULT_LAYOUT.epochMs, timeBits, workerBits, sequenceBits };
          const offset = Math.floor(ft * (2 ** timeBits - 1));
          const worker = Math.floor(fw * (2 ** workerBits - 1));
          const sequence = Math.floor(fs * (2 ** sequenceBits - 1));
          const id = composeId(layout, layout.epochMs + offset, worker, sequence);
          expect(id >= 0n && id < 1n << 63n).toBe(true);
          expect(decomposeId(layout, id)).toMatchObject({
            timestampMs: layout.epochMs + offset,
            worker,
            sequence,
          });
        },
      ),
    );
  });

  test('the default layout allows 4,096 ids per millisecond per worker', () => {
    expect(idsPerSecondLimit(DEFAULT_LAYOUT)).toBe(4_096_000);
  });
});
