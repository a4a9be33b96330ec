import { extensionPoint } from '../core/extension.js';
import type { JobSpec } from './job-spec.js';

/** The states common to every executor. */
export const JOB_STATES = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timeout',
  'lost',
] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FINAL_STATES: ReadonlySet<JobState> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'timeout',
  'lost',
]);

/** What Plinth hands an executor to start: the validated spec plus where to put outputs. */
export interface SubmitRequest {
  /** Plinth's job id (for names and paths). */
  jobId: string;
  spec: JobSpec;
  /** A folder reserved for this job's outputs (stdout, stderr, generated script). */
  outputDir: string;
  /** The environment with secrets resolved; never logged. */
  env: Record<string, string>;
  /**
   * Folders besides its own that the job reads and writes (a sweep's parameter and metric files);
   * an executor that isolates jobs must let the job reach them.
   */
  shared?: string[];
}

export interface Submitted {
  /** The executor's own id (Slurm job id, local pid-based id...). */
  externalId: string;
  /** The script the executor generated, shown to the user. */
  script?: string;
  stdoutPath: string;
  stderrPath: string;
}

/** What an executor knows about one job (or one array task) at a poll. */
export interface ExternalStatus {
  externalId: string;
  state: JobState;
  /** The executor's own words for the state (e.g. Slurm's OUT_OF_MEMORY), for explanations. */
  rawState?: string;
  reason?: string;
  exitCode?: number | null;
  signal?: number | null;
  startedAt?: string | null;
  endedAt?: string | null;
  node?: string | null;
  /** Array tasks, by index, when the job is an array. */
  tasks?: ExternalStatus[];
  usage?: { cpuSeconds?: number; maxRssMb?: number; elapsedSeconds?: number };
  /** Why it ended, in plain words, when the executor knows better than the generic words. */
  explanation?: string;
}

/** A queue or partition an executor offers, with the most a job may ask for there (for forms). */
export interface Partition {
  name: string;
  isDefault: boolean;
  /** Only `up` partitions start jobs. */
  state: string;
  maxTimeMinutes: number | null;
  defaultTimeMinutes: number | null;
  nodes: number;
  totalCpus: number;
  maxCpusPerNode: number;
  maxMemoryMbPerNode: number;
  maxMemoryMbPerCpu: number | null;
  defaultMemoryMbPerCpu: number | null;
  gpus: { type: string | null; maxPerNode: number }[];
}

/**
 * An engine that runs jobs. Status comes from ONE bulk `poll` per cycle, whatever the number
 * of jobs; an id the executor no longer knows is absent from the result (Plinth marks it lost).
 */
export interface Executor {
  readonly capabilities: { arrays: boolean; gpus: boolean; cancel: boolean; accounting: boolean };
  /** Refuses executor-specific options it does not understand, with the field named. */
  validateOptions?(options: Record<string, unknown>): void;
  /** Refuses what this engine cannot run (a working directory it cannot reach), with the field named. */
  validateSpec?(spec: JobSpec): void;
  /**
   * Whether members' jobs run outside Plinth's trust boundary. When not, only Keepers may use the
   * executor, and `reason` tells everyone why. Absent: jobs run under the engine's own identities.
   */
  isolation?(): { members: boolean; reason: string };
  submit(request: SubmitRequest): Promise<Submitted>;
  poll(externalIds: string[]): Promise<Map<string, ExternalStatus>>;
  /** Cancels; an unknown or finished id is not an error. */
  cancel(externalId: string): Promise<void>;
  /** Cancels one task of an array job (a sweep's trial stopped early); the others run on. */
  cancelTask?(externalId: string, index: number): Promise<void>;
  /** What a job may ask for, read from the engine itself (cached by the executor). */
  partitions?(): Promise<Partition[]>;
  close?(): Promise<void>;
}

export const executorPoint = extensionPoint<Executor>('compute.executor');
