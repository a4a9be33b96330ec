import { existsSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  absent,
  expectPage,
  hasText,
  launchChromium,
  openPage,
  screenshot,
  scriptErrors,
  signIn,
  visible,
  webIndex,
  writePlatformRepo,
} from './browser.js';

const hasChromium = engineAvailable('chromium', existsSync(chromiumPath), 'apt-get install chromium');

describe.skipIf(!hasChromium)('an account locked by failed sign-ins, in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let platformRepo: string;
  let member: { username: string; password: string };

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    platformRepo = writePlatformRepo();
    t = await startTestServer({
      listen: true,
      config: { platformRepo, auth: { scryptCost: 10, lockout: { failures: 3 } } },
    });
    member = await t.createUser({ username: 'lena.locked', role: 'member' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (platformRepo) rmSync(platformRepo, { recursive: true, force: true });
  });

  /** One sign-in through the form; returns once the server has answered. */
  async function tryPassword(page: Page, password: string) {
    await page.getByLabel('Username').fill(member.username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    return (await answered).status();
  }

  test('the login page says the account is locked and for how long', async () => {
    const page = await openPage(browser);
    await page.goto(`${t.url}/login`);
    for (let i = 0; i < 3; i++) expect(await tryPassword(page, `wrong-guess-${i}`)).toBe(401);
    await hasText(page.getByTestId('login-error'), 'do not match');
    // The right password now gets the same refusal as a wrong one would.
    expect(await tryPassword(page, member.password)).toBe(429);
    await hasText(page.getByTestId('login-error'), 'Too many failed sign-ins for this account');
    await hasText(
      page.getByTestId('login-error'),
      'try again in 1 minute, or ask a Keeper to clear the lock',
    );
    await screenshot(page, 'login-locked', 'light', 1280);
    await page.context().close();
  });

  test('a Keeper sees the lock on the users page and clears it', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const view = await openPage(browser, { theme });
      await signIn(view, t.url, t.adminUsername, t.adminPassword);
      await view.goto(`${t.url}/admin/users`);
      await expectPage(view, 'Users');
      await hasText(view.locator('[data-username="lena.locked"]'), 'Locked');
      await screenshot(view, 'users-locked', theme, 1280);
      await view.context().close();
    }
    const page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
    await page.goto(`${t.url}/admin/users`);
    await page.getByRole('button', { name: 'Actions for lena.locked' }).click();
    await page.getByRole('menuitem', { name: 'Clear lock' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText('their 3 failed sign-ins are forgotten'));
    await screenshot(page, 'users-clear-lock', 'light', 1280);
    await dialog.getByRole('button', { name: 'Clear lock' }).click();
    await absent(page.getByRole('dialog'));
    await hasText(page.locator('[data-username="lena.locked"]'), 'Active');
    // A user without a lock has no such action.
    await page.getByRole('button', { name: 'Actions for lena.locked' }).click();
    await visible(page.getByRole('menuitem', { name: 'Reset password' }));
    await absent(page.getByRole('menuitem', { name: 'Clear lock' }));
    await page.keyboard.press('Escape');

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=user.lock.clear',
      headers: { authorization: `Bearer ${await t.tokenFor(t.adminUsername)}` },
    });
    expect(audit.json().items[0]).toMatchObject({ actor: t.adminUsername, target: 'lena.locked' });

    const lena = await openPage(browser);
    await signIn(lena, t.url, member.username, member.password);
    await expectPage(lena, /Test lena\.locked/);
    await lena.context().close();
    await page.context().close();
  });

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
