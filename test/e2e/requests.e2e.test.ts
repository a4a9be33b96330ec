import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
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

describe.skipIf(!hasChromium)('requests in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let member: Page;
  let keeper: Page;
  let entityPath = '';
  let entityRef = '';
  let requestUrl = '';
  // The server's clock runs this far from the real one: a request filed in the past is overdue now.
  let offset = 0;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    t = await startTestServer({ listen: true, now: () => Date.now() + offset });
    await t.server.catalog.sync.syncAll();
    const system = { userId: null, username: null, ip: null };
    await t.server.auth.teams.create(system, { name: 'optics', title: 'Optics' });
    await t.createUser({ username: 'mira', teams: ['optics'] });
    const entity = await t.server.database.db
      .selectFrom('catalog_entities')
      .select(['namespace', 'name'])
      .where('kind', '=', 'component')
      .orderBy('name')
      .limit(1)
      .executeTakeFirst();
    if (!entity) throw new Error('no component in the demo catalog');
    entityRef = `component:${entity.namespace}/${entity.name}`;
    entityPath = `/catalog/component/${entity.namespace}/${entity.name}`;
    browser = await launchChromium();
    member = await openPage(browser);
    keeper = await openPage(browser);
    await signIn(member, t.url, 'mira', TEST_PASSWORD);
    await signIn(keeper, t.url, t.adminUsername, t.adminPassword);
  }, 90_000);
  screenshotOnFailure('requests-member', () => member);
  screenshotOnFailure('requests-keeper', () => keeper);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a member files a request from an entity page, with the page attached', async () => {
    await member.goto(`${t.url}${entityPath}`);
    await member
      .getByRole('button', { name: 'Request help' })
      .or(member.getByRole('link', { name: 'Request help' }))
      .first()
      .click();
    const dialog = member.getByRole('dialog', { name: 'Ask the Keepers' });
    await visible(dialog);
    await hasText(dialog.getByTestId('request-context'), entityRef);
    await dialog.getByLabel('What do you need?').fill('Read access to the ocean model outputs');
    await dialog.getByLabel('Details').fill('I need the **2025 runs** for a paper. Thanks!');
    await dialog.getByRole('button', { name: 'Send to the Keepers' }).click();
    await member.waitForURL(/\/requests\/[0-9A-Z]{26}$/);
    requestUrl = member.url();
    await expectPage(member, /Read access to the ocean model outputs/);
    await hasText(member.getByText('first response due in', { exact: false }), 'first response due in');
    await visible(member.getByRole('link', { name: entityRef }));
    await hasText(member.locator('.request-markdown').first(), '2025 runs');
  });

  test('a Keeper sees it in All, triages it to themselves and answers', async () => {
    await keeper.goto(`${t.url}/requests?tab=all`);
    await expectPage(keeper, 'Requests');
    await keeper.getByTestId('request-link').filter({ hasText: 'ocean model outputs' }).click();
    await expectPage(keeper, /Read access to the ocean model outputs/);
    await keeper.getByRole('button', { name: 'Triage' }).click();
    const dialog = keeper.getByRole('dialog', { name: /Triage request/ });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Triage' }).click();
    await hasText(keeper.getByTestId('request-actions'), 'Start');
    await keeper.getByLabel('Add a comment').fill('Done: you can read `/data/ocean/2025` now, @mira.');
    await keeper.getByRole('button', { name: 'Comment', exact: true }).click();
    await hasText(keeper.getByTestId('request-comment').last(), '/data/ocean/2025');
    await keeper.getByRole('button', { name: 'Close as done' }).click();
    await hasText(keeper.locator('h1').locator('..').locator('..'), 'Done');
  });

  test('the member sees the notification in the bell and the answer on the request page', async () => {
    await member.goto(`${t.url}/`);
    const bell = member.getByRole('button', { name: /^Notifications: [1-9]\d* unread$/ });
    await visible(bell);
    await member.goto(requestUrl);
    await expectPage(member, /Read access to the ocean model outputs/);
    await hasText(member.getByTestId('request-comment').last(), '/data/ocean/2025');
    await visible(member.getByText('Done', { exact: true }).first());
    expect(scriptErrors).toEqual([]);
  });

  test('a guide step offers help with the step attached', async () => {
    await member.goto(`${t.url}/docs/platform/guides/first-day`);
    await member.getByText('Ask for help on this step').first().click();
    const dialog = member.getByRole('dialog', { name: 'Ask the Keepers' });
    await visible(dialog);
    await hasText(dialog.getByTestId('request-context'), 'Guide step: platform/guides/first-day#');
    await hasText(dialog.getByLabel('What do you need?'), '');
    expect(await dialog.getByLabel('What do you need?').inputValue()).toMatch(/^Help with the guide step/);
    await member.keyboard.press('Escape');
  });

  test('pages look intended in light and dark, at 1280 and 1920', async () => {
    const cookies = await keeper.context().cookies();
    const memberCookies = await member.context().cookies();
    // A second, open request so lists and the dashboard show more than one state.
    const mira = await t.server.auth.userStore.findByUsername('mira');
    if (!mira) throw new Error('no mira');
    offset = -30 * 3_600_000;
    await t.server.requests.service.file(
      { user: mira, role: 'member', method: 'token' },
      { userId: mira.id, username: 'mira', ip: null },
      {
        title: 'New template for R packages',
        description: 'With renv and CI.',
        category: 'new-template',
        urgency: 'high',
      },
    );
    offset = 0;
    // Filed 30 hours ago with a 12-hour first-response target: late, and escalated once.
    expect(await t.server.requests.escalator.run()).toBe(1);
    await keeper.goto(`${t.url}/requests?tab=all&overdue=true`);
    await visible(keeper.locator('tr[data-overdue]'));
    await hasText(keeper.locator('tr[data-overdue]'), 'first response overdue by 18 h');
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const page = await openPage(browser, { theme, width, cookies });
        // Four widths and themes of five pages on a shared machine: give each step more time.
        page.setDefaultTimeout(20_000);
        await page.goto(`${t.url}/requests?tab=all`);
        await expectPage(page, 'Requests');
        await screenshot(page, 'requests-all', theme, width);
        await page.goto(requestUrl);
        await expectPage(page, /Read access/);
        await screenshot(page, 'request-page', theme, width);
        await page.goto(`${t.url}/requests?tab=dashboard`);
        await visible(page.getByTestId('request-dashboard'));
        await screenshot(page, 'requests-dashboard', theme, width);
        await page.context().close();
        const own = await openPage(browser, { theme, width, cookies: memberCookies });
        own.setDefaultTimeout(20_000);
        await own.goto(`${t.url}/`);
        await visible(own.getByTestId('open-requests'));
        await screenshot(own, 'requests-home', theme, width);
        await own.goto(`${t.url}${entityPath}`);
        await own
          .getByRole('button', { name: 'Request help' })
          .or(own.getByRole('link', { name: 'Request help' }))
          .first()
          .click();
        await visible(own.getByRole('dialog', { name: 'Ask the Keepers' }));
        await screenshot(own, 'request-new', theme, width);
        await own.context().close();
      }
    }
  }, 120_000);
});
