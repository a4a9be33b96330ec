import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import { startWebhookReceiver } from '../notifications/receivers.js';
import {
  expectPage,
  hasText,
  launchChromium,
  openPage,
  screenshot,
  screenshotOnFailure,
  scriptErrors,
  signIn,
  visible,
  webIndex,
} from './browser.js';

const hasChromium = engineAvailable('chromium', existsSync(chromiumPath), 'apt-get install chromium');

describe.skipIf(!hasChromium)('notifications in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let noraId = '';

  const bell = () => page.getByRole('button', { name: /^Notifications: \d+ unread$/ });
  const notifyNora = (title: string, link = '/services/vault') =>
    t.server.notifications.notify({
      recipients: [noraId],
      topic: 'vault.expiry',
      title,
      body: 'Store a new value before it expires: jobs that read it are refused once it has.',
      link,
      actorId: null,
    });

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    receiver = await startWebhookReceiver();
    t = await startTestServer({
      listen: true,
      config: {
        notifications: {
          delivery: { maxAttempts: 1 },
          webhooks: {
            endpoints: [
              {
                name: 'ops-chat',
                url: receiver.url,
                topics: ['catalog.*', 'request.*'],
                secret: 'x'.repeat(24),
              },
            ],
          },
        },
      },
    });
    await t.server.auth.users.create(
      systemActor,
      { username: 'nora', displayName: 'Nora Lind', email: 'nora@example.org', password: TEST_PASSWORD },
      { mustChangePassword: false },
    );
    noraId = (await t.server.auth.userStore.findByUsername('nora'))?.id as string;
    const admin = (await t.server.auth.userStore.findByUsername(t.adminUsername))?.id as string;
    await t.server.notifications.notify({
      recipients: [noraId],
      topic: 'catalog.problems',
      title: "2 new problems in your team's catalog entities",
      body: 'Team lab: the latest catalog revision brought:\n- component:default/pump: owner not found',
      link: '/',
      actorId: admin,
    });
    await t.server.notifications.inbox.markAllRead(noraId);
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, 'nora', TEST_PASSWORD);
  }, 60_000);
  screenshotOnFailure('notifications', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await receiver?.close();
  });

  test('a notice appears live in the bell; following it opens its link and marks it read', async () => {
    await visible(page.getByRole('button', { name: 'Notifications: 0 unread' }));
    await notifyNora('Secret API_TOKEN of team lab expires on 2026-12-01');
    // No reload: the count arrives over the live stream.
    await visible(page.getByRole('button', { name: 'Notifications: 1 unread' }));
    await notifyNora('Secret DB_PASSWORD of team lab expires on 2026-12-03');
    await visible(page.getByRole('button', { name: 'Notifications: 2 unread' }));
    await bell().click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await visible(panel.getByTestId('notification-item'));
    expect(await panel.locator('[data-testid="notification-item"][data-unread]').count()).toBe(2);
    await hasText(panel.getByTestId('notification-item').first(), 'Unread: Secret DB_PASSWORD');
    await screenshot(page, 'notifications-bell', 'light', 1280);
    await panel.getByRole('link', { name: /Secret API_TOKEN/ }).click();
    await page.waitForURL((url) => url.pathname === '/services/vault');
    await visible(page.getByRole('button', { name: 'Notifications: 1 unread' }));
    await page.getByRole('button', { name: 'Notifications: 1 unread' }).click();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await visible(page.getByRole('button', { name: 'Notifications: 0 unread' }));
    await page.keyboard.press('Escape');
  });

  test('the notifications page lists all, filters unread in the URL', async () => {
    await page.goto(`${t.url}/notifications`);
    await expectPage(page, 'Notifications');
    expect(await page.getByTestId('notification-item').count()).toBe(3);
    await page.getByText('Unread', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('show=unread');
    await visible(page.getByRole('heading', { name: 'All read' }));
    await notifyNora('Secret S3_KEY of team lab expires on 2026-12-09');
    await hasText(page.getByTestId('notification-item'), 'S3_KEY');
    expect(await page.getByTestId('notification-item').count()).toBe(1);
  });

  test('preferences are saved and kept', async () => {
    await page.goto(`${t.url}/profile/notifications`);
    await expectPage(page, 'Notification choices');
    const requestsByEmail = page.getByRole('switch', { name: 'Team requests by e-mail' });
    expect(await requestsByEmail.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Addressed to you by e-mail' }).isChecked()).toBe(true);
    await requestsByEmail.click({ force: true });
    await page.getByRole('button', { name: 'Save choices' }).click();
    await visible(page.getByText('Choices saved'));
    await page.reload();
    await expectPage(page, 'Notification choices');
    expect(await page.getByRole('switch', { name: 'Team requests by e-mail' }).isChecked()).toBe(true);
    const prefs = await t.server.notifications.preferences.get(noraId);
    expect(prefs.find((g) => g.id === 'requests')?.channels).toEqual({ inApp: true, email: true });
  });

  test('Keepers see webhooks with their deliveries, including the ones given up', async () => {
    // A receiver that was there and is gone: its port refuses connections.
    const gone = await startWebhookReceiver();
    await gone.close();
    await t.server.notifications.webhooks.create(systemActor, {
      name: 'gone-receiver',
      url: gone.url,
      topics: ['request.*'],
    });
    await t.server.notifications.notify({
      recipients: [],
      topic: 'request.overdue',
      title: 'Request #42 is overdue',
      body: 'No answer for 3 days.',
      link: '/requests/42',
    });
    await t.server.notifications.outbox.runDue();
    const admin = await openPage(browser);
    await signIn(admin, t.url, t.adminUsername, t.adminPassword);
    await admin.goto(`${t.url}/admin/notifications`);
    await expectPage(admin, 'Notification webhooks');
    const given = admin.getByTestId('webhook').filter({ hasText: 'gone-receiver' });
    await hasText(given, '1 given up');
    await hasText(given.getByTestId('webhook-delivery'), 'ECONNREFUSED');
    const chat = admin.getByTestId('webhook').filter({ hasText: 'ops-chat' });
    await hasText(chat, 'Defined in the config');
    await hasText(chat.getByTestId('webhook-delivery'), 'Sent');
    expect(await chat.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // A Keeper adds one in the portal: the secret is shown once; "Send test" goes through the worker.
    t.server.notifications.start();
    await admin.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Bad Name');
    await visible(dialog.getByText('Lower-case letters, digits and dashes'));
    await dialog.getByLabel('Name').fill('lab-chat');
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await visible(dialog.getByTestId('secret-value'));
    const secret = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await screenshot(admin, 'notification-webhook-added', 'light', 1280);
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    const lab = admin.getByTestId('webhook').filter({ hasText: 'lab-chat' });
    await lab.getByRole('button', { name: 'Send test' }).click();
    await hasText(lab.getByTestId('webhook-delivery'), 'Sent');
    expect(receiver.received.some((r) => r.body.includes('Test message to webhook lab-chat'))).toBe(true);
    expect(await admin.content()).not.toContain(secret);
    await admin.close();
  });

  test('looks intended in light and dark', async () => {
    const cookies = await page.context().cookies();
    const adminPage = await openPage(browser);
    await signIn(adminPage, t.url, t.adminUsername, t.adminPassword);
    const adminCookies = await adminPage.context().cookies();
    await adminPage.close();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        await view.goto(`${t.url}/notifications`);
        await expectPage(view, 'Notifications');
        await screenshot(view, 'notifications', theme, width);
        await view.getByRole('button', { name: /^Notifications: \d+ unread$/ }).click();
        await visible(view.getByRole('dialog', { name: 'Notifications' }).getByTestId('notification-item'));
        await screenshot(view, 'notifications-panel', theme, width);
        await view.keyboard.press('Escape');
        await view.goto(`${t.url}/profile/notifications`);
        await expectPage(view, 'Notification choices');
        await screenshot(view, 'notification-preferences', theme, width);
        await view.close();
        const admin = await openPage(browser, { width, theme, cookies: adminCookies });
        await admin.goto(`${t.url}/admin/notifications`);
        await expectPage(admin, 'Notification webhooks').catch(async (e) => {
          await admin.screenshot({ path: 'test-results/failures/debug-admin.png' });
          throw e;
        });
        await screenshot(admin, 'notification-webhooks', theme, width);
        await admin.close();
      }
    }
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
