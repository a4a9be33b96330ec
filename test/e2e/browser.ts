import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { chromiumPath } from '../helpers/engines.js';

/** Where the screenshots go: `<name>-<theme>-<width>.png`, looked at by people, not compared by machines. */
export const screenshotDir = resolve('test-results/screenshots');

/** The SPA the server serves; the test needs it built (`npm run build:web`). */
export const webIndex = resolve('dist/web/index.html');

/** Launches the Debian chromium (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A platform repo with an organization and start-here links, so pages show what a real installation shows. */
export function writePlatformRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'plinth-e2e-platform-'));
  writeFileSync(
    join(repo, 'platform.yaml'),
    [
      'organization:',
      '  name: Helix Research Institute',
      '  tagline: Computational biology and materials science',
      'welcome: |',
      '  Welcome to the research platform of Helix. Find the tools and data sets of every group,',
      '  start new projects from templates, and run your simulations on the cluster.',
      'startHere:',
      '  - title: Read the onboarding guide',
      '    description: Accounts, storage, the cluster and whom to ask, in twenty minutes.',
      '    href: /docs',
      '  - title: Browse the catalog',
      '    description: Tools, data sets and services, and the team that owns each.',
      '    href: /catalog',
      '',
    ].join('\n'),
  );
  return repo;
}

/** Uncaught exceptions of every page opened through {@link openPage}; a test asserts there were none. */
export const scriptErrors: string[] = [];

/** Options of a browser context: a viewport width and a preferred colour scheme. */
export interface ViewOptions {
  width?: number;
  theme?: 'light' | 'dark';
  cookies?: Awaited<ReturnType<BrowserContext['cookies']>>;
}

/** A fresh context (own cookies and storage) and page. */
export async function openPage(browser: Browser, view: ViewOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: view.width ?? 1280, height: 900 },
    colorScheme: view.theme ?? 'light',
    storageState: { cookies: view.cookies ?? [], origins: [] },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Signs in through the login form and waits until the portal has left the login page. */
export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${base}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Waits until the locator shows (playwright-core has no assertion library; these few suffice). */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until nothing matches the locator. */
export async function absent(locator: Locator): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 10_000 }).toBe(0);
}

/** Waits until the locator's text contains `text`. */
export async function hasText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => (await locator.first().textContent()) ?? '', { timeout: 10_000 })
    .toContain(text);
}

/** Asserts that the page shows its title as the main heading, has finished loading, and shows no error. */
export async function expectPage(page: Page, heading: string | RegExp): Promise<void> {
  await visible(page.getByRole('heading', { level: 1, name: heading }));
  await page.waitForLoadState('networkidle');
  await absent(page.getByLabel('Loading'));
  expect(await page.getByTestId('error-state').count()).toBe(0);
}

/** Saves a full-page screenshot once fonts and data have arrived. */
export async function screenshot(page: Page, name: string, theme: string, width: number): Promise<string> {
  if (!existsSync(screenshotDir)) mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate('document.fonts.ready.then(() => true)');
  const path = join(screenshotDir, `${name}-${theme}-${width}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * Hooks a picture of what the browser showed when a test fails, into test-results/failures,
 * named `<prefix>-<test name>.png`. Call it inside the `describe`; `page` is read at the time.
 */
export function screenshotOnFailure(prefix: string, page: () => Page | undefined): void {
  afterEach(async (context) => {
    const current = page();
    if (context.task.result?.state !== 'fail' || !current) return;
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await current
      .screenshot({ path: resolve('test-results/failures', `${prefix}-${name}.png`) })
      .catch(() => {});
  });
}
