import { describe, expect, test } from 'vitest';
import { IdService } from './id-service.js';
import { DEFAULT_LAYOUT, decomposeId } from './layout.js';
import { SnowflakeGenerator } from './snowflake.js';

/** A service on a clock the test moves; its sleep moves the clock instead of waiting. */
function serviceOn(start: number, maxClockBackwardMs: number) {
  const clock = { now: start };
  const slept: number[] = [];
  const generator = new SnowflakeGenerator(DEFAULT_LAYOUT, () => clock.now);
  generator.setWindow({ worker: 5, floorMs: 0, untilMs: Number.MAX_SAFE_INTEGER });
  const service = new IdService(generator, {
    maxClockBackwardMs,
    sleep: async (ms) => {
      slept.push(ms);
      clock.now += ms;
    },
  });
  return { clock, slept, service };
}

describe('ID service and a clock that steps back', () => {
  const start = DEFAULT_LAYOUT.epochMs + 10_000_000;

  test('a small step back is waited out, and no millisecond is used twice', async () => {
    const { clock, slept, service } = serviceOn(start, 2000);
    const [before] = await service.snowflakeBatch(1);
    clock.now -= 800;
    const [after] = await service.snowflakeBatch(1);
    expect(slept).toEqual([800]);
    expect(after as bigint).toBeGreaterThan(before as bigint);
    expect(decomposeId(DEFAULT_LAYOUT, after as bigint).worker).toBe(5);
  });

  test('a step back beyond the tolerance is refused with IDS_CLOCK_MOVED_BACKWARDS', async () => {
    const { clock, slept, service } = serviceOn(start, 2000);
    await service.snowflakeBatch(1);
    clock.now -= 5000;
    await expect(service.snowflakeBatch(1)).rejects.toMatchObject({
      code: 'IDS_CLOCK_MOVED_BACKWARDS',
      status: 503,
      details: { behindMs: 5000 },
    });
    expect(slept).toEqual([]);
  });

  test('decode reads all three forms and refuses ids with bits outside the layout', async () => {
    const { service } = serviceOn(start, 0);
    const [id] = await service.generate('snowflake', 1, 'base62');
    const decoded = service.decode(id as string);
    expect(decoded).toMatchObject({ timestampMs: start, worker: 5, sequence: 0 });
    expect(service.decode(decoded.formats.base32).id).toBe(decoded.id);
    expect(() => service.decode((1n << 63n).toString())).toThrow(/outside the layout/);
  });
});
