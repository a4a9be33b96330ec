import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../core/logger.js';

const run = promisify(execFile);

/** True for what git can clone: scheme URLs (https, ssh, file, git) and scp-like `user@host:path`. */
export function isGitUrl(repo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

/** Credentials in a URL must never reach a log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}

async function git(args: string[], cwd?: string): Promise<void> {
  await run('git', args, {
    cwd,
    timeout: 120_000,
    // Never wait for a password prompt: a server has nobody to answer it.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
}

/**
 * The local folder of the platform repo. A folder is used as it is; a git URL is cloned into
 * `<dataDir>/platform-repo` on first start and fast-forwarded on later starts. When the remote
 * cannot be reached, the last checkout keeps being served (with a warning) so the portal still starts.
 */
export async function checkoutPlatformRepo(repo: string, dataDir: string, logger: Logger): Promise<string> {
  if (!isGitUrl(repo)) return isAbsolute(repo) ? repo : resolve(repo);
  const target = join(dataDir, 'platform-repo');
  const shown = redactUrl(repo);
  try {
    if (existsSync(join(target, '.git'))) {
      await git(['fetch', '--depth', '1', 'origin'], target);
      await git(['reset', '--hard', 'FETCH_HEAD'], target);
    } else {
      await git(['clone', '--depth', '1', '--', repo, target]);
    }
    logger.info({ repo: shown }, 'Platform repo checked out');
  } catch (error) {
    const reason = redactUrl((error as Error).message.split('\n')[0] ?? '');
    if (!existsSync(join(target, '.git'))) {
      logger.error({ repo: shown, reason }, 'Cannot clone the platform repo; starting without its content');
    } else {
      logger.warn({ repo: shown, reason }, 'Cannot update the platform repo; serving the last checkout');
    }
  }
  return target;
}
