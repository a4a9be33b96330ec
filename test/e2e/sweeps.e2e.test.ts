import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  expectPage,
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

// Each trial reports its loss at three steps: the learning rate × 1000, divided by the step.
const command = `sh -c 'for s in 1 2 3; do echo "PLINTH_METRIC loss=$(awk "BEGIN{print $PLINTH_PARAM_LEARNING_RATE*1000/$s}") step=$s"; sleep 0.2; done'`;

describe.skipIf(!hasChromium)('sweeps in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let sweepUrl = '';

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    t = await startTestServer({ listen: true, config: { compute: { pollIntervalSeconds: 0.3 } } });
    t.server.compute.start();
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
  });
  screenshotOnFailure('sweeps', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the Compute page says what a sweep is while there is none', async () => {
    await page.goto(`${t.url}/compute`);
    await expectPage(page, 'Compute');
    await visible(page.getByTestId('sweep-list').getByText('No sweeps yet'));
    await page.getByRole('link', { name: 'Start sweep' }).first().click();
    await expectPage(page, 'Start a sweep');
  });

  test('the form checks a range as you type, shows the sweep file, and starts the sweep', async () => {
    await page.getByRole('textbox', { name: 'Sweep name' }).fill('tune-lr');
    await page.getByRole('textbox', { name: 'Command' }).fill(command);
    const max = page.getByTestId('parameter-0').getByRole('textbox', { name: 'Max' });
    await max.fill('0.00001');
    await visible(page.getByText('Must be above min'));
    await max.fill('0.1');
    await expect.poll(() => page.getByText('Must be above min').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Trials at most' }).fill('6');
    await page.getByRole('textbox', { name: 'At once' }).fill('3');
    const yaml = (await page.getByTestId('sweep-yaml').textContent()) ?? '';
    expect(yaml).toContain('name: tune-lr');
    expect(yaml).toContain('scale: log');
    await screenshot(page, 'sweep-form', 'light', 1280);
    await page.getByRole('button', { name: 'Start sweep' }).click();
    await page.waitForURL(/\/compute\/sweeps\/(?!new$)[^/?]+$/);
    sweepUrl = page.url();
    await visible(page.getByRole('heading', { level: 1, name: 'tune-lr' }));
  });

  test('the sweep page grows live: trials, the best with its parameters, and the charts', async () => {
    await expect
      .poll(async () => (await page.getByTestId('sweep-state').textContent()) ?? '', { timeout: 60_000 })
      .toContain('Succeeded');
    await expect.poll(() => page.locator('[data-testid="trials-table"] tbody tr').count()).toBe(6);
    await visible(page.getByTestId('best-trial'));
    await expect
      .poll(() => page.locator('[data-testid="sweep-charts"] .recharts-surface').count())
      .toBeGreaterThan(2);
    const best = (await page.getByTestId('best-trial').textContent()) ?? '';
    expect(best).toContain('learning_rate');
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies: await page.context().cookies() });
        await view.goto(sweepUrl);
        await visible(view.getByTestId('best-trial'));
        await expect
          .poll(() => view.locator('[data-testid="sweep-charts"] .recharts-surface').count())
          .toBeGreaterThan(2);
        await screenshot(view, 'sweep', theme, width);
        await view.context().close();
      }
    }
    await page.goto(`${t.url}/compute`);
    await visible(page.getByTestId('sweep-list').getByRole('link', { name: 'tune-lr' }));
    await screenshot(page, 'compute-with-sweeps', 'light', 1280);
  }, 120_000);

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
