import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/output.js';
import { createProgram } from '../../src/cli/program.js';
import { runCli } from '../../src/cli/run.js';
import { plinth, tempConfigDirs } from './cli-process.js';

/** Runs the CLI in this process, capturing what it writes; enough for help, which never reaches a server. */
async function runInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

const io: CliIo = { stdout: () => {}, stderr: () => {}, stdin: new PassThrough(), env: {} };
const paths = commandPaths(createProgram(io));
const dirs = tempConfigDirs();
afterAll(() => dirs.cleanup());

describe('plinth --help', () => {
  it('knows the commands of the reference', () => {
    const names = paths.map((path) => path.join(' '));
    for (const name of [
      'serve',
      'login',
      'logout',
      'whoami',
      'users ls',
      'users create',
      'teams add-member',
      'tokens revoke',
      'audit ls',
      'catalog validate',
      'catalog ls',
      'catalog get',
      'catalog problems',
      'catalog sync',
      'catalog locations ls',
      'catalog locations add',
      'catalog locations rm',
      'catalog locations history',
      'job submit',
      'job ls',
      'job show',
      'job logs',
      'job cancel',
      'job executors',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(paths.map((path) => ({ name: path.join(' '), path })))(
    'explains `plinth $name` with an example',
    async ({ name, path }) => {
      const result = await runInProcess([...path, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: plinth ${name}`);
      expect(result.stdout).toMatch(/Examples?:\n {2}\$ plinth /);
      expect(result.stderr).toBe('');
    },
  );

  it('works from the real executable, and so does --version', async () => {
    const help = await plinth(['--help'], { configDir: dirs.make() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: plinth');
    const version = await plinth(['--version'], { configDir: dirs.make() });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 for an unknown command, with a hint on stderr', async () => {
    const result = await plinth(['frobnicate'], { configDir: dirs.make() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 for a missing argument or a bad option value', async () => {
    expect((await runInProcess(['teams', 'create', 'optics'])).code).toBe(2);
    expect((await runInProcess(['users', 'ls', '--role', 'wizard'])).code).toBe(2);
    expect((await runInProcess(['tokens', 'create', 'x', '--expires-in-days', 'soon'])).code).toBe(2);
    expect((await runInProcess(['catalog', 'ls', '--sort', 'size'])).code).toBe(2);
    expect((await runInProcess(['catalog', 'validate'])).code).toBe(2);
    expect((await runInProcess(['job', 'submit', '--memory', 'lots', '--', 'true'])).code).toBe(2);
    expect((await runInProcess(['job', 'submit', '--time', '1:30', '--', 'true'])).code).toBe(2);
    expect((await runInProcess(['job', 'submit', '--dry-run'])).code).toBe(2);
    expect((await runInProcess(['job', 'ls', '--state', 'sleeping'])).code).toBe(2);
    expect((await runInProcess(['job', 'cancel'])).code).toBe(2);
  });
});
