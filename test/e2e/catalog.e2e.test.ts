import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { createGitRepo } from '../helpers/git-repo.js';
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
import { brokenCatalog, demoRepo, instrumentCatalog, screens } from './catalog-fixtures.js';

const hasChromium = engineAvailable('chromium', existsSync(chromiumPath), 'apt-get install chromium');

const pathAndQuery = (page: Page) => {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
};

/** The refs of the rows the catalog table shows. */
const rowRefs = (page: Page) =>
  page
    .locator('[data-testid="entity-table"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));

async function chooseOption(page: Page, label: string, option: RegExp, typed?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe.skipIf(!hasChromium)('the catalog in a real browser', () => {
  let t: TestServer;
  let demoCount = 0;
  let browser: Browser;
  let page: Page;
  let brokenDir: string;
  let instruments: ReturnType<typeof createGitRepo>;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    t = await startTestServer({ listen: true, config: { platformRepo: demoRepo } });
    await t.server.catalog.sync.syncAll();
    // However many entities the demo repo holds today: the pages must count them all.
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/catalog/entities?limit=1',
      headers: { authorization: `Bearer ${await t.tokenFor(t.adminUsername)}` },
    });
    demoCount = first.json().total;
    expect(demoCount).toBeGreaterThan(100);
    brokenDir = mkdtempSync(join(tmpdir(), 'plinth-e2e-lab-'));
    writeFileSync(join(brokenDir, 'lab.yaml'), brokenCatalog);
    instruments = createGitRepo();
    instruments.write('catalog/instruments.yaml', instrumentCatalog);
    instruments.commit('Describe the Krios microscope');
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
  });
  screenshotOnFailure('catalog', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (brokenDir) rmSync(brokenDir, { recursive: true, force: true });
    instruments?.cleanup();
  });

  test('lists the demo catalog as a table, 50 entities a page', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .click();
    await expectPage(page, 'Catalog');
    await hasText(page.getByTestId('catalog-range'), `1–50 of ${demoCount}`);
    expect(await rowRefs(page)).toHaveLength(50);
    await page.getByRole('button', { name: 'Next' }).click();
    await hasText(page.getByTestId('catalog-range'), `51–100 of ${demoCount}`);
    expect(pathAndQuery(page)).toMatch(/cursor=.+&page=2|page=2.*cursor=/);
    await page.getByRole('button', { name: 'Previous' }).click();
    await hasText(page.getByTestId('catalog-range'), `1–50 of ${demoCount}`);
  });

  test('filters by kind and by tag, and keeps both in the URL', async () => {
    await chooseOption(page, 'Kind', /^Dataset/);
    await page.waitForURL(/[?&]kind=dataset/);
    await hasText(page.getByTestId('catalog-range'), 'of 11');
    expect((await rowRefs(page)).every((ref) => ref?.startsWith('dataset:'))).toBe(true);

    await chooseOption(page, 'Tag', /^climate/, 'climate');
    await page.waitForURL(/[?&]tag=climate/);
    expect(pathAndQuery(page)).toContain('kind=dataset');
    await expect.poll(async () => (await rowRefs(page)).length).toBeLessThan(11);
    const refs = await rowRefs(page);
    expect(refs).toContain('dataset:default/era5-europe-subset');
    expect(refs.every((ref) => ref?.startsWith('dataset:'))).toBe(true);

    // The link alone brings the same view back.
    await page.reload();
    await expectPage(page, 'Catalog');
    expect(await rowRefs(page)).toEqual(refs);
  });

  test('searches as you type, a moment after typing stops', async () => {
    await page.getByRole('button', { name: 'Clear all' }).click();
    await hasText(page.getByTestId('catalog-range'), `of ${demoCount}`);
    await page.getByLabel('Search the catalog', { exact: true }).fill('downscal');
    await page.waitForURL(/[?&]q=downscal/);
    await expect.poll(async () => (await rowRefs(page)).length).toBeLessThan(20);
    expect(await rowRefs(page)).toContain('component:default/downscaler');
  });

  test('shows the same entities as cards', async () => {
    await page.getByTestId('view-toggle').getByText('Cards').click();
    await page.waitForURL(/[?&]view=cards/);
    await visible(page.locator('[data-testid="entity-card"][data-ref="component:default/downscaler"]'));
    await absent(page.getByTestId('entity-table'));
    await page.getByTestId('view-toggle').getByText('Table').click();
    await visible(page.getByTestId('entity-table'));
  });

  test('says when nothing matches and clears the filters', async () => {
    await page.goto(`${t.url}/catalog?q=no-such-thing-anywhere`);
    await visible(page.getByText('Nothing matches these filters'));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await hasText(page.getByTestId('catalog-range'), `of ${demoCount}`);
  });

  test('opens an entity with its facts, relations and source', async () => {
    await page.goto(`${t.url}/catalog?q=downscal`);
    await page.getByRole('link', { name: 'Regional downscaler' }).first().click();
    await page.waitForURL(/\/catalog\/component\/default\/downscaler$/);
    await expectPage(page, 'Regional downscaler');
    expect(await page.title()).toBe('Regional downscaler · Components · Catalog · Plinth');
    await hasText(page.getByTestId('entity-facts'), 'Climate Modelling');
    await hasText(page.getByTestId('entity-source'), 'catalog/climate.yaml:');
    await visible(page.getByTestId('relation-lists').getByRole('link', { name: 'Atlas (Slurm cluster)' }));
    await visible(page.getByRole('link', { name: /Method and evaluation/ }));
  });

  test('draws the relations as a graph, and a click on a neighbour opens it', async () => {
    await page.getByRole('tab', { name: 'Relations' }).click();
    await page.waitForURL(/[?&]tab=relations/);
    await visible(page.locator('.react-flow__node'));
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(5);
    await visible(page.getByTestId('graph-legend').getByText('Component'));
    await page.getByTestId('graph-depth').getByText('1 hop').click();
    await page.waitForURL(/[?&]depth=1/);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(10);
    await page
      .locator('.react-flow__node')
      .filter({ hasText: 'Downscaling service' })
      .getByRole('link')
      .click();
    await page.waitForURL(/\/catalog\/component\/default\/downscaling-service/);
    await expectPage(page, 'Downscaling service');
  });

  test('shows the entity as written in git', async () => {
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.waitForURL(/[?&]tab=yaml/);
    await hasText(page.getByTestId('entity-yaml'), 'name: downscaling-service');
  });

  test('says clearly when an entity is not in the catalog', async () => {
    await page.goto(`${t.url}/catalog/component/default/no-such-thing`);
    await expectPage(page, 'Not in the catalog');
    await page.getByRole('link', { name: 'Back to the catalog' }).click();
    await expectPage(page, 'Catalog');
  });

  test('finds an entity from the search box', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('ensemble');
    await hasText(page.getByTestId('quick-results'), 'Ensemble runner');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?.*q=ensemble/);
    await page
      .getByRole('link', { name: /Ensemble runner/ })
      .first()
      .click();
    await page.waitForURL(/\/catalog\/component\/default\/ensemble-runner/);
    await expectPage(page, 'Ensemble runner');
  });

  test('syncs a location now and says what it found', async () => {
    await page.getByRole('link', { name: 'Catalog locations' }).first().click();
    await expectPage(page, 'Catalog locations');
    const platform = page.locator('[data-location="platform"]');
    await hasText(platform, 'From config');
    await platform.getByRole('button', { name: 'Sync now' }).click();
    await visible(page.getByTestId('sync-result').filter({ hasText: '0 added, 0 changed, 0 removed' }));
  });

  test('has no problems for the valid demo catalog', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Catalog problems' })
      .click();
    await expectPage(page, 'Catalog problems');
    await visible(page.getByText('No problems: every entity in every location is valid'));
  });

  test('adds a folder location and lists its problems at file and line', async () => {
    await page.goto(`${t.url}/admin/locations`);
    await page.getByRole('button', { name: 'Add location' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('label').filter({ hasText: 'Folder on the server' }).click();
    await dialog.getByLabel('Folder', { exact: true }).fill('relative/path');
    await dialog.getByLabel('Name', { exact: true }).fill('Lab');
    await visible(dialog.getByText('Start with a lower-case letter'));
    await visible(dialog.getByText('Give an absolute path on the server'));
    await dialog.getByLabel('Folder', { exact: true }).fill(brokenDir);
    await dialog.getByLabel('Name', { exact: true }).fill('lab-notes');
    await dialog.getByRole('button', { name: 'Add and sync' }).click();
    await absent(page.getByRole('dialog'));
    await visible(page.getByTestId('sync-result').filter({ hasText: '1 added' }));
    const row = page.locator('[data-location="lab-notes"]');
    await hasText(row, 'Added in Plinth');
    await row.getByRole('link', { name: '3 problems' }).click();
    await page.waitForURL(/\/admin\/problems\?location=lab-notes/);
    await expectPage(page, 'Catalog problems');
    const file = page.locator('[data-file="lab.yaml"]');
    await hasText(file, 'spec.owner: is missing');
    await visible(file.getByText('6:1', { exact: true }));
    // The entity that loaded links to its page; the one that could not load is named, not linked.
    await visible(file.getByRole('link', { name: 'mesh-tools' }));
    await absent(file.getByRole('link', { name: 'flux-solver' }));
  });

  test('shows a location history with what each revision did', async () => {
    await page.goto(`${t.url}/admin/locations?history=lab-notes`);
    const drawer = page.getByRole('dialog');
    await hasText(drawer, 'git revert');
    await hasText(drawer.getByTestId('revision'), '1 added, 0 changed, 0 removed · 3 problems');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.search.includes('history'));
  });

  test('shows the commit a git location is at, and its history', async () => {
    const token = await t.tokenFor(t.adminUsername);
    const added = await fetch(`${t.url}/api/catalog/locations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'instruments', target: instruments.url, path: 'catalog' }),
    });
    expect(added.status).toBe(201);
    await page.goto(`${t.url}/admin/locations`);
    const row = page.locator('[data-location="instruments"]');
    await hasText(row, 'Describe the Krios microscope');
    await hasText(row, 'Kim Keeper');
    await row.getByRole('button', { name: 'More actions for instruments' }).click();
    await page.getByRole('menuitem', { name: 'Revision history' }).click();
    await page.waitForURL(/[?&]history=instruments/);
    await hasText(page.getByRole('dialog').getByTestId('revision'), 'Describe the Krios microscope');
    await page.keyboard.press('Escape');
  });

  test("lists problems in the signed-in person's teams' entities on Home", async () => {
    await page.goto(`${t.url}/`);
    await hasText(page.getByTestId('team-problems'), 'once you are in a team');
    const token = await t.tokenFor(t.adminUsername);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const team = await fetch(`${t.url}/api/teams`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'climate-modelling', title: 'Climate Modelling' }),
    });
    expect(team.status).toBe(201);
    const member = await fetch(`${t.url}/api/teams/climate-modelling/members/${t.adminUsername}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(member.status).toBeLessThan(300);
    await page.reload();
    await visible(page.getByTestId('team-problem').filter({ hasText: "'beta' is not one of" }));
    await visible(page.getByTestId('team-problem').filter({ hasText: 'lab.yaml:17:14' }));
    expect(await page.getByTestId('team-problem').count()).toBe(2);
  });

  test('looks intended in light and dark, at laptop and wide widths', async () => {
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        for (const [name, path, heading, ready] of screens) {
          await view.goto(`${t.url}${path}`);
          await expectPage(view, heading);
          if (ready) await visible(view.locator(ready));
          await screenshot(view, name, theme, width);
        }
        await view.context().close();
      }
    }
  }, 300_000);

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
