import { type ChildProcess, spawn } from 'node:child_process';

export type CommandOutcome =
  | {
      started: true;
      code: number | null;
      signal: string | null;
      stdout: string;
      stderr: string;
      timedOut: boolean;
    }
  | { started: false; errorCode: string | null; message: string };

/**
 * One process run by the launcher. Its output is collected from the moment it starts, so a
 * process started ahead of its input (a standby) loses nothing it printed while waiting.
 */
export class Command {
  readonly child: ChildProcess;
  private readonly out: Buffer[] = [];
  private readonly err: Buffer[] = [];
  private size = 0;
  private timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private end: { code: number | null; signal: string | null } | undefined;
  private failure: NodeJS.ErrnoException | undefined;
  private whenDone: ((outcome: CommandOutcome) => void) | undefined;

  /** Starts the process; throws when spawn refuses at once (an invalid argument). */
  constructor(file: string, args: string[], env: Record<string, string>, maxOutputBytes: number) {
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      this.size += chunk.length;
      if (this.size <= maxOutputBytes) into.push(chunk);
    };
    child.stdout?.on('data', collect(this.out));
    child.stderr?.on('data', collect(this.err));
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.failure = error;
      this.settle();
    });
    child.on('close', (code, signal) => {
      this.end = { code, signal };
      this.settle();
    });
    // A command that exits before reading its stdin must not take the launcher down with EPIPE.
    child.stdin?.on('error', () => undefined);
  }

  /** Still waiting for its input: it has neither failed to start nor ended. */
  get waiting(): boolean {
    return !this.failure && !this.end && this.whenDone === undefined;
  }

  /** Gives the process its input and calls `done` once when it has ended (or failed to start). */
  finish(input: string, timeoutMs: number, done: (outcome: CommandOutcome) => void): void {
    this.whenDone = done;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.child.kill('SIGKILL');
    }, timeoutMs);
    this.child.stdin?.end(input);
    this.settle();
  }

  /** Stops a process that was never given its input. */
  discard(): void {
    this.child.kill('SIGKILL');
  }

  private settle(): void {
    const done = this.whenDone;
    if (!done || (!this.failure && !this.end)) return;
    this.whenDone = () => undefined;
    clearTimeout(this.timer);
    if (this.failure) {
      done({ started: false, errorCode: this.failure.code ?? null, message: this.failure.message });
      return;
    }
    done({
      started: true,
      code: this.end?.code ?? null,
      signal: this.end?.signal ?? null,
      stdout: Buffer.concat(this.out).toString('utf8'),
      stderr: Buffer.concat(this.err).toString('utf8'),
      timedOut: this.timedOut,
    });
  }
}
