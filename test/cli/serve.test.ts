import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'plinth-serve-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilReady(url: string, deadline: number): Promise<void> {
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready: ${last}`);
}

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
