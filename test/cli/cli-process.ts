import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What one run of the CLI produced. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to run the CLI: its own config folder, more environment, and what to pipe into stdin. */
export interface CliRunOptions {
  configDir: string;
  env?: Record<string, string>;
  input?: string;
}

/**
 * Runs the real `plinth` as a child process, as a user would. It must not block: the server under
 * test lives in this process and has to answer while the CLI waits.
 */
export function plinth(args: string[], opts: CliRunOptions): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PLINTH_CONFIG_DIR: opts.configDir,
    ...opts.env,
  };
  // The developer's own sign-in must not leak into the tests.
  if (!opts.env?.PLINTH_URL) delete env.PLINTH_URL;
  if (!opts.env?.PLINTH_TOKEN) delete env.PLINTH_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(opts.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh, empty config folder; `cleanup` removes all of them. */
export function tempConfigDirs(): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), 'plinth-cli-'));
      made.push(dir);
      return join(dir, 'config');
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
