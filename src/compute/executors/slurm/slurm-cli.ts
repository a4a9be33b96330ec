import {
  firstError,
  isUnreachable,
  SlurmCommandError,
  SlurmRefusedError,
  SlurmUnavailableError,
} from './cli-errors.js';
import { parsePartitions, SINFO_FORMAT, type SlurmPartition } from './parse-partitions.js';
import { parseSacct, SACCT_FIELDS, SACCT_JOBCOMP_FIELDS, type SacctRow } from './parse-sacct.js';
import { parseSbatchId, sbatchRefusal } from './parse-sbatch.js';
import { type ParseResult, parseSqueue, SQUEUE_FORMAT, type SqueueRow } from './parse-squeue.js';
import type { RunResult, Transport } from './transport.js';

/** Where finished jobs are read from: slurmdbd (`sacct`), the jobcomp/filetxt file (`sacct -c`), or nowhere. */
export type AccountingMode = 'slurmdbd' | 'jobcomp' | 'none';

export interface SlurmCliOptions {
  /** Longest wait for squeue and sacct; past it, Slurm counts as unavailable and the poll fails. */
  pollTimeoutMs: number;
  /** Longest wait for sbatch, scancel, scontrol and sinfo. */
  commandTimeoutMs: number;
  /** `auto` asks `scontrol show config` once. */
  accounting: AccountingMode | 'auto';
  /**
   * While submits keep coming, the next sbatch is started ahead and waits for its script on
   * stdin: its start (exec, libraries, slurm.conf) is about half of a submit. A pause this long
   * ends it (default 15 s); 0 starts every sbatch afresh.
   */
  sbatchStandbyMs?: number;
}

export interface MemoryKill {
  usedMb: number;
  limitMb: number;
}

// Unix seconds in every time stamp: Slurm's default is the cluster's local time without a zone.
const ENV = { SLURM_TIME_FORMAT: '%s' };
const MB = 1024 * 1024;
const SBATCH_STANDBY_MS = 15_000;

/** How `scontrol show config` says finished jobs are kept: slurmdbd, the jobcomp/filetxt file, or not at all. */
export function accountingModeOf(config: string): AccountingMode {
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(config)?.[1] ?? '';
  if (value('AccountingStorageType').endsWith('/slurmdbd')) return 'slurmdbd';
  return value('JobCompType').endsWith('/filetxt') ? 'jobcomp' : 'none';
}

/**
 * The thin client: runs Slurm's commands through a transport and parses what they print. Errors
 * are its own (SlurmUnavailableError, SlurmRefusedError, SlurmCommandError); the executor maps them.
 */
export class SlurmCli {
  private mode?: AccountingMode;

  constructor(
    readonly transport: Transport,
    private readonly options: SlurmCliOptions,
  ) {}

  private async run(
    argv: string[],
    timeoutMs: number,
    input?: string,
    env?: Record<string, string>,
    standbyMs?: number,
  ) {
    // sbatch gets only the secrets: its environment is the job's, and a job's own squeue should print as usual.
    const result = await this.transport.run(argv, { input, env: env ?? ENV, timeoutMs, standbyMs });
    if (result.code !== 0 && isUnreachable(result.stderr)) {
      throw new SlurmUnavailableError(`${argv[0]}: ${firstError(result.stderr)}`);
    }
    return result;
  }

  private failure(argv: string[], result: RunResult): SlurmCommandError {
    const said = firstError(result.stderr) || result.stdout.trim().slice(0, 300);
    return new SlurmCommandError(`${argv[0]} exited with ${result.code}${said ? `: ${said}` : ''}`);
  }

  /** Submits a batch script (on stdin); `env` is the secrets sbatch passes on to the job. Returns the job id. */
  async submit(script: string, env: Record<string, string>): Promise<string> {
    const argv = ['sbatch', '--parsable'];
    // A job's own variables make its sbatch unlike the next one's: only those without start ahead.
    const standby = this.options.sbatchStandbyMs ?? SBATCH_STANDBY_MS;
    const standbyMs = Object.keys(env).length === 0 && standby > 0 ? standby : undefined;
    const result = await this.run(argv, this.options.commandTimeoutMs, script, env, standbyMs);
    if (result.code !== 0) throw new SlurmRefusedError(sbatchRefusal(result.stderr));
    const id = parseSbatchId(result.stdout);
    if (!id) throw new SlurmCommandError(`sbatch printed no job id: ${result.stdout.trim().slice(0, 200)}`);
    return id;
  }

