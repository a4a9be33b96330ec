import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { chromiumPath, engineAvailable } from '../helpers/engines.js';
import { createGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';
import {
  expectPage,
  hasText,
  launchChromium,
  openPage,
  screenshot,
  screenshotDir,
  screenshotOnFailure,
  scriptErrors,
  signIn,
  visible,
  webIndex,
} from './browser.js';

const hasChromium = engineAvailable('chromium', existsSync(chromiumPath), 'apt-get install chromium');
const demoCatalog = new URL('../../examples/platform/catalog/', import.meta.url).pathname;

/** The demo catalog's technologies: name → quadrant. */
function demoTechnologies(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of ['technologies.yaml', 'techniques.yaml']) {
    for (const doc of parseAllDocuments(readFileSync(join(demoCatalog, file), 'utf8'))) {
      const d = doc.toJS() as { kind: string; metadata: { name: string }; spec: { quadrant: string } };
      if (d.kind === 'Technology') out.set(d.metadata.name, d.spec.quadrant);
    }
  }
  return out;
}

/** A git platform repo holding the demo catalog, so an accepted proposal becomes a branch. */
function platformRepo(): GitRepo {
  const repo = createGitRepo();
  for (const file of readdirSync(demoCatalog).filter((f) => f.endsWith('.yaml'))) {
    repo.write(`catalog/${file}`, readFileSync(join(demoCatalog, file), 'utf8'));
  }
  repo.commit('The demo platform repo');
  return repo;
}

