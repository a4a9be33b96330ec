import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isGitUrl, redactUrl } from '../../src/gitops/platform-checkout.js';
import { startTestServer } from '../helpers/server.js';

const work = mkdtempSync(join(tmpdir(), 'plinth-repo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gitRepoWith(name: string, platformYaml: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'platform.yaml'), platformYaml);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=Keeper', '-c', 'user.email=k@example.org', 'commit', '-q', '-m', 'platform');
  return dir;
}

describe('the platform repo', () => {
  test('the demo repo names the organization and gives start-here links', async () => {
    const t = await startTestServer({ config: { platformRepo: 'examples/platform' } });
    const info = (await t.app.inject({ method: 'GET', url: '/api/platform' })).json();
    expect(info.organization.name).toBe('Meridian Research');
    expect(info.startHere.length).toBeGreaterThanOrEqual(3);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    await t.close();
  });

  test('a git URL is cloned into the data dir and its platform.yaml served', async () => {
    const repo = gitRepoWith('remote', 'organization:\n  name: Cloned Institute\n');
    const t = await startTestServer({ config: { platformRepo: `file://${repo}` } });
    // The clone runs in the background, so that it never delays the start.
    let name = '';
    for (let i = 0; i < 100 && name !== 'Cloned Institute'; i++) {
      name = (await t.app.inject({ method: 'GET', url: '/api/platform' })).json().organization.name;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(name).toBe('Cloned Institute');
    await t.close();
  });

  test('an unreachable repo or a broken platform.yaml still lets the portal start', async () => {
    const broken = gitRepoWith('broken', 'organization: [not, a, mapping\n');
    for (const platformRepo of [`file://${join(work, 'missing')}`, `file://${broken}`]) {
      const t = await startTestServer({ config: { platformRepo } });
      const response = await t.app.inject({ method: 'GET', url: '/api/platform' });
      expect(response.statusCode).toBe(200);
      expect(response.json().organization.name).toBe('Plinth');
      await t.close();
    }
  });

  test('recognises git URLs and hides their credentials', () => {
    expect(isGitUrl('https://git.example.org/platform.git')).toBe(true);
    expect(isGitUrl('git@git.example.org:keepers/platform.git')).toBe(true);
    expect(isGitUrl('examples/platform')).toBe(false);
    expect(isGitUrl('/srv/platform')).toBe(false);
    expect(redactUrl('https://bot:s3cret@git.example.org/p.git')).toBe('https://***@git.example.org/p.git');
  });
});
