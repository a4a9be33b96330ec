/** How the 63 usable bits of a snowflake are split; the sign bit stays 0 so ids fit a signed bigint column. */
export interface SnowflakeLayout {
  /** Start of snowflake time, ms since the Unix epoch. */
  epochMs: number;
  timeBits: number;
  workerBits: number;
  sequenceBits: number;
}

/** The classic layout: 41 bits of ms (69 years), 10 of worker (1,024), 12 of sequence (4,096 per ms). */
export const DEFAULT_LAYOUT: SnowflakeLayout = {
  epochMs: Date.parse('2024-01-01T00:00:00Z'),
  timeBits: 41,
  workerBits: 10,
  sequenceBits: 12,
};

/** Throws a message naming the setting when a layout cannot work. */
export function checkLayout(layout: SnowflakeLayout): SnowflakeLayout {
  const total = layout.timeBits + layout.workerBits + layout.sequenceBits;
  if (total > 63) {
    throw new Error(`services.ids: timeBits + workerBits + sequenceBits is ${total}; it must be at most 63`);
  }
  if (!Number.isFinite(layout.epochMs)) throw new Error('services.ids.epoch: not a date');
  return layout;
}

export const maxWorkers = (layout: SnowflakeLayout) => 2 ** layout.workerBits;
export const maxSequence = (layout: SnowflakeLayout) => 2 ** layout.sequenceBits - 1;
/** Ids one worker can issue per second at most: the layout's ceiling. */
export const idsPerSecondLimit = (layout: SnowflakeLayout) => 2 ** layout.sequenceBits * 1000;

export interface DecodedSnowflake {
  timestampMs: number;
  time: string;
  worker: number;
  sequence: number;
}

export function composeId(layout: SnowflakeLayout, ms: number, worker: number, sequence: number): bigint {
  const { workerBits, sequenceBits } = layout;
  return (
    (BigInt(ms - layout.epochMs) << BigInt(workerBits + sequenceBits)) |
    (BigInt(worker) << BigInt(sequenceBits)) |
    BigInt(sequence)
  );
}

/** Splits an id into its time, worker and sequence under a layout. */
export function decomposeId(layout: SnowflakeLayout, id: bigint): DecodedSnowflake {
  const { workerBits, sequenceBits, timeBits } = layout;
  const sequence = Number(id & ((1n << BigInt(sequenceBits)) - 1n));
  const worker = Number((id >> BigInt(sequenceBits)) & ((1n << BigInt(workerBits)) - 1n));
  const offset = Number((id >> BigInt(workerBits + sequenceBits)) & ((1n << BigInt(timeBits)) - 1n));
  const timestampMs = layout.epochMs + offset;
  return { timestampMs, time: new Date(timestampMs).toISOString(), worker, sequence };
}

/** Whether an id could have been made under this layout (nothing above its bits). */
export function fitsLayout(layout: SnowflakeLayout, id: bigint): boolean {
  return id >> BigInt(layout.timeBits + layout.workerBits + layout.sequenceBits) === 0n;
}
