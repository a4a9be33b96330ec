import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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
  screenshotOnFailure,
  scriptErrors,
  signIn,
  visible,
  webIndex,
} from './browser.js';

const hasChromium = engineAvailable('chromium', existsSync(chromiumPath), 'apt-get install chromium');
const examples = resolve('examples/platform');

/** Waits (longer than the default) until the locator's text contains `text`: tasks take a moment. */
async function eventually(locator: Locator, text: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await locator.first().textContent()) ?? '', { timeout, interval: 200 })
    .toContain(text);
}

const field = (page: Page, name: string) =>
  page.locator(`input[data-field="${name}"], textarea[data-field="${name}"]`);

describe.skipIf(!hasChromium)('templates in a real browser', () => {
  let t: TestServer;
  let root: string;
  let browser: Browser;
  let page: Page;
  let taskUrl = '';

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    root = mkdtempSync(join(tmpdir(), 'plinth-e2e-templates-'));
    const platform = join(root, 'platform');
    cpSync(join(examples, 'catalog'), join(platform, 'catalog'), { recursive: true });
    cpSync(join(examples, 'templates'), join(platform, 'templates'), { recursive: true });
    cpSync(join(examples, 'platform.yaml'), join(platform, 'platform.yaml'));
    mkdirSync(join(root, 'remote'));
    execFileSync('git', ['init', '-q', '--bare', join(root, 'remote', 'ocean-drift.git')]);
    t = await startTestServer({
      listen: true,
      config: {
        platformRepo: platform,
        scaffolder: {
          remotes: {
            lab: { url: `file://${join(root, 'remote')}`, webUrl: 'https://git.meridian.example/lab' },
          },
        },
      },
    });
    const system = { userId: null, username: null, ip: null };
    await t.server.catalog.locations.syncNow(system, 'platform');
    await t.server.catalog.locations.syncNow(system, 'templates');
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
  }, 60_000);
  screenshotOnFailure('templates', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('shows the gallery, filters it by text, and opens a template', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Templates', exact: true })
      .click();
    await expectPage(page, 'Templates');
    await expect.poll(() => page.locator('[data-template]').count()).toBe(4);
    await page.getByRole('textbox', { name: 'Search' }).fill('slurm');
    await expect.poll(() => page.locator('[data-template]').count()).toBe(1);
    expect(page.url()).toContain('q=slurm');
    await page.getByRole('textbox', { name: 'Search' }).fill('nothing-like-this');
    await visible(page.getByText('No template matches'));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('[data-template]').count()).toBe(4);
    await page.locator('[data-template="python-research-project"]').click();
    await expectPage(page, 'Python research project');
  });

  test('checks the form as you type and goes through its pages', async () => {
    await field(page, 'name').fill('Bad Name');
    await visible(page.getByText('Expected: 3 to 40 characters, lower case letters, digits and dashes'));
    await field(page, 'name').fill('ocean-drift');
    await absent(page.getByText('Expected: 3 to 40 characters'));
    // Next with a required field left empty shows its problem instead of moving on.
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByText('Required'));
    await field(page, 'title').fill('Ocean drift');
    await field(page, 'owner').fill('climate-modelling');
    await page.getByRole('button', { name: 'Next' }).click();
    await visible(page.getByText('CI pipeline'));
    await page.getByRole('radio', { name: 'GitLab CI' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByRole('radio', { name: 'Push a new git repository and register it in the catalog' })
      .check();
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Your answers' }));
    expect(page.url()).toContain('step=3');
  });

  test('a dry run shows the file tree and each rendered file, and creates nothing', async () => {
    await page.getByRole('button', { name: 'Preview files (dry run)' }).click();
    await visible(page.getByTestId('dry-run'));
    await hasText(page.getByTestId('dry-run'), 'All blocking checks pass');
    await visible(page.locator('[data-file=".gitlab-ci.yml"]'));
    expect(await page.locator('[data-file=".github/workflows/ci.yml"]').count()).toBe(0);
    await page.locator('[data-file="pyproject.toml"]').click();
    await hasText(page.getByTestId('file-content'), 'name = "ocean-drift"');
    await page.locator('[data-file="src/ocean_drift/montecarlo.py"]').click();
    await hasText(page.getByTestId('file-content'), 'def estimate_pi');
    await hasText(page.locator('[data-step="push"]'), 'a dry run publishes nothing');
    expect(existsSync(join(t.server.config.dataDir, 'tasks'))).toBe(false);
  });

  test('runs the template: live log, step states, then the output links', async () => {
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/templates\/tasks\/[^/]+$/);
    taskUrl = page.url();
    await expectPage(page, 'Python research project');
    await eventually(
      page.getByTestId('task-log'),
      'Pushed to lab: https://git.meridian.example/lab/ocean-drift',
    );
    await eventually(page.getByTestId('task-state'), 'Succeeded');
    await eventually(page.getByTestId('log-status'), 'Complete');
    expect(await page.locator('[data-step="register"]').getAttribute('data-state')).toBe('succeeded');
    await visible(page.getByRole('link', { name: 'Download the project' }));
    await visible(page.getByRole('link', { name: 'Repository' }));
    await page.getByRole('link', { name: 'Open in the catalog' }).click();
    await page.waitForURL(/\/catalog\/component\/default\/ocean-drift/);
    await expectPage(page, 'Ocean drift');
  });

  test('keeps the task in the history, and a failed task says why and can run again', async () => {
    await page.goto(`${t.url}/templates/tasks`);
    await expectPage(page, 'Task history');
    await expect.poll(() => page.locator('[data-testid="task-table"] tbody tr').count()).toBe(1);
    await page.goto(`${t.url}/`);
    await hasText(page.getByTestId('recent-tasks'), 'Python research project');

    // The same repository again: the push is refused, the step shows the error.
    await page.goto(`${t.url}/templates/default/python-research-project?step=0`);
    await expectPage(page, 'Python research project');
    await field(page, 'name').fill('ocean-drift');
    await field(page, 'title').fill('Ocean drift again');
    await field(page, 'owner').fill('climate-modelling');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByRole('radio', { name: 'Push a new git repository and register it in the catalog' })
      .check();
    await page.getByRole('textbox', { name: 'Git remote' }).fill('nowhere');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/templates\/tasks\/[^/]+$/);
    await eventually(page.getByTestId('task-state'), 'Failed');
    await hasText(page.getByTestId('task-error'), "git remote 'nowhere' is not configured");
    await hasText(page.locator('[data-step="push"]'), 'not configured');
    await page.getByRole('button', { name: 'Run again' }).click();
    await eventually(page.getByTestId('task-log'), 'Attempt 2');
  });

  test('looks intended in light and dark, at laptop and wide widths', async () => {
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        await view.goto(`${t.url}/templates`);
        await expectPage(view, 'Templates');
        await screenshot(view, 'templates', theme, width);

        await view.goto(`${t.url}/templates/default/cloud-object-storage`);
        await expectPage(view, 'Cloud object storage (Terraform)');
        await field(view, 'name').fill('Meridian_Climate');
        await view.evaluate('document.activeElement.blur(); window.scrollTo(0, 0)');
        await screenshot(view, 'template-form', theme, width);

        await field(view, 'name').fill('meridianclimate01');
        await view.getByRole('button', { name: 'Next' }).click();
        await field(view, 'owner').fill('climate-modelling');
        await field(view, 'costCenter').fill('CC-1042');
        await view.getByRole('button', { name: 'Review', exact: true }).click();
        await view.getByRole('button', { name: 'Preview files (dry run)' }).click();
        await view.locator('[data-file="main.tf"]').click();
        await hasText(view.getByTestId('file-content'), 'aws_s3_bucket_public_access_block');
        await view.evaluate('window.scrollTo(0, 0)');
        await screenshot(view, 'template-dry-run', theme, width);

        await view.goto(taskUrl);
        await eventually(view.getByTestId('task-state'), 'Succeeded');
        await eventually(view.getByTestId('log-status'), 'Complete');
        await screenshot(view, 'template-task', theme, width);

        await view.goto(`${t.url}/templates/tasks`);
        await expectPage(view, 'Task history');
        await screenshot(view, 'template-tasks', theme, width);
        await view.goto(`${t.url}/`);
        await visible(view.getByTestId('recent-task'));
        await screenshot(view, 'home-recent-tasks', theme, width);
        await view.context().close();
      }
    }
    const narrow = await openPage(browser, { width: 800, theme: 'light', cookies });
    await narrow.goto(`${t.url}/templates`);
    await expectPage(narrow, 'Templates');
    await screenshot(narrow, 'templates', 'light', 800);
    await narrow.goto(taskUrl);
    await eventually(narrow.getByTestId('task-state'), 'Succeeded');
    await screenshot(narrow, 'template-task', 'light', 800);
    await narrow.context().close();
  }, 240_000);

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
