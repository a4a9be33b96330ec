import { decodeCursor, toPage } from '../core/cursor.js';
import type { Db } from '../core/db/database.js';
import { newId } from '../core/time.js';
import { notificationsErrors } from './errors.js';
import type { LiveBus } from './live-bus.js';
import type { NotificationItem } from './schemas.js';
import type { NotificationsTable } from './tables.js';

type Row = NotificationsTable & { actor_username: string | null; actor_display_name: string | null };

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** People's in-app notifications: one row per recipient, newest first. */
export class Inbox {
  constructor(
    private readonly db: Db,
    private readonly bus: LiveBus,
    private readonly now: () => number,
  ) {}

  /** Stores one notice for one person and tells their open streams. */
  async add(
    userId: string,
    notice: { topic: string; title: string; body: string; link: string | null; actorId: string | null },
  ): Promise<NotificationItem> {
    const row: NotificationsTable = {
      id: newId(),
      user_id: userId,
      topic: notice.topic,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      actor_id: notice.actorId,
      created_at: new Date(this.now()).toISOString(),
      read_at: null,
    };
    await this.db.insertInto('notifications').values(row).execute();
    const [item] = await this.select(userId).where('notifications.id', '=', row.id).execute();
    const api = toItem(item as Row);
    this.bus.publish(userId, { item: api });
    return api;
  }

  async list(userId: string, query: { unread?: boolean; cursor?: string; limit: number }) {
    const after = decodeCursor(query.cursor);
    if (after !== undefined && !ULID.test(after))
      throw notificationsErrors.NOTIFICATION_INVALID_CURSOR.create();
    let select = this.select(userId);
    if (query.unread) select = select.where('notifications.read_at', 'is', null);
    if (after) select = select.where('notifications.id', '<', after);
    const rows = (await select
      .orderBy('notifications.id', 'desc')
      .limit(query.limit + 1)
      .execute()) as Row[];
    return {
      ...toPage(rows, query.limit, (r) => r.id, toItem),
      unread: await this.unreadCount(userId),
    };
  }

  /** Notices newer than `afterId` (all when empty), oldest first: what a reconnecting stream missed. */
  async since(userId: string, afterId: string, limit = 50): Promise<NotificationItem[]> {
    if (afterId !== '' && !ULID.test(afterId)) return [];
    let select = this.select(userId);
    if (afterId) select = select.where('notifications.id', '>', afterId);
    const rows = (await select.orderBy('notifications.id', 'asc').limit(limit).execute()) as Row[];
    return rows.map(toItem);
  }

  async latestId(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks one of the person's notices read; reading it twice keeps the first time. */
  async markRead(userId: string, id: string): Promise<NotificationItem> {
    const found = await this.db
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!found) throw notificationsErrors.NOTIFICATION_NOT_FOUND.create([id]);
    if (!found.read_at) {
      await this.db
        .updateTable('notifications')
        .set({ read_at: new Date(this.now()).toISOString() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
      this.bus.publish(userId, {});
    }
    const [row] = await this.select(userId).where('notifications.id', '=', id).execute();
    return toItem(row as Row);
  }

  /** Marks every unread notice read; returns how many were. */
  async markAllRead(userId: string): Promise<number> {
    const result = await this.db
      .updateTable('notifications')
      .set({ read_at: new Date(this.now()).toISOString() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) this.bus.publish(userId, {});
    return count;
  }

  private select(userId: string) {
    return this.db
      .selectFrom('notifications')
      .leftJoin('users', 'users.id', 'notifications.actor_id')
      .selectAll('notifications')
      .select(['users.username as actor_username', 'users.display_name as actor_display_name'])
      .where('notifications.user_id', '=', userId);
  }
}

function toItem(row: Row): NotificationItem {
  return {
    id: row.id,
    topic: row.topic,
    title: row.title,
    body: row.body,
    link: row.link,
    ...(row.actor_username
      ? { actor: { username: row.actor_username, displayName: row.actor_display_name ?? row.actor_username } }
      : {}),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
