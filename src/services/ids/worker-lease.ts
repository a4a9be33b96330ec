import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../core/db/database.js';
import type { Logger } from '../../core/logger.js';
import type { IssueWindow } from './snowflake.js';

export interface WorkerLeaseOptions {
  workers: number;
  leaseMs: number;
  /** Called with the new window on acquire and renewal, and with null when the lease is lost. */
  onWindow: (window: IssueWindow | null) => void;
  /** The last ms the generator issued in, so a release lets the next holder start right after it. */
  lastIssuedMs?: () => number;
  clock?: () => number;
  name?: string;
}

export type LeaseState =
  | { state: 'held'; worker: number; expiresAt: number }
  | { state: 'waiting'; reason: string };

/**
 * Leases one worker id through the database so that replicas sharing it never issue the same
 * snowflake. Every take-over is a compare-and-swap on the expired row, and the new holder's first
 * millisecond is the old holder's expiry: uniqueness does not depend on the replicas' clocks agreeing.
 */
export class WorkerLease {
  private held: { worker: number; holder: string; expiresAt: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastReason = 'not started';
  private busy: Promise<void> = Promise.resolve();
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: WorkerLeaseOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  state(): LeaseState {
    return this.held
      ? { state: 'held', worker: this.held.worker, expiresAt: this.held.expiresAt }
      : { state: 'waiting', reason: this.lastReason };
  }

  /** Acquires a lease now and keeps it renewed (or keeps trying) every third of its lifetime. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(100, Math.floor(this.options.leaseMs / 3)));
    this.timer.unref();
  }

  /** One renewal, or one acquisition attempt when nothing is held; serialized. */
  tick(): Promise<void> {
    this.busy = this.busy
      .then(() => (this.held ? this.renew() : this.acquire()))
      .catch((error) => {
        this.lastReason = `database error: ${(error as Error).message}`;
        this.logger.warn({ err: error }, 'Worker-id lease: the database did not answer');
      });
    return this.busy;
  }

  private async acquire(): Promise<void> {
    const now = this.clock();
    const rows = await this.db.selectFrom('id_worker_leases').selectAll().execute();
    const byWorker = new Map(rows.map((r) => [r.worker_id, r]));
    const free: number[] = [];
    for (let w = 0; w < this.options.workers; w++) {
      const row = byWorker.get(w);
      if (!row || Number(row.expires_at) <= now) free.push(w);
    }
    if (free.length === 0) {
      this.lastReason = `all ${this.options.workers} worker ids are leased by other replicas`;
      return;
    }
    // A random start spreads replicas that start together over different rows.
    const start = randomBytes(2).readUInt16BE() % free.length;
    for (let i = 0; i < free.length; i++) {
      const worker = free[(start + i) % free.length] as number;
      const won = await this.tryTake(worker, byWorker.get(worker), now);
      if (won) return;
    }
    this.lastReason = 'other replicas took the free worker ids first';
  }

  private async tryTake(
    worker: number,
    previous: { holder: string; expires_at: number | string } | undefined,
    now: number,
  ): Promise<boolean> {
    const holder = randomBytes(16).toString('hex');
    const expiresAt = now + this.options.leaseMs;
    const values = {
      holder,
      holder_name: this.options.name ?? `${hostname()}:${process.pid}`,
      expires_at: expiresAt,
      acquired_at: now,
    };
    let floor = 0;
    if (!previous) {
      const result = await this.db
        .insertInto('id_worker_leases')
        .values({ worker_id: worker, ...values })
        .onConflict((oc) => oc.column('worker_id').doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    } else {
      // Compare-and-swap: only if nobody renewed or took it since we looked.
      const result = await this.db
        .updateTable('id_worker_leases')
        .set(values)
        .where('worker_id', '=', worker)
        .where('holder', '=', previous.holder)
        .where('expires_at', '=', Number(previous.expires_at))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      floor = Number(previous.expires_at);
    }
    this.held = { worker, holder, expiresAt };
    this.options.onWindow({ worker, floorMs: floor, untilMs: expiresAt });
    this.logger.info({ worker }, 'Snowflake worker id leased');
    return true;
  }

  private async renew(): Promise<void> {
    const held = this.held;
    if (!held) return;
    // Never shorten a lease, even if the clock stepped back: ids up to the old end may exist.
    const expiresAt = Math.max(held.expiresAt, this.clock() + this.options.leaseMs);
    const result = await this.db
      .updateTable('id_worker_leases')
      .set({ expires_at: expiresAt })
      .where('worker_id', '=', held.worker)
      .where('holder', '=', held.holder)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      this.held = null;
      this.lastReason = `worker id ${held.worker} was taken over after its lease expired`;
      this.options.onWindow(null);
      this.logger.warn({ worker: held.worker }, 'Snowflake worker-id lease lost; issuing stopped');
      return;
    }
    held.expiresAt = expiresAt;
    this.options.onWindow({ worker: held.worker, floorMs: 0, untilMs: expiresAt });
  }

  /** Stops renewing and hands the worker id back, ending the lease right after the last id issued. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy;
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.options.onWindow(null);
    const last = this.options.lastIssuedMs?.() ?? held.expiresAt - 1;
    const end = Math.min(held.expiresAt, Math.max(last + 1, 0));
    await this.db
      .updateTable('id_worker_leases')
      .set({ expires_at: end })
      .where('worker_id', '=', held.worker)
      .where('holder', '=', held.holder)
      .execute()
      .catch(() => undefined);
  }
}
