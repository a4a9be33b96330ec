import { randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { v7 as uuidv7 } from 'uuid';
import { servicesErrors } from '../errors.js';
import { encodeId, type IdFormat, parseId } from './id-codec.js';
import { type DecodedSnowflake, decomposeId, fitsLayout } from './layout.js';
import { ClockBehindError, type SnowflakeGenerator } from './snowflake.js';

export const ID_TYPES = ['snowflake', 'uuid4', 'uuid7', 'ulid'] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface IdServiceOptions {
  maxClockBackwardMs: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Hands out ids of every type; snowflakes come from this replica's leased worker. */
export class IdService {
  private readonly ulid = monotonicFactory();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly snowflakes: SnowflakeGenerator,
    private readonly options: IdServiceOptions,
  ) {
    this.sleep = options.sleep ?? pause;
  }

  async generate(type: IdType, count: number, format: IdFormat = 'decimal'): Promise<string[]> {
    switch (type) {
      case 'snowflake':
        return (await this.snowflakeBatch(count)).map((id) => encodeId(id, format));
      case 'uuid4':
        return Array.from({ length: count }, () => randomUUID());
      case 'uuid7':
        return Array.from({ length: count }, () => uuidv7());
      case 'ulid':
        return Array.from({ length: count }, () => this.ulid());
    }
  }

  /**
   * A batch of snowflakes. A clock that stepped back a little is waited out; further than
   * `maxClockBackwardMs`, the request is refused: an id is never reused.
   */
  async snowflakeBatch(count: number): Promise<bigint[]> {
    const out: bigint[] = [];
    let waited = 0;
    while (out.length < count) {
      try {
        out.push(this.snowflakes.next());
      } catch (error) {
        if (!(error instanceof ClockBehindError)) throw error;
        if (waited + error.behindMs > this.options.maxClockBackwardMs) {
          throw servicesErrors.IDS_CLOCK_MOVED_BACKWARDS.create([error.behindMs], {
            details: { behindMs: error.behindMs },
          });
        }
        waited += error.behindMs;
        await this.sleep(error.behindMs);
      }
    }
    return out;
  }

  /** Reads an id in any form and splits it into its time, worker and sequence. */
  decode(
    text: string,
    format?: IdFormat,
  ): DecodedSnowflake & { id: string; formats: Record<IdFormat, string> } {
    const parsed = parseId(text.trim(), format);
    if (!parsed) {
      throw servicesErrors.IDS_INVALID_ID.create([
        text.slice(0, 40),
        'expected decimal digits, 13 base32 or 11 base62 characters',
      ]);
    }
    const layout = this.snowflakes.layout;
    if (!fitsLayout(layout, parsed.value)) {
      throw servicesErrors.IDS_INVALID_ID.create([text.slice(0, 40), 'it has bits outside the layout']);
    }
    return {
      id: parsed.value.toString(),
      ...decomposeId(layout, parsed.value),
      formats: {
        decimal: encodeId(parsed.value, 'decimal'),
        base32: encodeId(parsed.value, 'base32'),
        base62: encodeId(parsed.value, 'base62'),
      },
    };
  }
}
