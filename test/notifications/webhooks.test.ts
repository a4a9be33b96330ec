import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { resolveSecretKey } from '../../src/core/secret-key.js';
import { createNotificationsModule, type NotificationsModule } from '../../src/notifications/index.js';
import { verifyWebhook } from '../../src/notifications/webhook-signature.js';
import { bearer, type Caller, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWebhookReceiver, until } from './receivers.js';

const SECRET = 'whsec_test-secret-0123456789';
const CONFIG_SECRET = 'config-secret-abcdefghijklmnop';
const BASE_DELAY_S = 60;

describe.each(testDatabases())('outgoing webhooks (%s)', (database) => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let keeper: Caller;
  let member: Caller;
  let clock = Date.parse('2026-03-01T10:00:00Z');
  /** The module as after a restart, on the same database, with a clock the test moves. */
  let worker: NotificationsModule;
  let hookId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestServer({
      database,
      config: {
        publicUrl: 'https://portal.example.org',
        notifications: {
          delivery: { maxAttempts: 3, baseDelaySeconds: BASE_DELAY_S },
          webhooks: {
            endpoints: [
              { name: 'ops-chat', url: receiver.url, topics: ['catalog.*'], secret: CONFIG_SECRET },
            ],
          },
        },
      },
    });
    await t.createUser({ username: 'mia' });
    keeper = await bearer(t, t.adminUsername);
    member = await bearer(t, 'mia');
    const logger = createLogger('silent');
    worker = createNotificationsModule(t.server.database.db, t.server.auth.audit, logger, {
      config: t.server.config.notifications,
      publicUrl: t.server.config.publicUrl,
      secretKey: resolveSecretKey(t.server.config.secretKey, t.dataDir, logger),
      registry: t.server.registry,
      now: () => clock,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await receiver?.close();
  });

  const hook = async () =>
    (await call(t, keeper, 'GET', '/api/notifications/webhooks'))
      .json()
      .items.find((w: { id: string }) => w.id === hookId);

  test('a Keeper adds a webhook; its secret is shown once, stored encrypted, never listed', async () => {
    const created = await call(t, keeper, 'POST', '/api/notifications/webhooks', {
      name: 'team-chat',
      url: receiver.url,
      topics: ['request.*'],
      secret: SECRET,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      secret: SECRET,
      webhook: { name: 'team-chat', url: receiver.url, topics: ['request.*'], source: 'portal' },
    });
    hookId = created.json().webhook.id;
    const listed = await call(t, keeper, 'GET', '/api/notifications/webhooks');
    expect(listed.body).not.toContain(SECRET);
    expect(listed.body).not.toContain(CONFIG_SECRET);
    const rows = await t.server.database.db.selectFrom('notification_webhooks').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toContain(CONFIG_SECRET);
    const audit = await t.server.auth.audit.list({ action: 'notifications.webhook.*', limit: 10 });
    expect(audit.map((a) => a.action)).toContain('notifications.webhook.create');
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  test('a member cannot see or add webhooks', async () => {
    expect((await call(t, member, 'GET', '/api/notifications/webhooks')).statusCode).toBe(403);
    const add = await call(t, member, 'POST', '/api/notifications/webhooks', {
      name: 'sneaky',
      url: receiver.url,
      topics: ['*'],
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().code).toBe('AUTH_FORBIDDEN');
  });

  test('a failing receiver (500) gets the notice on a retry after the backoff, signed', async () => {
    receiver.answer(500);
    const before = receiver.received.length;
    await worker.notify({
      recipients: [],
      topic: 'request.commented',
      title: 'Ada commented on request #7',
      body: 'Please attach the logs.',
      link: '/requests/7',
    });
    expect(await worker.outbox.runDue()).toBe(1);
    expect(receiver.received.length).toBe(before + 1);
    expect((await hook()).deliveries.recent[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('HTTP 500'),
    });
    // Not due yet: nothing is sent before the backoff has passed.
    clock += BASE_DELAY_S * 1000 - 1;
    expect(await worker.outbox.runDue()).toBe(0);
    clock += 1;
    expect(await worker.outbox.runDue()).toBe(1);
    expect(receiver.received.length).toBe(before + 2);
    expect((await hook()).deliveries.recent[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: null,
    });

    const last = receiver.received[receiver.received.length - 1];
    const timestamp = last?.headers['x-plinth-timestamp'] as string;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${last?.body}`).digest('hex');
    expect(last?.headers['x-plinth-signature']).toBe(`v1=${expected}`);
    expect(Number(timestamp)).toBe(Math.floor(clock / 1000));
    expect(
      verifyWebhook(
        SECRET,
        { signature: last?.headers['x-plinth-signature'] as string, timestamp },
        last?.body as string,
        Math.floor(clock / 1000),
      ),
    ).toBe(true);
    const payload = JSON.parse(last?.body as string);
    expect(payload.text).toBe('Ada commented on request #7 — https://portal.example.org/requests/7');
    expect(JSON.stringify(payload.blocks)).toContain('Please attach the logs.');
    expect(JSON.stringify(payload.blocks)).toContain('https://portal.example.org/requests/7');
  });

  test('a receiver that always fails is given up after N attempts, and Keepers see it', async () => {
    receiver.answer(500, 500, 500);
    await worker.notify({
      recipients: [],
      topic: 'request.closed',
      title: 'Request #8 closed',
      body: 'Done.',
    });
    await worker.outbox.runDue();
    clock += BASE_DELAY_S * 1000;
    await worker.outbox.runDue();
    // The second wait is twice the first.
    clock += BASE_DELAY_S * 1000;
    expect(await worker.outbox.runDue()).toBe(0);
    clock += BASE_DELAY_S * 1000;
    expect(await worker.outbox.runDue()).toBe(1);
    clock += 10 * BASE_DELAY_S * 1000;
    expect(await worker.outbox.runDue()).toBe(0);
    const seen = await hook();
    expect(seen.deliveries.failed).toBe(1);
    expect(seen.deliveries.recent[0]).toMatchObject({
      title: 'Request #8 closed',
      state: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      // The receiver's origin only: a webhook URL's path is often its credential.
      lastError: `POST ${new URL(receiver.url).origin}: HTTP 500 Internal Server Error`,
    });
  });

  test('only webhooks whose topics match get a notice', async () => {
    const before = receiver.received.length;
    await worker.notify({ recipients: [], topic: 'radar.proposed', title: 'Not for us', body: '' });
    await worker.notify({ recipients: [], topic: 'catalog.problems', title: 'For ops-chat', body: '' });
    expect(await worker.outbox.runDue()).toBe(1);
    const last = receiver.received[before];
    expect(JSON.parse(last?.body as string).text).toBe('For ops-chat');
    const timestamp = last?.headers['x-plinth-timestamp'] as string;
    expect(last?.headers['x-plinth-signature']).toBe(
      `v1=${createHmac('sha256', CONFIG_SECRET).update(`${timestamp}.${last?.body}`).digest('hex')}`,
    );
  });

  test('"send test" queues a message the running worker delivers at once', async () => {
    t.server.notifications.start();
    const before = receiver.received.length;
    const sent = await call(t, keeper, 'POST', `/api/notifications/webhooks/${hookId}/test`);
    expect(sent.statusCode).toBe(202);
    await until(() => receiver.received.length > before);
    expect(JSON.parse(receiver.received[before]?.body as string).text).toContain(
      'Test message to webhook team-chat',
    );
    await until(async () => (await hook()).deliveries.recent[0].state === 'sent');
  });

  test('config webhooks are listed read-only; bad input gets stable codes', async () => {
    const items = (await call(t, keeper, 'GET', '/api/notifications/webhooks')).json().items;
    const fromConfig = items.find((w: { name: string }) => w.name === 'ops-chat');
    expect(fromConfig).toMatchObject({ source: 'config', topics: ['catalog.*'] });
    const remove = await call(t, keeper, 'DELETE', `/api/notifications/webhooks/${fromConfig.id}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().code).toBe('WEBHOOK_FROM_CONFIG');
    const bad = async (body: object) =>
      (await call(t, keeper, 'POST', '/api/notifications/webhooks', body)).json();
    expect(await bad({ name: 'x-1', url: 'ftp://example.org/x', topics: ['*'] })).toMatchObject({
      code: 'WEBHOOK_INVALID_URL',
      message: expect.stringContaining('url:'),
    });
    expect(await bad({ name: 'x-2', url: receiver.url, topics: ['Request.*'] })).toMatchObject({
      code: 'WEBHOOK_INVALID_TOPIC',
    });
    expect(await bad({ name: 'team-chat', url: receiver.url, topics: ['*'] })).toMatchObject({
      code: 'WEBHOOK_NAME_TAKEN',
    });
    const missing = await call(t, keeper, 'GET', '/api/notifications/webhooks/01J00000000000000000000000');
    expect(missing.statusCode).toBe(404);
    const gone = await call(t, keeper, 'DELETE', `/api/notifications/webhooks/${hookId}`);
    expect(gone.statusCode).toBe(204);
  });
});
