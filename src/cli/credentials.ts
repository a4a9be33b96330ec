import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './cli-error.js';

/** What `plinth login` stores: the server, an API token for it, and whose token it is. */
export interface StoredCredentials {
  url: string;
  token: string;
  username: string;
  /** Known when the CLI created the token itself; lets `plinth logout` revoke exactly that one. */
  tokenId?: string;
}

/** Where a command's server and token come from, after flags and environment have had their say. */
export interface ResolvedCredentials {
  url: string | undefined;
  token: string | undefined;
  username: string | undefined;
  tokenId: string | undefined;
}

type Env = Record<string, string | undefined>;

/** The folder holding `credentials.json`: `$PLINTH_CONFIG_DIR`, else `$XDG_CONFIG_HOME/plinth`, else `~/.config/plinth`. */
export function configDir(env: Env): string {
  if (env.PLINTH_CONFIG_DIR) return env.PLINTH_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'plinth');
  return join(env.HOME || homedir(), '.config', 'plinth');
}

/** Full path of the credentials file. */
export function credentialsPath(env: Env): string {
  return join(configDir(env), 'credentials.json');
}

/** Reads the stored credentials; `undefined` when there are none. */
export function loadCredentials(env: Env): StoredCredentials | undefined {
  const path = credentialsPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<StoredCredentials>;
    if (
      typeof parsed.url === 'string' &&
      typeof parsed.token === 'string' &&
      typeof parsed.username === 'string'
    ) {
      return parsed as StoredCredentials;
    }
  } catch {
    // fall through to the same advice as for a file with the wrong shape
  }
  throw new CliError('CLI_NOT_SIGNED_IN', `${path} is damaged. Run \`plinth login\` again.`);
}

/**
 * Writes the credentials so that only the owner can read them (file 0600, folder 0700). The file
 * is written beside the old one and renamed over it, so an interrupted write never leaves half a token.
 */
export function saveCredentials(env: Env, credentials: StoredCredentials): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves the mode of an existing folder alone.
  chmodSync(dir, 0o700);
  const path = credentialsPath(env);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return path;
}

/** Deletes the stored credentials; true when there were some. */
export function deleteCredentials(env: Env): boolean {
  const path = credentialsPath(env);
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Strips trailing slashes and refuses anything that is not an http(s) URL. */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw CliError.usage(`"${url}" is not a URL. Example: --url https://plinth.example.org`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw CliError.usage(`"${url}" is not an http:// or https:// URL.`);
  }
  return parsed.href.replace(/\/+$/, '');
}

/**
 * Combines the `--url` flag, `PLINTH_URL` / `PLINTH_TOKEN` (for CI) and the stored file.
 * The stored token is only sent to the server it was issued by, so `--url` pointing elsewhere
 * never leaks it.
 */
export function resolveCredentials(env: Env, flagUrl: string | undefined): ResolvedCredentials {
  const stored = loadCredentials(env);
  const rawUrl = flagUrl ?? env.PLINTH_URL ?? stored?.url;
  const url = rawUrl === undefined ? undefined : normalizeUrl(rawUrl);
  if (env.PLINTH_TOKEN) {
    return { url, token: env.PLINTH_TOKEN, username: undefined, tokenId: undefined };
  }
  if (stored && url !== undefined && normalizeUrl(stored.url) === url) {
    return { url, token: stored.token, username: stored.username, tokenId: stored.tokenId };
  }
  return { url, token: undefined, username: undefined, tokenId: undefined };
}
