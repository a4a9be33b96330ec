import type { Db } from '../core/db/database.js';
import type { Logger } from '../core/logger.js';
import type { NotificationChannel } from './channels/channel.js';
import type { Notice, Notifier } from './notifier.js';
import type { Outbox, QueuedMessage } from './outbox.js';
import type { PreferenceStore } from './preferences.js';
import { groupOf } from './topics.js';
import type { WebhookDirectory } from './webhook-directory.js';

const MAX_TITLE = 200;
const MAX_BODY = 4000;

/**
 * Turns a notice into deliveries: an in-app notice per recipient at once, e-mail and webhooks
 * into the outbox. Never throws at the domain that called it: the act that caused a notice
 * stands even when the notice cannot be stored, and the failure is logged.
 */
export class Dispatcher implements Notifier {
  constructor(
    private readonly db: Db,
    private readonly parts: {
      inApp: NotificationChannel;
      emailEnabled: boolean;
      preferences: PreferenceStore;
      webhooks: WebhookDirectory;
      outbox: Outbox;
      /** Wakes the outbox worker, so new deliveries go now rather than at the next poll. */
      wake: () => void;
      logger: Logger;
    },
  ) {}

  async notify(notice: Notice): Promise<void> {
    try {
      await this.dispatch(notice);
    } catch (error) {
      this.parts.logger.error({ err: error, topic: notice.topic }, 'A notification could not be stored');
    }
  }

  private async dispatch(notice: Notice): Promise<void> {
    const actorId = notice.actorId ?? null;
    const ids = [...new Set(notice.recipients)].filter((id) => id !== actorId);
    const title = notice.title.slice(0, MAX_TITLE);
    const body = notice.body.slice(0, MAX_BODY);
    const link = notice.link ?? null;
    const actor = actorId
      ? await this.db.selectFrom('users').select('display_name').where('id', '=', actorId).executeTakeFirst()
      : undefined;
    const message: QueuedMessage = { title, body, link, actorId, actor: actor?.display_name ?? null };
    const recipients = ids.length
      ? await this.db
          .selectFrom('users')
          .select(['id', 'email'])
          .where('id', 'in', ids)
          .where('disabled', '=', 0)
          .execute()
      : [];
    const choices = await this.parts.preferences.forGroup(
      recipients.map((r) => r.id),
      groupOf(notice),
    );
    for (const recipient of recipients) {
      if (!choices.get(recipient.id)?.inApp) continue;
      await this.parts.inApp.deliver(recipient.id, {
        deliveryId: '',
        topic: notice.topic,
        ...message,
        url: link,
      });
    }
    const queued = [
      ...(this.parts.emailEnabled
        ? recipients
            .filter((r) => r.email && choices.get(r.id)?.email)
            .map((r) => ({ channel: 'email', target: r.email as string, topic: notice.topic, message }))
        : []),
      ...(await this.parts.webhooks.matching(notice.topic)).map((w) => ({
        channel: 'webhook',
        target: w.id,
        topic: notice.topic,
        message,
      })),
    ];
    if (queued.length > 0) {
      await this.parts.outbox.enqueue(queued);
      this.parts.wake();
    }
  }
}
