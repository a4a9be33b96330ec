import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import {
  configDir,
  credentialsPath,
  deleteCredentials,
  loadCredentials,
  normalizeUrl,
  resolveCredentials,
  saveCredentials,
} from './credentials.js';

const stored = { url: 'http://plinth.test:7007', token: 'plinth_secret', username: 'ada', tokenId: 't1' };

describe('credentials', () => {
  let root: string;
  let env: Record<string, string | undefined>;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'plinth-credentials-'));
    env = { PLINTH_CONFIG_DIR: join(root, 'config', 'plinth') };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the folder from PLINTH_CONFIG_DIR, then XDG_CONFIG_HOME, then HOME', () => {
    expect(configDir({ PLINTH_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b', HOME: '/c' })).toBe('/a');
    expect(configDir({ XDG_CONFIG_HOME: '/b', HOME: '/c' })).toBe('/b/plinth');
    expect(configDir({ HOME: '/c' })).toBe('/c/.config/plinth');
  });

  it('writes the file readable by its owner only, in a private folder', () => {
    const path = saveCredentials(env, stored);
    expect(path).toBe(credentialsPath(env));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(configDir(env)).mode & 0o777).toBe(0o700);
    expect(loadCredentials(env)).toEqual(stored);
  });

  it('keeps the mode private when it replaces a file others could read', () => {
    saveCredentials(env, stored);
    writeFileSync(credentialsPath(env), '{}', { mode: 0o644 });
    saveCredentials(env, { ...stored, token: 'plinth_other' });
    expect(statSync(credentialsPath(env)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(credentialsPath(env), 'utf8')).token).toBe('plinth_other');
  });

  it('answers undefined when there is no file, and deletes only once', () => {
    expect(loadCredentials(env)).toBeUndefined();
    saveCredentials(env, stored);
    expect(deleteCredentials(env)).toBe(true);
    expect(deleteCredentials(env)).toBe(false);
  });

  it('calls a damaged file a reason to sign in again', () => {
    saveCredentials(env, stored);
    writeFileSync(credentialsPath(env), 'not json');
    expect(() => loadCredentials(env)).toThrow(CliError);
    expect(() => loadCredentials(env)).toThrow(/plinth login/);
  });

  it('lets PLINTH_URL and PLINTH_TOKEN override the file', () => {
    saveCredentials(env, stored);
    const resolved = resolveCredentials(
      { ...env, PLINTH_URL: 'https://ci.test/', PLINTH_TOKEN: 'plinth_ci' },
      undefined,
    );
    expect(resolved).toMatchObject({ url: 'https://ci.test', token: 'plinth_ci' });
  });

  it('uses the stored token for its own server', () => {
    saveCredentials(env, stored);
    expect(resolveCredentials(env, undefined)).toMatchObject({
      url: stored.url,
      token: stored.token,
      username: 'ada',
    });
    expect(resolveCredentials(env, 'http://plinth.test:7007/')).toMatchObject({ token: stored.token });
  });

  it('never sends the stored token to another server', () => {
    saveCredentials(env, stored);
    expect(resolveCredentials(env, 'https://elsewhere.test')).toMatchObject({
      url: 'https://elsewhere.test',
      token: undefined,
    });
  });

  it('refuses URLs that are not http(s)', () => {
    expect(() => normalizeUrl('ftp://x')).toThrow(/http/);
    expect(() => normalizeUrl('localhost:7007')).toThrow(CliError);
    expect(normalizeUrl('https://p.test/plinth/')).toBe('https://p.test/plinth');
  });
});