describe.skipIf(!hasChromium)('the radar in a real browser', () => {
  const technologies = demoTechnologies();
  let repo: GitRepo;
  let t: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    repo = platformRepo();
    t = await startTestServer({ listen: true, config: { platformRepo: repo.dir } });
    await t.server.catalog.sync.syncAll();
    const system = { userId: null, username: null, ip: null };
    await t.server.auth.teams.create(system, { name: 'climate', title: 'Climate' });
    await t.createUser({ username: 'mia', teams: ['climate'] });
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, 'mia', TEST_PASSWORD);
  }, 60_000);
  screenshotOnFailure('radar', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    repo?.cleanup();
  });

  test('the drawing shows exactly one blip per demo technology, numbered like the legend', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Radar', exact: true })
      .click();
    await expectPage(page, 'Technology radar');
    const blips = page.getByTestId('radar-svg').getByTestId('radar-blip');
    await expect.poll(() => blips.count()).toBe(technologies.size);
    const numbers = await blips.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(new Set(numbers).size).toBe(technologies.size);
    const legend = await page
      .getByTestId('radar-legend-item')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect([...legend].sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b));
    // Keyboard focus shows the tooltip; hovering a legend item enlarges its blip.
    await blips.first().focus();
    await visible(page.getByTestId('radar-tooltip'));
    await page.getByTestId('radar-legend-item').nth(3).hover();
    const n = await page.getByTestId('radar-legend-item').nth(3).getAttribute('data-number');
    await expect
      .poll(() => page.locator(`[data-testid=radar-blip][data-number="${n}"]`).getAttribute('transform'))
      .toContain('scale(1.35)');
  });

  test('looks intended in light and dark, at 1280 and 1920, and prints on one A4 landscape page', async () => {
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        await view.goto(`${t.url}/radar`);
        await expectPage(view, 'Technology radar');
        await screenshot(view, 'radar', theme, width);
        await view.context().close();
      }
    }
    const print = await openPage(browser, { width: 1280, cookies });
    await print.goto(`${t.url}/radar`);
    await expectPage(print, 'Technology radar');
    await print.emulateMedia({ media: 'print' });
    await screenshot(print, 'radar-print', 'light', 1280);
    const pdf = await print.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    });
    writeFileSync(join(screenshotDir, 'radar-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await print.context().close();
    expect(existsSync(join(screenshotDir, 'radar-dark-1920.png'))).toBe(true);
  });

  test('the quadrant filter narrows the drawing and the legend, and stays in the URL', async () => {
    await page.goto(`${t.url}/radar`);
    await expectPage(page, 'Technology radar');
    await page.getByText('Tools', { exact: true }).first().click();
    await expect.poll(() => page.url()).toContain('quadrant=tools');
    const tools = [...technologies.values()].filter((q) => q === 'tools').length;
    await expect.poll(() => page.getByTestId('radar-svg').getByTestId('radar-blip').count()).toBe(tools);
    await expect.poll(() => page.getByTestId('radar-legend-item').count()).toBe(tools);
    await screenshot(page, 'radar-tools', 'light', 1280);
    await page.reload();
    await expect.poll(() => page.getByTestId('radar-blip').count()).toBe(tools);
  });

  test('a member proposes a move from the technology drawer, in steps', async () => {
    await page.goto(`${t.url}/radar?tech=python-3.13`);
    const drawer = page.getByRole('dialog');
    await hasText(drawer, 'History of moves');
    await hasText(drawer, 'seq-embed and fold-sampler run on 3.13');
    await screenshot(page, 'radar-drawer', 'light', 1280);
    await drawer.getByRole('link', { name: 'Propose a move' }).click();
    await expectPage(page, 'Propose a technology');
    await page.getByRole('button', { name: /Next: Ring and why/ }).click();
    await page.getByText('Adopt', { exact: true }).click();
    await page.getByLabel('Why, in a sentence').fill('Every template and image already runs on 3.13.');
    await page.getByRole('button', { name: /Next: Evidence/ }).click();
    // Going on with empty evidence shows what is missing, field by field.
    await page.getByRole('button', { name: /Next: Review/ }).click();
    await visible(page.getByText(/Market presence: write at least 20 characters/));
    await screenshot(page, 'radar-proposal-errors', 'light', 1280);
    await page.getByLabel('First released').fill('2024-10');
    const evidence: Record<string, string> = {
      marketPresence: 'Released October 2024; 3.13.x patch releases every two months.',
      relevance: 'Climate and protein teams run on it; the Keepers support it in every image.',
      integration: 'Chosen per project through uv; nothing in the platform core changes.',
      teamTesting: 'Climate ran its test suite and two production runs without a change.',
      essentiality: 'The free-threaded build speeds up our data loaders noticeably.',
      consensus: 'Discussed at the platform guild in March; nobody objected.',
    };
    for (const [id, text] of Object.entries(evidence)) {
      await page.locator(`[data-criterion=${id}]`).getByLabel('Evidence').fill(text);
    }
    await page.getByLabel('Team that tested it').first().click();
    await page.getByRole('option', { name: 'climate' }).click();
    await page.getByLabel('Link to their report').fill('https://wiki.example.org/climate/python-3.13');
    await page.getByRole('button', { name: /Next: Review/ }).click();
    await hasText(page.locator('main'), 'Move Python 3.13 from trial to adopt');
    await page.getByRole('button', { name: 'Open the proposal' }).click();
    await page.waitForURL(/\/radar\/proposals\/1$/);
    await expectPage(page, /#1 Move Python 3.13 from trial to adopt/);
    await hasText(page.getByTestId('decision-rule'), '0 of the 1 Keeper approval needed so far');
    await screenshot(page, 'radar-proposal-open', 'light', 1280);
  });

  test('a Keeper votes and accepts; the decision is shown with its branch', async () => {
    const keeper = await openPage(browser, { width: 1280 });
    await signIn(keeper, t.url, t.adminUsername, t.adminPassword);
    await keeper.goto(`${t.url}/radar/proposals/1`);
    await expectPage(keeper, /#1 Move Python 3.13/);
    await keeper.getByRole('button', { name: 'Cast vote' }).click();
    await hasText(keeper.getByTestId('decision-rule'), 'The rule is met');
    await keeper.getByLabel('Reason for the decision').fill('All templates run on 3.13; climate tested it.');
    await keeper.getByRole('button', { name: 'Accept proposal' }).click();
    await hasText(keeper.getByTestId('decision'), 'Accepted by Platform Keeper');
    await hasText(keeper.getByTestId('proposal-change'), 'radar/1-python-3-13');
    expect(execFileSync('git', ['branch', '--list', 'radar/*'], { cwd: repo.dir }).toString()).toContain(
      'radar/1-python-3-13',
    );
    for (const theme of ['light', 'dark'] as const) {
      const view = await openPage(browser, { width: 1280, theme, cookies: await keeper.context().cookies() });
      await view.goto(`${t.url}/radar/proposals/1`);
      await expectPage(view, /#1 Move Python 3.13/);
      await screenshot(view, 'radar-proposal', theme, 1280);
      await view.context().close();
    }
    await keeper.goto(`${t.url}/radar/proposals`);
    await expectPage(keeper, 'Proposals');
    await screenshot(keeper, 'radar-proposals', 'light', 1280);
    await keeper.context().close();
  });

  test('once the branch is merged and synced, the blip shows as moved, with a shape of its own', async () => {
    execFileSync('git', ['merge', '--ff-only', '-q', 'radar/1-python-3-13'], { cwd: repo.dir });
    await t.server.catalog.sync.syncAll();
    await page.goto(`${t.url}/radar?moved=true`);
    await expectPage(page, 'Technology radar');
    // Which demo technologies count as recent depends on today's date: ask the API, then compare.
    const radar = (await (await page.request.get(`${t.url}/api/radar`)).json()) as {
      blips: { title: string; moved: boolean }[];
    };
    const recent = radar.blips.filter((b) => b.moved);
    expect(recent.map((b) => b.title)).toContain('Python 3.13');
    const moved = page.getByTestId('radar-svg').getByTestId('radar-blip');
    await expect.poll(() => moved.count()).toBe(recent.length);
    const python = page
      .getByTestId('radar-svg')
      .getByRole('button', { name: /Python 3\.13 .*moved recently/ });
    expect(await python.first().getAttribute('data-change')).toBe('moved');
    expect(await python.first().locator('polygon').count()).toBe(1);
    await hasText(page.getByTestId('radar-legend'), 'Python 3.13');
    await screenshot(page, 'radar-moved', 'light', 1280);
    expect(scriptErrors).toEqual([]);
  });
});
