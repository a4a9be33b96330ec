import type { Db } from '../core/db/database.js';
import { newId, nowIso } from '../core/time.js';
import type { AuditEntry } from './schemas.js';
import type { AuditLogTable } from './tables.js';

/** Who acted, and from where: passed from the route to every service call that mutates. */
export interface Actor {
  userId: string | null;
  username: string | null;
  ip: string | null;
}

export const systemActor: Actor = { userId: null, username: null, ip: null };

export interface AuditRecord {
  action: string;
  target?: string | null;
  /** Facts about the change; never a secret (services pass only names, ids and changed fields). */
  details?: Record<string, unknown>;
}

/** The append-only record of every mutation: who, what, when, from where. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  /** Appends an entry; pass the transaction so the entry commits with the change it records. */
  async record(actor: Actor, record: AuditRecord, db: Db = this.db): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        id: newId(),
        at: nowIso(),
        actor_id: actor.userId,
        actor: actor.username,
        action: record.action,
        target: record.target ?? null,
        ip: actor.ip,
        details: JSON.stringify(record.details ?? {}),
      })
      .execute();
  }

  list(filter: { actor?: string; action?: string; before?: string; limit: number }) {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.action) {
      query = filter.action.endsWith('*')
        ? query.where('action', 'like', `${filter.action.slice(0, -1).replace(/[%_\\]/g, '')}%`)
        : query.where('action', '=', filter.action);
    }
    if (filter.before) query = query.where('id', '<', filter.before);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  static toApi(row: AuditLogTable): AuditEntry {
    return {
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      ip: row.ip,
      details: JSON.parse(row.details),
    };
  }
}
