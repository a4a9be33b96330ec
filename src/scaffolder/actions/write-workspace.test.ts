import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Workspace } from '../workspace.js';
import { writeWorkspace } from './git-cli.js';

let top: string;
beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'plinth-output-'));
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
});

test('writes the project as new regular files', async () => {
  const workspace = new Workspace();
  workspace.write('README.md', Buffer.from('# Drift\n'));
  workspace.write('src/drift/run.sh', Buffer.from('#!/bin/sh\n'));
  await writeWorkspace(workspace, join(top, 'repo'));
  expect(readFileSync(join(top, 'repo/README.md'), 'utf8')).toBe('# Drift\n');
  expect(readFileSync(join(top, 'repo/src/drift/run.sh'), 'utf8')).toBe('#!/bin/sh\n');
});

test('never writes through a link found in the output folder', async () => {
  const server = join(top, 'server.conf');
  writeFileSync(server, 'keep me');
  const output = mkdtempSync(join(top, 'repo-'));
  symlinkSync(server, join(output, 'README.md'));
  const workspace = new Workspace();
  workspace.write('README.md', Buffer.from('overwritten'));
  await expect(writeWorkspace(workspace, output)).rejects.toMatchObject({ code: 'EEXIST' });
  expect(readFileSync(server, 'utf8')).toBe('keep me');
});
