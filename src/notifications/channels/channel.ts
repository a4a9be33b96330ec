import { extensionPoint } from '../../core/extension.js';
import type { NotificationsConfig } from '../config-schema.js';
import type { Inbox } from '../inbox.js';
import type { WebhookDirectory } from '../webhook-directory.js';

/** What a channel sends: the notice's words, with the link already made absolute where possible. */
export interface OutgoingMessage {
  /** Id of this delivery: receivers use it to drop a retried duplicate. */
  deliveryId: string;
  topic: string;
  title: string;
  body: string;
  /** The portal path the notice opens, e.g. `/requests/01J...`; null for none. */
  link: string | null;
  /** That link as an absolute URL when the portal's public address is configured, else the path. */
  url: string | null;
  /** The person who caused it, when one did: user id and display name. */
  actorId: string | null;
  actor: string | null;
}

/** A delivery that did not arrive; `retryable` false gives up at once (e.g. a webhook that is gone). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * A way a notice reaches someone. `deliver` resolves once the target has it and throws (a
 * DeliveryError, or anything) when it has not; the outbox retries what throws.
 */
export interface NotificationChannel {
  deliver(target: string, message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/** What every channel adapter is built from; each takes the parts it needs. */
export interface ChannelContext {
  config: NotificationsConfig;
  inbox: Inbox;
  webhooks: WebhookDirectory;
  /** The preferences page as an absolute URL, for e-mail footers; null when the public URL is unknown. */
  preferencesUrl: string | null;
  now: () => number;
}

/**
 * Notification channels. Capabilities: `queued` (delivered later by the outbox, because it talks
 * to another machine) and `personal` (its target is a person, who chooses it per topic group).
 */
export const channelPoint = extensionPoint<NotificationChannel>('notifications.channel');
