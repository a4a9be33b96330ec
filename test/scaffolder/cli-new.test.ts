import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/index.js';
import { plinth } from '../cli/cli-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const templates = join(repoRoot, 'examples/platform/templates');
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what we strip
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/**
 * Runs `plinth` and answers its prompts through stdin as a person would: each answer is typed
 * once the prompt's question has appeared on stderr.
 */
function answering(args: string[], env: Record<string, string>, answers: [question: string, keys: string][]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  let next = 0;
  let typedAt = 0;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    const plain = stderr.replace(ANSI, '');
    const answer = answers[next];
    if (answer && plain.indexOf(answer[0], typedAt) >= 0) {
      typedAt = plain.lastIndexOf(answer[0]) + answer[0].length;
      next += 1;
      setTimeout(() => child.stdin.write(answer[1]), 100);
    }
  });
  // A prompt that never comes must fail the test with what was printed, not hang it.
  const timer = setTimeout(() => child.kill(), 20_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', () => clearTimeout(timer));
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(ANSI, '') }));
  });
}

describe('plinth new, template and task', () => {
  let t: TestServer;
  let root: string;
  let env: Record<string, string>;
  const configDir = () => join(root, 'config');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'plinth-cli-new-'));
    const platform = join(root, 'platform');
    cpSync(join(repoRoot, 'examples/platform/catalog'), join(platform, 'catalog'), { recursive: true });
    cpSync(templates, join(platform, 'templates'), { recursive: true });
    t = await startTestServer({ listen: true, config: { platformRepo: platform } });
    await t.server.catalog.locations.syncNow(systemActor, 'platform');
    await t.server.catalog.locations.syncNow(systemActor, 'templates');
    await t.createUser({ username: 'ann' });
    env = { PLINTH_URL: t.url, PLINTH_TOKEN: await t.tokenFor('ann') };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('validates a template folder offline, and names what is wrong in a broken one', async () => {
    const ok = await plinth(['template', 'validate', join(templates, 'cloud-object-storage')], {
      configDir: configDir(),
    });
    expect(ok.stderr).toContain('valid (5 files rendered)');
    expect(ok.code).toBe(0);
    const broken = join(root, 'broken');
    mkdirSync(join(broken, 'skeleton'), { recursive: true });
    writeFileSync(
      join(broken, 'template.yaml'),
      'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: broken }\nspec:\n  type: project\n  owner: keepers\n  steps:\n    - { id: send, action: "mail:send" }\n',
    );
    const bad = await plinth(['template', 'validate', broken, '--json'], { configDir: configDir() });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problems).toEqual([
      "step 'send': no action 'mail:send'; available: archive:zip, catalog:register, fs:delete, fs:rename, git:init, git:push, template:render",
    ]);
  });

  it('writes a project from --set values without asking anything', async () => {
    const out = join(root, 'heat-sweep');
    const result = await plinth(
      [
        'new',
        'slurm-batch-experiment',
        '--set',
        'name=heat-sweep',
        '--set',
        'owner=climate-modelling',
        '--set',
        'arraySize=6',
        '--out',
        out,
      ],
      { configDir: configDir(), env },
    );
    expect(result.stderr).toContain('Created 7 files');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'job.sbatch'), 'utf8')).toContain('#SBATCH --array=1-6');
  });

  it('tells a script which values are missing (exit 7) instead of waiting for a prompt', async () => {
    const result = await plinth(['new', 'python-research-project', '--dry-run'], {
      configDir: configDir(),
      env,
    });
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('name is required; title is required; owner is required');
  });

  it('dry-runs offline from a folder and creates nothing', async () => {
    const result = await plinth(
      [
        'new',
        join(templates, 'kubernetes-batch-job'),
        '--dry-run',
        '--set',
        'name=train',
        '--set',
        'owner=protein-ml',
        '--set',
        'image=ghcr.io/x/trainer:1.0',
        '--set',
        'gitUrl=https://git.example/x',
      ],
      { configDir: configDir() },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('overlays/\n  dev/\n    kustomization.yaml');
    expect(result.stdout).toContain('passed  Dependencies pinned');
    expect(result.stdout).toContain(
      'skipped   Make a git repository (git:init) — a dry run publishes nothing',
    );
  });

  it('runs a template on the platform as a task and prints its log and outputs', async () => {
    const result = await plinth(
      ['new', 'slurm-batch-experiment', '--set', 'name=run-me', '--set', 'owner=climate-modelling'],
      { configDir: configDir(), env },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('[render] Rendered 7 files from ./skeleton');
    expect(result.stdout).toMatch(
      /Download the experiment: http:\/\/127\.0\.0\.1:\d+\/api\/tasks\/\w+\/archive\/run-me\.zip/,
    );
    const list = await plinth(['task', 'ls', '--json'], { configDir: configDir(), env });
    expect(JSON.parse(list.stdout).items[0]).toMatchObject({
      templateTitle: 'Slurm batch experiment',
      state: 'succeeded',
    });
  });

  it('asks for the missing values through stdin, refusing a bad one until it is fixed', async () => {
    const out = join(root, 'asked');
    const result = await answering(
      ['new', 'python-research-project', '-i', '--out', out, '--set', 'ci=gitlab'],
      env,
      [
        ['Name', 'Bad Name\r'],
        ['does not match the expected form', `${'\x7f'.repeat(8)}ocean-drift\r`],
        ['Title', 'Ocean drift\r'],
        ['Owning team', 'climate-modelling\r'],
      ],
    );
    expect(result.stderr, result.stderr).toContain(
      'Name does not match the expected form: 3 to 40 characters',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(out, 'src/ocean_drift/montecarlo.py'))).toBe(true);
    expect(existsSync(join(out, '.gitlab-ci.yml'))).toBe(true);
    expect(readFileSync(join(out, 'catalog-info.yaml'), 'utf8')).toContain('title: "Ocean drift"');
  }, 30_000);
});
