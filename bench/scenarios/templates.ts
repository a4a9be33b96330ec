import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { withServer } from '../lib/server.js';
import { createApiToken } from '../lib/session.js';
import type { Metric, Scenario } from '../lib/types.js';
import type { Workspace } from '../lib/workspace.js';

const SKELETON_FILES = 200;
const DRY_RUNS = 60;
const CONCURRENT_TASKS = 20;

/**
 * A platform repo with one template of 200 skeleton files (Python modules, YAML, Markdown: each
 * about 1 KB with a dozen Liquid expressions, names that use parameters), rendered, committed and zipped.
 */
function writePlatform(workspace: Workspace): string {
  const root = join(workspace.dir, 'platform');
  mkdirSync(join(root, 'catalog'), { recursive: true });
  writeFileSync(
    join(root, 'catalog', 'org.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: keepers }\nspec: { type: team, children: [] }\n',
  );
  const template = join(root, 'templates', 'big');
  mkdirSync(join(template, 'skeleton'), { recursive: true });
  writeFileSync(
    join(template, 'template.yaml'),
    `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: big, title: Big project }
spec:
  type: project
  owner: keepers
  parameters:
    - required: [name]
      properties:
        name: { type: string, pattern: '^[a-z][a-z0-9-]+$' }
        modules: { type: integer, default: 3 }
  checks:
    - name: required-files
    - name: pinned-dependencies
  steps:
    - { id: render, action: 'template:render', input: { url: ./skeleton } }
    - { id: git, action: 'git:init' }
    - { id: zip, action: 'archive:zip', input: { name: '{{ parameters.name }}' } }
`,
  );
  const body = (i: number) =>
    `# {{ parameters.name }}: module ${i}\n` +
    `"""Part ${i} of {{ parameters.name | upcase }}, made for {{ user.displayName }}."""\n\n` +
    `{% for m in (1..parameters.modules) %}def step_${i}_{{ m }}(x):\n    return x * {{ m }} + ${i}\n\n{% endfor %}` +
    `${'# padding line to make the file about one kilobyte long\n'.repeat(12)}`;
  writeFileSync(join(template, 'skeleton', 'README.md'), '# {{ parameters.name }}\n');
  writeFileSync(join(template, 'skeleton', 'LICENSE'), 'Copyright {{ parameters.name }}\n');
  for (let i = 0; i < SKELETON_FILES - 2; i++) {
    const folder = join(
      template,
      'skeleton',
      'src',
      `{{ parameters.name | replace: '-', '_' }}`,
      `part${i % 10}`,
    );
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `module_${i}.py`), body(i));
  }
  return root;
}

async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Waits until the catalog has synced the template (the first sync runs in the background after start). */
async function waitForTemplate(baseUrl: string, token: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const list = (await api(baseUrl, token, 'GET', '/api/templates')) as { items: unknown[] };
    if (list.items.length > 0) return;
    await sleep(250);
  }
  throw new Error('the template never appeared in the catalog');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const env = (workspace: Workspace) => ({ PLINTH_PLATFORM_REPO: writePlatform(workspace) });

/** Dry run of a template with 200 skeleton files over HTTP: render in memory, checks, answer with every file. */
export const templatesDryRun: Scenario = {
  name: 'templates-dry-run',
  description: `POST /api/templates/…/dry-run of a ${SKELETON_FILES}-file template, ${DRY_RUNS} times in a row`,
  run: () =>
    withServer(
      'templates-dry-run',
      async (server, workspace): Promise<Metric[]> => {
        const token = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
        await waitForTemplate(server.baseUrl, token);
        const run = () =>
          api(server.baseUrl, token, 'POST', '/api/templates/default/big/dry-run', {
            parameters: { name: 'demo-project' },
          });
        const first = (await run()) as { files: unknown[]; totalBytes: number };
        if (first.files.length !== SKELETON_FILES)
          throw new Error(`expected ${SKELETON_FILES} files, got ${first.files.length}`);
        for (let i = 0; i < 5; i++) await run();
        const times: number[] = [];
        for (let i = 0; i < DRY_RUNS; i++) {
          const started = performance.now();
          await run();
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        return [
          { metric: 'dry run p50', value: Math.round(percentile(times, 50)), unit: 'ms' },
          { metric: 'dry run p95', value: Math.round(percentile(times, 95)), unit: 'ms' },
          { metric: 'output size', value: Math.round(first.totalBytes / 1024), unit: 'KiB' },
        ];
      },
      env,
    ),
};

/** 20 tasks started at once (render 200 files, git init + commit, zip), until every one has succeeded. */
export const templatesConcurrentRuns: Scenario = {
  name: 'templates-concurrent-runs',
  description: `${CONCURRENT_TASKS} tasks of a ${SKELETON_FILES}-file template started at once (render, git:init, archive:zip)`,
  run: () =>
    withServer(
      'templates-concurrent-runs',
      async (server, workspace): Promise<Metric[]> => {
        const token = await createApiToken(server.baseUrl, 'admin', workspace.adminPassword);
        await waitForTemplate(server.baseUrl, token);
        const started = performance.now();
        const tasks = await Promise.all(
          Array.from({ length: CONCURRENT_TASKS }, (_, i) =>
            api(server.baseUrl, token, 'POST', '/api/tasks', {
              templateRef: 'big',
              parameters: { name: `project-${i}` },
            }),
          ),
        );
        const pending = new Set(tasks.map((t) => String(t.id)));
        const ended: number[] = [];
        while (pending.size > 0 && performance.now() - started < 300_000) {
          for (const id of [...pending]) {
            const task = (await api(server.baseUrl, token, 'GET', `/api/tasks/${id}`)) as {
              state: string;
              error: unknown;
            };
            if (task.state === 'failed') throw new Error(`task ${id} failed: ${JSON.stringify(task.error)}`);
            if (task.state === 'succeeded') {
              pending.delete(id);
              ended.push(performance.now() - started);
            }
          }
          await sleep(100);
        }
        if (pending.size > 0) throw new Error(`${pending.size} tasks did not end in 5 minutes`);
        const seconds = Math.max(...ended) / 1000;
        ended.sort((a, b) => a - b);
        return [
          {
            metric: 'throughput',
            value: Math.round((CONCURRENT_TASKS / seconds) * 100) / 100,
            unit: 'tasks/s',
          },
          { metric: 'all done', value: Math.round(seconds * 10) / 10, unit: 's' },
          { metric: 'task end p50 (from start)', value: Math.round(percentile(ended, 50)), unit: 'ms' },
        ];
      },
      env,
    ),
};
