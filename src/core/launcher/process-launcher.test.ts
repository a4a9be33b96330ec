import { afterAll, describe, expect, test } from 'vitest';
import { LaunchError, ProcessLauncher } from './process-launcher.js';

const launcher = new ProcessLauncher();
afterAll(() => launcher.close());

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

describe('ProcessLauncher', () => {
  test('runs a command with its input and environment and returns its output and exit code', async () => {
    const result = await launcher.run(
      'sh',
      ['-c', 'read line; echo "$line-$GREETING"; echo oops >&2; exit 3'],
      {
        env: { ...env, GREETING: 'hello' },
        input: 'from-stdin\n',
        timeoutMs: 10_000,
      },
    );
    expect(result).toEqual({
      code: 3,
      signal: null,
      stdout: 'from-stdin-hello\n',
      stderr: 'oops\n',
      timedOut: false,
    });
  });

  test("passes only the request's environment, nothing of the server's", async () => {
    process.env.PLINTH_LAUNCHER_CANARY = 'must-not-leak';
    const result = await launcher.run('sh', ['-c', 'env'], { env, timeoutMs: 10_000 });
    delete process.env.PLINTH_LAUNCHER_CANARY;
    expect(result.stdout).not.toContain('must-not-leak');
    expect(result.stdout).toContain('PATH=');
  });

  test('kills a command that outlives its timeout and says so', async () => {
    const result = await launcher.run('sleep', ['30'], { env, timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
  });

  test('a command that does not exist is a LaunchError with ENOENT', async () => {
    const error = await launcher.run('/nonexistent/sbatch', [], { env, timeoutMs: 1000 }).catch((e) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.code).toBe('ENOENT');
  });

  test('caps output at the given size', async () => {
    const result = await launcher.run('sh', ['-c', 'head -c 100000 /dev/zero'], {
      env,
      timeoutMs: 10_000,
      maxOutputBytes: 1000,
    });
    expect(result.stdout.length).toBeLessThanOrEqual(65_536);
    expect(result.stdout.length).toBeLessThan(100_000);
  });

  test('runs many commands at once and answers each its own', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        launcher.run('sh', ['-c', `echo ${i}`], { env, timeoutMs: 10_000 }),
      ),
    );
    expect(results.map((r) => r.stdout.trim())).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  test('a helper that dies fails the commands in flight, and the next command starts a new helper', async () => {
    const own = new ProcessLauncher();
    const inFlight = own.run('sleep', ['30'], { env, timeoutMs: 60_000 });
    // The helper is the only child of this launcher: kill it from outside, as the OOM killer would.
    const helper = (own as unknown as { child: { pid: number } }).child;
    process.kill(helper.pid, 'SIGKILL');
    await expect(inFlight).rejects.toThrow(/launcher stopped/);
    const after = await own.run('sh', ['-c', 'echo back'], { env, timeoutMs: 10_000 });
    expect(after.stdout).toBe('back\n');
    await own.close();
  });
});
