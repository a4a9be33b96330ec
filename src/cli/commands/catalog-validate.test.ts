import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CliError } from '../cli-error.js';
import { exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../output.js';
import { catalogValidateCommand } from './catalog-validate.js';

const fixtures = relative(
  process.cwd(),
  fileURLToPath(new URL('../../catalog/__fixtures__', import.meta.url)),
);

/** Runs `plinth catalog validate …` in a program like the real one, with captured output. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; error?: unknown }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: new PassThrough(),
    env: {},
  };
  const program = new Command('plinth').option('--json').exitOverride();
  program.command('catalog').addCommand(catalogValidateCommand(io));
  try {
    await program.parseAsync(['catalog', 'validate', ...args], { from: 'user' });
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  }
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'plinth-validate-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('plinth catalog validate', () => {
  test('a valid catalog: nothing on stdout, the summary on stderr, success', async () => {
    const result = await run(join(fixtures, 'valid'));
    expect(result).toEqual({ stdout: '', stderr: '13 entities, 0 errors, 0 warnings\n' });
  });

  test('prints each problem as file:line:col code message and fails with exit 1', async () => {
    const folder = join(fixtures, 'invalid');
    const { stdout, error } = await run(folder);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines).toContain(
      `${folder}/components.yaml:8:10 CATALOG_DANGLING_REF spec.owner: 'team-x' is not a known Group`,
    );
    expect(lines[1]).toMatch(/^.*components\.yaml:7:14 CATALOG_SCHEMA warning: spec\.lifecycle: /);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code: 'CATALOG_INVALID', message: '3 entities, 7 errors, 1 warning' });
    expect(exitCodeFor(error as CliError)).toBe(1);
  });

  test('warnings alone do not fail', async () => {
    const file = join(scratch, 'warn.yaml');
    await writeFile(
      file,
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: optics\n  descripton: typo\nspec:\n  type: team\n',
    );
    const { stdout, stderr, error } = await run(file);
    expect(error).toBeUndefined();
    expect(stdout).toMatch(/^.*warn\.yaml:5:15 CATALOG_SCHEMA warning: metadata\.descripton: /);
    expect(stderr).toBe('1 entity, 0 errors, 1 warning\n');
  });

  test('--json prints the counts and the problems for scripts', async () => {
    const { stdout, error } = await run(join(fixtures, 'invalid', 'components.yaml'), '--json');
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ entities: 1, errors: 6, warnings: 1 });
    expect(body.problems[0]).toEqual({
      file: `${fixtures}/invalid/components.yaml`,
      line: 7,
      column: 14,
      code: 'CATALOG_SCHEMA',
      severity: 'warning',
      message: expect.stringMatching(/^spec\.lifecycle: 'beta'/),
      entityRef: 'component:default/pi-sim',
      field: 'spec.lifecycle',
    });
    expect(error).toMatchObject({ code: 'CATALOG_INVALID' });
  });

  test('files and folders are validated together, each file once', async () => {
    const folder = join(fixtures, 'valid');
    const { stderr, error } = await run(folder, join(folder, 'org.yaml'));
    expect(error).toBeUndefined();
    expect(stderr).toBe('13 entities, 0 errors, 0 warnings\n');
  });

  test('a path that does not exist is a usage error', async () => {
    const { error } = await run(join(scratch, 'nope'));
    expect(error).toMatchObject({
      code: 'CLI_USAGE',
      message: `no such file or folder: ${join(scratch, 'nope')}`,
    });
    expect(exitCodeFor(error as CliError)).toBe(2);
  });
});
