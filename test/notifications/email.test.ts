import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { bearer, call } from '../helpers/client.js';
import { testDatabases } from '../helpers/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import { startSmtpReceiver } from './receivers.js';

describe.each(testDatabases())('e-mail notifications through a real SMTP server (%s)', (database) => {
  let t: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpReceiver(['gone@example.org']);
    t = await startTestServer({
      database,
      config: {
        notifications: {
          email: {
            host: '127.0.0.1',
            port: smtp.port,
            starttls: 'never',
            from: 'Plinth <plinth@example.org>',
            publicUrl: 'https://portal.example.org/',
          },
          delivery: { maxAttempts: 4, baseDelaySeconds: 0 },
        },
      },
    });
    for (const [username, email] of [
      ['ada', 'ada@example.org'],
      ['bob', 'bob@example.org'],
      ['gus', 'gone@example.org'],
      ['nomail', undefined],
    ] as const) {
      await t.server.auth.users.create(
        systemActor,
        { username, displayName: `Dr ${username}`, email, password: TEST_PASSWORD },
        { mustChangePassword: false },
      );
      ids[username] = (await t.server.auth.userStore.findByUsername(username))?.id as string;
    }
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const to = (address: string) => smtp.messages.filter((m) => m.envelopeTo.includes(address));

  test('a notice addressed to a person arrives as e-mail: recipient, subject, text, HTML, link', async () => {
    await t.server.notifications.notify({
      recipients: [ids.ada as string, ids.nomail as string],
      actorId: ids.bob,
      topic: 'request.commented',
      title: 'Dr bob answered your request #12',
      body: 'The GPU quota is raised.\nTry again tomorrow.',
      link: '/requests/12',
      personal: true,
    });
    await t.server.notifications.outbox.runDue();
    const [message] = to('ada@example.org');
    expect(message).toBeDefined();
    const mail = message?.mail;
    expect(mail?.subject).toBe('Dr bob answered your request #12');
    expect(mail?.from?.value[0]).toMatchObject({ name: 'Plinth', address: 'plinth@example.org' });
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('ada@example.org');
    expect(mail?.text).toContain('The GPU quota is raised.\nTry again tomorrow.');
    expect(mail?.text).toContain('Open: https://portal.example.org/requests/12');
    expect(mail?.html).toContain('href="https://portal.example.org/requests/12"');
    expect(mail?.html).toContain('href="https://portal.example.org/profile/notifications"');
    expect(mail?.headers.get('x-plinth-topic')).toBe('request.commented');
    // In the portal too; and nobody without an address, nor the actor, got mail.
    expect(smtp.messages).toHaveLength(1);
  });

  test('team activity is in-app only by default; a person who opts in gets it by e-mail', async () => {
    const notice = {
      recipients: [ids.ada as string, ids.bob as string],
      topic: 'request.created',
      title: 'New request #13 in team lab',
      body: 'Need a bigger disk.',
      link: '/requests/13',
    };
    await t.server.notifications.notify(notice);
    await t.server.notifications.outbox.runDue();
    expect(to('bob@example.org')).toHaveLength(0);
    const bob = await bearer(t, 'bob');
    const saved = await call(t, bob, 'PUT', '/api/notifications/preferences', {
      groups: { requests: { email: true } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().groups.find((g: { id: string }) => g.id === 'requests').channels).toEqual({
      inApp: true,
      email: true,
    });
    expect(saved.json().email).toEqual({ available: true, address: 'bob@example.org' });
    await t.server.notifications.notify(notice);
    await t.server.notifications.outbox.runDue();
    expect(to('bob@example.org').map((m) => m.mail.subject)).toEqual(['New request #13 in team lab']);
    expect(to('ada@example.org')).toHaveLength(1);
  });

  test('a person who turns off e-mail for a group gets none; one who turns off in-app sees nothing in the bell', async () => {
    const ada = await bearer(t, 'ada');
    await call(t, ada, 'PUT', '/api/notifications/preferences', {
      groups: { personal: { email: false, inApp: false } },
    });
    const before = (await call(t, ada, 'GET', '/api/notifications')).json().items.length;
    await t.server.notifications.notify({
      recipients: [ids.ada as string],
      topic: 'request.assigned',
      title: 'Request #14 is yours',
      body: '',
      personal: true,
    });
    await t.server.notifications.outbox.runDue();
    expect(to('ada@example.org')).toHaveLength(1);
    expect((await call(t, ada, 'GET', '/api/notifications')).json().items.length).toBe(before);
  });

  test('preferences refuse unknown groups and channels with codes naming the field', async () => {
    const bob = await bearer(t, 'bob');
    const group = await call(t, bob, 'PUT', '/api/notifications/preferences', {
      groups: { nope: { email: true } },
    });
    expect(group.statusCode).toBe(400);
    expect(group.json()).toMatchObject({
      code: 'NOTIFICATION_UNKNOWN_GROUP',
      message: expect.stringContaining('groups'),
    });
    const channel = await call(t, bob, 'PUT', '/api/notifications/preferences', {
      groups: { radar: { sms: true } },
    });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().code).toBe('NOTIFICATION_UNKNOWN_CHANNEL');
  });

  test('an address the server refuses (550) is given up at once and recorded', async () => {
    await t.server.notifications.notify({
      recipients: [ids.gus as string],
      topic: 'request.overdue',
      title: 'Request #15 is overdue',
      body: 'No answer for 3 days.',
    });
    await t.server.notifications.outbox.runDue();
    const row = await t.server.database.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('target', '=', 'gone@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'email', state: 'failed', attempts: 1 });
    expect(row.last_error).toContain('550');
  });
});
