import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createLogger } from '../core/logger.js';
import { readPlatformInfo } from './platform-info.js';

let top: string;
let lines: string[];
const logger = () =>
  createLogger(
    'warn',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );

beforeEach(() => {
  top = mkdtempSync(join(tmpdir(), 'plinth-platform-'));
  mkdirSync(join(top, 'repo'));
  lines = [];
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
});

test('reads the organization from platform.yaml', async () => {
  writeFileSync(join(top, 'repo/platform.yaml'), 'organization: { name: Meridian Lab }\n');
  const info = await readPlatformInfo(join(top, 'repo'), '1.0.0', logger());
  expect(info.organization.name).toBe('Meridian Lab');
});

test('a platform.yaml that is a link is not followed, wherever it leads', async () => {
  writeFileSync(join(top, 'elsewhere.yaml'), 'organization: { name: From Outside }\n');
  symlinkSync('../elsewhere.yaml', join(top, 'repo/platform.yaml'));
  const info = await readPlatformInfo(join(top, 'repo'), '1.0.0', logger());
  expect(info.organization.name).toBe('Plinth');
  expect(lines.join('')).toContain(
    'platform.yaml: a symbolic link leading outside the platform repo is not followed',
  );
});
