import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readCatalogFolder } from './read-folder.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'plinth-catalog-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

describe('readCatalogFolder', () => {
  test('reads YAML files recursively, in a stable order, with relative forward-slash paths', async () => {
    await put('teams.yaml', 'a');
    await put('b/z.yml', 'b');
    await put('b/a.YAML', 'c');
    await put('B/x.yaml', 'd');
    await put('notes.md', 'not yaml');
    await put('.git/config.yaml', 'skipped');
    await put('docs/node_modules/pkg/x.yaml', 'skipped');
    const { files, problems } = await readCatalogFolder(root);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      { path: 'B/x.yaml', text: 'd' },
      { path: 'b/a.YAML', text: 'c' },
      { path: 'b/z.yml', text: 'b' },
      { path: 'teams.yaml', text: 'a' },
    ]);
  });

  test('follows no symbolic link; each is a problem, an error when it leads out of the folder', async () => {
    await put('real/a.yaml', 'a');
    await symlink(join(root, 'real'), join(root, 'loop'));
    await symlink(join(root, 'real/a.yaml'), join(root, 'link.yaml'));
    await symlink('/etc', join(root, 'real/etc'));
    await symlink('../../..', join(root, 'real/up.yaml'));
    await put('templates/t/template.yaml', 'kind: Template');
    await mkdir(join(root, 'templates/t/skeleton'));
    await symlink('/etc', join(root, 'templates/t/skeleton/etc'));
    const { files, problems } = await readCatalogFolder(root);
    expect(files.map((f) => f.path)).toEqual(['real/a.yaml', 'templates/t/template.yaml']);
    expect(problems.map((p) => `${p.file} ${p.code} ${p.severity}`)).toEqual([
      'link.yaml CATALOG_SYMLINK warning',
      'loop CATALOG_SYMLINK warning',
      'real/etc CATALOG_SYMLINK error',
      'real/up.yaml CATALOG_SYMLINK error',
    ]);
    expect(problems[2]?.message).toBe('real/etc: a symbolic link leading outside the folder is not followed');
  });

  test('too many files: the first ones are read, and a problem says so', async () => {
    for (const name of ['a', 'b', 'c']) await put(`${name}.yaml`, name);
    const { files, problems } = await readCatalogFolder(root, { maxFiles: 2 });
    expect(files.map((f) => f.path)).toEqual(['a.yaml', 'b.yaml']);
    expect(problems).toEqual([
      {
        file: 'c.yaml',
        line: 1,
        column: 1,
        code: 'CATALOG_FOLDER_LIMIT',
        severity: 'error',
        message: 'the folder holds 3 YAML files, more than the limit of 2; only the first ones are read',
      },
    ]);
  });

  test('an oversized file is not read; reading stops when the total is spent', async () => {
    await put('a.yaml', 'x'.repeat(40));
    await put('b.yaml', 'x'.repeat(200));
    await put('c.yaml', 'x'.repeat(40));
    await put('d.yaml', 'x'.repeat(40));
    const { files, problems } = await readCatalogFolder(root, { maxFileBytes: 100, maxTotalBytes: 100 });
    expect(files.map((f) => f.path)).toEqual(['a.yaml', 'c.yaml']);
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['b.yaml', 'CATALOG_YAML_LIMIT'],
      ['d.yaml', 'CATALOG_FOLDER_LIMIT'],
    ]);
  });

  test('a missing folder is an error for the caller', async () => {
    await expect(readCatalogFolder(join(root, 'nope'))).rejects.toThrow(/ENOENT/);
  });
});
