import type { Actor, AuditLog } from '../auth/index.js';
import { randomSecret } from '../auth/secrets.js';
import { notificationsErrors } from './errors.js';
import type { Outbox } from './outbox.js';
import type { Webhook } from './schemas.js';
import type { NotificationDeliveriesTable, NotificationWebhooksTable } from './tables.js';
import { TOPIC_PATTERN } from './topics.js';
import type { WebhookDirectory } from './webhook-directory.js';

const RECENT = 10;

function checkUrl(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notificationsErrors.WEBHOOK_INVALID_URL.create([url]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw notificationsErrors.WEBHOOK_INVALID_URL.create([url]);
  }
}

function toDelivery(row: NotificationDeliveriesTable) {
  return {
    id: row.id,
    topic: row.topic,
    title: (JSON.parse(row.payload) as { title: string }).title,
    state: row.state as 'pending' | 'sent' | 'failed',
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What Keepers do with webhooks: list them with their recent deliveries, add, delete, send a test. */
export class WebhookService {
  constructor(
    private readonly directory: WebhookDirectory,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly wake: () => void,
  ) {}

  private async toApi(row: NotificationWebhooksTable): Promise<Webhook> {
    const deliveries = await this.outbox.forTarget('webhook', row.id, RECENT);
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      topics: JSON.parse(row.topics) as string[],
      source: row.source as 'config' | 'portal',
      createdAt: row.created_at,
      deliveries: {
        pending: deliveries.pending,
        failed: deliveries.failed,
        recent: deliveries.recent.map(toDelivery),
      },
    };
  }

  async list(): Promise<{ items: Webhook[] }> {
    const rows = await this.directory.list();
    return { items: await Promise.all(rows.map((r) => this.toApi(r))) };
  }

  async get(id: string): Promise<Webhook> {
    const row = await this.directory.find(id);
    if (!row) throw notificationsErrors.WEBHOOK_NOT_FOUND.create([id]);
    return this.toApi(row);
  }

  async create(actor: Actor, input: { name: string; url: string; topics: string[]; secret?: string }) {
    checkUrl(input.url);
    for (const topic of input.topics) {
      if (!TOPIC_PATTERN.test(topic)) throw notificationsErrors.WEBHOOK_INVALID_TOPIC.create([topic]);
    }
    if (await this.directory.findByName(input.name)) {
      throw notificationsErrors.WEBHOOK_NAME_TAKEN.create([input.name]);
    }
    const secret = input.secret ?? `whsec_${randomSecret(24)}`;
    const row = await this.directory.insert(
      { name: input.name, url: input.url, topics: input.topics, secret, source: 'portal' },
      actor.userId,
    );
    // The secret is never part of the audit entry.
    await this.audit.record(actor, {
      action: 'notifications.webhook.create',
      target: input.name,
      details: { url: input.url, topics: input.topics },
    });
    return { webhook: await this.toApi(row), secret };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.directory.find(id);
    if (!row) throw notificationsErrors.WEBHOOK_NOT_FOUND.create([id]);
    if (row.source === 'config') throw notificationsErrors.WEBHOOK_FROM_CONFIG.create([row.name]);
    await this.directory.remove(id);
    await this.audit.record(actor, { action: 'notifications.webhook.delete', target: row.name });
  }

  /** Queues one test message to the webhook, through the same outbox as real notices. */
  async sendTest(actor: Actor, id: string): Promise<{ deliveryId: string }> {
    const row = await this.directory.find(id);
    if (!row) throw notificationsErrors.WEBHOOK_NOT_FOUND.create([id]);
    const [deliveryId] = await this.outbox.enqueue([
      {
        channel: 'webhook',
        target: id,
        topic: 'notifications.test',
        message: {
          title: `Test message to webhook ${row.name}`,
          body: `${actor.username ?? 'A Keeper'} sent this test from the Plinth Admin page. If you can read it, the webhook works.`,
          link: '/admin/notifications',
          actorId: actor.userId,
          actor: actor.username,
        },
      },
    ]);
    await this.audit.record(actor, { action: 'notifications.webhook.test', target: row.name });
    this.wake();
    return { deliveryId: deliveryId as string };
  }
}
