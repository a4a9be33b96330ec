import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { constants, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../core/logger.js';
import { arrayIndices } from '../../array-range.js';
import type { Executor, ExternalStatus, Partition, SubmitRequest, Submitted } from '../../extension.js';
import type { JobSpec } from '../../job-spec.js';
import { commandLine } from '../../shell-quote.js';
import { hiddenPaths, type Isolation } from './isolation.js';
import { sandboxArgs } from './sandbox-args.js';
import { commandScript, FILES, isUnitAlive, markOutcome, readUnit, writeUnit } from './unit-files.js';
import { aggregateState, unitState } from './unit-state.js';
import { checkWorkingDirectory } from './working-directory.js';

export interface LocalExecutorConfig {
  /** Where job folders live (`<root>/<jobId>`). */
  root: string;
  /** CPU slots shared by all local jobs; default: the machine's cores. */
  maxCpus?: number;
  /** Whether jobs run as their own user in a sandbox; as Plinth's own user when absent. */
  isolation?: Isolation;
  /** Plinth's own paths, hidden from sandboxed jobs and refused as their working directory. */
  protectedPaths?: string[];
  /** Whether sandboxed jobs reach the network (default: yes). */
  network?: boolean;
}

interface Unit {
  jobId: string;
  index: number | null;
  dir: string;
  cpus: number;
  timeLimitMs?: number;
  env: Record<string, string>;
  status: 'queued' | 'running' | 'done';
  child?: ChildProcess;
  pid?: number;
  timer?: NodeJS.Timeout;
  signal?: number | null;
  lost?: boolean;
}

interface LocalJob {
  id: string;
  units: Unit[];
  /** At most this many tasks of the array at once (`0-9%2`). */
  throttle: number;
}

// Jobs get a clean environment: the server's own (secret key, database URL) must not leak into them.
const PASSED_THROUGH = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'USER', 'TMPDIR'];
const GRACE_MS = 5000;

function baseEnv(): Record<string, string> {
  return Object.fromEntries(
    PASSED_THROUGH.flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])),
  );
}

function timeLimitMs(spec: JobSpec): number | undefined {
  const seconds = spec.options?.timeLimitSeconds;
  if (typeof seconds === 'number') return seconds * 1000;
  const minutes = spec.resources?.timeLimitMinutes;
  return minutes ? minutes * 60_000 : undefined;
}

/**
 * Runs jobs as child processes of the Plinth host: a CPU-slot queue, a time limit per task,
 * stdout/stderr to files, cancel by process group. Each task's folder records its start and exit,
 * so after a restart running tasks are found again and finished ones are read back.
 */
export class LocalExecutor implements Executor {
  readonly capabilities = { arrays: true, gpus: false, cancel: true, accounting: false };
  private readonly jobs = new Map<string, LocalJob>();
  private readonly queue: Unit[] = [];
  private readonly maxCpus: number;
  private usedCpus = 0;
  private closed = false;

  constructor(
    private readonly config: LocalExecutorConfig,
    private readonly logger: Logger,
  ) {
    this.maxCpus = config.maxCpus ?? cpus().length;
  }

  /** Members may use this executor only when its jobs cannot reach Plinth's secrets. */
  isolation(): { members: boolean; reason: string } {
    const { isolation } = this.config;
    return isolation ?? { members: false, reason: "Local jobs run as Plinth's own OS user." };
  }

  validateSpec(spec: JobSpec): void {
    if (spec.workingDirectory !== undefined)
      checkWorkingDirectory(
        spec.workingDirectory,
        this.config.isolation?.user,
        this.config.protectedPaths ?? [],
      );
  }

