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

const sections: [nav: string, heading: string | RegExp][] = [
  ['Catalog', 'Catalog'],
  ['Docs', 'Docs'],
  ['Templates', 'Templates'],
  ['Services', 'Services'],
  ['Compute', 'Compute'],
  ['Radar', 'Radar'],
  ['Requests', 'Requests'],
  ['Users', 'Users'],
  ['Teams', 'Teams'],
  ['Audit log', 'Audit log'],
  ['Home', /Platform Keeper/],
];

/** Pages photographed in every theme and width: [file name, path, main heading]. */
const screens: [string, string, string | RegExp][] = [
  ['home', '/', /Platform Keeper/],
  ['users', '/admin/users', 'Users'],
  ['team', '/admin/teams/protein-folding', 'Protein Folding'],
  ['audit', '/admin/audit', 'Audit log'],
  ['tokens', '/profile/tokens', 'API tokens'],
  ['profile', '/profile', 'Profile'],
  ['catalog', '/catalog', 'Catalog'],
];

const colorScheme = (page: Page) => page.evaluate('document.documentElement.dataset.mantineColorScheme');

describe.skipIf(!hasChromium)('the portal in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let member: { username: string; password: string };
  let platformRepo: string;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    platformRepo = writePlatformRepo();
    t = await startTestServer({ listen: true, config: { platformRepo } });
    member = await t.createUser({ username: 'mira.member', role: 'member' });
    browser = await launchChromium();
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (platformRepo) rmSync(platformRepo, { recursive: true, force: true });
  });

  test('sends a visitor to sign in and back to the page they asked for', async () => {
    await page.goto(`${t.url}/admin/users?role=keeper`);
    await page.waitForURL(/\/login\?next=/);
    await visible(page.getByRole('heading', { name: 'Helix Research Institute' }));
    await page.getByLabel('Username').fill(t.adminUsername);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await hasText(page.getByTestId('login-error'), 'do not match');
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/admin/users?role=keeper');
    await expectPage(page, 'Users');
    expect(await page.title()).toBe('Users · Admin · Plinth');
    // The filter came from the link, so only Keepers are listed.
    await visible(page.locator('[data-username="admin"]'));
    await absent(page.locator('[data-username="mira.member"]'));
  });

  test('opens every section from the side navigation without an error', async () => {
    for (const [nav, heading] of sections) {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: nav, exact: true })
        .click();
      await expectPage(page, heading);
    }
    await page.goto(`${t.url}/no/such/page`);
    await expectPage(page, 'There is no page here');
  });

  test('opens search from the keyboard, and says when nothing matches', async () => {
    await page.goto(`${t.url}/`);
    await expectPage(page, /Platform Keeper/);
    await page.keyboard.press('/');
    await page.keyboard.type('protein');
    // This portal's catalog is empty: the quick results say so, and what to try.
    await hasText(page.getByTestId('quick-results'), 'Nothing matches “protein”');
    await page.keyboard.press('Escape');
  });

  test('switches between light and dark from the user menu', async () => {
    expect(await colorScheme(page)).toBe('light');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('theme-switch').getByText('Dark').click();
    await expect.poll(() => colorScheme(page)).toBe('dark');
    await page.getByTestId('theme-switch').getByText('Light').click();
    await expect.poll(() => colorScheme(page)).toBe('light');
    await page.keyboard.press('Escape');
  });

  test('creates a user and shows the one-time password once', async () => {
    await page.goto(`${t.url}/admin/users`);
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Username').fill('Ann');
    await visible(dialog.getByText('Start with a lower-case letter'));
    await dialog.getByLabel('Username').fill('ann.lee');
    await dialog.getByLabel('Display name').fill('Ann Lee');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await visible(dialog.getByText('you will not see it again'));
    const password = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await hasText(page.locator('[data-username="ann.lee"]'), 'One-time password');
    await absent(page.getByText(password));
    await page.getByLabel('Search', { exact: true }).fill('ann');
    await page.waitForURL(/[?&]q=ann/);
    await absent(page.locator('[data-username="mira.member"]'));

    // The new person must replace that password before anything else.
    const annPage = await openPage(browser);
    await signIn(annPage, t.url, 'ann.lee', password);
    await visible(annPage.getByTestId('must-change-password'));
    await annPage.getByLabel('Current password').fill(password);
    await annPage.getByLabel('New password', { exact: true }).fill('Ann-owns-this-1');
    await annPage.getByLabel('Repeat the new password').fill('Ann-owns-this-1');
    await annPage.getByRole('button', { name: 'Change password' }).click();
    await expectPage(annPage, /Ann Lee/);
    await annPage.context().close();
  });

  test('creates a team and adds a member', async () => {
    await page.goto(`${t.url}/admin/teams`);
    await page.getByRole('button', { name: 'Create team' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Protein Folding');
    await expect.poll(() => dialog.getByLabel('Short name').inputValue()).toBe('protein-folding');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(/\/admin\/teams\/protein-folding$/);
    await expectPage(page, 'Protein Folding');
    await page.getByRole('combobox', { name: 'Add a person' }).click();
    await page.getByRole('option', { name: /Ann Lee/ }).click();
    await page.getByRole('button', { name: 'Add to team' }).click();
    await visible(page.getByRole('cell', { name: 'ann.lee' }));
  });

  test('creates an API token, shows its secret once, and the token works', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'API tokens' }).click();
    await expectPage(page, 'API tokens');
    await page.getByRole('button', { name: 'Create token' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('laptop CLI');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await visible(dialog.getByText('you will not see it again'));
    const secret = (await dialog.getByTestId('secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^plinth_/);
    const me = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await visible(page.getByRole('cell', { name: 'laptop CLI' }));
    await page.reload();
    await visible(page.getByRole('cell', { name: 'laptop CLI' }));
    await absent(page.getByText(secret));
  });

  test('signs out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${t.url}/profile`);
    await page.waitForURL(/\/login\?next=%2Fprofile/);
  });

  test('does not show Admin to a member', async () => {
    // Still on /login?next=/profile from signing out: a member lands where they were going too.
    await signIn(page, t.url, member.username, member.password);
    await expectPage(page, 'Profile');
    await absent(page.getByTestId('admin-nav'));
    await absent(page.getByRole('link', { name: 'Users', exact: true }));
    await page.goto(`${t.url}/admin/users`);
    await visible(page.getByText('Only Keepers can open this page'));
  });

  test('looks intended in light and dark, at laptop and wide widths', async () => {
    await page.context().clearCookies();
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        for (const [name, path, heading] of screens) {
          await view.goto(`${t.url}${path}`);
          await expectPage(view, heading);
          await screenshot(view, name, theme, width);
        }
        await view.context().close();
        const visitor = await openPage(browser, { width, theme });
        await visitor.goto(`${t.url}/login`);
        await visible(visitor.getByRole('button', { name: 'Sign in' }));
        await screenshot(visitor, 'login', theme, width);
        await visitor.context().close();
      }
    }
    // Narrow laptops and split screens: the navigation folds into a burger but everything stays usable.
    const narrow = await openPage(browser, { width: 800, theme: 'light', cookies });
    await narrow.goto(`${t.url}/admin/users`);
    await expectPage(narrow, 'Users');
    await screenshot(narrow, 'users', 'light', 800);
    await narrow.getByRole('button', { name: 'Toggle navigation' }).click();
    await visible(narrow.getByRole('link', { name: 'Compute' }));
    await screenshot(narrow, 'nav-open', 'light', 800);
    await narrow.context().close();
  }, 180_000);

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
