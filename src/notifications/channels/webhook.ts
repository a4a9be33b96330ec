import { adapter } from '../../core/extension.js';
import { signWebhook } from '../webhook-signature.js';
import {
  type ChannelContext,
  channelPoint,
  DeliveryError,
  type NotificationChannel,
  type OutgoingMessage,
} from './channel.js';

/** Slack-compatible JSON: `text` for any receiver, `blocks` for Slack and look-alikes. */
export function webhookPayload(message: OutgoingMessage) {
  const text = message.url ? `${message.title} — ${message.url}` : message.title;
  const context = [message.topic, message.actor ? `by ${message.actor}` : null].filter(Boolean).join(' · ');
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${slackEscape(message.title)}*\n${slackEscape(message.body)}` },
      },
      ...(message.url
        ? [
            {
              type: 'actions',
              elements: [
                { type: 'button', text: { type: 'plain_text', text: 'Open in Plinth' }, url: message.url },
              ],
            },
          ]
        : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(context) }] },
    ],
    topic: message.topic,
    deliveryId: message.deliveryId,
  };
}

// Slack's three control characters; the rest of the text is shown as written.
const slackEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Errors name the receiver by its origin only: the path of a chat webhook URL is often its
 * credential, and errors are logged and shown.
 */
const originOf = (url: string) => new URL(url).origin;

/** Statuses that will not get better by trying again. */
const PERMANENT = new Set([400, 401, 403, 404, 405, 410, 413, 422]);

/**
 * Signed HTTP POSTs to the webhooks Keepers defined; the target is a webhook id, looked up at
 * each attempt so a deleted webhook stops receiving and a changed URL is used at once.
 */
export const webhookChannel = adapter<NotificationChannel, ChannelContext>(channelPoint, {
  name: 'webhook',
  description: 'Signed JSON POSTs (Slack-compatible) to the webhooks Keepers define',
  capabilities: { queued: true, personal: false },
  create: ({ config: context }) => ({
    async deliver(target, message) {
      const webhook = await context.webhooks.resolve(target);
      if (!webhook) throw new DeliveryError('The webhook was deleted', false);
      const body = JSON.stringify(webhookPayload(message));
      const timestamp = Math.floor(context.now() / 1000);
      let response: Response;
      try {
        response = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Plinth-Webhook/1',
            'x-plinth-timestamp': String(timestamp),
            'x-plinth-signature': signWebhook(webhook.secret, timestamp, body),
            'x-plinth-delivery': message.deliveryId,
            'x-plinth-topic': message.topic,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(context.config.webhooks.timeoutSeconds * 1000),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new DeliveryError(
          `POST ${originOf(webhook.url)}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
        );
      }
      await response.body?.cancel();
      if (!response.ok) {
        throw new DeliveryError(
          `POST ${originOf(webhook.url)}: HTTP ${response.status} ${response.statusText}`.trim(),
          !PERMANENT.has(response.status),
        );
      }
    },
  }),
});
