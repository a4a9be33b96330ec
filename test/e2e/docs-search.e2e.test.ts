import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import {
  absent,
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

const GUIDE = '/docs/platform/guides/first-day';

describe.skipIf(!hasChromium)('docs, guides and search in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    // The demo platform repo, with a short allowed age so its guides show the staleness banner.
    t = await startTestServer({ listen: true, config: { docs: { guideMaxAgeDays: 5 } } });
    await t.server.catalog.locations.syncNow(systemActor, 'platform');
    // The entities' docs folders are read once the catalog names them.
    await t.server.docs.sync.sync();
    await t.createUser({ username: 'ada' });
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, 'ada', TEST_PASSWORD);
  });
  screenshotOnFailure('docs', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('search from the top bar with the keyboard: / focuses, arrows choose, Enter opens', async () => {
    await expectPage(page, /Good (morning|afternoon|evening)/);
    await page.keyboard.press('/');
    await page.keyboard.type('first day');
    const quick = page.getByTestId('quick-results');
    await visible(quick.getByRole('option', { name: /Start here: your first day/ }));
    await visible(quick.getByText('Guides', { exact: true }));
    await screenshot(page, 'search-quick', 'light', 1280);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${GUIDE}`);
    await expectPage(page, 'Start here: your first day');
  });

  test('a guide is a stepper: ticked steps are kept across a reload, with the staleness banner', async () => {
    await visible(page.getByTestId('stale-banner'));
    await visible(page.getByText('0 of 5 steps done'));
    await page.getByRole('checkbox', { name: /Step 1 done/ }).check();
    await page.getByRole('checkbox', { name: /Step 2 done/ }).check();
    await visible(page.getByText('2 of 5 steps done'));
    await page.waitForLoadState('networkidle');
    await page.reload();
    await expectPage(page, 'Start here: your first day');
    await visible(page.getByText('2 of 5 steps done'));
    expect(await page.getByRole('checkbox', { name: /Step 1 done/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Step 3 done/ }).isChecked()).toBe(false);
    // Code blocks carry a copy button; the page's facts and edit link are shown.
    await visible(page.getByRole('button', { name: 'Copy bash code' }));
    await screenshot(page, 'docs-guide', 'light', 1280);
  });

  test('Home shows the starting guide with the steps ticked, and continues it', async () => {
    await page.goto(t.url);
    await expectPage(page, /^(Good (morning|afternoon|evening)|Working late),/);
    const card = page.getByTestId('start-here');
    const guide = card.getByTestId('start-here-guide');
    await visible(guide.getByText('Start here: your first day'));
    await hasText(guide.getByTestId('start-here-progress'), '2 of 5 steps done');
    await visible(guide.getByRole('progressbar', { name: 'Guide progress: 40%' }));
    // The guide's own link is not repeated among the other starting points.
    await absent(card.getByText('Your first day', { exact: true }));
    await visible(card.getByText('Find a library, tool or dataset'));
    await screenshot(page, 'home-start-here', 'light', 1280);
    await guide.getByRole('link', { name: 'Continue the guide' }).click();
    await page.waitForURL(`**${GUIDE}`);
    await expectPage(page, 'Start here: your first day');
  });

  test("an entity's Docs tab shows its docs, with the tab in the URL", async () => {
    await page.goto(`${t.url}/catalog/component/default/downscaler`);
    await expectPage(page, 'Regional downscaler');
    await page.getByRole('tab', { name: 'Docs' }).click();
    await page.waitForURL(/[?&]tab=docs/);
    const docs = page.getByTestId('entity-docs-page');
    await visible(docs.getByText('Reference decades'));
    await visible(page.getByRole('navigation', { name: 'Pages of these docs' }).getByText('Run a scenario'));
    await screenshot(page, 'entity-docs', 'light', 1280);
    await page.reload();
    await visible(page.getByTestId('entity-docs-page').getByText('Reference decades'));
    await page.getByRole('navigation', { name: 'Pages of these docs' }).getByText('Run a scenario').click();
    await page.waitForURL('**/docs/component/default/downscaler/run-a-scenario');
    await expectPage(page, 'Run a scenario');
    // An entity without docs has no Docs tab, and ?tab=docs falls back to the overview.
    await page.goto(`${t.url}/catalog/component/default/qdm-bias-correction?tab=docs`);
    await expectPage(page, 'Quantile delta mapping');
    await absent(page.getByRole('tab', { name: 'Docs' }));
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
  });

  test('pages with Mermaid draw their diagram; others never load it', async () => {
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (/mermaid|flowDiagram|flowchart/i.test(request.url())) loaded.push(request.url());
    });
    await page.goto(`${t.url}/docs/platform/practices/secrets`);
    await expectPage(page, 'Handling secrets');
    expect(loaded).toEqual([]);
    await page.goto(`${t.url}/docs/platform`);
    await expectPage(page, 'Meridian platform handbook');
    await visible(page.locator('.mermaid-diagram svg'));
    expect(loaded.length).toBeGreaterThan(0);
    await screenshot(page, 'docs-page', 'light', 1280);
  });

  test('the full results page narrows by type, with the filters in the URL', async () => {
    await page.goto(`${t.url}/search?q=dvc`);
    await expectPage(page, 'Search: dvc');
    const results = page.getByTestId('search-results');
    await visible(results.getByText(/results?$/));
    await page
      .getByRole('navigation', { name: 'Narrow the results' })
      .getByRole('button', { name: /Guides/ })
      .click();
    await page.waitForURL(/type=guide/);
    await visible(results.getByText('Version your data with DVC'));
    await screenshot(page, 'search-results', 'light', 1280);
  });

  test('looks intended in dark and on a wide screen', async () => {
    const dark = await openPage(browser, {
      theme: 'dark',
      width: 1920,
      cookies: await page.context().cookies(),
    });
    await dark.goto(`${t.url}${GUIDE}`);
    await expectPage(dark, 'Start here: your first day');
    await visible(dark.getByText('2 of 5 steps done'));
    await screenshot(dark, 'docs-guide', 'dark', 1920);
    await dark.goto(`${t.url}/docs/platform`);
    await expectPage(dark, 'Meridian platform handbook');
    await visible(dark.locator('.mermaid-diagram svg'));
    await screenshot(dark, 'docs-page', 'dark', 1920);
    await dark.goto(`${t.url}/search?q=secrets`);
    await expectPage(dark, 'Search: secrets');
    await screenshot(dark, 'search-results', 'dark', 1920);
    await dark.goto(`${t.url}/docs`);
    await expectPage(dark, 'Docs');
    await screenshot(dark, 'docs-landing', 'dark', 1920);
    await dark.goto(t.url);
    await hasText(dark.getByTestId('start-here-progress'), '2 of 5 steps done');
    await screenshot(dark, 'home-start-here', 'dark', 1920);
    await dark.goto(`${t.url}/catalog/component/default/downscaler?tab=docs`);
    await visible(dark.getByTestId('entity-docs-page').getByText('Reference decades'));
    await screenshot(dark, 'entity-docs', 'dark', 1920);
    await dark.context().close();
    expect(scriptErrors).toEqual([]);
  });
});
