import { servicesErrors } from '../errors.js';
import { composeId, maxSequence, type SnowflakeLayout } from './layout.js';

/**
 * What a worker may issue: its id, the first millisecond it may use (the end of the previous
 * holder's lease, so the two can never meet) and the millisecond it must stop at (its own lease end).
 */
export interface IssueWindow {
  worker: number;
  floorMs: number;
  untilMs: number;
}

/** The clock is behind what was already issued; `behindMs` says by how much. */
export class ClockBehindError extends Error {
  constructor(readonly behindMs: number) {
    super(`clock is ${behindMs} ms behind`);
  }
}

/**
 * Issues snowflakes for one worker: strictly increasing, never repeated. It never trusts the
 * clock to move forward: a clock behind the last id (or the lease floor) raises
 * {@link ClockBehindError} instead of reusing a millisecond.
 */
export class SnowflakeGenerator {
  private window: IssueWindow | null = null;
  private lastMs = Number.NEGATIVE_INFINITY;
  private sequence = 0;
  private base = 0n;
  private readonly maxSeq: number;
  private readonly maxOffset: number;

  constructor(
    readonly layout: SnowflakeLayout,
    private readonly clock: () => number = Date.now,
  ) {
    this.maxSeq = maxSequence(layout);
    this.maxOffset = 2 ** layout.timeBits - 1;
  }

  /** Sets (or, with null, withdraws) the worker id and the span this generator may issue in. */
  setWindow(window: IssueWindow | null): void {
    if (window) {
      const floor = window.floorMs - 1;
      const otherWorker = window.worker !== this.window?.worker;
      // A new worker id starts at its floor; the same one never goes below what it issued.
      if (otherWorker || floor > this.lastMs) {
        this.lastMs = otherWorker ? floor : Math.max(floor, this.lastMs);
        this.sequence = this.maxSeq;
      }
    }
    this.window = window;
  }

  get currentWindow(): IssueWindow | null {
    return this.window;
  }

  /** The millisecond of the last id issued (or the floor before any). */
  get lastIssuedMs(): number {
    return this.lastMs;
  }

  /** The next id. Throws {@link ClockBehindError} or an IDS_* error; never returns a used id. */
  next(): bigint {
    const window = this.window;
    if (!window) throw servicesErrors.IDS_WORKER_UNAVAILABLE.create(['no lease']);
    let now = this.clock();
    if (now < this.lastMs) throw new ClockBehindError(this.lastMs - now);
    if (now === this.lastMs) {
      if (this.sequence < this.maxSeq) {
        this.sequence++;
        return this.base | BigInt(this.sequence);
      }
      // All ids of this millisecond are used: wait for the next one (at most ~1 ms).
      now = this.clock();
      while (now === this.lastMs) now = this.clock();
      if (now < this.lastMs) throw new ClockBehindError(this.lastMs - now);
    }
    if (now >= window.untilMs) throw servicesErrors.IDS_WORKER_UNAVAILABLE.create(['its lease ran out']);
    const offset = now - this.layout.epochMs;
    if (offset < 0 || offset > this.maxOffset) {
      throw servicesErrors.IDS_EPOCH_EXHAUSTED.create([
        offset < 0 ? 'the clock is before the epoch' : 'past the last millisecond',
      ]);
    }
    this.lastMs = now;
    this.sequence = 0;
    this.base = composeId(this.layout, now, window.worker, 0);
    return this.base;
  }

  /** `count` ids in order; stops with the error of the first id that cannot be issued. */
  nextBatch(count: number): bigint[] {
    const out = new Array<bigint>(count);
    for (let i = 0; i < count; i++) out[i] = this.next();
    return out;
  }
}
