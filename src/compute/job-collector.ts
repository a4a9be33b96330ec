import { EventEmitter } from 'node:events';
import type { Logger } from '../core/logger.js';
import { nowIso } from '../core/time.js';
import { explainEnd } from './explain.js';
import { type Executor, type ExternalStatus, FINAL_STATES, type JobState } from './extension.js';
import type { JobStore } from './job-store.js';
import type { JobsTable } from './tables.js';

export interface CollectorOptions {
  intervalMs: number;
  /** Longest wait between polls when no job is active (the interval doubles up to it). */
  idleIntervalMs: number;
  /** Polls in a row in which the executor does not know a job before it is declared lost. */
  lostAfter?: number;
  /**
   * How soon after a submit or cancel the next poll runs. Kicks within this window share one poll:
   * a burst of submits must not turn into a scheduler query per submit.
   */
  kickDelayMs?: number;
  /**
   * Polls brought forward by kicks start at least this far apart (default 1 s). Every poll is a
   * full scheduler query (squeue for all active jobs, which holds slurmctld's job lock while the
   * sbatch calls of a burst of submits wait for it): a burst of 1,000 submits polled four times a
   * second without this. A submit after a quiet second is still polled kickDelayMs later.
   */
  kickGapMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

function taskIndex(externalId: string): number {
  return Number(externalId.slice(externalId.lastIndexOf('_') + 1));
}

/** The stored changes a fresh status brings to a job row. */
export function changesFrom(row: JobsTable, status: ExternalStatus, now: string): Partial<JobsTable> {
  const state: JobState = status.state;
  const final = FINAL_STATES.has(state);
  const changes: Partial<JobsTable> = {
    state,
    raw_state: status.rawState ?? null,
    reason: status.reason ?? null,
    exit_code: status.exitCode ?? null,
    signal: status.signal ?? null,
    node: status.node ?? row.node,
    started_at: row.started_at ?? status.startedAt ?? (state === 'running' ? now : null),
    ended_at: final ? (row.ended_at ?? status.endedAt ?? now) : null,
    status_at: now,
    stale: 0,
    missing_polls: 0,
    updated_at: now,
  };
  if (status.tasks) {
    changes.tasks = JSON.stringify(
      status.tasks.map((t) => ({
        index: taskIndex(t.externalId),
        state: t.state,
        exitCode: t.exitCode ?? null,
        startedAt: t.startedAt ?? null,
        endedAt: t.endedAt ?? null,
      })),
    );
  }
  if (status.usage) changes.usage = JSON.stringify(status.usage);
  if (final) {
    const spec = JSON.parse(row.spec) as { resources?: { timeLimitMinutes?: number } };
    const limit = spec.resources?.timeLimitMinutes ? `${spec.resources.timeLimitMinutes} min` : undefined;
    changes.explanation = status.explanation ?? explainEnd(state, status, row.cancelled_by, limit);
  }
  return changes;
}

const BOOKKEEPING = new Set(['status_at', 'updated_at', 'stale', 'missing_polls']);

/** True when `changes` alter more than the bookkeeping of when the state was last confirmed. */
function changesSomething(row: JobsTable, changes: Partial<JobsTable>): boolean {
  if (row.stale !== 0 || row.missing_polls !== 0) return true;
  return Object.entries(changes).some(
    ([key, value]) => !BOOKKEEPING.has(key) && (row[key as keyof JobsTable] ?? null) !== (value ?? null),
  );
}

/**
 * Keeps stored job states fresh: per cycle, ONE poll per executor for all its active jobs. A
 * failed poll marks those jobs stale (pages show "status as of"); the next good one reconciles them.
 */
export class JobCollector extends EventEmitter {
  private timer?: NodeJS.Timeout;
  private waitMs: number;
  private stopped = true;
  /** A cycle is in flight: ticks never overlap, a kick meanwhile asks for one more soon after. */
  private running = false;
  private kicked = false;
  /** When the scheduled tick fires (epoch ms), if one is scheduled. */
  private dueAt: number | undefined;
  /** The scheduled tick was brought forward by a kick. */
  private dueToKick = false;
  /** When the last poll brought forward by a kick started. */
  private lastKickedAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly store: JobStore,
    private readonly executors: Map<string, Executor>,
    private readonly logger: Logger,
    private readonly options: CollectorOptions,
  ) {
    super();
    this.waitMs = options.intervalMs;
    this.now = options.now ?? Date.now;
  }

  /** Polls one executor about all its active jobs; returns how many it asked about. */
  async pollExecutor(name: string): Promise<number> {
    const executor = this.executors.get(name);
    const rows = await this.store.active(name);
    if (!executor || rows.length === 0) return 0;
    let statuses: Map<string, ExternalStatus>;
    try {
      statuses = await executor.poll(rows.map((r) => r.external_id as string));
    } catch (error) {
      this.logger.warn(
        { executor: name, error: (error as Error).message },
        'Executor did not answer; job states are stale',
      );
      await this.store.markStale(name);
      return rows.length;
    }
    const now = nowIso();
    const confirmed: string[] = [];
    for (const row of rows) {
      const status = statuses.get(row.external_id as string);
      const changes = status ? changesFrom(row, status, now) : this.missing(row, now);
      // Most active jobs are as they were: one bulk "confirmed at" write instead of one update each.
      if (status && !changesSomething(row, changes)) {
        confirmed.push(row.id);
        continue;
      }
      await this.store.update(row.id, changes);
      if (changes.state && changes.state !== row.state)
        this.emit('job', { id: row.id, state: changes.state });
    }
    await this.store.confirm(confirmed, now);
    return rows.length;
  }

  private missing(row: JobsTable, now: string): Partial<JobsTable> {
    const misses = row.missing_polls + 1;
    if (misses < (this.options.lostAfter ?? 3)) return { missing_polls: misses, status_at: now, stale: 0 };
    return {
      state: 'lost',
      ended_at: now,
      missing_polls: misses,
      updated_at: now,
      explanation: explainEnd('lost', {}, null),
    };
  }

  async cycle(): Promise<number> {
    let asked = 0;
    for (const name of this.executors.keys()) asked += await this.pollExecutor(name);
    return asked;
  }

  /** Polls soon (after a submit or a cancel) instead of at the next tick; bursts share one poll. */
  kick(): void {
    this.waitMs = this.options.intervalMs;
    if (this.stopped) return;
    if (this.running) {
      this.kicked = true;
      return;
    }
    this.scheduleKicked();
  }

  /** The poll a kick asks for: after kickDelayMs, and no sooner than kickGapMs after the last such. */
  private scheduleKicked(): void {
    const now = this.now();
    const at = Math.max(
      now + (this.options.kickDelayMs ?? 250),
      this.lastKickedAt + (this.options.kickGapMs ?? 1000),
    );
    if (this.dueAt !== undefined && this.dueAt <= at) return;
    this.schedule(at - now);
    this.dueToKick = true;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = undefined;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = this.now() + ms;
    this.dueToKick = false;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.dueToKick) this.lastKickedAt = this.now();
    this.dueAt = undefined;
    this.running = true;
    this.kicked = false;
    try {
      const asked = await this.cycle();
      // Nothing active: back off, up to the idle interval.
      this.waitMs =
        asked > 0 ? this.options.intervalMs : Math.min(this.waitMs * 2, this.options.idleIntervalMs);
    } catch (error) {
      this.logger.error({ err: error }, 'Job status cycle failed');
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    this.schedule(this.waitMs);
    if (this.kicked) this.scheduleKicked();
  }
}
