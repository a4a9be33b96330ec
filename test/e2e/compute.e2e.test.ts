import { existsSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearer, type Caller, call } from '../helpers/client.js';
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

const stepsCommand = "sh -c 'for i in 1 2 3; do echo step $i; sleep 1; done'";

/** Waits (longer than the default) until the locator's text contains `text`: jobs take seconds. */
async function eventually(locator: Locator, text: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await locator.first().textContent()) ?? '', { timeout, interval: 250 })
    .toContain(text);
}

const jobIdOf = (page: Page) => /\/compute\/jobs\/([^/?]+)/.exec(page.url())?.[1] ?? '';

const rowStates = (page: Page) =>
  page
    .locator('[data-testid="job-table"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));

/** Opens the form, fills in a command job and submits it; returns on the new job's page. */
async function submitCommand(
  page: Page,
  base: string,
  name: string,
  command: string,
  array?: string,
): Promise<string> {
  await page.goto(`${base}/compute/new`);
  await visible(page.getByRole('heading', { level: 1, name: 'Submit a job' }));
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Command', exact: true }).fill(command);
  if (array) await page.getByRole('textbox', { name: 'Array', exact: true }).fill(array);
  await page.getByRole('button', { name: 'Submit job' }).click();
  await page.waitForURL(/\/compute\/jobs\/[^/?]+$/);
  await visible(page.getByRole('heading', { level: 1, name }));
  return jobIdOf(page);
}

describe.skipIf(!hasChromium)('compute in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let keeper: Caller;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    t = await startTestServer({ listen: true });
    t.server.compute.collector.start();
    const system = { userId: null, username: null, ip: null };
    await t.server.auth.teams.create(system, { name: 'climate', title: 'Climate Modelling' });
    await t.server.auth.teams.addMember(system, 'climate', t.adminUsername);
    keeper = await bearer(t, t.adminUsername);
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, t.adminUsername, t.adminPassword);
  });
  screenshotOnFailure('compute', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('teaches how to submit a first job while there is none', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Compute', exact: true })
      .click();
    await expectPage(page, 'Compute');
    await visible(page.getByText('No jobs yet — submit your first job'));
    await visible(page.getByText('docs/reference/jobs.md'));
    await screenshot(page, 'compute-empty', 'light', 1280);
    await page.getByRole('link', { name: 'Submit job' }).first().click();
    await page.waitForURL(/\/compute\/new$/);
    await expectPage(page, 'Submit a job');
  });

  test('checks the form as you type and previews the spec it sends', async () => {
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('my first job!');
    await visible(page.getByText('Use letters, digits, dots, dashes and underscores'));
    await name.fill('steps');
    await absent(page.getByText('Use letters, digits, dots, dashes and underscores'));

    await page.getByRole('textbox', { name: 'Array', exact: true }).fill('9-0');
    await visible(page.getByText('The range ends before it starts'));
    await page.getByRole('textbox', { name: 'Array', exact: true }).fill('');

    await page.getByTestId('preset-medium').click();
    await expect.poll(() => page.getByRole('textbox', { name: 'CPUs', exact: true }).inputValue()).toBe('4');
    await page.getByTestId('preset-small').click();
    await expect.poll(() => page.getByRole('textbox', { name: 'CPUs', exact: true }).inputValue()).toBe('1');
    expect(await page.getByRole('textbox', { name: 'Memory', exact: true }).inputValue()).toBe('2');
    expect(await page.getByRole('textbox', { name: 'Time limit, minutes', exact: true }).inputValue()).toBe(
      '30',
    );

    await page.getByRole('textbox', { name: 'Command', exact: true }).fill(stepsCommand);
    await hasText(page.getByTestId('command-words'), 'Runs 3 words');
    const spec = JSON.parse((await page.getByTestId('spec-json').textContent()) ?? '{}');
    expect(spec).toMatchObject({
      name: 'steps',
      executor: 'local',
      command: ['sh', '-c', 'for i in 1 2 3; do echo step $i; sleep 1; done'],
      resources: { cpus: 1, memoryMb: 2048, timeLimitMinutes: 30 },
      team: 'climate',
    });
    await hasText(
      page.getByTestId('spec-cli'),
      'plinth job submit \\\n  --name steps \\\n  --executor local',
    );
    await hasText(page.getByTestId('spec-cli'), '--cpus 1 \\\n  --memory 2G \\\n  --time 30m');
    await hasText(page.getByTestId('spec-cli'), "-- sh -c 'for i in 1 2 3; do echo step $i; sleep 1; done'");
    await visible(page.getByRole('button', { name: 'Copy as CLI command' }));

    // What only the server can refuse shows on the field it concerns.
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('textbox', { name: 'Name of variable 1' }).fill('API_TOKEN');
    await page.getByRole('textbox', { name: 'Value of variable 1' }).fill('secret:api-token');
    await page.getByRole('button', { name: 'Submit job' }).click();
    await visible(page.getByText('API_TOKEN: secret references need the team vault'));
    await visible(page.getByText('The job was not submitted: the marked fields need a change.'));
    expect(page.url()).toMatch(/\/compute\/new$/);
    await page.getByRole('button', { name: 'Remove variable 1' }).click();
    await absent(page.getByText('secret references need the team vault'));
  });

  test('submits a command job and follows its live log until it succeeds', async () => {
    await page.getByRole('button', { name: 'Submit job' }).click();
    await page.waitForURL(/\/compute\/jobs\/[^/?]+$/);
    ids.steps = jobIdOf(page);
    await visible(page.getByRole('heading', { level: 1, name: 'steps' }));
    expect(await page.title()).toBe('steps · Compute · Plinth');
    await hasText(page.getByTestId('job-meta'), ids.steps);
    await eventually(page.getByTestId('job-log'), 'step 1');
    await eventually(page.getByTestId('job-log'), 'step 3');
    await eventually(page.getByTestId('job-state'), 'Succeeded');
    await eventually(page.getByTestId('why-it-ended'), 'Finished successfully (exit code 0)');
    await visible(page.getByTestId('log-complete'));
    await hasText(page.getByTestId('job-facts'), '0');

    await page.getByRole('tab', { name: 'Script' }).click();
    await page.waitForURL(/[?&]tab=script/);
    await hasText(
      page.getByTestId('job-script'),
      "exec sh -c 'for i in 1 2 3; do echo step $i; sleep 1; done'",
    );
    await page.getByRole('tab', { name: 'Spec' }).click();
    await hasText(page.getByTestId('job-spec'), '"memoryMb": 2048');
    await visible(page.getByRole('button', { name: 'Copy as CLI command' }));
  });

  test('cancels a running job after asking, and says who cancelled it', async () => {
    ids.sleep = await submitCommand(page, t.url, 'long-sleep', 'sleep 60');
    await eventually(page.getByTestId('job-state'), 'Running');
    await visible(page.getByTestId('log-following'));
    await page.getByRole('button', { name: 'Cancel job' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText('Cancel long-sleep?'));
    await dialog.getByRole('button', { name: 'Cancel job' }).click();
    await eventually(page.getByTestId('job-state'), 'Cancelled');
    await eventually(page.getByTestId('why-it-ended'), 'Cancelled by admin');
    await absent(page.getByRole('button', { name: 'Cancel job' }));
  });

  test('shows the tasks of an array job, each with its own log', async () => {
    ids.sweep = await submitCommand(
      page,
      t.url,
      'sweep',
      "sh -c 'echo task $PLINTH_ARRAY_TASK_ID; sleep 1'",
      '0-3',
    );
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.waitForURL(/[?&]tab=tasks/);
    await expect.poll(() => page.locator('[data-testid="task-table"] tbody tr').count()).toBe(4);
    await eventually(page.getByTestId('job-state'), 'Succeeded');
    await eventually(page.getByTestId('tasks-summary'), '4 tasks, 4 ended');
    await page.getByRole('link', { name: 'Open the log of task 2' }).click();
    await page.waitForURL(/[?&]task=2/);
    await eventually(page.getByTestId('job-log'), 'task 2');
  });

  test('resubmits with the form prefilled from the job', async () => {
    await page.getByRole('link', { name: 'Resubmit' }).click();
    await page.waitForURL(new RegExp(`/compute/new\\?from=${ids.sweep}`));
    await visible(page.getByTestId('resubmit-note'));
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue())
      .toBe('sweep');
    expect(await page.getByRole('textbox', { name: 'Array', exact: true }).inputValue()).toBe('0-3');
    expect(await page.getByRole('textbox', { name: 'Command', exact: true }).inputValue()).toBe(
      "sh -c 'echo task $PLINTH_ARRAY_TASK_ID; sleep 1'",
    );
  });

  test('lists the jobs with their states and filters them by state, in the URL', async () => {
    await page.goto(`${t.url}/compute`);
    await expectPage(page, 'Compute');
    await expect.poll(() => rowStates(page)).toEqual(['succeeded', 'cancelled', 'succeeded']);
    await page.getByRole('combobox', { name: 'State', exact: true }).click();
    await page.getByRole('option', { name: 'Cancelled' }).click();
    await page.waitForURL(/[?&]state=cancelled/);
    await expect.poll(() => rowStates(page)).toEqual(['cancelled']);
    await page.reload();
    await expectPage(page, 'Compute');
    expect(await rowStates(page)).toEqual(['cancelled']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowStates(page)).toHaveLength(3);
    await page.getByTestId('job-scope').getByText('My teams’ jobs').click();
    await page.waitForURL(/[?&]scope=team/);
    await expect.poll(() => rowStates(page)).toHaveLength(3);
  });

  test('lists the latest jobs on Home', async () => {
    await page.goto(`${t.url}/`);
    await expectPage(page, /Platform Keeper/);
    await expect.poll(() => page.getByTestId('recent-job').count()).toBe(3);
    await hasText(page.getByTestId('recent-jobs'), 'sweep');
  });

  test('looks intended in light and dark, at laptop and wide widths', async () => {
    // A job that writes as it runs, for the pictures of a live log.
    const training = await call(t, keeper, 'POST', '/api/jobs', {
      name: 'train-alps',
      command: [
        'sh',
        '-c',
        'for i in $(seq 1 240); do echo "epoch $i: loss=0.$((999 - i * 3)) lr=0.001"; sleep 0.5; done',
      ],
      resources: { cpus: 1, memoryMb: 2048, timeLimitMinutes: 30 },
      labels: { project: 'alps' },
    });
    ids.training = training.json().id;
    const cookies = await page.context().cookies();
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [1280, 1920]) {
        const view = await openPage(browser, { width, theme, cookies });
        await view.goto(`${t.url}/compute`);
        await expectPage(view, 'Compute');
        await screenshot(view, 'compute', theme, width);

        await view.goto(`${t.url}/compute/new`);
        await expectPage(view, 'Submit a job');
        await view.getByRole('textbox', { name: 'Name', exact: true }).fill('downscale-alps');
        await view
          .getByRole('textbox', { name: 'Command', exact: true })
          .fill("python3 downscale.py --region alps --note 'first try'");
        await view.getByRole('button', { name: 'Add variable' }).click();
        await view.getByRole('textbox', { name: 'Name of variable 1' }).fill('OMP_NUM_THREADS');
        await view.getByRole('textbox', { name: 'Value of variable 1' }).fill('8');
        await view.getByRole('combobox', { name: 'Labels' }).fill('project=alps');
        await view.keyboard.press('Enter');
        await view.getByRole('textbox', { name: 'Array', exact: true }).fill('0-9%2');
        // A full-page picture of a scrolled page draws the fixed top bar in the middle.
        await view.evaluate('document.activeElement.blur(); window.scrollTo(0, 0)');
        await screenshot(view, 'job-form', theme, width);

        await view.goto(`${t.url}/compute/jobs/${ids.training}`);
        await eventually(view.getByTestId('job-state'), 'Running');
        await eventually(view.getByTestId('job-log'), 'epoch 3:');
        await visible(view.getByTestId('log-following'));
        await screenshot(view, 'job-running', theme, width);

        await view.goto(`${t.url}/compute/jobs/${ids.steps}`);
        await visible(view.getByTestId('why-it-ended'));
        await visible(view.getByTestId('log-complete'));
        await screenshot(view, 'job-finished', theme, width);

        await view.goto(`${t.url}/compute/jobs/${ids.sweep}?tab=tasks`);
        await expect.poll(() => view.locator('[data-testid="task-table"] tbody tr').count()).toBe(4);
        await screenshot(view, 'job-tasks', theme, width);

        await view.goto(`${t.url}/`);
        await visible(view.getByTestId('recent-job'));
        await screenshot(view, 'home-recent-jobs', theme, width);
        await view.context().close();
      }
    }
    // Narrow laptops and split screens: still usable at 800.
    const narrow = await openPage(browser, { width: 800, theme: 'light', cookies });
    await narrow.goto(`${t.url}/compute/new`);
    await expectPage(narrow, 'Submit a job');
    await screenshot(narrow, 'job-form', 'light', 800);
    await narrow.goto(`${t.url}/compute/jobs/${ids.training}`);
    await eventually(narrow.getByTestId('job-log'), 'epoch 3:');
    await screenshot(narrow, 'job-running', 'light', 800);
    await narrow.goto(`${t.url}/compute`);
    await expectPage(narrow, 'Compute');
    await screenshot(narrow, 'compute', 'light', 800);
    await narrow.context().close();
    await call(t, keeper, 'POST', `/api/jobs/${ids.training}/cancel`);
  }, 240_000);

  test('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('a member where local jobs are not isolated', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`);
    // A default install: no runAs, so local jobs would run with the server's identity.
    t = await startTestServer({
      listen: true,
      config: { compute: { executors: { local: { runAs: undefined } } } },
    });
    await t.server.auth.teams.create(
      { userId: null, username: null, ip: null },
      { name: 'optics', title: 'Optics' },
    );
    const ann = await t.createUser({ username: 'ann', teams: ['optics'] });
    browser = await launchChromium();
    page = await openPage(browser);
    await signIn(page, t.url, ann.username, ann.password);
  });
  screenshotOnFailure('compute-closed', () => page);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('is told that the local executor is for Keepers only, why, and what to do', async () => {
    await page.goto(`${t.url}/compute/new`);
    await expectPage(page, 'Submit a job');
    await visible(page.getByText('No executor is open to you here yet'));
    await hasText(page.getByTestId('closed-executors'), 'is for Keepers only on this server');
    await hasText(page.getByTestId('closed-executors'), 'compute.executors.local.runAs');
    await screenshot(page, 'job-form-keepers-only', 'light', 1280);
    await page.goto(`${t.url}/compute/sweeps/new`);
    await hasText(page.getByTestId('closed-executors'), 'is for Keepers only on this server');
  });
});
