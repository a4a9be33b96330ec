import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeChange } from '../../src/radar/change/git-change.js';

const SECRET = 'server-only-text-91c2';
let top: string;

beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'plinth-radar-links-'));
  mkdirSync(join(top, 'platform/radar'), { recursive: true });
  writeFileSync(join(top, 'server.yaml'), `${SECRET}\n`);
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
});

const change = (path: string) =>
  writeChange({
    folder: join(top, 'platform'),
    push: false,
    path,
    edit: (current) => `${current ?? ''}- new entry\n`,
    branch: 'radar/1-x',
    message: 'Radar: add x',
    author: { name: 'Kim Keeper', email: 'kim@meridian.example' },
    at: Date.UTC(2025, 0, 1),
  });

test('a patch for a plain folder is made from the file as it is', async () => {
  writeFileSync(join(top, 'platform/radar/technologies.yaml'), 'kind: Technology\n');
  const result = await change('radar/technologies.yaml');
  expect(result.status).toBe('patch');
  expect(result.patch).toContain('+- new entry');
});

test('a file, or a folder on its way, that is a link to a server file never lands in the patch', async () => {
  symlinkSync(join(top, 'server.yaml'), join(top, 'platform/radar/technologies.yaml'));
  await expect(change('radar/technologies.yaml')).rejects.toThrow(
    'radar/technologies.yaml: a symbolic link leading outside the platform repo is not followed',
  );
  mkdirSync(join(top, 'server'));
  writeFileSync(join(top, 'server/technologies.yaml'), `${SECRET}\n`);
  symlinkSync('../server', join(top, 'platform/catalog'));
  await expect(change('catalog/technologies.yaml')).rejects.toThrow(
    'catalog: a symbolic link leading outside the platform repo is not followed',
  );
});
