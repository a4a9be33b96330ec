import type { AuditLog } from '../auth/index.js';
import type { Db } from '../core/db/database.js';
import type { ExtensionRegistry } from '../core/extension.js';
import type { Logger } from '../core/logger.js';
import type { TypedApp } from '../server/typed-app.js';
import { catalogProblemNotices } from './catalog-problems.js';
import { type ChannelContext, channelPoint, type NotificationChannel } from './channels/channel.js';
import type { NotificationsConfig } from './config-schema.js';
import { Dispatcher } from './dispatcher.js';
import { Inbox } from './inbox.js';
import { LiveBus } from './live-bus.js';
import type { Notice, Notifier } from './notifier.js';
import { Outbox } from './outbox.js';
import { PreferenceStore } from './preferences.js';
import { notificationRoutes } from './routes.js';
import { SecretBox } from './secret-box.js';
import { teamMemberIds } from './team-members.js';
import { WebhookDirectory } from './webhook-directory.js';
import { webhookRoutes } from './webhook-routes.js';
import { WebhookService } from './webhook-service.js';

export interface NotificationsModuleOptions {
  config: NotificationsConfig;
  /** The portal's public URL (top-level `publicUrl`), used when notifications.email.publicUrl is unset. */
  publicUrl?: string;
  /** The server secret key: webhook signing secrets are encrypted under a key derived from it. */
  secretKey: string;
  /** Where the channel adapters are registered (in-app, email, webhook). */
  registry: ExtensionRegistry;
  /** Clock and timer, so tests decide when retries are due. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * The notifications domain, wired: the Notifier other domains call, people's inbox and choices,
 * the channels (from the registry) and the outbox worker that delivers e-mail and webhooks.
 */
export function createNotificationsModule(
  db: Db,
  audit: AuditLog,
  logger: Logger,
  options: NotificationsModuleOptions,
) {
  const c = options.config;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const publicUrl = (c.email.publicUrl ?? options.publicUrl)?.replace(/\/+$/, '') ?? null;
  const urlOf = (link: string | null) =>
    link && publicUrl && link.startsWith('/') ? `${publicUrl}${link}` : link;
  const bus = new LiveBus();
  const inbox = new Inbox(db, bus, now);
  const preferences = new PreferenceStore(db, audit, now);
  const webhooks = new WebhookDirectory(db, new SecretBox(options.secretKey, 'notification-webhooks'), now);
  const emailAvailable = Boolean(c.email.host);
  const context: ChannelContext = {
    config: c,
    inbox,
    webhooks,
    preferencesUrl: publicUrl ? `${publicUrl}/profile/notifications` : null,
    now,
  };
  const channels = new Map<string, NotificationChannel>();
  const build = (name: string) => {
    const built = options.registry.get(channelPoint, name).create({ config: context, logger });
    if (built instanceof Promise)
      throw new Error(`Notification channel '${name}' must be built synchronously`);
    channels.set(name, built);
    return built;
  };
  const inApp = build('in-app');
  build('webhook');
  if (emailAvailable) build('email');
  const outbox = new Outbox(db, channels, {
    maxAttempts: c.delivery.maxAttempts,
    baseDelayMs: c.delivery.baseDelaySeconds * 1000,
    maxDelayMs: c.delivery.maxDelaySeconds * 1000,
    urlOf,
    now,
    logger,
  });

  // The worker: works what is due, then sleeps until the next poll or until woken by a new delivery.
  let running = false;
  let wakeUp: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  // A wake-up that comes while the worker is busy is kept, so the new delivery does not wait a poll.
  let wokenWhileBusy = false;
  const wake = () => {
    if (wakeUp) wakeUp();
    else wokenWhileBusy = true;
  };
  const closing = new AbortController();
  const work = async () => {
    while (running) {
      try {
        await outbox.runDue();
      } catch (error) {
        logger.warn({ err: error }, 'Notifications: the outbox could not be worked; trying again');
      }
      if (!running) break;
      if (wokenWhileBusy) {
        wokenWhileBusy = false;
        continue;
      }
      await Promise.race([
        sleep(c.delivery.pollIntervalSeconds * 1000),
        new Promise<void>((resolve) => {
          wakeUp = resolve;
        }),
      ]);
      wakeUp = null;
    }
  };

  const dispatcher = new Dispatcher(db, {
    inApp,
    emailEnabled: emailAvailable,
    preferences,
    webhooks,
    outbox,
    wake,
    logger,
  });
  const webhookService = new WebhookService(webhooks, outbox, audit, wake);

  const notifier: Notifier = { notify: (notice: Notice) => dispatcher.notify(notice) };
  return {
    ...notifier,
    notify: notifier.notify,
    inbox,
    preferences,
    webhooks: webhookService,
    outbox,
    /** Tells teams of the new problems in their catalog entities; give it to catalog.sync.onRevisionApplied. */
    onCatalogRevision: catalogProblemNotices(db, notifier),
    /** User ids of a team's active members, for domains that notify a whole team. */
    teamMembers: async (team: string) => (await teamMemberIds(db, [team])).get(team) ?? [],
    routes(app: TypedApp) {
      notificationRoutes(app, {
        inbox,
        bus,
        preferences,
        audit,
        email: { available: emailAvailable },
        closing: closing.signal,
      });
      webhookRoutes(app, webhookService);
      // Open streams end before the server waits for its connections to close.
      app.addHook('preClose', async () => closing.abort());
    },
    /** Makes the stored config webhooks match notifications.webhooks.endpoints; run before serving. */
    async prepare() {
      try {
        await webhooks.syncFromConfig(c.webhooks.endpoints);
      } catch {
        // Replicas starting together race to insert the same config webhook; the loser finds it stored.
        await webhooks.syncFromConfig(c.webhooks.endpoints);
      }
    },
    /** Starts the outbox worker: what was pending before a restart goes out now. */
    start() {
      if (running) return;
      running = true;
      loop = work();
    },
    async stop() {
      running = false;
      closing.abort();
      wake();
      await loop;
      for (const channel of channels.values()) await channel.close?.();
    },
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
