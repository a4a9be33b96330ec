import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
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

describe.skipIf(!hasChromium)('services in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let password = '';

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    t = await startTestServer({
      listen: true,
      config: { services: { vault: { key: Buffer.alloc(32, 9).toString('base64') } } },
    });
    await t.server.catalog.sync.syncAll();
    const system = { userId: null, username: null, ip: null };
    await t.server.auth.teams.create(system, { name: 'lab', title: 'Lab' });
    await t.server.auth.teams.addMember(system, 'lab', t.adminUsername);
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
    // A catalog sync and a browser start take a while on a busy machine.
  }, 60_000);
  screenshotOnFailure('services', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('lists each service with its live health, owner and snippets for the signed-in person', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Services', exact: true })
      .click();
    await expectPage(page, 'Services');
    for (const id of ['ids', 'credentials', 'vault']) {
      await hasText(page.getByTestId(`service-${id}`), 'Operational');
      await hasText(page.getByTestId(`service-${id}`), 'Owner: keepers');
    }
    await hasText(page.getByTestId('service-ids'), 'curl -fsS');
    await page.getByTestId('service-vault').getByRole('tab', { name: 'Python' }).click();
    await expect.poll(() => page.url()).toContain('lang=python');
    await hasText(page.getByTestId('service-ids'), "os.environ['PLINTH_TOKEN']");
    await hasText(page.getByTestId('service-vault'), '/api/secrets/lab/DATABASE_PASSWORD/reveal');
    await page.getByTestId('service-vault').getByRole('tab', { name: 'CLI' }).click();
    await hasText(page.getByTestId('service-vault'), 'plinth secret get lab/DATABASE_PASSWORD');
  });

  test('generates ids, copies them, and decodes a snowflake', async () => {
    await page.getByRole('link', { name: 'Open ID generator' }).click();
    await expectPage(page, 'ID generator');
    await page.getByRole('button', { name: 'Generate 10 ids' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('generated-ids')
          .getByText(/^\d{15,20}$/)
          .count(),
      )
      .toBe(10);
    const first =
      (await page
        .getByTestId('generated-ids')
        .getByText(/^\d{15,20}$/)
        .first()
        .textContent()) ?? '';
    await page.getByRole('button', { name: 'Decode' }).first().click();
    await expect.poll(() => page.url()).toContain(`decode=${first}`);
    await hasText(page.getByTestId('decoded-id'), 'Worker');
    await hasText(page.getByTestId('decoded-id'), first);
    await page.getByText('UUID v7').click();
    await page.getByRole('button', { name: 'Generate 10 ids' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('generated-ids')
          .getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
          .count(),
      )
      .toBe(10);
  });

  test('generates a password, shows it once, and stores it in the team vault', async () => {
    await page.goto(`${t.url}/services/credentials`);
    await expectPage(page, 'Credentials');
    await page.getByRole('button', { name: 'Generate password' }).click();
    await visible(page.getByText('Shown once: copy it now'));
    password = (await page.getByTestId('secret-value').first().textContent()) ?? '';
    expect(password).toHaveLength(20);
    await hasText(page.locator('main'), 'bits of entropy');
    await page.getByRole('textbox', { name: 'Name' }).fill('DB_PASSWORD');
    await page.getByRole('button', { name: 'Store in lab’s vault' }).click();
    await visible(page.getByText('Stored in the team vault'));

    await page.getByRole('tab', { name: 'SSH key pair' }).click();
    await expect.poll(() => page.url()).toContain('type=ssh-key');
    await page.getByRole('textbox', { name: 'Comment' }).fill('admin@laptop');
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    await hasText(page.getByTestId('secret-value').first(), 'ssh-ed25519 ');
    await hasText(page.getByTestId('secret-value').first(), 'admin@laptop');
  });

  test('the vault lists the secret and reveals it after a password check', async () => {
    await page.goto(`${t.url}/services/vault`);
    await expectPage(page, 'Team vault');
    await hasText(page.getByTestId('secret-row'), 'lab/DB_PASSWORD');
    await page.getByRole('button', { name: 'Reveal lab/DB_PASSWORD' }).click();
    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await visible(page.getByText('The password is wrong'));
    await page.getByLabel('Your password').fill(t.adminPassword);
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await hasText(page.getByRole('dialog').getByTestId('secret-value'), password);
    await page.getByRole('button', { name: 'Done' }).click();
    await hasText(page.getByTestId('secret-row'), 'admin');
  });

  test('looks intended in light and dark, at laptop and wide widths', async () => {
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        await view.goto(`${t.url}/services`);
        await expectPage(view, 'Services');
        await screenshot(view, 'services', theme, width);
        await view.goto(`${t.url}/services/ids`);
        await view.getByRole('button', { name: 'Generate 10 ids' }).click();
        await visible(view.getByTestId('generated-ids'));
        await view.getByRole('button', { name: 'Decode' }).first().click();
        await visible(view.getByTestId('decoded-id'));
        await screenshot(view, 'ids', theme, width);
        await view.goto(`${t.url}/services/credentials?type=tls-certificate`);
        await view.getByRole('button', { name: 'Generate certificate' }).click();
        await visible(view.getByText('Shown once: copy it now'));
        await screenshot(view, 'credentials', theme, width);
        await view.goto(`${t.url}/services/vault`);
        await expectPage(view, 'Team vault');
        await screenshot(view, 'vault', theme, width);
        await view.close();
      }
    }
    const narrow = await openPage(browser, { width: 800, theme: 'light', cookies });
    await narrow.goto(`${t.url}/services`);
    await expectPage(narrow, 'Services');
    await screenshot(narrow, 'services', 'light', 800);
    await narrow.close();
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
