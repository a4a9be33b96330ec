import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  loadTemplateFolder,
  parameterPages,
  sampleValues,
  standaloneEngine,
} from '../../src/scaffolder/index.js';
import { engineAvailable } from '../helpers/engines.js';

const root = join(import.meta.dirname, '../../examples/platform/templates');
const user = { username: 'ann', displayName: 'Ann Lee', email: 'ann@meridian.example' };
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const has = (tool: string, ...args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const tool = (name: string, hint: string, ...probe: string[]) =>
  engineAvailable(name, has(name, ...(probe.length ? probe : ['--version'])), hint);

/** Renders a built-in template (dry run) with its sample values plus `parameters`, into a fresh folder. */
async function render(name: string, parameters: Record<string, unknown> = {}) {
  const template = await loadTemplateFolder(join(root, name));
  const engine = await standaloneEngine();
  const values = { ...sampleValues(parameterPages(template.spec)), ...parameters };
  const result = await engine.dryRun(template, values, user);
  const dir = mkdtempSync(join(tmpdir(), `plinth-${name}-`));
  folders.push(dir);
  for (const file of result.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content ?? '');
  }
  return { dir, result, paths: result.files.map((f) => f.path) };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: out.status, output: `${out.stdout}${out.stderr}` };
}

describe('Python research project', () => {
  test.each(['github', 'gitlab'])(
    'renders a package whose tests pass with python3 -m unittest (CI: %s)',
    async (ci) => {
      const { dir, result, paths } = await render('python-research-project', { ci, name: 'ocean-drift' });
      expect(result.checks.every((c) => c.passed)).toBe(true);
      expect(paths).toEqual(
        expect.arrayContaining([
          'pyproject.toml',
          '.pre-commit-config.yaml',
          'dvc.yaml',
          'params.yaml',
          'catalog-info.yaml',
          'docs/index.md',
          'README.md',
          'LICENSE',
          'src/ocean_drift/montecarlo.py',
          'tests/test_montecarlo.py',
        ]),
      );
      expect(paths.includes('.github/workflows/ci.yml')).toBe(ci === 'github');
      expect(paths.includes('.gitlab-ci.yml')).toBe(ci === 'gitlab');
      if (!tool('python3', 'install Python 3')) return;
      const tests = run('python3', ['-m', 'unittest', 'discover', '-s', 'tests', '-v'], dir);
      expect(tests.output).toMatch(/Ran 4 tests[\s\S]*OK/);
      expect(tests.status).toBe(0);
      // The DVC stage's command runs as written, with the values of params.yaml.
      const stage = parseAllDocuments(readFileSync(join(dir, 'dvc.yaml'), 'utf8'))[0]?.toJS().stages.simulate
        .cmd as string;
      const command = stage
        // biome-ignore lint/suspicious/noTemplateCurlyInString: DVC's own interpolation, not JavaScript's
        .replace('${simulate.samples}', '5000')
        // biome-ignore lint/suspicious/noTemplateCurlyInString: DVC's own interpolation, not JavaScript's
        .replace('${simulate.seed}', '42')
        .split(' ');
      const experiment = run('python3', command.slice(1), dir, { PYTHONPATH: join(dir, 'src') });
      expect(experiment.status, experiment.output).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'))).toMatchObject({ samples: 5000 });
    },
  );
});

