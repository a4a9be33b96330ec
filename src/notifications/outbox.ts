import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import { newId } from '../core/time.js';
import { DeliveryError, type NotificationChannel, type OutgoingMessage } from './channels/channel.js';
import type { NotificationDeliveriesTable } from './tables.js';

export type DeliveryState = 'pending' | 'sent' | 'failed';

/** The words of a notice as the outbox keeps them; the link is made absolute when sent. */
export interface QueuedMessage {
  title: string;
  body: string;
  link: string | null;
  actorId: string | null;
  actor: string | null;
}

export interface OutboxOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Turns a portal path into the URL a channel sends. */
  urlOf: (link: string | null) => string | null;
  now: () => number;
  logger: Logger;
}

/** How long a claimed delivery stays out of other workers' reach: longer than any channel's timeout. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;
const MAX_ERROR_CHARS = 500;

/** The wait before attempt `attempts + 1`: base, doubled after each failure, capped. */
export function backoffMs(attempts: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The durable queue of e-mail and webhook deliveries. A notice only writes rows here, so a slow
 * SMTP server or webhook never slows the request that caused it, and a restart loses nothing:
 * whatever was pending is picked up again. Several replicas can work it; a row is claimed by
 * moving its next attempt time forward, which only one of them can do.
 */
export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly channels: ReadonlyMap<string, NotificationChannel>,
    private readonly options: OutboxOptions,
  ) {}

  private iso(ms = this.options.now()) {
    return new Date(ms).toISOString();
  }

  async enqueue(
    entries: { channel: string; target: string; topic: string; message: QueuedMessage }[],
    db: Db = this.db,
  ): Promise<string[]> {
    if (entries.length === 0) return [];
    const at = this.iso();
    const rows: NotificationDeliveriesTable[] = entries.map((e) => ({
      id: newId(),
      channel: e.channel,
      target: e.target,
      topic: e.topic,
      payload: JSON.stringify(e.message),
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      updated_at: at,
    }));
    await db.insertInto('notification_deliveries').values(rows).execute();
    return rows.map((r) => r.id);
  }

  /** Works every delivery that is due now, in batches; returns how many were attempted. */
  async runDue(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const due = await this.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', this.iso())
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .execute();
      if (due.length === 0) return attempted;
      for (const row of due) {
        if (await this.claim(row)) {
          await this.attempt(row);
          attempted += 1;
        }
      }
      if (due.length < BATCH) return attempted;
    }
  }

  private async claim(row: NotificationDeliveriesTable): Promise<boolean> {
    const result = await this.db
      .updateTable('notification_deliveries')
      .set({ next_attempt_at: this.iso(this.options.now() + CLAIM_MS) })
      .where('id', '=', row.id)
      .where('state', '=', 'pending')
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async attempt(row: NotificationDeliveriesTable): Promise<void> {
    const attempts = row.attempts + 1;
    const queued = JSON.parse(row.payload) as QueuedMessage;
    const message: OutgoingMessage = {
      deliveryId: row.id,
      topic: row.topic,
      title: queued.title,
      body: queued.body,
      link: queued.link,
      url: this.options.urlOf(queued.link),
      actorId: queued.actorId,
      actor: queued.actor,
    };
    try {
      const channel = this.channels.get(row.channel);
      if (!channel) throw new DeliveryError(`No channel '${row.channel}' is set up on this server`, false);
      await channel.deliver(row.target, message);
      await this.db
        .updateTable('notification_deliveries')
        .set({ state: 'sent', attempts, last_error: null, updated_at: this.iso() })
        .where('id', '=', row.id)
        .execute();
    } catch (error) {
      const text = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_CHARS);
      const retryable = !(error instanceof DeliveryError) || error.retryable;
      const giveUp = !retryable || attempts >= this.options.maxAttempts;
      const delay = backoffMs(attempts, this.options.baseDelayMs, this.options.maxDelayMs);
      await this.db
        .updateTable('notification_deliveries')
        .set({
          state: giveUp ? 'failed' : 'pending',
          attempts,
          last_error: text,
          next_attempt_at: this.iso(this.options.now() + (giveUp ? 0 : delay)),
          updated_at: this.iso(),
        })
        .where('id', '=', row.id)
        .execute();
      // The target (an address, a webhook id) is logged; the message and any secret are not.
      this.options.logger.warn(
        { delivery: row.id, channel: row.channel, target: row.target, attempts, error: text },
        giveUp ? 'Notification delivery given up' : 'Notification delivery failed; it will be retried',
      );
    }
  }

  /** The latest deliveries to one target, newest first, and how many are pending or failed. */
  async forTarget(channel: string, target: string, limit: number) {
    const recent = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('channel', '=', channel)
      .where('target', '=', target)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const counts = await this.db
      .selectFrom('notification_deliveries')
      .select(['state', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('channel', '=', channel)
      .where('target', '=', target)
      .where('state', 'in', ['pending', 'failed'])
      .groupBy('state')
      .execute();
    const count = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
    return { recent, pending: count('pending'), failed: count('failed') };
  }
}
