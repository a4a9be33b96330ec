import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { plinth, tempConfigDirs } from './cli-process.js';

let server: TestServer;
let env: Record<string, string>;
let root: string;
const dirs = tempConfigDirs();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plinth-cli-sweep-'));
  server = await startTestServer({ listen: true, config: { compute: { pollIntervalSeconds: 0.2 } } });
  await server.createUser({ username: 'ann' });
  env = { PLINTH_URL: server.url, PLINTH_TOKEN: await server.tokenFor('ann') };
  server.server.compute.start();
});
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  dirs.cleanup();
});

const asAnn = (args: string[]) => plinth(args, { configDir: dirs.make(), env });

function file(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

const SWEEP = `name: tune
executor: local
job:
  command: [sh, -c, 'echo "PLINTH_METRIC error=$(( (PLINTH_PARAM_N - 2) * (PLINTH_PARAM_N - 2) ))"']
parameters:
  - { name: n, type: int, min: 0, max: 3 }
objective: { metric: error, goal: minimize }
algorithm: grid
maxTrials: 10
parallelism: 2
`;

describe('plinth sweep', () => {
  it('runs a sweep file to the end with --wait, then lists and shows it', async () => {
    const run = await asAnn(['sweep', 'run', file('tune.yaml', SWEEP), '--wait']);
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    expect(run.stderr).toMatch(/Sweep \w+ succeeded.*best trial 2: error 0/);
    const ls = await asAnn(['sweep', 'ls']);
    expect(ls.stdout).toMatch(/tune\s+succeeded\s+4\/10\s+trial 2: error 0/);
    const show = await asAnn(['sweep', 'show', id]);
    expect(show.stdout).toContain('"n": 2');
    const json = JSON.parse((await asAnn(['sweep', 'show', id, '--json'])).stdout);
    expect(json.trials.map((t: { value: number }) => t.value)).toEqual([4, 1, 0, 1]);
  });

  it('refuses a broken file at its line, and a bad field through the server, with exit 7', async () => {
    const broken = await asAnn(['sweep', 'run', file('broken.yaml', 'name: x\nparameters: [a, b\n')]);
    expect(broken.code).toBe(7);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    const bad = await asAnn(['sweep', 'run', file('bad.yaml', SWEEP.replace('max: 3', 'max: -1'))]);
    expect(bad.code).toBe(7);
    expect(bad.stderr).toContain('parameters.0.max: must be above min (0)');
  });

  it('a sweep that fails exits 1 with --wait; stop ends a running one', async () => {
    const failing = await asAnn([
      'sweep',
      'run',
      file('silent.yaml', SWEEP.replace(/command: .*/, 'command: ["true"]')),
      '--wait',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/failed \(no trial reported error/);
    const slow = SWEEP.replace(/command: .*/, 'command: [sleep, "30"]');
    const started = await asAnn(['sweep', 'run', file('slow.yaml', slow)]);
    const id = started.stdout.trim();
    const stop = await asAnn(['sweep', 'stop', id]);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/is stopping/);
    const again = await asAnn(['sweep', 'stop', id]);
    expect(again.code).toBe(6);
  });
});
