import { join } from 'node:path';
import { LaunchError, type LaunchResult, ProcessLauncher } from '../../../core/launcher/process-launcher.js';
import { SlurmUnavailableError } from './cli-errors.js';

export interface RunOptions {
  /** Written to the command's stdin (sbatch reads the batch script from it). */
  input?: string;
  /** Added to the command's environment; secret values travel only this way, never in argv. */
  env?: Record<string, string>;
  timeoutMs: number;
  /**
   * A hint that more runs of this very command (same argv and env) are likely: a transport may
   * keep one started ahead, waiting for its input, for this long. Only for sbatch, which does
   * nothing with an empty script.
   */
  standbyMs?: number;
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

/** Runs Slurm's commands on this machine, each with a timeout. */
export class LocalTransport implements Transport {
  readonly where = 'this machine';
  readonly isLocal = true;
  private readonly baseEnv: Record<string, string>;
  // Commands start from a small helper process: forking the server itself gets slower as it grows.
  private readonly launcher = new ProcessLauncher();

  constructor(private readonly options: LocalTransportOptions = {}) {
    this.baseEnv = Object.fromEntries(
      PASSED_THROUGH.flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])),
    );
    if (options.slurmConf) this.baseEnv.SLURM_CONF = options.slurmConf;
  }

  async run(argv: string[], options: RunOptions): Promise<RunResult> {
    const [command, ...args] = argv;
    if (!command) throw new Error('no command to run');
    const file = this.options.binDir && !command.includes('/') ? join(this.options.binDir, command) : command;
    let result: LaunchResult;
    try {
      result = await this.launcher.run(file, args, {
        env: { ...this.baseEnv, ...options.env },
        input: options.input ?? '',
        timeoutMs: options.timeoutMs,
        maxOutputBytes: MAX_OUTPUT,
        standbyMs: options.standbyMs,
      });
    } catch (error) {
      const code = error instanceof LaunchError ? error.code : null;
      throw new SlurmUnavailableError(
        code === 'ENOENT'
          ? `${file} not found: install Slurm's client commands on this machine or set binDir`
          : `${command} could not start: ${(error as Error).message}`,
      );
    }
    if (result.timedOut) {
      throw new SlurmUnavailableError(
        `${command} did not answer within ${Math.round(options.timeoutMs / 100) / 10} s`,
      );
    }
    return {
      stdout: result.stdout,
      stderr: result.stderr,
      code: result.code ?? (result.signal ? 128 : 1),
    };
  }

  close(): Promise<void> {
    return this.launcher.close();
  }
}