describe('Slurm batch experiment', () => {
  test('renders an sbatch script that passes bash -n, shellcheck and sbatch --test-only', async () => {
    const { dir, result } = await render('slurm-batch-experiment', {
      cpus: 2,
      memory: '2G',
      gpus: 1,
      arraySize: 3,
      time: '01:00:00',
    });
    expect(result.checks.every((c) => c.passed)).toBe(true);
    const script = readFileSync(join(dir, 'job.sbatch'), 'utf8');
    for (const line of [
      '--cpus-per-task=2',
      '--mem=2G',
      '--gres=gpu:1',
      '--time=01:00:00',
      '--array=1-3',
      '--output=logs/',
      '--error=logs/',
    ]) {
      expect(script).toContain(line);
    }
    expect(readFileSync(join(dir, 'params/params.txt'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(run('bash', ['-n', 'job.sbatch'], dir).status).toBe(0);
    if (tool('shellcheck', 'apt-get install shellcheck')) {
      const lint = run('shellcheck', ['-x', 'job.sbatch', 'scripts/run-task.sh', 'env/setup.sh'], dir);
      expect(lint.status, lint.output).toBe(0);
    }
    if (
      engineAvailable(
        'Slurm',
        Boolean(process.env.SLURM_CONF) && has('sinfo'),
        'start one with scripts/slurm-up.sh and export SLURM_CONF',
      )
    ) {
      const accepted = run('sbatch', ['--test-only', 'job.sbatch'], dir);
      expect(accepted.output).toMatch(/to start at/);
      expect(accepted.status).toBe(0);
    }
  });
});

describe('Kubernetes batch job with GitOps', () => {
  test('overlays build with kubectl kustomize into Jobs valid against the Kubernetes schemas', async () => {
    const { dir, result, paths } = await render('kubernetes-batch-job', { prodReplicas: 5 });
    expect(result.checks.every((c) => c.passed)).toBe(true);
    expect(paths).toEqual(
      expect.arrayContaining([
        'base/job.yaml',
        'overlays/dev/kustomization.yaml',
        'overlays/prod/kustomization.yaml',
        'flux/gitrepository.yaml',
        'flux/kustomization.yaml',
      ]),
    );
    if (!tool('kubectl', 'install kubectl', 'version', '--client')) return;
    for (const overlay of ['dev', 'prod']) {
      const built = execFileSync('kubectl', ['kustomize', `overlays/${overlay}`], {
        cwd: dir,
        encoding: 'utf8',
      });
      const docs = parseAllDocuments(built).map((d) => d.toJS());
      expect(docs).toHaveLength(1);
      const job = new Job(docs[0]);
      expect(() => job.validate()).not.toThrow();
      const pod = job.spec?.template.spec;
      expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(pod?.containers[0]?.resources?.requests).toMatchObject({ cpu: '500m', memory: '1Gi' });
      expect(pod?.containers[0]?.resources?.limits).toMatchObject({ memory: '1Gi' });
      expect(job.metadata?.namespace).toBe(overlay === 'dev' ? 'research-dev' : 'research');
      expect(job.spec?.parallelism).toBe(overlay === 'dev' ? 1 : 5);
    }
    const [source] = parseAllDocuments(readFileSync(join(dir, 'flux/gitrepository.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    const [sync] = parseAllDocuments(readFileSync(join(dir, 'flux/kustomization.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    expect(source).toMatchObject({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      spec: { url: expect.stringMatching(/^https:/) },
    });
    expect(sync).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      spec: { path: './overlays/dev', sourceRef: { kind: 'GitRepository', name: source.metadata.name } },
    });
  });
});

describe('Cloud object storage (Terraform)', () => {
  test.each(['aws', 'azure', 'gcp'])(
    '%s: terraform fmt -check passes and every policy check passes',
    async (provider) => {
      const { dir, result } = await render('cloud-object-storage', { provider });
      expect(result.checks.map((c) => [c.name, c.passed])).toEqual([
        ['no-secrets', true],
        ['required-files', true],
        ['pinned-dependencies', true],
        ['cloud-tags', true],
        ['storage-safety', true],
      ]);
      expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toMatch(/cost-center\s+= "CC-1042"/i);
      if (!tool('terraform', 'install terraform', 'version')) return;
      const fmt = run('terraform', ['fmt', '-check', '-diff'], dir, { TF_CLI_CONFIG_FILE: '/dev/null' });
      expect(fmt.status, fmt.output).toBe(0);
    },
  );

  test('a bucket stripped of its tags or its public access block is caught by the checks', async () => {
    const { result } = await render('cloud-object-storage', { provider: 'aws' });
    const main = result.files.find((f) => f.path === 'main.tf')?.content ?? '';
    const engine = await standaloneEngine();
    const { runChecks } = await import('../../src/scaffolder/run-checks.js');
    const { Workspace } = await import('../../src/scaffolder/workspace.js');
    const ws = new Workspace();
    ws.write(
      'main.tf',
      Buffer.from(
        main
          .replace('  tags   = local.tags\n', '')
          .replace(/resource "aws_s3_bucket_public_access_block"[\s\S]*?\n}\n/, ''),
      ),
    );
    const template = await loadTemplateFolder(join(root, 'cloud-object-storage'));
    const failed = runChecks(engine.chosenChecks(template), ws).filter((r) => !r.passed);
    expect(failed.map((r) => r.name)).toEqual(expect.arrayContaining(['cloud-tags', 'storage-safety']));
  });
});
