import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

describe('ProcessLauncher standby', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plinth-launcher-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Running or waiting: a process that ended and waits to be reaped by init counts as gone. */
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  /** Pids the command wrote when it started, one a line. */
  const pidsIn = (file: string) =>
    existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number) : [];
  /** Notes its pid and start time, then does something only with a non-empty line on stdin. */
  const command = (name: string) => [
    '-c',
    `echo $$ >> ${dir}/${name}.pids; date +%s%N; read line && echo "$line" >> ${dir}/${name}.out && echo "$line-$WHO"`,
  ];

  test('the next identical command runs in a process started before it was asked for', async () => {
    const own = new ProcessLauncher();
    const first = await own.run('sh', command('ahead'), {
      env: { ...env, WHO: 'a' },
      input: 'one\n',
      timeoutMs: 10_000,
      standbyMs: 10_000,
    });
    expect(first.stdout).toContain('one-a');
    await sleep(300);
    const asked = BigInt(Date.now()) * 1_000_000n;
    const second = await own.run('sh', command('ahead'), {
      env: { ...env, WHO: 'a' },
      input: 'two\n',
      timeoutMs: 10_000,
      standbyMs: 10_000,
    });
    const [startedAt, answer] = second.stdout.trim().split('\n');
    expect(BigInt(startedAt as string)).toBeLessThan(asked);
    expect(answer).toBe('two-a');
    expect(readFileSync(join(dir, 'ahead.out'), 'utf8')).toBe('one\ntwo\n');
    await own.close();
  });

  test('a command with another environment does not take the waiting process', async () => {
    const own = new ProcessLauncher();
    const options = { input: 'x\n', timeoutMs: 10_000, standbyMs: 10_000 };
    await own.run('sh', command('env'), { ...options, env: { ...env, WHO: 'a' } });
    const other = await own.run('sh', command('env'), { ...options, env: { ...env, WHO: 'b' } });
    expect(other.stdout.trim().split('\n')[1]).toBe('x-b');
    await own.close();
  });

  test('a waiting process unused for standbyMs is stopped having done nothing', async () => {
    const own = new ProcessLauncher();
    await own.run('sh', command('idle'), { env, input: 'only\n', timeoutMs: 10_000, standbyMs: 300 });
    await sleep(150);
    const waiting = pidsIn(join(dir, 'idle.pids')).filter(alive);
    expect(waiting).toHaveLength(1);
    await sleep(600);
    expect(alive(waiting[0] as number)).toBe(false);
    expect(readFileSync(join(dir, 'idle.out'), 'utf8')).toBe('only\n');
    await own.close();
  });

  test('a waiting process that died is replaced by a fresh one, and close() stops the one waiting', async () => {
    const own = new ProcessLauncher();
    const options = { env, timeoutMs: 10_000, standbyMs: 10_000 };
    await own.run('sh', command('died'), { ...options, input: 'a\n' });
    await sleep(150);
    for (const pid of pidsIn(join(dir, 'died.pids')).filter(alive)) process.kill(pid, 'SIGKILL');
    await sleep(150);
    const after = await own.run('sh', command('died'), { ...options, input: 'b\n' });
    expect(after.stdout.trim().split('\n')[1]).toBe('b-');
    expect(readFileSync(join(dir, 'died.out'), 'utf8')).toBe('a\nb\n');
    await sleep(150);
    const waiting = pidsIn(join(dir, 'died.pids')).filter(alive);
    expect(waiting).toHaveLength(1);
    await own.close();
    await sleep(100);
    expect(waiting.filter(alive)).toEqual([]);
  });
});
