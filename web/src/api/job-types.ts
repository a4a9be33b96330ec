// The jobs contract, typed from the server's own TypeBox schemas (types only: nothing of the
// server is bundled into the portal).
import type { Type } from 'typebox';
import type { JobSpec, Resources } from '../../../src/compute/job-spec.js';
import type {
  ExecutorInfo,
  Job,
  JobDetail as JobDetailSchema,
  LogChunk as LogChunkSchema,
  PartitionView,
  TaskView,
} from '../../../src/compute/schemas.js';

export type { Job, JobSpec, Resources };
export type JobDetail = Type.Static<typeof JobDetailSchema>;
export type JobState = Job['state'];
export type JobTask = Type.Static<typeof TaskView>;
export type LogChunk = Type.Static<typeof LogChunkSchema>;
/** A queue or partition of an executor, with the most a job may ask for there. */
export type Partition = Type.Static<typeof PartitionView>;

/** What an executor can do; the portal asks these, never the executor's name. */
export interface ExecutorCapabilities {
  arrays: boolean;
  gpus: boolean;
  cancel: boolean;
  accounting: boolean;
}

/** One executor the platform offers, with its capabilities read as booleans. */
export type Executor = Omit<Type.Static<typeof ExecutorInfo>, 'capabilities'> & {
  capabilities: ExecutorCapabilities;
};

/** An executor offered to the person's teams that only Keepers may use here, and why. */
export interface ClosedExecutor {
  name: string;
  reason: string;
}

/** Whose jobs a list shows: mine, my teams', or everyone's (Keepers). */
export type JobScope = 'mine' | 'team' | 'all';

/** Filters of the jobs list; every one is also a key of the Compute page URL. */
export interface JobFilters {
  scope?: JobScope;
  state?: JobState;
  executor?: string;
  label?: string;
  team?: string;
}

/** Which log of a job: its stdout or stderr, of one array task. */
export type LogStream = 'stdout' | 'stderr';
