import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LaunchReply, LaunchRequest } from './launch-protocol.js';

export interface LaunchOptions {
  env: Record<string, string>;
  input?: string;
  timeoutMs: number;
  maxOutputBytes?: number;
  /**
   * Keep one more process of this command (same file, args and environment) started and waiting
   * on its stdin for this long, so that the next such request skips the process start. Only for
   * commands that do nothing when their stdin ends empty: see standby.ts.
   */
  standbyMs?: number;
}

export interface LaunchResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** The command could not be started at all (`code` is the errno name, e.g. ENOENT). */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

interface Pending {
  resolve: (result: LaunchResult) => void;
  reject: (error: Error) => void;
}

/** Where the launcher's own script is: beside this file, as .ts when running from source. */
function childScript(): { path: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(`./launcher-child.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  return { path, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

/**
 * Runs short commands (sbatch, squeue, …) from a small, long-lived helper process. Forking from
 * the server itself costs time in proportion to the server's memory (4 ms at 100 MB, 20 ms at
 * 400 MB) and blocks its event loop meanwhile; the helper forks from a few tens of MB, off the
 * server's loop. The helper starts on first use and again after it dies.
 */
export class ProcessLauncher {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  run(file: string, args: string[], options: LaunchOptions): Promise<LaunchResult> {
    const request: LaunchRequest = {
      id: this.nextId++,
      file,
      args,
      env: options.env,
      input: options.input ?? '',
      timeoutMs: options.timeoutMs,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
      ...(options.standbyMs ? { standbyMs: options.standbyMs } : {}),
    };
    return new Promise((resolve, reject) => {
      const child = this.helper();
      this.pending.set(request.id, { resolve, reject });
      if (this.pending.size === 1) child.channel?.ref();
      child.send(request, (error) => {
        if (error) this.settle(request.id)?.reject(error);
      });
    });
  }

  /** Stops the helper; commands still running are killed with it and their callers get an error. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  private helper(): ChildProcess {
    if (this.child?.connected) return this.child;
    const { path, execArgv } = childScript();
    const child = fork(path, [], {
      execArgv,
      // Only what Node needs to start: each command gets its own environment with its request.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (message: LaunchReply) => this.answer(message));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const error = new LaunchError(`the command launcher stopped (${signal ?? `exit ${code}`})`, null);
      for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
    });
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  private answer(reply: LaunchReply): void {
    const waiting = this.settle(reply.id);
    if (!waiting) return;
    if (!reply.started) {
      waiting.reject(new LaunchError(reply.message, reply.errorCode));
      return;
    }
    const { id: _id, started: _started, ...result } = reply;
    waiting.resolve(result);
  }

  private settle(id: number): Pending | undefined {
    const waiting = this.pending.get(id);
    if (!waiting) return undefined;
    this.pending.delete(id);
    // Idle: the helper must not keep a CLI or a test process alive.
    if (this.pending.size === 0) this.child?.channel?.unref();
    return waiting;
  }
}
