import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SlurmUnavailableError } from './cli-errors.js';

export interface RunOptions {
  /** Written to the command's stdin (sbatch reads the batch script from it). */
  input?: string;
  /** Added to the command's environment; secret values travel only this way, never in argv. */
  env?: Record<string, string>;
  timeoutMs: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** How Slurm's commands are run: on this machine, or on a login node over SSH. */
export interface Transport {
  /** Where the commands run, for messages ("this machine", "login.example.org"). */
  readonly where: string;
  /** Whether paths the commands see are this machine's (so files can be written directly). */
  readonly isLocal: boolean;
  /** Runs one command; rejects with SlurmUnavailableError when it cannot start or does not finish in time. */
  run(argv: string[], options: RunOptions): Promise<RunResult>;
  close?(): Promise<void>;
}

/** Output beyond this is cut: squeue for a few thousand jobs is far below it. */
const MAX_OUTPUT = 64 * 1024 * 1024;

// Slurm commands get a clean environment: the server's own (secret key, database URL) must not
// reach them, because sbatch hands its environment to the job.
const PASSED_THROUGH = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SLURM_CONF'];

export interface LocalTransportOptions {
  /** Folder of the Slurm commands when they are not on PATH. */
  binDir?: string;
  /** SLURM_CONF for the commands, when not the one of the environment or /etc/slurm/slurm.conf. */
  slurmConf?: string;
}

/** Runs Slurm's commands as child processes of Plinth, each with a timeout. */
export class LocalTransport implements Transport {
  readonly where = 'this machine';
  readonly isLocal = true;
  private readonly baseEnv: Record<string, string>;

  constructor(private readonly options: LocalTransportOptions = {}) {
    this.baseEnv = Object.fromEntries(
      PASSED_THROUGH.flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])),
    );
    if (options.slurmConf) this.baseEnv.SLURM_CONF = options.slurmConf;
  }

  run(argv: string[], options: RunOptions): Promise<RunResult> {
    const [command, ...args] = argv;
    if (!command) return Promise.reject(new Error('no command to run'));
    const file = this.options.binDir && !command.includes('/') ? join(this.options.binDir, command) : command;
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        env: { ...this.baseEnv, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let size = 0;
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_OUTPUT) into.push(chunk);
      };
      child.stdout.on('data', collect(out));
      child.stderr.on('data', collect(err));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new SlurmUnavailableError(
            `${command} did not answer within ${Math.round(options.timeoutMs / 100) / 10} s`,
          ),
        );
      }, options.timeoutMs);
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new SlurmUnavailableError(
            error.code === 'ENOENT'
              ? `${file} not found: install Slurm's client commands on this machine or set binDir`
              : `${command} could not start: ${error.message}`,
          ),
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          code: code ?? (signal ? 128 : 1),
        });
      });
      // A command that exits before reading its stdin must not crash Plinth with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }
}