  /** ONE squeue call for all the ids: every job and array task Slurm still holds, finished ones included. */
  async queue(ids: string[]): Promise<ParseResult<SqueueRow>> {
    if (ids.length === 0) return { rows: [], problems: [] };
    const argv = ['squeue', '-h', '-t', 'all', '-r', '-j', ids.join(','), '-O', SQUEUE_FORMAT];
    const result = await this.run(argv, this.options.pollTimeoutMs);
    if (result.code !== 0) {
      // When none of the ids is known any more, squeue says so and exits 1.
      if (/Invalid job id specified/i.test(result.stderr)) return { rows: [], problems: [] };
      throw this.failure(argv, result);
    }
    return parseSqueue(result.stdout);
  }

  /** How this cluster keeps finished jobs, asked once. */
  async accountingMode(): Promise<AccountingMode> {
    if (this.options.accounting !== 'auto') return this.options.accounting;
    if (this.mode) return this.mode;
    const argv = ['scontrol', 'show', 'config'];
    const result = await this.run(argv, this.options.commandTimeoutMs);
    if (result.code !== 0) throw this.failure(argv, result);
    this.mode = accountingModeOf(result.stdout);
    return this.mode;
  }

  /** ONE sacct call for jobs squeue no longer shows (or, with slurmdbd, whose usage is wanted). */
  async accounting(ids: string[]): Promise<ParseResult<SacctRow>> {
    if (ids.length === 0) return { rows: [], problems: [] };
    const mode = await this.accountingMode();
    if (mode === 'none') return { rows: [], problems: [] };
    const fields = mode === 'slurmdbd' ? SACCT_FIELDS : SACCT_JOBCOMP_FIELDS;
    const argv = [
      'sacct',
      ...(mode === 'jobcomp' ? ['-c'] : []),
      '-P',
      '-n',
      '-j',
      ids.join(','),
      '-o',
      fields.join(','),
    ];
    const result = await this.run(argv, this.options.pollTimeoutMs);
    if (result.code !== 0) throw this.failure(argv, result);
    return parseSacct(result.stdout, fields);
  }

  /** Cancels a job or a whole array. An id Slurm does not know is not an error. */
  async cancel(id: string): Promise<void> {
    const argv = ['scancel', id];
    const result = await this.run(argv, this.options.commandTimeoutMs);
    if (result.code === 0 || /Invalid job id specified/i.test(result.stderr)) return;
    throw new SlurmRefusedError(firstError(result.stderr) || `scancel exited with ${result.code}`);
  }

  /** Partitions with their limits and what their nodes offer (two calls: scontrol and sinfo). */
  async partitions(): Promise<ParseResult<SlurmPartition>> {
    const show = ['scontrol', 'show', 'partition', '-o'];
    const info = ['sinfo', '-h', '-a', '-o', SINFO_FORMAT];
    const [a, b] = await Promise.all([
      this.run(show, this.options.commandTimeoutMs),
      this.run(info, this.options.commandTimeoutMs),
    ]);
    if (a.code !== 0) throw this.failure(show, a);
    if (b.code !== 0) throw this.failure(info, b);
    return parsePartitions(a.stdout, b.stdout);
  }

  /**
   * What slurmstepd wrote when it killed jobs for their memory (jobacct_gather's
   * `exceeded memory limit (USED > LIMIT)`), read from their stderr files in ONE grep.
   */
  async memoryKills(paths: string[]): Promise<Map<string, MemoryKill>> {
    const kills = new Map<string, MemoryKill>();
    if (paths.length === 0) return kills;
    const argv = [
      'grep',
      '-H',
      '-s',
      '-m',
      '1',
      '-o',
      '-E',
      'exceeded memory limit \\([0-9]+ > [0-9]+\\)',
      '--',
      ...paths,
    ];
    const result = await this.transport.run(argv, { timeoutMs: this.options.commandTimeoutMs });
    for (const line of result.stdout.split('\n')) {
      const match = /^(.*):exceeded memory limit \((\d+) > (\d+)\)$/.exec(line);
      if (match) {
        kills.set(match[1] as string, { usedMb: Number(match[2]) / MB, limitMb: Number(match[3]) / MB });
      }
    }
    return kills;
  }

  /** Makes a folder where the jobs run (over SSH; a local transport's caller writes directly). */
  async makeDirectory(path: string): Promise<void> {
    const argv = ['mkdir', '-p', '--', path];
    const result = await this.transport.run(argv, { timeoutMs: this.options.commandTimeoutMs });
    if (result.code !== 0) throw this.failure(argv, result);
  }
}
