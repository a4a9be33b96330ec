import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { loadConfig } from '../../src/core/config/index.js';
import { createLogger } from '../../src/core/logger.js';
import {
  type ChannelContext,
  channelPoint,
  type NotificationChannel,
  type OutgoingMessage,
} from '../../src/notifications/channels/index.js';
import { SecretBox } from '../../src/notifications/secret-box.js';
import { WebhookDirectory } from '../../src/notifications/webhook-directory.js';
import { defaultRegistry } from '../../src/server/index.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import { startSmtpReceiver, startWebhookReceiver } from './receivers.js';

/** What the contract needs of one channel: a target that works, one that does not, and a look at the target. */
interface Harness {
  channel: NotificationChannel;
  target: string;
  /** Delivers to a target that cannot receive; absent when the channel has none (the in-app bell). */
  deliverToBroken?: (m: OutgoingMessage) => Promise<void>;
  /** The messages the target holds, as the channel's receiver reads them. */
  received(): Promise<{ title: string; text: string; deliveryId: string | null }[]>;
}

const message = (n: number): OutgoingMessage => ({
  deliveryId: `01JCONTRACT00000000000000${n}`,
  topic: 'request.commented',
  title: `Contract notice ${n}`,
  body: `Body of notice ${n}\nsecond line`,
  link: '/requests/7',
  url: 'https://portal.example.org/requests/7',
  actorId: null,
  actor: 'Dr Contract',
});

/** The contract every notification channel keeps. */
function channelContract(name: string, harness: () => Harness) {
  describe(`notification channel contract: ${name}`, () => {
    test('deliver resolves once the target holds the message, with its title and text', async () => {
      const h = harness();
      const before = (await h.received()).length;
      await h.channel.deliver(h.target, message(1));
      const got = await h.received();
      expect(got.length).toBe(before + 1);
      expect(got[got.length - 1]?.title).toBe('Contract notice 1');
      expect(got[got.length - 1]?.text).toContain('Body of notice 1');
    });

    test('a target that cannot receive makes deliver reject, so the outbox retries it', async (context) => {
      const h = harness();
      if (!h.deliverToBroken) context.skip();
      await expect(h.deliverToBroken?.(message(2))).rejects.toThrow();
    });

    test('a retried message carries the same delivery id, so the receiver can drop the duplicate', async (context) => {
      const h = harness();
      await h.channel.deliver(h.target, message(3));
      await h.channel.deliver(h.target, message(3));
      const ids = (await h.received())
        .filter((m) => m.title === 'Contract notice 3')
        .map((m) => m.deliveryId);
      if (ids[0] === null) context.skip();
      expect(ids).toEqual([message(3).deliveryId, message(3).deliveryId]);
    });
  });
}

let t: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let context: ChannelContext;
let userId = '';
let hookId = '';
let goneHookId = '';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  receiver = await startWebhookReceiver();
  t = await startTestServer();
  await t.server.auth.users.create(
    systemActor,
    { username: 'cora', displayName: 'Cora', password: TEST_PASSWORD },
    { mustChangePassword: false },
  );
  userId = (await t.server.auth.userStore.findByUsername('cora'))?.id as string;
  const { config } = loadConfig({
    env: {},
    overrides: {
      notifications: { email: { host: '127.0.0.1', port: smtp.port, starttls: 'never', timeoutSeconds: 2 } },
    },
  });
  const webhooks = new WebhookDirectory(
    t.server.database.db,
    new SecretBox('k'.repeat(32), 'contract'),
    Date.now,
  );
  hookId = (
    await webhooks.insert(
      { name: 'ok', url: receiver.url, topics: ['*'], secret: 's'.repeat(20), source: 'portal' },
      null,
    )
  ).id;
  const gone = await startWebhookReceiver();
  await gone.close();
  goneHookId = (
    await webhooks.insert(
      { name: 'gone', url: gone.url, topics: ['*'], secret: 's'.repeat(20), source: 'portal' },
      null,
    )
  ).id;
  context = {
    config: config.notifications,
    inbox: t.server.notifications.inbox,
    webhooks,
    preferencesUrl: null,
    now: Date.now,
  };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await receiver?.close();
});

const build = (name: string, c: ChannelContext = context) =>
  defaultRegistry()
    .get(channelPoint, name)
    .create({ config: c, logger: createLogger('silent') }) as NotificationChannel;

channelContract('in-app', () => ({
  channel: build('in-app'),
  target: userId,
  received: async () =>
    (await t.server.notifications.inbox.list(userId, { limit: 100 })).items
      .reverse()
      .map((i) => ({ title: i.title, text: i.body, deliveryId: null })),
}));

channelContract('email', () => ({
  channel: build('email'),
  target: 'cora@example.org',
  // The SMTP server is down: its port refuses connections.
  deliverToBroken: async (m) => {
    const down = await startSmtpReceiver();
    await down.close();
    const email = { ...context.config.email, port: down.port };
    await build('email', { ...context, config: { ...context.config, email } }).deliver('cora@example.org', m);
  },
  received: async () =>
    smtp.messages.map((m) => ({
      title: m.mail.subject ?? '',
      text: m.mail.text ?? '',
      deliveryId: (m.mail.headers.get('x-plinth-delivery') as string | undefined) ?? null,
    })),
}));

channelContract('webhook', () => ({
  channel: build('webhook'),
  target: hookId,
  deliverToBroken: (m) => build('webhook').deliver(goneHookId, m),
  received: async () =>
    receiver.received.map((r) => {
      const payload = JSON.parse(r.body);
      return {
        // Slack's `text` is the title, then the link.
        title: String(payload.text).split(' — ')[0] as string,
        text: JSON.stringify(payload.blocks),
        deliveryId: r.headers['x-plinth-delivery'] as string,
      };
    }),
}));
