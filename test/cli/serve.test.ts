import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, waitUntilReady } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'plinth-serve-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('plinth serve', () => {
  it('serves on the given host and port, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      PLINTH_DATA_DIR: dataDir,
      PLINTH_LOG_LEVEL: 'silent',
      PLINTH_ADMIN_PASSWORD: 'Serve-test-2468',
    };
    const args = [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ];
    const started = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
    child = started;
    const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    await waitUntilReady(`http://127.0.0.1:${port}`, Date.now() + 20_000);
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