  validateOptions(options: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(options)) {
      if (key !== 'timeLimitSeconds')
        throw new Error(`options.${key}: the local executor has no such option`);
      if (!Number.isInteger(value) || (value as number) < 1) {
        throw new Error('options.timeLimitSeconds: must be a whole number of seconds, at least 1');
      }
    }
  }

  async submit(request: SubmitRequest): Promise<Submitted> {
    const { spec, outputDir, env } = request;
    this.validateSpec(spec);
    const indices = spec.array ? arrayIndices(spec.array) : [null];
    const workDir = this.prepareFolders(outputDir, request.shared ?? []);
    const job = this.createJob(request.jobId, outputDir, spec, env, indices);
    const cwd = spec.workingDirectory ?? workDir;
    for (const unit of job.units) {
      const launch = this.launchLine(unit.dir, cwd, [workDir, ...(request.shared ?? [])]);
      writeUnit(unit.dir, spec, { spec, index: unit.index }, launch);
    }
    this.jobs.set(job.id, job);
    this.queue.push(...job.units);
    this.pump();
    const first = job.units[0] as Unit;
    const stdout = spec.array
      ? join(outputDir, 'tasks', '{task}', FILES.stdout)
      : join(first.dir, FILES.stdout);
    return {
      externalId: request.jobId,
      script: commandScript(spec),
      stdoutPath: stdout,
      stderrPath: stdout.replace(FILES.stdout, FILES.stderr),
    };
  }

  /**
   * The job's folder is Plinth's (its records and logs); the job writes in its `work` folder, owned
   * by the job's user, and in the shared folders it was given (a sweep's parameters and metrics).
   */
  private prepareFolders(outputDir: string, shared: string[]): string {
    const workDir = join(outputDir, 'work');
    mkdirSync(outputDir, { recursive: true, mode: 0o700 });
    mkdirSync(workDir, { recursive: true, mode: 0o700 });
    const user = this.config.isolation?.user;
    if (user) {
      for (const dir of [workDir, ...shared]) {
        chownSync(dir, user.uid, user.gid);
        chmodSync(dir, 0o700);
      }
    }
    return workDir;
  }

  /** The shell line that starts the job: in its sandbox as its own user, or as a plain child. */
  private launchLine(dir: string, cwd: string, writable: string[]): string {
    const command = join(dir, FILES.command);
    const { isolation, protectedPaths = [], network = true } = this.config;
    if (!isolation?.user) return `(cd ${commandLine([cwd])} && exec ${commandLine([command])})`;
    const { uid, gid } = isolation.user;
    const binds = [
      ...writable.map((path) => ({ path, writable: true })),
      { path: command, writable: false },
      ...(cwd === writable[0] ? [] : [{ path: cwd, writable: true }]),
    ];
    const plan = { uid, gid, hide: hiddenPaths(protectedPaths), binds, cwd, network };
    return commandLine(['bwrap', ...sandboxArgs(plan, [command])]);
  }

  private createJob(
    id: string,
    outputDir: string,
    spec: JobSpec,
    env: Record<string, string>,
    indices: (number | null)[],
  ): LocalJob {
    const throttle = Number(spec.array?.split('%')[1] ?? Number.POSITIVE_INFINITY);
    const cpusWanted = Math.min(spec.resources?.cpus ?? 1, this.maxCpus);
    const units = indices.map((index) => ({
      jobId: id,
      index,
      dir: index === null ? outputDir : join(outputDir, 'tasks', String(index)),
      cpus: cpusWanted,
      timeLimitMs: timeLimitMs(spec),
      env: {
        ...baseEnv(),
        ...this.userEnv(outputDir),
        ...env,
        PLINTH_JOB_ID: id,
        ...(index === null
          ? {}
          : { PLINTH_ARRAY_TASK_ID: String(index), SLURM_ARRAY_TASK_ID: String(index) }),
      },
      status: 'queued' as const,
    }));
    return { id, units, throttle };
  }

  /** Who a sandboxed job is: its own user, at home in its work folder. */
  private userEnv(outputDir: string): Record<string, string> {
    const user = this.config.isolation?.user;
    if (!user) return {};
    return { HOME: join(outputDir, 'work'), USER: user.name, LOGNAME: user.name, TMPDIR: '/tmp' };
  }

  /** This machine as one partition: its cores (as configured) and its memory. */
  async partitions(): Promise<Partition[]> {
    return [
      {
        name: 'local',
        isDefault: true,
        state: 'up',
        maxTimeMinutes: null,
        defaultTimeMinutes: null,
        nodes: 1,
        totalCpus: this.maxCpus,
        maxCpusPerNode: this.maxCpus,
        maxMemoryMbPerNode: Math.floor(totalmem() / 1024 / 1024),
        maxMemoryMbPerCpu: null,
        defaultMemoryMbPerCpu: null,
        gpus: [],
      },
    ];
  }

  /** Stops starting queued work; running jobs go on and are found again by the next instance. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values())
      for (const unit of job.units) if (unit.timer) clearTimeout(unit.timer);
  }

  /** Starts queued units, oldest first, while CPU slots (and each array's throttle) allow. */
  private pump(): void {
    if (this.closed) return;
    for (const unit of [...this.queue]) {
      if (this.usedCpus + unit.cpus > this.maxCpus) break;
      const job = this.jobs.get(unit.jobId);
      if (job && job.units.filter((u) => u.status === 'running').length >= job.throttle) continue;
      this.queue.splice(this.queue.indexOf(unit), 1);
      this.start(unit);
    }
  }

  private start(unit: Unit): void {
    const out = openSync(join(unit.dir, FILES.stdout), 'a');
    const err = openSync(join(unit.dir, FILES.stderr), 'a');
    const child = spawn(join(unit.dir, FILES.wrapper), [], {
      cwd: unit.dir,
      env: unit.env,
      detached: true,
      stdio: ['ignore', out, err],
    });
    closeSync(out);
    closeSync(err);
    unit.status = 'running';
    unit.child = child;
    unit.pid = child.pid;
    this.usedCpus += unit.cpus;
    if (child.pid) writeFileSync(join(unit.dir, FILES.pid), String(child.pid));
    if (unit.timeLimitMs) unit.timer = setTimeout(() => this.kill(unit, 'timeout'), unit.timeLimitMs);
    child.on('error', (error) =>
      this.logger.warn({ err: error, job: unit.jobId }, 'Local job could not start'),
    );
    child.on('exit', (_code, signal) =>
      this.finished(unit, signal ? (constants.signals[signal] ?? null) : null),
    );
  }

  private finished(unit: Unit, signal: number | null): void {
    if (unit.status !== 'running') return;
    unit.status = 'done';
    unit.signal = signal;
    if (unit.timer) clearTimeout(unit.timer);
    this.usedCpus -= unit.cpus;
    this.pump();
  }

  private kill(unit: Unit, outcome: 'cancelled' | 'timeout'): void {
    markOutcome(unit.dir, outcome);
    if (unit.status === 'queued') {
      this.queue.splice(this.queue.indexOf(unit), 1);
      unit.status = 'done';
      return;
    }
    if (unit.status !== 'running' || !unit.pid) return;
    const pid = unit.pid;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-pid, name); // the whole process group: the job and everything it started
      } catch {
        // Already gone.
      }
    };
    signal('SIGTERM');
    setTimeout(() => signal('SIGKILL'), GRACE_MS).unref();
    // A unit adopted after a restart is not our child: nobody else will notice it end.
    if (!unit.child) this.finished(unit, 15);
  }

  async cancel(externalId: string): Promise<void> {
    const job = this.jobs.get(externalId) ?? this.recover(externalId);
    for (const unit of job?.units ?? []) if (unit.status !== 'done') this.kill(unit, 'cancelled');
  }

  async cancelTask(externalId: string, index: number): Promise<void> {
    const job = this.jobs.get(externalId) ?? this.recover(externalId);
    for (const unit of job?.units ?? [])
      if (unit.index === index && unit.status !== 'done') this.kill(unit, 'cancelled');
  }

  async poll(externalIds: string[]): Promise<Map<string, ExternalStatus>> {
    const out = new Map<string, ExternalStatus>();
    for (const id of externalIds) {
      const job = this.jobs.get(id) ?? this.recover(id);
      if (job) out.set(id, this.status(job));
    }
    return out;
  }

  private unitStatus(unit: Unit): ExternalStatus {
    const files = readUnit(unit.dir);
    if (unit.status === 'running' && !unit.child && unit.pid && !isUnitAlive(unit.pid, unit.dir))
      this.finished(unit, null);
    const state = unitState({
      queued: unit.status === 'queued',
      running: unit.status === 'running',
      exitCode: files.exitCode,
      outcome: files.outcome,
      lost:
        unit.lost ||
        (unit.status === 'done' &&
          files.exitCode === undefined &&
          !files.outcome &&
          unit.signal === undefined),
    });
    return {
      externalId: unit.index === null ? unit.jobId : `${unit.jobId}_${unit.index}`,
      state,
      exitCode: files.exitCode ?? null,
      signal: unit.signal ?? null,
      startedAt: files.startedAt ?? null,
      endedAt:
        files.endedAt ?? (state !== 'running' && state !== 'pending' ? new Date().toISOString() : null),
      node: 'localhost',
    };
  }

  private status(job: LocalJob): ExternalStatus {
    const units = job.units.map((u) => ({ ...this.unitStatus(u), index: u.index }));
    if (units.length === 1 && units[0]?.index === null) {
      const { index: _index, ...single } = units[0];
      return { ...single, externalId: job.id };
    }
    const tasks = units.map(({ index: _index, ...t }) => t);
    const starts = tasks
      .map((t) => t.startedAt)
      .filter((s): s is string => Boolean(s))
      .sort();
    const ends = tasks
      .map((t) => t.endedAt)
      .filter((s): s is string => Boolean(s))
      .sort();
    const state = aggregateState(tasks);
    const failed = tasks.find((t) => t.exitCode !== null && t.exitCode !== 0);
    return {
      externalId: job.id,
      state,
      exitCode: failed?.exitCode ?? (state === 'succeeded' ? 0 : null),
      startedAt: starts[0] ?? null,
      endedAt: state === 'running' || state === 'pending' ? null : (ends[ends.length - 1] ?? null),
      node: 'localhost',
      tasks,
    };
  }

  /** Rebuilds a job from its folder after a restart: finished, still running (adopted), or queued again. */
  private recover(id: string): LocalJob | undefined {
    const root = join(this.config.root, id);
    const top = readUnit(root);
    const tasksDir = join(root, 'tasks');
    const spec = top.request ? (JSON.parse(top.request).spec as JobSpec) : undefined;
    if (!spec && !existsSync(tasksDir)) return undefined;
    const request = spec ?? (JSON.parse(readUnit(join(tasksDir, '0')).request ?? '{}').spec as JobSpec);
    if (!request) return undefined;
    const indices = request.array ? arrayIndices(request.array) : [null];
    const job = this.createJob(id, root, request, request.env ?? {}, indices);
    for (const unit of job.units) this.adopt(unit);
    this.jobs.set(id, job);
    this.pump();
    this.logger.info({ job: id }, 'Local job recovered after a restart');
    return job;
  }

  private adopt(unit: Unit): void {
    const files = readUnit(unit.dir);
    if (files.exitCode !== undefined || files.outcome) {
      unit.status = 'done';
    } else if (files.pid && isUnitAlive(files.pid, unit.dir)) {
      unit.status = 'running';
      unit.pid = files.pid;
      this.usedCpus += unit.cpus;
      if (unit.timeLimitMs && files.startedAt) {
        const left = Date.parse(files.startedAt) + unit.timeLimitMs - Date.now();
        unit.timer = setTimeout(() => this.kill(unit, 'timeout'), Math.max(0, left));
      }
    } else if (files.startedAt || files.pid) {
      unit.status = 'done';
      unit.lost = true;
    } else {
      this.queue.push(unit);
    }
  }
}
