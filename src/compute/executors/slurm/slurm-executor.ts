import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from '../../../core/logger.js';
import { computeErrors, invalidSpec } from '../../compute-errors.js';
import {
  type Executor,
  type ExternalStatus,
  FINAL_STATES,
  type SubmitRequest,
  type Submitted,
} from '../../extension.js';
import { batchScript, isShellScript, outputPaths, splitEnv } from './batch-script.js';
import { SlurmRefusedError } from './cli-errors.js';
import type { SlurmPartition } from './parse-partitions.js';
import { expandOutputPattern, type SqueueRow } from './parse-squeue.js';
import type { MemoryKill, SlurmCli } from './slurm-cli.js';
import { checkAgainstPartitions, checkOptions, checkSpec, optionFlags, SpecError } from './spec-check.js';
import { arrayStatus, fromSacct, fromSqueue, merge, type Observation, toStatus } from './status.js';

export interface SlurmExecutorOptions {
  /** Partition of jobs that name none; Slurm's default partition when unset. */
  defaultPartition?: string;
  /** How long the partition list (forms, submit checks) is reused. */
  partitionsTtlMs: number;
}

/** The generated script, kept beside the outputs so that the user can rerun it by hand. */
export const SCRIPT_FILE = 'job.sbatch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isFinal = (row: SqueueRow) => FINAL_STATES.has(row.status.state);
const looksKilledForMemory = (row: SqueueRow) =>
  isFinal(row) &&
  (row.status.rawState === 'OUT_OF_MEMORY' || (row.status.rawState === 'FAILED' && row.signal === 9));

/**
 * Runs Plinth jobs on Slurm: the mapper between Plinth's jobs and the thin client. Status comes from
 * ONE squeue per poll (plus ONE sacct for jobs squeue has forgotten), never one call per job.
 */
export class SlurmExecutor implements Executor {
  readonly capabilities = { arrays: true, gpus: true, cancel: true, accounting: true };
  /** Finished tasks of arrays still running, for when squeue forgets them (MinJobAge) before the array ends. */
  private readonly finishedTasks = new Map<string, Map<string, ExternalStatus>>();
  private partitionCache?: { at: number; value: Promise<SlurmPartition[]> };

  constructor(
    readonly cli: SlurmCli,
    private readonly options: SlurmExecutorOptions,
    private readonly logger: Logger,
  ) {}

  validateOptions(options: Record<string, unknown>): void {
    checkOptions(options);
  }

  async submit(request: SubmitRequest): Promise<Submitted> {
    const { spec, jobId } = request;
    // Slurm resolves relative paths against its own working directory: give it absolute ones.
    const outputDir = this.cli.transport.isLocal ? resolve(request.outputDir) : request.outputDir;
    try {
      checkSpec(spec, outputDir);
      checkAgainstPartitions(spec, await this.partitions(), this.options.defaultPartition);
      const { publicEnv, secrets } = splitEnv(spec.env, request.env);
      const script = batchScript({
        jobId,
        spec,
        outputDir,
        partition: this.options.defaultPartition,
        env: publicEnv,
        secretNames: Object.keys(secrets),
        extraOptions: optionFlags(spec.options ?? {}),
      });
      // A python or R script cannot take export lines: then its whole environment travels with sbatch.
      const carried = isShellScript(spec) ? secrets : { ...publicEnv, PLINTH_JOB_ID: jobId, ...secrets };
      const externalId = await this.prepare(outputDir, script, () => this.cli.submit(script, carried));
      this.logger.info({ job: jobId, slurmJob: externalId }, 'Slurm job submitted');
      return { externalId, script, ...outputPaths(outputDir, externalId, Boolean(spec.array)) };
    } catch (error) {
      throw translate(error);
    }
  }

  /**
   * Makes the output folder, then submits. The folder must exist before sbatch is asked: Slurm may
   * start the job at once. The script's copy beside the outputs is for people (Slurm reads the
   * script from stdin): it is written once Slurm has the job, off the submit's path (its open,
   * write and close are three thread-pool round trips), and failing to write it only warns, since
   * the job is already queued and must not be reported as refused.
   */
  private async prepare(outputDir: string, script: string, submit: () => Promise<string>): Promise<string> {
    if (!this.cli.transport.isLocal) {
      await this.cli.makeDirectory(outputDir);
      return submit();
    }
    // One mkdir call takes microseconds; the thread pool's round trip around it took milliseconds
    // on a busy machine, on every submit's path.
    mkdirSync(outputDir, { recursive: true });
    const externalId = await submit();
    const copy = join(outputDir, SCRIPT_FILE);
    writeFile(copy, script, { mode: 0o644 }).catch((error: Error) =>
      this.logger.warn({ path: copy, error: error.message }, 'Could not keep a copy of the job script'),
    );
    return externalId;
  }

  async poll(externalIds: string[]): Promise<Map<string, ExternalStatus>> {
    const ids = [...new Set(externalIds)].filter((id) => /^\d+$/.test(id));
    const out = new Map<string, ExternalStatus>();
    if (ids.length === 0) return out;
    const queue = await this.cli.queue(ids);
    this.report(queue.problems);
    const byJob = new Map<string, SqueueRow[]>();
    for (const row of queue.rows) byJob.set(row.arrayJobId, [...(byJob.get(row.arrayJobId) ?? []), row]);
    const mode = await this.cli.accountingMode();
    const asked = ids.filter(
      (id) => !byJob.has(id) || (mode === 'slurmdbd' && (byJob.get(id) ?? []).every(isFinal)),
    );
    const accounted = await this.accounting(
      asked,
      asked.some((id) => !byJob.has(id)),
    );
    const kills = await this.memoryKills(queue.rows);
    for (const id of ids) {
      const status = this.statusOf(id, byJob.get(id) ?? [], accounted, kills);
      if (status) out.set(id, status);
    }
    return out;
  }

