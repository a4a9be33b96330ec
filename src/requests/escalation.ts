import { type AuditLog, systemActor } from '../auth/index.js';
import type { Logger } from '../core/logger.js';
import type { RequestNotices } from './notices.js';
import type { People } from './people.js';
import type { RequestService } from './request-service.js';
import type { RequestStore } from './request-store.js';
import type { RequestsTable } from './tables.js';

type Target = 'first-response' | 'resolution';

/**
 * Tells every Keeper when a request misses a target, once per target: the claim on the request's
 * row makes the second look (or a second replica) find nothing to send.
 */
export class Escalator {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly service: RequestService,
    private readonly store: RequestStore,
    private readonly audit: AuditLog,
    private readonly people: People,
    private readonly notices: RequestNotices,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.run(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Escalates what is overdue at the clock's time; returns how many breaches were escalated. */
  run(): Promise<number> {
    this.running ??= this.escalate()
      .catch((error) => {
        this.logger.warn({ err: error }, 'Requests: escalation failed; trying again at the next interval');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async escalate(): Promise<number> {
    const nowMs = this.now();
    const at = new Date(nowMs).toISOString();
    const due = await this.store.dueForEscalation(at);
    if (due.length === 0) return 0;
    const keepers = (await this.people.keepers()).map((k) => k.id);
    let count = 0;
    for (const row of due) {
      if (!row.first_response_at && row.first_response_due_at < at && !row.first_response_escalated_at) {
        if (await this.breach(row, 'first-response', at, keepers)) count++;
      }
      if (row.resolution_due_at < at && !row.resolution_escalated_at) {
        if (await this.breach(row, 'resolution', at, keepers)) count++;
      }
    }
    return count;
  }

  private async breach(row: RequestsTable, target: Target, at: string, keepers: string[]): Promise<boolean> {
    const column = target === 'first-response' ? 'first_response_escalated_at' : 'resolution_escalated_at';
    const claimed = await this.store.transaction(async (store, trx) => {
      if (!(await store.claim(row.id, column, at))) return false;
      await this.service.event(store, row.id, null, 'escalated', null, null, { target }, at);
      await this.audit.record(
        systemActor,
        { action: 'requests.escalate', target: `#${row.number}`, details: { id: row.id, target } },
        trx,
      );
      return true;
    });
    if (claimed) await this.notices.overdue(row, keepers, target);
    return claimed;
  }
}
