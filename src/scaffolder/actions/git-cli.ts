import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Workspace } from '../workspace.js';

const run = promisify(execFile);

/** Removes every secret from a text before it reaches a log, an error or the database. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text.replace(/(\/\/)[^/@\s:]+(:[^/@\s]*)?@/g, '$1***@');
  for (const secret of secrets) if (secret) out = out.split(secret).join('***');
  return out;
}

/**
 * Runs git without any user or system config (so the server's own identity and helpers never
 * leak into a project), with extra config given through the environment: values there do not
 * show in the process list, unlike `-c` arguments.
 */
export async function git(
  args: string[],
  cwd: string,
  options: { config?: Record<string, string>; secrets?: (string | undefined)[]; timeoutMs?: number } = {},
): Promise<string> {
  const config = Object.entries(options.config ?? {});
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_COUNT: String(config.length),
  };
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  try {
    const { stdout } = await run('git', args, { cwd, env, timeout: options.timeoutMs ?? 120_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const text = (e.stderr || e.message).trim().split('\n').slice(-3).join(' ');
    throw new Error(redact(text, options.secrets ?? []));
  }
}

/**
 * Writes the workspace into a new, empty folder on disk. Only regular files are created, each
 * one new ('wx'): nothing already there, such as a link, is ever written through.
 */
export async function writeWorkspace(workspace: Workspace, folder: string): Promise<void> {
  for (const [path, data] of workspace.entries()) {
    const target = join(folder, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data, { flag: 'wx' });
    // Scripts keep working after a clone: a skeleton file with a shebang becomes executable.
    if (data.subarray(0, 2).toString() === '#!') await chmod(target, 0o755);
  }
}