  private statusOf(
    id: string,
    rows: SqueueRow[],
    accounted: Map<string, Observation>,
    kills: Map<string, MemoryKill>,
  ): ExternalStatus | undefined {
    const isArray =
      rows.some((r) => r.arrayTaskId !== null) || [...accounted.keys()].some((k) => k.startsWith(`${id}_`));
    const seen = new Map(rows.map((r) => [fromSqueue(r).externalId, r] as const));
    if (!isArray) {
      const row = seen.get(id);
      const o = merge(row ? fromSqueue(row) : undefined, accounted.get(id));
      return o && toStatus(o, kills.get(o.externalId));
    }
    const keys = new Set([...seen.keys(), ...[...accounted.keys()].filter((k) => k.startsWith(`${id}_`))]);
    const cache = this.finishedTasks.get(id) ?? new Map<string, ExternalStatus>();
    for (const key of keys) {
      const row = seen.get(key);
      const o = merge(row ? fromSqueue(row) : undefined, accounted.get(key));
      if (!o) continue;
      const task = toStatus(o, kills.get(key));
      cache.set(key, task);
    }
    const tasks = [...cache.values()].sort((a, b) => taskIndex(a) - taskIndex(b));
    const status = arrayStatus(id, tasks);
    if (FINAL_STATES.has(status.state)) this.finishedTasks.delete(id);
    else this.finishedTasks.set(id, new Map([...cache].filter(([, t]) => FINAL_STATES.has(t.state))));
    return status;
  }

  /**
   * ONE sacct call. When it fails and some job is known only to accounting, the poll fails (the
   * jobs go stale rather than lost); when it was asked only for usage, the states stand without it.
   */
  private async accounting(ids: string[], needed: boolean): Promise<Map<string, Observation>> {
    const accounted = new Map<string, Observation>();
    if (ids.length === 0) return accounted;
    try {
      const { rows, problems } = await this.cli.accounting(ids);
      this.report(problems);
      for (const row of rows) accounted.set(fromSacct(row).externalId, fromSacct(row));
    } catch (error) {
      if (needed) throw error;
      this.logger.warn(
        { error: (error as Error).message },
        'Slurm accounting did not answer; usage left out',
      );
    }
    return accounted;
  }

  /** For jobs that look killed for their memory, what slurmstepd wrote in their stderr: ONE grep. */
  private async memoryKills(rows: SqueueRow[]): Promise<Map<string, MemoryKill>> {
    const byPath = new Map<string, string>();
    for (const row of rows.filter(looksKilledForMemory)) {
      if (row.stderrPattern)
        byPath.set(expandOutputPattern(row.stderrPattern, row), fromSqueue(row).externalId);
    }
    if (byPath.size === 0) return new Map();
    try {
      const found = await this.cli.memoryKills([...byPath.keys()]);
      return new Map([...found].map(([path, kill]) => [byPath.get(path) as string, kill]));
    } catch (error) {
      this.logger.warn(
        { error: (error as Error).message },
        'Could not read the stderr of jobs killed for memory',
      );
      return new Map();
    }
  }

  private report(problems: string[]): void {
    for (const problem of problems.slice(0, 5)) this.logger.warn({ problem }, 'Unreadable Slurm output line');
  }

  async cancelTask(externalId: string, index: number): Promise<void> {
    if (!/^\d+$/.test(externalId) || !Number.isInteger(index) || index < 0) return;
    await this.cli.cancel(`${externalId}_${index}`);
  }

  async cancel(externalId: string): Promise<void> {
    if (!/^\d+$/.test(externalId)) return;
    await this.cli.cancel(externalId);
    // scancel exits 0 even when nothing happened: check that the job is really on its way out.
    let live: SqueueRow[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      live = (await this.cli.queue([externalId])).rows.filter(
        (r) =>
          r.status.state === 'pending' ||
          (r.status.state === 'running' && r.status.rawState !== 'COMPLETING'),
      );
      if (live.length === 0) return;
      await sleep(150 * (attempt + 1));
    }
    throw new Error(
      `Slurm accepted the cancel of job ${externalId} but it is still ${live[0]?.status.rawState}`,
    );
  }

  /** The cluster's partitions with their limits and GPU types, for forms; cached for partitionsTtlMs. */
  async partitions(): Promise<SlurmPartition[]> {
    const now = Date.now();
    if (!this.partitionCache || now - this.partitionCache.at > this.options.partitionsTtlMs) {
      const value = this.cli.partitions().then(({ rows, problems }) => {
        this.report(problems);
        return rows;
      });
      this.partitionCache = { at: now, value };
      // A failure is not cached: the next call asks again.
      value.catch(() => {
        if (this.partitionCache?.value === value) this.partitionCache = undefined;
      });
    }
    return this.partitionCache.value;
  }

  async close(): Promise<void> {
    await this.cli.transport.close?.();
  }
}

function taskIndex(status: ExternalStatus): number {
  return Number(status.externalId.slice(status.externalId.lastIndexOf('_') + 1));
}

/** Spec problems and Slurm's refusals become 400s that name the cause; the rest means Slurm is unavailable (503). */
function translate(error: unknown): unknown {
  if (error instanceof SpecError) return invalidSpec(error.message, error);
  if (error instanceof SlurmRefusedError) {
    return computeErrors.COMPUTE_INVALID_SPEC.create([`Slurm refused the job: ${error.message}`], {
      cause: error,
    });
  }
  return error;
}
